import { get, post } from '../api.js';
import { chart } from '../charts.js';
import { day, el, objectLink, section, table } from '../dom.js';

/** Recent sightings by indicator, place and actor, how many there were each day, and a hunt of the kept logs. */
export async function sightingsPage() {
  const [recent, kept] = await Promise.all([get('/api/v1/sightings?limit=100'), get('/api/v1/hunts')]);
  const box = el('div', { class: 'chart', id: 'sightings-chart', role: 'img', 'aria-label': 'Sightings per day' });
  const page = el('div', {}, el('h1', {}, 'Sightings'),
    el('p', { class: 'muted' }, `${recent.total} sightings in all; the newest ${recent.sightings.length} below.`),
    section('Sightings per day', box),
    section('Newest', recent.sightings.length === 0 ? el('p', {}, 'No sightings yet: run logs through `sightline match --store`.') :
      table(['Last seen', 'Seen', 'Actors', 'Where', 'Count'], recent.sightings.map(s => [day(s.last_seen),
        objectLink(s.sighting_of.id, s.sighting_of.name), s.actors.map(a => [objectLink(a.id, a.name), ' ']),
        s.where.map(w => [objectLink(w.id, w.name), ' ']), String(s.count)]))),
    huntCard(kept));
  requestAnimationFrame(() => chart(box, {
    animation: false, tooltip: { trigger: 'axis' }, grid: { left: 40, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'time' }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', barMaxWidth: 24, data: Object.entries(recent.per_day), itemStyle: { color: '#0b5cad' } }],
  }));
  return page;
}

/** Indicators learnt now, run over the logs seen before: what 'sightline hunt' does, for the indicators your clearance allows. */
function huntCard(kept) {
  const events = kept.logs.reduce((sum, log) => sum + Math.max(0, log.events), 0);
  const which = el('select', { id: 'hunt-indicators' }, el('option', { value: 'new' }, 'new since the last hunt'),
    el('option', { value: 'all' }, 'all'));
  const since = el('input', { type: 'date', id: 'hunt-since' });
  const status = el('p', { id: 'hunt-status', role: 'status', 'aria-live': 'polite' });
  const result = el('div', { id: 'hunt-result' });
  const form = el('form', { id: 'hunt-form', onsubmit: async event => {
    event.preventDefault();
    status.textContent = 'Hunting…';
    result.replaceChildren();
    try {
      const answer = await post('/api/v1/hunts', since.value ? { indicators: which.value, since: since.value } : { indicators: which.value });
      status.textContent = `${answer.indicators} indicators over ${answer.logs} logs (${answer.records.toLocaleString()} records): `
        + `${answer.sightings} sightings found retrospectively.`;
      if (answer.found.length > 0) {
        result.append(table(['Indicator', 'Count', 'First seen', 'Last seen'], answer.found.map(found => [
          objectLink(found.sighting_of_ref), String(found.count), found.first_seen, found.last_seen])));
      }
    } catch (error) {
      status.textContent = '';
      result.append(el('p', { class: 'error', role: 'alert' }, error.message));
    }
    result.dataset.done = String(Date.now()); // tests know the answer is drawn
  } },
  el('p', {}, el('label', { for: 'hunt-indicators' }, 'Indicators: '), which, ' ', el('label', { for: 'hunt-since' }, 'Events from: '), since),
  el('button', { type: 'submit' }, 'Hunt'), status);
  return section('Hunt the kept logs',
    el('p', { class: 'muted', id: 'hunt-logs' }, kept.logs.length === 0
      ? 'No logs kept yet: `sightline match --keep` keeps the logs it reads, so indicators learnt later can be run over them.'
      : `${kept.logs.length} logs kept (${events.toLocaleString()} events, ${day(kept.logs[0].first_event) || 'undated'} to `
        + `${day(kept.logs[kept.logs.length - 1].last_event) || 'undated'}). A hunt records what it finds as sightings dated when the events happened.`),
    form, result);
}
