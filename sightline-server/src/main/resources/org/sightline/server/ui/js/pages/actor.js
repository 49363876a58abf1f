import { download, get } from '../api.js';
import { chart } from '../charts.js';
import { day, el, link, objectLink, section } from '../dom.js';

const TACTICS = ['reconnaissance', 'resource-development', 'initial-access', 'execution', 'persistence', 'privilege-escalation',
  'defense-evasion', 'credential-access', 'discovery', 'lateral-movement', 'collection', 'command-and-control', 'exfiltration', 'impact'];

/**
 * An actor's card. With ?as_of= in the address, its activity, its claims (each with its status then)
 * and the dossier stop at that date, and the links to its claims carry the date on.
 */
export async function actorPage(id, asOf) {
  const at = asOf ? '?as_of=' + encodeURIComponent(asOf) : '';
  const [card, timeline, claims] = await Promise.all([get('/api/v1/actors/' + id), get('/api/v1/actors/' + id + '/timeline' + at),
    get('/api/v1/claims?about=' + encodeURIComponent(id) + (asOf ? '&as_of=' + encodeURIComponent(asOf) : ''))]);
  const datePicker = el('input', { type: 'date', id: 'as-of', value: asOf ? asOf.slice(0, 10) : '',
    onchange: event => { location.hash = `#/actor/${id}` + (event.target.value ? `?as_of=${event.target.value}` : ''); } });
  const conflicting = card.conflicting_names || {};
  const chartBox = el('div', { class: 'chart', id: 'timeline', role: 'img', 'aria-label': 'Activity timeline' });
  const page = el('div', {},
    el('h1', {}, card.name, card.external_id ? el('span', { class: 'muted' }, ` [${card.external_id}]`) : null),
    card.summary ? el('p', {}, card.summary) : null,
    el('div', { class: 'toolbar' },
      link('#/graph/' + id, 'Relationship graph'),
      ['html', 'md', 'stix'].map(format => el('button', { type: 'button', class: 'secondary',
        onclick: () => download(`/api/v1/actors/${id}/dossier?format=${format}` + (asOf ? '&as_of=' + encodeURIComponent(asOf) : ''),
          `dossier-${card.name}.${format === 'stix' ? 'json' : format}`) },
        `Dossier (${format.toUpperCase()})`)),
      el('label', { for: 'as-of' }, ' As of'), datePicker),
    el('div', { class: 'grid' },
      section('Names', el('ul', { class: 'names' }, card.aliases.map(alias => el('li', {},
        el('strong', {}, alias.name),
        conflicting[alias.name] ? el('span', { class: 'error' }, ` (also used for ${conflicting[alias.name].join(', ')})`) : null,
        el('span', { class: 'muted' }, ' — ' + alias.sources.join(', ')))))),
      section('Origin', facts('Country', card.countries), facts('State sponsor', card.state_sponsors)),
      section('Targets', facts('Sectors', card.target_sectors), facts('Victim countries', card.victim_countries))),
    section('Activity' + (asOf ? ` as of ${asOf.slice(0, 10)}` : '') + (timeline.dormant ? ` — dormant, quiet for ${timeline.quiet_for_days} days` : ''), chartBox,
      el('p', { class: 'muted', id: 'actor-seen' }, timeline.dated || card.first_seen
        ? `First seen ${day(card.first_seen) || 'unknown'}, last seen ${day(card.last_seen) || 'unknown'}.`
        : 'Activity unknown: no dated campaign, report or sighting on record (the dates drawn are when its records were written).')),
    section('Claims' + (asOf ? ` as of ${asOf.slice(0, 10)}` : ''), claims.claims.length === 0 ? el('p', {}, 'No attribution claims yet.') :
      el('ul', { id: 'actor-claims' }, claims.claims.map(claim => el('li', {},
        link('#/claim/' + claim.id + at, `${claim.source.name} ${claim.type} ${claim.target.name}`), ` (${claim.status})`)))),
    section('Techniques by tactic', matrix(card.techniques_by_tactic)),
    el('div', { class: 'grid' },
      section('Software', list(card.software)), section('Campaigns', list(card.campaigns)),
      section('People and organisations', list(card.associated))),
    (card.references || []).length === 0 ? null : section('References', el('ul', { id: 'actor-references' },
      card.references.map(url => el('li', {}, link(url, url))))));
  requestAnimationFrame(() => drawTimeline(chartBox, timeline));
  return page;
}

function facts(label, values) {
  const names = (values || []).map(v => typeof v === 'string' ? v : v.name || v.value || JSON.stringify(v));
  return el('p', {}, el('strong', {}, label + ': '), names.length ? names.join(', ') : el('span', { class: 'muted' }, 'not known'));
}

function list(items) {
  return items.length === 0 ? el('p', { class: 'muted' }, 'None recorded.') :
    el('ul', {}, items.map(item => el('li', {}, objectLink(item.id, item.name), item.external_id ? ` ${item.external_id}` : '',
      item.detail ? el('span', { class: 'muted' }, ` — ${item.detail}`) : null)));
}

function matrix(byTactic) {
  const tactics = Object.keys(byTactic).sort((a, b) => TACTICS.indexOf(a) - TACTICS.indexOf(b));
  if (tactics.length === 0) return el('p', { class: 'muted' }, 'No techniques recorded.');
  return el('div', { class: 'matrix' }, tactics.map(tactic => el('div', { class: 'tactic' },
    el('h3', {}, tactic.replaceAll('-', ' ')),
    el('ul', {}, byTactic[tactic].map(t => el('li', {}, objectLink(t.id, `${t.external_id} ${t.name}`)))))));
}

function drawTimeline(element, timeline) {
  const points = timeline.events.map(event => [event.date, 1, event.label, event.kind, event.resurgence]);
  chart(element, {
    animation: false,
    tooltip: { formatter: p => `${p.value[0].slice(0, 10)}<br>${p.value[3]}: ${p.value[2]}` },
    grid: { left: 40, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'time' }, yAxis: { show: false, min: 0, max: 2 },
    series: [{ type: 'scatter', symbolSize: 14, data: points,
      itemStyle: { color: p => p.value[4] ? '#a23b00' : '#0b5cad' },
      markArea: timeline.dormant && points.length ? { itemStyle: { color: 'rgba(160,160,160,0.15)' },
        data: [[{ xAxis: points[points.length - 1][0], name: 'dormant' }, { xAxis: timeline.as_of }]] } : undefined }],
  });
}
