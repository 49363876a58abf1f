import { get, saveBlob } from '../api.js';
import { el, hrefFor, section, table } from '../dom.js';

const FORMATS = [
  ['zeek-intel', 'Zeek Intel framework file'],
  ['suricata-dataset', 'Suricata datasets and the rules that use them'],
  ['suricata-rules', 'One Suricata rule per value'],
  ['simple-stix', 'STIX with single-comparison patterns'],
];

/** The active indicators as each sensor format carries them: the files to download, and what could not go, with why. */
export function sensorsPage() {
  const format = el('select', { id: 'sensor-format' }, FORMATS.map(([value, label]) => el('option', { value }, label)));
  const confidence = el('input', { type: 'number', id: 'sensor-confidence', min: '0', max: '100', step: '5', placeholder: 'any' });
  const least = el('input', { type: 'number', id: 'sensor-score', min: '0', max: '1', step: '0.05', placeholder: 'any' });
  const expired = el('input', { type: 'checkbox', id: 'sensor-expired' });
  const status = el('p', { id: 'sensor-status', role: 'status', 'aria-live': 'polite' });
  const result = el('div', { id: 'sensor-result' });
  const run = async () => {
    status.textContent = 'Exporting…';
    result.replaceChildren();
    try {
      const parameters = new URLSearchParams();
      if (confidence.value) parameters.set('min_confidence', confidence.value);
      if (least.value) parameters.set('min_score', least.value);
      if (expired.checked) parameters.set('include_expired', 'true');
      const query = parameters.toString() ? '?' + parameters : '';
      const answer = await get(`/api/v1/sensor-exports/${format.value}${query}`);
      result.replaceChildren(files(answer), notExported(answer));
      status.textContent = 'Done.';
    } catch (error) {
      status.textContent = '';
      result.replaceChildren(el('p', { class: 'error', role: 'alert' }, error.message));
    }
    result.dataset.done = String(Date.now()); // tests know the answer is drawn
  };
  const form = el('form', { class: 'card', id: 'sensor-form', onsubmit: event => { event.preventDefault(); run(); } },
    el('p', {}, el('label', { for: 'sensor-format' }, 'Format: '), format, ' ',
      el('label', { for: 'sensor-confidence' }, 'Least confidence: '), confidence, ' ',
      el('label', { for: 'sensor-score' }, 'Least score as it ages: '), least, ' ',
      expired, el('label', { for: 'sensor-expired' }, ' include expired')),
    el('button', { type: 'submit' }, 'Export'), status);
  const ageing = el('div', { id: 'indicator-scores' });
  get('/api/v1/indicators').then(answer => {
    ageing.replaceChildren(scores(answer));
    ageing.dataset.done = String(Date.now());
  }).catch(error => ageing.replaceChildren(el('p', { class: 'error', role: 'alert' }, error.message)));
  return el('div', {}, el('h1', {}, 'Indicators to sensors'),
    el('p', {}, 'The indicators active now (not decayed under 0.2), as far as your clearance goes, split into the single values a sensor looks up. ',
      'A sensor can pull a file itself: GET /api/v1/sensor-exports/FORMAT?file=NAME with its token.'), form, result, ageing);
}

/** Every indicator's score as it ages: the weakest sensors should drop first. */
function scores(answer) {
  const shown = answer.indicators.slice(0, 100);
  const active = answer.indicators.filter(score => score.status === 'ACTIVE').length;
  return section(`Indicators as they age: ${active} of ${answer.indicators.length} active`,
    el('p', { class: 'muted' }, 'A score halves every half-life of its kind (an address in 30 days, a domain in 90, a file hash in 730) ',
      'after the last sighting or new version; under 0.2 it is expired. A least score above leaves out the weakest.'),
    table(['Score', 'Status', 'Indicator', 'Why'], shown.map(score => [score.score.toFixed(2), score.status.toLowerCase(),
      el('a', { href: hrefFor(score.id) }, score.name || score.id), score.why])),
    answer.indicators.length > shown.length ? el('p', { class: 'muted' }, `The first ${shown.length} shown; GET /api/v1/indicators gives all.`) : '');
}

function files(answer) {
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return section(`${plural(answer.values, 'value')} of ${plural(answer.indicators, 'indicator')}`,
    ...Object.entries(answer.files).map(([name, content]) => el('div', { class: 'sensor-file' },
      el('h3', {}, name, ' ', el('button', { type: 'button', onclick: () => saveBlob(new Blob([content], { type: 'text/plain' }), name) }, 'Download')),
      el('pre', { class: 'sensor-preview' }, content.split('\n').slice(0, 12).join('\n')))));
}

function notExported(answer) {
  if (answer.not_exported.length === 0) return section('Everything went', el('p', {}, 'Every active indicator is in the files above.'));
  return section(`${answer.not_exported.length} not exported`,
    table(['Indicator', 'Pattern', 'Why'], answer.not_exported.map(left => [
      el('a', { href: hrefFor(left.indicator_id) }, left.indicator_id), el('code', {}, left.pattern), left.why])));
}
