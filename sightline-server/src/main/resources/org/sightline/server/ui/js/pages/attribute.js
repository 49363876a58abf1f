import { post } from '../api.js';
import { el, objectLink, section, table } from '../dom.js';

const list = value => value.split(',').map(v => v.trim()).filter(v => v);

/** Who is behind an intrusion: a campaign, report or grouping by name or id, or one described by what it showed. */
export function attributePage() {
  const field = (id, placeholder, size) => el('input', { type: 'text', id, placeholder, size: size || '40' });
  const intrusion = field('attr-intrusion', 'Operation Cloud Hopper, SolarWinds Compromise or an id');
  const techniques = field('attr-techniques', 'T1566.001, T1021.001');
  const software = field('attr-software', 'S0153, S0002');
  const sectors = field('attr-sectors', 'technology, government', '30');
  const countries = field('attr-countries', 'JP, US', '12');
  const from = el('input', { type: 'date', id: 'attr-from' });
  const to = el('input', { type: 'date', id: 'attr-to' });
  const indicators = el('textarea', { id: 'attr-indicators', rows: '3', cols: '50', placeholder: "one per line: evil.example, 203.0.113.7 or [domain-name:value = 'x']" });
  const status = el('p', { id: 'attr-status', role: 'status', 'aria-live': 'polite' });
  const result = el('div', { id: 'attr-result' });
  const form = el('form', { class: 'card', id: 'attr-form', onsubmit: async event => {
    event.preventDefault();
    const body = intrusion.value.trim() ? { intrusion: intrusion.value.trim() } : {
      techniques: list(techniques.value), software: list(software.value), sectors: list(sectors.value), countries: list(countries.value),
      from: from.value || undefined, to: to.value || undefined, indicators: indicators.value.split('\n').map(v => v.trim()).filter(v => v) };
    status.textContent = 'Weighing…';
    result.replaceChildren();
    try {
      result.replaceChildren(ranking(await post('/api/v1/attribute', body)));
      status.textContent = 'Done.';
    } catch (error) {
      status.textContent = '';
      result.replaceChildren(el('p', { class: 'error', role: 'alert' }, error.message));
    }
    result.dataset.done = String(Date.now()); // tests know the answer is drawn
  } },
    el('p', {}, el('label', { for: 'attr-intrusion' }, 'Campaign, report or grouping: '), intrusion),
    el('p', { class: 'muted' }, 'or describe what it showed:'),
    el('p', {}, el('label', { for: 'attr-techniques' }, 'Techniques: '), techniques, ' ', el('label', { for: 'attr-software' }, 'Software: '), software),
    el('p', {}, el('label', { for: 'attr-sectors' }, 'Sectors: '), sectors, ' ', el('label', { for: 'attr-countries' }, 'Countries: '), countries, ' ',
      el('label', { for: 'attr-from' }, 'From: '), from, ' ', el('label', { for: 'attr-to' }, 'To: '), to),
    el('p', {}, el('label', { for: 'attr-indicators' }, 'Indicators: '), indicators),
    el('button', { type: 'submit' }, 'Attribute'), status);
  return el('div', {}, el('h1', {}, 'Attribution'),
    el('p', {}, 'Ranks the actors the knowledge base knows by how well everything the intrusion showed fits them, with a probability, ',
      'its ICD 203 words and one reason per factor. A factor with nothing to compare for an actor is shown as unused and moves nothing.'),
    form, result);
}

function ranking(answer) {
  const given = answer.factors_given;
  return section(`Who is behind ${answer.intrusion}`,
    el('p', { class: 'muted' }, `Weighed: ${given.join(', ')}.`, answer.unknown.length ? ` Not in the catalogue: ${answer.unknown.join(', ')}.` : ''),
    table(['#', 'Actor', 'Probability', 'Why'], answer.candidates.map((c, i) => [
      String(i + 1), el('span', {}, objectLink(c.id, c.name), c.external_id ? ` [${c.external_id}]` : ''),
      `${(100 * c.probability).toFixed(1)} % (${c.words})`,
      el('ul', { class: 'reasons' }, c.factors.filter(f => f.used || given.includes(f.name)).map(f => el('li', { class: f.used ? '' : 'muted' },
        `${f.name}: ${f.used ? (f.weight >= 0 ? '+' : '') + f.weight.toFixed(2) + ' · ' : 'unused · '}${f.reason}`)))])));
}
