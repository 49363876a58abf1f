import { get } from '../api.js';
import { chart } from '../charts.js';
import { el, section } from '../dom.js';

const GRADES = ['F', 'E', 'D', 'C', 'B', 'A'];

/**
 * A source's track record as of a date (today unless the address says ?as_of=, as the claim page
 * that links here does), and the reliability it had earned at the start of each of the ten years before.
 */
export async function sourcePage(id, asOf) {
  const record = await get('/api/v1/sources/' + id + (asOf ? '?as_of=' + encodeURIComponent(asOf) : ''));
  const box = el('div', { class: 'chart', id: 'reliability-chart', role: 'img', 'aria-label': 'Reliability over time' });
  const now = asOf ? Number(asOf.slice(0, 4)) : new Date().getUTCFullYear();
  const years = Array.from({ length: 10 }, (_, i) => now - 9 + i);
  const datePicker = el('input', { type: 'date', id: 'as-of', value: asOf ? asOf.slice(0, 10) : '',
    onchange: event => { location.hash = `#/source/${id}` + (event.target.value ? `?as_of=${event.target.value}` : ''); } });
  const history = await Promise.all(years.map(year => get(`/api/v1/sources/${id}?as_of=${year}-01-01`)
    .then(r => [`${year}-01-01`, r.reliability]).catch(() => [`${year}-01-01`, null])));
  const page = el('div', {}, el('h1', {}, record.name || id),
    el('div', { class: 'toolbar' }, el('label', { for: 'as-of' }, 'As of'), datePicker),
    section(asOf ? `Track record as of ${asOf.slice(0, 10)}` : 'Track record',
      el('p', { id: 'reliability' }, el('strong', {}, `Reliability ${record.reliability}`),
        ` — ${record.confirmed} confirmed, ${record.refuted} refuted, ${record.open} open`),
      record.reason ? el('p', {}, record.reason) : null),
    section('Reliability over time', box,
      el('p', { class: 'muted' }, history.map(([date, grade]) => `${date.slice(0, 4)}: ${grade || '–'}`).join(' · '))));
  requestAnimationFrame(() => chart(box, {
    animation: false, grid: { left: 40, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'time' }, yAxis: { type: 'category', data: GRADES },
    series: [{ type: 'line', step: 'end', data: history.filter(([, g]) => g).map(([date, grade]) => [date, grade]) }],
  }));
  return page;
}
