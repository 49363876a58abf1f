import { post } from '../api.js';
import { el, objectLink, section, table } from '../dom.js';

/** Screen a name, or the whole knowledge base, against the sanctions and indictment lists: each match with its score and reasons. */
export function screeningPage() {
  const name = el('input', { type: 'text', id: 'screen-name', required: 'required', placeholder: 'ZHANG Shi-long, Huaying Haitai …' });
  const type = el('select', { id: 'screen-type' }, el('option', { value: '' }, 'any'), el('option', { value: 'person' }, 'person'),
    el('option', { value: 'organization' }, 'organization'));
  const country = el('input', { type: 'text', id: 'screen-country', size: '4', placeholder: 'CN' });
  const birth = el('input', { type: 'text', id: 'screen-birth', size: '10', placeholder: '1980' });
  const identifier = el('input', { type: 'text', id: 'screen-identifier', placeholder: 'passport or registration no.' });
  const threshold = el('input', { type: 'number', id: 'screen-threshold', min: '0.05', max: '1', step: '0.05', value: '0.8' });
  const status = el('p', { id: 'screen-status', role: 'status', 'aria-live': 'polite' });
  const result = el('div', { id: 'screen-result' });
  const run = async body => {
    status.textContent = 'Screening…';
    result.replaceChildren();
    try {
      const answer = await post('/api/v1/screen', { ...body, threshold: Number(threshold.value) });
      result.replaceChildren(body.all ? knowledgeBase(answer) : matches(answer));
      status.textContent = 'Done.';
    } catch (error) {
      status.textContent = '';
      result.replaceChildren(el('p', { class: 'error', role: 'alert' }, error.message));
    }
    result.dataset.done = String(Date.now()); // tests know the answer is drawn
  };
  const form = el('form', { class: 'card', id: 'screen-form', onsubmit: event => {
    event.preventDefault();
    run({ name: name.value, type: type.value || undefined, country: country.value || undefined,
      birth_date: birth.value || undefined, identifier: identifier.value || undefined });
  } },
    el('p', {}, el('label', { for: 'screen-name' }, 'Name: '), name, ' ', el('label', { for: 'screen-type' }, 'Kind: '), type),
    el('p', {}, el('label', { for: 'screen-country' }, 'Country: '), country, ' ', el('label', { for: 'screen-birth' }, 'Born: '), birth, ' ',
      el('label', { for: 'screen-identifier' }, 'Identifier: '), identifier, ' ', el('label', { for: 'screen-threshold' }, 'Least score: '), threshold),
    el('button', { type: 'submit' }, 'Screen'), ' ',
    el('button', { type: 'button', id: 'screen-all', onclick: () => run({ all: true }) }, 'Screen the whole knowledge base'), status);
  return el('div', {}, el('h1', {}, 'Screening'),
    el('p', {}, 'A person or company against every sanctions and indictment list loaded, in any word order, spelling or script. ',
      'Country, birth year and an identifier sharpen the score.'), form, result);
}

function matches(answer) {
  const lists = Object.entries(answer.lists).map(([list, count]) => `${list} (${count})`).join(', ');
  if (answer.matches.length === 0) return section('No match', el('p', {}, `Nothing at or above the threshold among ${answer.entries_screened} entries: ${lists}.`));
  return section(`${answer.matches.length} match${answer.matches.length === 1 ? '' : 'es'} for “${answer.query}”`,
    el('p', { class: 'muted' }, `Screened against ${answer.entries_screened} entries: ${lists}.`), matchTable(answer.matches));
}

function matchTable(found) {
  return el('div', { class: 'screening' }, table(['Score', 'Listed as', 'List', 'Countries', 'Programmes', 'Why'], found.map(m => [
    m.score.toFixed(3), objectLink(m.id, m.name), m.list, m.countries.join(', '), m.programs.join('; '),
    el('ul', { class: 'reasons' }, m.reasons.map(reason => el('li', {}, reason)))])));
}

function knowledgeBase(answer) {
  if (answer.flagged.length === 0) return section('Nothing flagged', el('p', {}, `None of the ${answer.screened} people, organisations and threat actors matches a list entry.`));
  return section(`${answer.flagged.length} of ${answer.screened} people, organisations and threat actors match a list entry`,
    answer.flagged.map(f => el('div', { class: 'flagged' }, el('h3', {}, objectLink(f.id, f.name), ` (${f.kind || 'identity'})`), matchTable(f.matches))));
}
