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

/**
 * An actor's name goes straight to its card, an exact external id (T1566, G0045, a CVE) to its object;
 * anything else lists what matches, grouped by type, with ids, and says when the list is cut. A query
 * with no letters or digits is answered on the page, as the server words it.
 */
export async function searchPage(q) {
  if (!/[\p{L}\p{N}]/u.test(q)) return refused(q, `search: '${q}' has no words to look for`); // not worth a request
  const actor = await get('/api/v1/actors?unknown=ok&q=' + encodeURIComponent(q)).catch(error => {
    if (error.status === 400) return {}; // a query with no letters or digits is no actor's name
    throw error;
  });
  if (actor.match && !actor.conflict) { location.replace('#/actor/' + actor.match.id); return el('p', {}, 'Opening…'); }
  let found;
  try {
    found = await get('/api/v1/search?limit=' + LIMIT + '&q=' + encodeURIComponent(q));
  } catch (error) {
    if (error.status !== 400) throw error;
    return refused(q, error.message);
  }
  if ((found.exact || []).length === 1) { location.replace(hrefFor(found.exact[0].id)); return el('p', {}, 'Opening…'); }
  const groups = new Map();
  for (const hit of found.hits) { if (!groups.has(hit.type)) groups.set(hit.type, []); groups.get(hit.type).push(hit); }
  return el('div', {},
    el('h1', {}, `Results for “${q}”`),
    (found.exact || []).length > 1 ? section(`Objects with the external id ${q}`, hitList(found.exact)) : null,
    found.hits.length === 0 ? el('p', {}, 'Nothing matches. ' + HINT) : null,
    found.truncated ? el('p', { class: 'muted', id: 'search-cut' },
      `Showing the ${found.hits.length} best of more than ${LIMIT} matches: add a word or an id to narrow it.`) : null,
    [...groups.entries()].map(([type, hits]) => section(`${type} (${hits.length})`, hitList(hits))));
}

function refused(q, why) {
  return el('div', {}, el('h1', {}, `Results for “${q}”`), el('p', { class: 'error', role: 'alert', id: 'search-refused' }, why + '. ', HINT));
}

const LIMIT = 100;
const HINT = 'Try another name, an ATT&CK id (G0045, T1566) or an indicator value.';

function hitList(hits) {
  return el('ul', {}, hits.map(hit => el('li', {}, link(hrefFor(hit.id), hit.name || hit.id), ' ',
    el('code', { class: 'muted' }, hit.id))));
}
