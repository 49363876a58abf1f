import { get } from '../api.js';
import { chart } from '../charts.js';
import { el, hrefFor, link } from '../dom.js';

const COLORS = { 'intrusion-set': '#a23b00', 'threat-actor': '#a23b00', campaign: '#c46a00', malware: '#6d2c91', tool: '#8e5ab5',
  'attack-pattern': '#0b5cad', identity: '#1c6b32', location: '#2f8a6b', indicator: '#444', vulnerability: '#b3003c' };

/**
 * The neighbourhood of an object: select a node to expand, hide or open it; filter relationship types; lay out again.
 * The nodes expanded are kept in the address (?expand=id,id), so back from an object opened here finds the graph as it was.
 */
export async function graphPage(id, expanded) {
  const state = { nodes: new Map(), edges: new Map(), hidden: new Set(), hiddenNodes: new Set(), types: new Set(), chart: null,
    truncated: [], center: id, expanded: [] };
  const box = el('div', { id: 'graph', role: 'img', 'aria-label': 'Relationship graph' });
  const filters = el('div', { class: 'toolbar', id: 'graph-filters' });
  state.legend = el('div', { class: 'toolbar', id: 'graph-legend', 'aria-label': 'Colours by object type' });
  state.cut = el('p', { class: 'muted', id: 'graph-cut', role: 'status' });
  const detail = el('div', { id: 'graph-detail', class: 'toolbar', 'aria-live': 'polite' },
    el('span', { class: 'muted' }, 'Click a node to expand, hide or open it; double-click opens it.'));
  // The same graph as a list, for the keyboard and screen readers: every object shown, with how it is joined.
  state.list = el('details', { id: 'graph-list' }, el('summary', {}, 'Objects in the graph'), el('ul'));
  const center = await expand(state, id);
  for (const again of (expanded ? decodeURIComponent(expanded).split(',') : []).filter(Boolean)) {
    if (state.nodes.has(again)) { await expand(state, again); state.expanded.push(again); }
  }
  const page = el('div', {},
    el('h1', {}, 'Graph: ', center?.name || id),
    el('div', { class: 'toolbar' },
      el('button', { type: 'button', onclick: () => draw(state, box, detail, true) }, 'Lay out again'),
      el('button', { type: 'button', class: 'secondary', id: 'show-hidden',
        onclick: () => { state.hiddenNodes.clear(); draw(state, box, detail, false); } }, 'Show hidden objects'),
      link(hrefFor(id), 'Open the object')),
    filters, state.legend, state.cut, box, detail, state.list);
  requestAnimationFrame(() => { renderFilters(state, filters, box, detail); draw(state, box, detail, true); });
  return page;
}

async function expand(state, id) {
  const graph = await get(`/api/v1/graph/${id}?depth=1&max=150`);
  graph.nodes.forEach(node => { if (!state.nodes.has(node.id)) state.nodes.set(node.id, node); });
  graph.edges.forEach(edge => state.edges.set(edge.id, edge));
  graph.relationship_types.forEach(type => state.types.add(type));
  if (graph.truncated && !state.truncated.includes(id)) state.truncated.push(id);
  return state.nodes.get(id);
}

function renderFilters(state, filters, box, detail) {
  filters.replaceChildren(el('span', { class: 'muted' }, 'Relationships:'), ...
    [...state.types].sort().map(type => el('label', { class: 'tag' },
      el('input', { type: 'checkbox', checked: state.hidden.has(type) ? null : 'checked',
        onchange: event => { event.target.checked ? state.hidden.delete(type) : state.hidden.add(type); draw(state, box, detail, false); } }),
      ' ' + type)));
}

/** The selected node's actions: expand its neighbourhood into the graph, hide it, or open its page. */
function select(state, box, detail, node) {
  detail.replaceChildren(el('strong', {}, `${node.type}: ${node.name}`),
    el('button', { type: 'button', onclick: async () => {
      await expand(state, node.id);
      if (!state.expanded.includes(node.id)) state.expanded.push(node.id);
      // the address says what is expanded, without a new history entry or a new render
      history.replaceState(null, '', `#/graph/${state.center}?expand=${state.expanded.map(encodeURIComponent).join(',')}`);
      renderFilters(state, document.getElementById('graph-filters'), box, detail);
      draw(state, box, detail, false);
      detail.replaceChildren(el('span', {}, `${node.name} expanded: ${state.nodes.size} objects`));
    } }, 'Expand'),
    el('button', { type: 'button', class: 'secondary', onclick: () => { state.hiddenNodes.add(node.id); draw(state, box, detail, false); } }, 'Hide'),
    el('a', { href: hrefFor(node.id) }, 'Open'));
}

function draw(state, box, detail, relayout) {
  const edges = [...state.edges.values()].filter(edge => !state.hidden.has(edge.type)
    && !state.hiddenNodes.has(edge.source) && !state.hiddenNodes.has(edge.target));
  const linked = new Set(edges.flatMap(edge => [edge.source, edge.target]));
  const nodes = [...state.nodes.values()].filter(node => (node.distance === 0 || linked.has(node.id)) && !state.hiddenNodes.has(node.id));
  const option = {
    animation: false,
    tooltip: { formatter: p => p.dataType === 'edge' ? p.data.label.formatter : `${p.data.type}: ${p.data.name}` },
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true,
      force: { repulsion: 160, edgeLength: 90, layoutAnimation: false }, label: { show: nodes.length < 120, position: 'right', fontSize: 11 },
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 6, lineStyle: { color: '#9aa4b1' },
      data: nodes.map(node => ({ id: node.id, name: node.name, type: node.type, symbolSize: node.distance === 0 ? 26 : 14,
        itemStyle: { color: COLORS[node.type] || '#777' } })),
      links: edges.map(edge => ({ source: edge.source, target: edge.target, label: { show: false, formatter: edge.type } })),
    }],
  };
  if (!state.chart || relayout) {
    state.chart?.dispose();
    state.chart = chart(box, option);
    state.chart.on('click', params => {
      if (params.dataType !== 'node') return;
      select(state, box, detail, params.data);
    });
    state.chart.on('dblclick', params => { if (params.dataType === 'node') location.hash = hrefFor(params.data.id); });
  } else {
    state.chart.setOption(option, { replaceMerge: ['series'] });
  }
  box.dataset.nodes = String(nodes.length);
  // the colours of the types on screen, and whether an expansion stopped at its limit
  const types = [...new Set(nodes.map(node => node.type))].sort();
  state.legend.replaceChildren(el('span', { class: 'muted' }, 'Objects:'), ...types.map(type => el('span', { class: 'tag legend-item' },
    el('span', { class: 'swatch', 'aria-hidden': 'true', style: `background:${COLORS[type] || '#777'}` }), ' ' + type)));
  state.cut.textContent = state.truncated.length === 0 ? '' : `Cut at 150 objects around ${state.truncated.map(id => state.nodes.get(id)?.name || id)
    .join(', ')}: open an object to see all of its relationships.`;
  const shown = new Set(nodes.map(node => node.id));
  state.list.querySelector('summary').textContent = `Objects in the graph (${nodes.length})`;
  state.list.querySelector('ul').replaceChildren(...nodes.filter(node => node.distance > 0).map(node => el('li', {},
    el('a', { href: hrefFor(node.id) }, node.name), ` (${node.type}) — `,
    edges.filter(edge => (edge.source === node.id || edge.target === node.id) && shown.has(edge.source) && shown.has(edge.target))
      .map(edge => edge.type).filter((type, i, all) => all.indexOf(type) === i).join(', '))));
}
