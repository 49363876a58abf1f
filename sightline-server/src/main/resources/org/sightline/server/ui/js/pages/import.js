import { authHeaders } from '../api.js';
import { el, section, table } from '../dom.js';

/** Upload a STIX bundle, MISP event or galaxy, or a supplier list; the same report and errors as the command line. */
export function importPage() {
  const input = el('input', { type: 'file', id: 'file', accept: '.json,.gz,.csv,.yaml,.yml' });
  const org = el('input', { type: 'text', id: 'org', placeholder: 'for supplier lists: your organisation (if rows have no customer)' });
  const skip = el('input', { type: 'checkbox', id: 'skip-invalid' });
  const progress = el('progress', { id: 'progress', max: '100', value: '0', hidden: 'hidden' });
  const status = el('p', { id: 'import-status', role: 'status', 'aria-live': 'polite' });
  const result = el('div', { id: 'import-result' });
  const form = el('form', { class: 'card', onsubmit: event => { event.preventDefault(); upload(input, org, skip, progress, status, result); } },
    el('p', {}, el('label', { for: 'file' }, 'File: '), input),
    el('p', {}, el('label', { for: 'org' }, 'Organisation: '), org),
    el('p', {}, skip, el('label', { for: 'skip-invalid' }, ' Skip invalid objects: import the valid ones and list the rest')),
    el('button', { type: 'submit' }, 'Import'), ' ', progress, status);
  return el('div', {}, el('h1', {}, 'Import'),
    el('p', {}, 'A STIX 2.0/2.1 bundle, a MISP event or galaxy (JSON, or gzip), or a supplier list (CSV, YAML). ',
      'A file goes in whole or not at all, unless you skip invalid objects; every problem is named with its object or line.'), form, result);
}

function upload(input, org, skip, progress, status, result) {
  const file = input.files[0];
  if (!file) { status.textContent = 'Choose a file first.'; return; }
  const request = new XMLHttpRequest();
  const query = '?filename=' + encodeURIComponent(file.name) + (org.value.trim() ? '&org=' + encodeURIComponent(org.value.trim()) : '')
    + (skip.checked ? '&skip_invalid=true' : '');
  request.open('POST', '/api/v1/import' + query);
  Object.entries(authHeaders()).forEach(([name, value]) => request.setRequestHeader(name, value));
  request.setRequestHeader('Content-Type', 'application/octet-stream');
  progress.hidden = false; progress.value = 0; result.replaceChildren(); status.textContent = 'Uploading…';
  request.upload.onprogress = event => { if (event.lengthComputable) progress.value = Math.round(100 * event.loaded / event.total); };
  request.upload.onload = () => { status.textContent = 'Uploaded; importing…'; progress.removeAttribute('value'); };
  request.onload = () => {
    progress.hidden = true;
    let body = {};
    try { body = JSON.parse(request.responseText); } catch (e) { body = { error: { message: request.responseText } }; }
    result.replaceChildren(report(request.status, body));
    status.textContent = request.status === 200 ? 'Done.' : 'Not imported.';
  };
  request.onerror = () => { progress.hidden = true; status.textContent = 'The upload failed: is the server running?'; };
  request.send(file);
}

function report(httpStatus, body) {
  if (body.error) {
    return section('Not imported', el('p', { class: 'error', role: 'alert' }, body.error.message),
      body.error.details ? el('ul', {}, body.error.details.map(d => el('li', {}, d))) : null);
  }
  if (body.kind === 'suppliers') {
    const s = body.suppliers;
    return section('Suppliers declared', el('p', {}, `${s.supplies} supplies from ${s.suppliers} suppliers for ${s.customers.join(', ')}`));
  }
  const r = body.report;
  const rejected = r.files.filter(f => f.rejected || f.message || (f.rejections || []).length);
  return section(httpStatus === 200 ? 'Imported' : 'Not imported',
    el('p', { id: 'import-counts' }, `${r.imported} imported, ${r.unchanged} unchanged, ${r.invalid} invalid in ${r.seconds.toFixed(1)} s`),
    Object.keys(r.by_type).length ? table(['Type', 'Objects'], Object.entries(r.by_type).map(([type, n]) => [type, String(n)])) : null,
    rejected.map(f => el('div', {}, el('p', { class: f.rejected ? 'error' : 'muted' },
      f.message || `${f.rejections.length} invalid object(s) skipped:`),
      el('ul', {}, (f.rejections || []).map(x => el('li', {}, `${x.object_id || 'object ' + x.index} (line ${x.line}): ${x.errors.join('; ')}`))))));
}
