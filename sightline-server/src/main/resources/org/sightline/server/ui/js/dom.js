// Small helpers for building pages: text is always set as text, never parsed as HTML.
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    if (name === 'class') node.className = value;
    else if (name === 'style') node.style.cssText = value; // through the CSSOM, which the page's CSP allows
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/**
 * A link, when it is one this page may follow: a route of its own ('#/…'), a path on this server, an
 * http(s) or mailto URL. Anything else a stored URL may hold (javascript:, data:, vbscript:…) is shown
 * as text beside what it would have been the link of, and can never run.
 */
const SAFE_HREF = /^(#|\/(?!\/)|https?:\/\/|mailto:)/i;
export function link(href, text) {
  const value = String(href ?? '').trim();
  if (!SAFE_HREF.test(value)) return el('span', { class: 'inert-url', title: 'not an http(s) or mailto link' }, `${text} (${value})`);
  const external = /^(https?:|mailto:)/i.test(value);
  return el('a', external ? { href: value, rel: 'noopener noreferrer', target: '_blank' } : { href: value }, text);
}
export const objectLink = (id, name) => link(hrefFor(id), name || id);

/** The page for an object: actors have a card, indicators their score, everything else its object page. */
export function hrefFor(id) {
  const type = id.split('--')[0];
  if (['intrusion-set', 'threat-actor'].includes(type)) return '#/actor/' + id;
  if (type === 'indicator') return '#/indicator/' + id;
  return '#/object/' + id;
}

export function section(title, ...children) { return el('section', { class: 'card' }, el('h2', {}, title), ...children); }

/** A table that scrolls sideways inside its box on a narrow screen, rather than widening the page. */
export function table(headers, rows) {
  return el('div', { class: 'table-wrap' }, el('table', {}, el('thead', {}, el('tr', {}, headers.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map(cells => el('tr', {}, cells.map(c => el('td', {}, c)))))));
}

export const day = timestamp => timestamp ? timestamp.slice(0, 10) : '';
