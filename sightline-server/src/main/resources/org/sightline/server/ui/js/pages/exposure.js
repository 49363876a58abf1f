import { get } from '../api.js';
import { el, objectLink, section, table } from '../dom.js';

/**
 * Which actors can reach the organisation through its suppliers, and by which paths: as of a date and
 * for a number of actors, both kept in the address (#/exposure?as_of=2019-01-01&top=20) as the API takes them.
 */
export async function exposurePage(query = '') {
  const asked = new URLSearchParams(query);
  const asOf = asked.get('as_of') || '';
  const top = asked.get('top') || '10';
  const exposure = await get('/api/v1/exposure?top=' + encodeURIComponent(top) + (asOf ? '&as_of=' + encodeURIComponent(asOf) : ''));
  const choose = event => {
    event.preventDefault();
    const form = event.target;
    const next = new URLSearchParams();
    if (form.elements['exposure-as-of'].value) next.set('as_of', form.elements['exposure-as-of'].value);
    next.set('top', form.elements['exposure-top'].value || '10');
    location.hash = '#/exposure?' + next.toString();
  };
  return el('div', {},
    el('h1', {}, `Exposure of ${exposure.organisation_name}`),
    el('form', { id: 'exposure-form', class: 'inline-form', onsubmit: choose },
      el('label', { for: 'exposure-as-of' }, 'As of '),
      el('input', { type: 'date', id: 'exposure-as-of', name: 'exposure-as-of', value: asOf.slice(0, 10) }),
      el('label', { for: 'exposure-top' }, ' Actors '),
      el('input', { type: 'number', id: 'exposure-top', name: 'exposure-top', min: '1', max: '1000', value: top }),
      el('button', { type: 'submit' }, 'Show')),
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
