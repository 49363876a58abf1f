import { get } from '../api.js';
import { el, hrefFor, link, section } from '../dom.js';

export async function homePage() {
  const stats = await get('/api/v1/stats');
  const types = Object.entries(stats.objects_by_type || {}).sort((a, b) => b[1] - a[1]);
  return el('div', {},
    el('h1', {}, 'Sightline'),
    el('p', {}, 'Search for an actor by any of its names, or open the ', link('#/exposure', 'exposure dashboard'), '.'),
    section('In the store', el('p', {}, `${stats.objects.toLocaleString()} objects, ${stats.relationships.toLocaleString()} relationships`),
      el('div', {}, types.map(([type, count]) => el('span', { class: 'tag' }, `${type} ${count.toLocaleString()}`)))));
}

/** An actor's name goes straight to its card; anything else lists what matches, grouped by type. */
export async function searchPage(q) {
  const actor = await get('/api/v1/actors?unknown=ok&q=' + encodeURIComponent(q)).catch(error => {
    if (error.status === 400) return {}; // a query with no letters or digits is no actor's name
    throw error;
  });
  if (actor.match && !actor.conflict) { location.replace('#/actor/' + actor.match.id); return el('p', {}, 'Opening…'); }
  const found = await get('/api/v1/search?limit=100&q=' + encodeURIComponent(q));
  const groups = new Map();
  for (const hit of found.hits) { if (!groups.has(hit.type)) groups.set(hit.type, []); groups.get(hit.type).push(hit); }
  return el('div', {},
    el('h1', {}, `Results for “${q}”`),
    found.hits.length === 0 ? el('p', {}, 'Nothing matches. Try another name, an ATT&CK id (G0045, T1566) or an indicator value.') : null,
    [...groups.entries()].map(([type, hits]) => section(`${type} (${hits.length})`,
      el('ul', {}, hits.map(hit => el('li', {}, link(hrefFor(hit.id), hit.name || hit.id)))))));
}
