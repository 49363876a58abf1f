import { get } from '../api.js';
import { chart } from '../charts.js';
import { day, el, objectLink, section, table } from '../dom.js';

/** Recent sightings by indicator, place and actor, and how many there were each day. */
export async function sightingsPage() {
  const recent = await get('/api/v1/sightings?limit=100');
  const box = el('div', { class: 'chart', id: 'sightings-chart', role: 'img', 'aria-label': 'Sightings per day' });
  const page = el('div', {}, el('h1', {}, 'Sightings'),
    el('p', { class: 'muted' }, `${recent.total} sightings in all; the newest ${recent.sightings.length} below.`),
    section('Sightings per day', box),
    section('Newest', recent.sightings.length === 0 ? el('p', {}, 'No sightings yet: run logs through `sightline match --store`.') :
      table(['Last seen', 'Seen', 'Actors', 'Where', 'Count'], recent.sightings.map(s => [day(s.last_seen),
        objectLink(s.sighting_of.id, s.sighting_of.name), s.actors.map(a => [objectLink(a.id, a.name), ' ']),
        s.where.map(w => [objectLink(w.id, w.name), ' ']), String(s.count)]))));
  requestAnimationFrame(() => chart(box, {
    animation: false, tooltip: { trigger: 'axis' }, grid: { left: 40, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'time' }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', barMaxWidth: 24, data: Object.entries(recent.per_day), itemStyle: { color: '#0b5cad' } }],
  }));
  return page;
}
