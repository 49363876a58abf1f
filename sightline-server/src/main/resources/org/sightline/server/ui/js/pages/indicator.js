import { get, post } from '../api.js';
import { chart } from '../charts.js';
import { day, el, section, table } from '../dom.js';

/**
 * One indicator: its score now and why, the curve of its score since it was published (each sighting
 * lifts it, each false-positive marking drops it), and its sightings, each of which an analyst can
 * mark a false positive from here.
 */
export async function indicatorPage(id) {
  const history = await get('/api/v1/indicators/' + id);
  const score = history.score;
  const box = el('div', { class: 'chart', id: 'score-chart', role: 'img', 'aria-label': 'Score over time' });
  const status = el('p', { id: 'false-positive-status', role: 'status', 'aria-live': 'polite' });
  const page = el('div', {}, el('h1', {}, score.name || id),
    section('Score now',
      el('p', { id: 'indicator-score' }, el('strong', {}, `${score.score.toFixed(2)} — ${score.status.toLowerCase()}`),
        score.false_positives ? ` (${score.false_positives} sighting${score.false_positives === 1 ? '' : 's'} marked false positive)` : ''),
      el('p', {}, score.why)),
    section('Score over time', box,
      el('p', { class: 'muted' }, 'The score halves every half-life after its last confirmation; a sighting confirms it again, ',
        'a sighting marked a false positive stops counting and halves it. Under 0.2 it is expired and leaves the matchers.')),
    section(`Sightings (${history.sightings.length})`, history.sightings.length === 0 ? el('p', {}, 'Not sighted yet.') :
      table(['Seen', 'Count', 'Verdict', ''], history.sightings.map(sighting => [day(sighting.seen), String(sighting.count),
        sighting.false_positive_on ? `false positive since ${day(sighting.false_positive_on)}` : 'confirms the indicator',
        sighting.false_positive_on ? '' : falsePositiveForm(sighting.id, status, () => rerender(page, id))])), status));
  requestAnimationFrame(() => chart(box, {
    animation: false, tooltip: { trigger: 'axis' }, grid: { left: 40, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'time' }, yAxis: { type: 'value', min: 0, max: 1 },
    series: [{ type: 'line', showSymbol: false, data: history.curve.map(point => [point.date, point.score]), itemStyle: { color: '#0b5cad' },
      markLine: { silent: true, symbol: 'none', data: [{ yAxis: 0.2, name: 'expired below' }], lineStyle: { color: '#b00020', type: 'dashed' } } }],
  }));
  page.dataset.done = String(Date.now()); // tests know the page is drawn
  return page;
}

/** A reason and a button: the marking is a STIX opinion about the sighting, written with the signed-in token. */
function falsePositiveForm(sightingId, status, done) {
  const reason = el('input', { type: 'text', placeholder: 'why it was no intrusion', 'aria-label': 'Reason', class: 'false-positive-reason' });
  return el('form', { class: 'false-positive', onsubmit: async event => {
    event.preventDefault();
    status.textContent = 'Marking…';
    try {
      await post(`/api/v1/sightings/${sightingId}/false-positive`, { reason: reason.value });
      status.textContent = 'Marked a false positive.';
      done();
    } catch (error) {
      status.textContent = '';
      status.append(el('span', { class: 'error', role: 'alert' }, error.message));
    }
  } }, reason, ' ', el('button', { type: 'submit' }, 'False positive'));
}

async function rerender(page, id) {
  page.replaceWith(await indicatorPage(id));
}
