// Small helpers for building pages: text is always set as text, never parsed as HTML.
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const link = (href, text) => el('a', { href }, text);
export const objectLink = (id, name) => link(hrefFor(id), name || id);

/** The page for an object: actors have a card, claims a claim page, sources a source page, everything a graph. */
export function hrefFor(id) {
  const type = id.split('--')[0];
  if (['intrusion-set', 'threat-actor', 'campaign'].includes(type)) return '#/actor/' + id;
  return '#/graph/' + id;
}

export function section(title, ...children) { return el('section', { class: 'card' }, el('h2', {}, title), ...children); }

/** A table that scrolls sideways inside its box on a narrow screen, rather than widening the page. */
export function table(headers, rows) {
  return el('div', { class: 'table-wrap' }, el('table', {}, el('thead', {}, el('tr', {}, headers.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map(cells => el('tr', {}, cells.map(c => el('td', {}, c)))))));
}

export const day = timestamp => timestamp ? timestamp.slice(0, 10) : '';
