import { get } from '../api.js';
import { el, objectLink, section, table } from '../dom.js';

/** The kinds of evidence a reader can keep or drop, in the order of how much they usually weigh. */
const KINDS = [
  ['sighting', 'Sighting'], ['campaign', 'Campaign'], ['named', 'Named target'], ['service', 'Service type'],
  ['sector', 'Sector'], ['country', 'Country'],
];

/** Which of the reader's kinds one piece of evidence is: a sighting or campaign by its source, the rest by what it says. */
function kindsOf(evidence) {
  const kinds = new Set();
  if (evidence.kinds.includes('sighting')) kinds.add('sighting');
  if (evidence.kinds.includes('campaign')) kinds.add('campaign');
  if (evidence.dimension === 'supplier' && !evidence.kinds.includes('sighting')) kinds.add('named');
  if (['service', 'sector', 'country'].includes(evidence.dimension)) kinds.add(evidence.dimension);
  return kinds;
}

/**
 * Which actors can reach the organisation through its suppliers, and by which paths: as of a date
 * and for a number of actors, as the API takes them, grouped by actor or by supplier, and kept to the
 * kinds of evidence the reader picks. All of it is kept in the address
 * (#/exposure?as_of=2019-01-01&top=20&view=supplier&evidence=sighting,campaign) so reload and links keep it.
 */
export async function exposurePage(query = '') {
  const asked = new URLSearchParams(query);
  const asOf = asked.get('as_of') || '';
  const top = asked.get('top') || '10';
  const view = asked.get('view') === 'supplier' ? 'supplier' : 'actor';
  const wanted = new Set((asked.get('evidence') || KINDS.map(([kind]) => kind).join(',')).split(',').filter(Boolean));
  const exposure = await get('/api/v1/exposure?top=' + encodeURIComponent(top) + (asOf ? '&as_of=' + encodeURIComponent(asOf) : ''));

  const choose = event => {
    event.preventDefault();
    const form = document.getElementById('exposure-form');
    const next = new URLSearchParams();
    if (form.elements['exposure-as-of'].value) next.set('as_of', form.elements['exposure-as-of'].value);
    next.set('top', form.elements['exposure-top'].value || '10');
    if (form.elements['exposure-view'].value === 'supplier') next.set('view', 'supplier');
    const kinds = KINDS.map(([kind]) => kind).filter(kind => form.elements['evidence-' + kind].checked);
    if (kinds.length < KINDS.length) next.set('evidence', kinds.join(','));
    location.hash = '#/exposure?' + next.toString().replace(/%2C/g, ',');
  };
  const shown = path => path.evidence.some(evidence => [...kindsOf(evidence)].some(kind => wanted.has(kind)));
  const actors = exposure.actors.map(actor => ({ ...actor, paths: actor.paths.filter(shown) })).filter(actor => actor.paths.length > 0);

  return el('div', {},
    el('h1', {}, `Exposure of ${exposure.organisation_name}`),
    el('form', { id: 'exposure-form', class: 'inline-form', onsubmit: choose },
      el('label', { for: 'exposure-as-of' }, 'As of '),
      el('input', { type: 'date', id: 'exposure-as-of', name: 'exposure-as-of', value: asOf.slice(0, 10) }),
      el('label', { for: 'exposure-top' }, ' Actors '),
      el('input', { type: 'number', id: 'exposure-top', name: 'exposure-top', min: '1', max: '1000', value: top }),
      el('label', { for: 'exposure-view' }, ' Group by '),
      el('select', { id: 'exposure-view', name: 'exposure-view', onchange: choose },
        el('option', { value: 'actor', selected: view === 'actor' ? '' : null }, 'actor'),
        el('option', { value: 'supplier', selected: view === 'supplier' ? '' : null }, 'supplier')),
      el('fieldset', { id: 'exposure-evidence', class: 'inline-form' },
        el('legend', {}, 'Evidence'),
        KINDS.map(([kind, label]) => el('label', {},
          el('input', { type: 'checkbox', id: 'evidence-' + kind, name: 'evidence-' + kind, checked: wanted.has(kind) ? '' : null,
            onchange: choose }), ' ' + label))),
      el('button', { type: 'submit' }, 'Show')),
    el('p', { id: 'why-first' }, exposure.why_first),
    el('p', { class: 'muted' }, 'Threat actors ranked by how they can reach the organisation through its suppliers; each fact ',
      'weighs by how telling, how recent and how rare among actors it is (docs/exposure.md). Declare or update suppliers ',
      'with a CSV or YAML file on the ', el('a', { href: '#/import' }, 'import page'), '.'),
    actors.length === 0 ? el('p', { class: 'muted', id: 'exposure-none' }, 'No path rests on the kinds of evidence chosen.') : null,
    view === 'supplier' ? bySupplier(exposure, actors) : byActor(exposure, actors),
    view === 'actor' ? section('Suppliers by risk', table(['Supplier', 'Score', 'Top actors'], exposure.suppliers.map(s =>
      [objectLink(s.id, s.name), s.score.toFixed(2), (s.top_actors || []).map(a => a.name || a).join(', ')]))) : null);
}

function byActor(exposure, actors) {
  return actors.map(actor => section(`${actor.name} — score ${actor.score.toFixed(2)}`,
    el('p', { class: 'muted' }, actor.activity || ''),
    actor.paths.map(path => pathView(exposure, actor, path))));
}

/** Each supplier in order of the risk it carries, with the shown actors' paths that start at it, strongest first. */
function bySupplier(exposure, actors) {
  return exposure.suppliers.map(supplier => {
    const paths = actors.flatMap(actor => actor.paths.filter(path => path.via[0] === supplier.id).map(path => ({ actor, path })))
      .sort((a, b) => b.path.score - a.path.score);
    if (paths.length === 0) return null;
    return el('section', { class: 'card supplier-group' },
      el('h2', {}, objectLink(supplier.id, supplier.name), ` — risk ${supplier.score.toFixed(2)}`),
      paths.map(({ actor, path }) => pathView(exposure, actor, path)));
  });
}

function pathView(exposure, actor, path) {
  return el('div', { class: 'path' },
    el('p', { class: 'path-line' }, objectLink(actor.id, actor.name),
      path.via.map((id, i) => [el('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'), objectLink(id, path.names[i])]),
      el('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'), exposure.organisation_name, ` (${path.score.toFixed(2)})`),
    el('p', { class: 'evidence' }, path.evidence.map(evidence => el('span', {
      class: 'tag', title: `${evidence.actors_holding} actor(s) hold this; ${evidence.dated ? 'evidence of ' + evidence.dated : 'undated'}`,
    }, `${evidence.dimension === 'supplier' ? 'the supplier itself' : evidence.dimension + ' ' + evidence.value} · ${evidence.kinds.join(', ')} · ${evidence.weight.toFixed(2)}`))),
    el('ul', {}, path.reasons.map(reason => el('li', {}, reason))));
}
