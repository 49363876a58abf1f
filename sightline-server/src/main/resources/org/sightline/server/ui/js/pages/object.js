import { get } from '../api.js';
import { day, el, hrefFor, link, objectLink, section, table } from '../dom.js';

/** Properties shown in a section of their own (or as the page's title), not again in the table. */
const SHOWN_APART = new Set(['id', 'type', 'name', 'spec_version', 'object_marking_refs', 'granular_markings', 'created_by_ref',
  'external_references', 'extensions']);

/**
 * Any stored object: what it is, its TLP marking and who made it, its properties, references, the
 * relationships that leave it and come to it (with who states each), and what points at it. Every
 * other object is a link onward, to its own page; the page never links to itself.
 */
export async function objectPage(id) {
  const page = await get('/api/v1/objects/' + id + '/links');
  const object = page.object;
  const properties = page.properties;
  const rows = Object.entries(properties).filter(([key]) => !SHOWN_APART.has(key))
    .map(([key, value]) => [key, valueOf(key, value, id)]);
  return el('div', {}, el('h1', {}, object.name),
    el('p', { id: 'object-kind' }, el('span', { class: 'tag' }, object.type), ' ',
      el('span', { class: 'tag', id: 'object-tlp', title: 'TLP marking' }, page.marking), ' ',
      page.created_by ? ['by ', objectLink(page.created_by.id, page.created_by.name), ' · '] : '',
      el('code', {}, object.id), ' · ', link('#/graph/' + object.id, 'Relationship graph')),
    page.attributed_to.length > 0 ? section('Attributed to', el('ul', { id: 'object-attributed-to' },
      page.attributed_to.map(a => el('li', {}, objectLink(a.other.id, a.other.name),
        a.stated_by ? [' — per ', objectLink(a.stated_by.id, a.stated_by.name)] : ' — source not recorded',
        a.confidence !== null && a.confidence !== undefined ? ` (confidence ${a.confidence})` : '',
        ' ', el('a', { href: '#/object/' + a.relationship_id, class: 'muted' }, 'the statement'))))) : null,
    section('Properties', rows.length === 0 ? el('p', { class: 'muted' }, 'No other properties.')
      : table(['Property', 'Value'], rows)),
    references(properties.external_references || []),
    relationships('Relationships from it', 'object-outgoing', page.outgoing),
    relationships('Relationships to it', 'object-incoming', page.incoming),
    referrers(page));
}

/** A property's value as text; a reference to another object as a link to its page. */
function valueOf(key, value, self) {
  if (key.endsWith('_ref') && typeof value === 'string') return refLink(value, self);
  if (key.endsWith('_refs') && Array.isArray(value)) return el('span', {}, value.map((ref, i) => [i ? ', ' : '', refLink(ref, self)]));
  if (typeof value === 'string') return /^\d{4}-\d\d-\d\dT/.test(value) ? el('span', { title: value }, day(value)) : value;
  if (Array.isArray(value) && value.every(item => typeof item === 'string')) return value.join(', ');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return el('code', {}, JSON.stringify(value));
}

function refLink(ref, self) {
  return ref === self || !/^[a-z0-9-]+--[0-9a-f-]{36}$/.test(ref) ? el('code', {}, ref) : el('a', { href: hrefFor(ref) }, ref);
}

function references(refs) {
  if (refs.length === 0) return null;
  return section('References', el('ul', { id: 'object-references' }, refs.map(ref => el('li', {},
    ref.url ? link(ref.url, ref.source_name || ref.url) : el('strong', {}, ref.source_name || ''),
    ref.external_id ? ` ${ref.external_id}` : '', ref.description ? ` — ${ref.description}` : ''))));
}

function relationships(title, id, links) {
  const cut = links.total > links.listed.length ? `Only the first ${links.listed.length} of ${links.total} are listed.` : null;
  const box = section(`${title} (${links.total})`, links.total === 0 ? el('p', { class: 'muted' }, 'None.') : [
    table(['Relationship', 'With', 'Stated by', ''], links.listed.map(l => [l.relationship_type,
      el('span', {}, objectLink(l.other.id, l.other.name), ` (${l.other.type})`),
      l.stated_by ? objectLink(l.stated_by.id, l.stated_by.name) : '—',
      el('a', { href: '#/object/' + l.relationship_id }, 'open')])),
    cut ? el('p', { class: 'muted' }, cut) : null]);
  box.id = id;
  return box;
}

function referrers(page) {
  if (page.referrers_total === 0) return null;
  return section(`Pointing at it (${page.referrers_total})`, el('ul', { id: 'object-referrers' },
    page.referenced_by.map(r => el('li', {}, objectLink(r.object.id, r.object.name), ` (${r.object.type}, by ${r.property})`))));
}
