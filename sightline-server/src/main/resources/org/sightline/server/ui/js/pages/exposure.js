import { get } from '../api.js';
import { el, objectLink, section, table } from '../dom.js';

/** Which actors can reach the organisation through its suppliers, and by which paths. */
export async function exposurePage() {
  const exposure = await get('/api/v1/exposure?top=10');
  return el('div', {},
    el('h1', {}, `Exposure of ${exposure.organisation_name}`),
    el('p', { class: 'muted' }, 'Threat actors ranked by how they can reach the organisation through its suppliers. ',
      'Declare or update suppliers with a CSV or YAML file on the ', el('a', { href: '#/import' }, 'import page'), '.'),
    exposure.actors.map(actor => section(`${actor.name} — score ${actor.score.toFixed(2)}`,
      el('p', { class: 'muted' }, actor.activity || ''),
      actor.paths.map(path => el('div', { class: 'path' },
        el('p', { class: 'path-line' }, objectLink(actor.id, actor.name),
          path.via.map((id, i) => [el('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'), objectLink(id, path.names[i])]),
          el('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'), exposure.organisation_name, ` (${path.score.toFixed(2)})`),
        el('ul', {}, path.reasons.map(reason => el('li', {}, reason))))))),
    section('Suppliers by risk', table(['Supplier', 'Score', 'Top actors'], exposure.suppliers.map(s =>
      [objectLink(s.id, s.name), s.score.toFixed(2), (s.top_actors || []).map(a => a.name || a).join(', ')]))));
}
