import { download, get } from '../api.js';
import { chart } from '../charts.js';
import { day, el, link, objectLink, section, table } from '../dom.js';

export async function claimsPage() {
  const claims = (await get('/api/v1/claims')).claims;
  return el('div', {}, el('h1', {}, 'Claims'),
    table(['Claim', 'Status'], claims.map(claim => [
      link('#/claim/' + claim.id, `${claim.source.name} ${claim.type} ${claim.target.name}`), claim.status])));
}

/** The claim, how sure we are (as of a date), why, and how that changed: as of a date, nothing learnt later (status, curve, evidence). */
export async function claimPage(id, asOf) {
  const query = asOf ? '?as_of=' + encodeURIComponent(asOf) : '';
  const [assessment, history, evidence, claims, analyses] = await Promise.all([
    get(`/api/v1/claims/${id}/assessment${query}`), get(`/api/v1/claims/${id}/history${query}`), get(`/api/v1/claims/${id}/evidence${query}`),
    get('/api/v1/claims' + query), get('/api/v1/ach')]);
  const claim = claims.claims.find(c => c.id === id);
  const curve = el('div', { class: 'chart', id: 'confidence-curve', role: 'img', 'aria-label': 'Confidence over time' });
  const percent = Math.round(assessment.probability * 100);
  const datePicker = el('input', { type: 'date', id: 'as-of', value: asOf ? asOf.slice(0, 10) : '',
    onchange: event => { location.hash = `#/claim/${id}` + (event.target.value ? `?as_of=${event.target.value}` : ''); } });
  const page = el('div', {},
    el('h1', {}, claim ? `${claim.source.name} ${claim.type} ${claim.target.name}` : id),
    claim ? el('p', {}, 'Between ', objectLink(claim.source.id, claim.source.name), ' and ', objectLink(claim.target.id, claim.target.name),
      ` — ${claim.status}` + (claim.resolved_on ? ` on ${day(claim.resolved_on)}` : '')) : null,
    el('div', { class: 'toolbar' }, el('label', { for: 'as-of' }, 'As of'), datePicker),
    section('Confidence',
      el('p', { id: 'confidence' }, el('strong', {}, `${assessment.wep}`), ` — ${percent} % (STIX confidence ${assessment.confidence})`),
      el('div', { class: 'bar', role: 'meter', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(percent),
        'aria-label': 'Probability' }, el('span', { style: `width:${percent}%` })),
      el('ul', {}, assessment.contributions.map(c => el('li', {}, c.reason)))),
    section('Confidence over time', curve),
    section('Evidence', evidence.evidence.length === 0 ? el('p', { class: 'muted' }, 'No evidence knowable on that date.') :
      table(['Known from', 'Item', 'Stance', 'Grade (as graded, as weighed then)', 'Origin', 'Source (reliability then)', 'Artifact'],
        evidence.evidence.map(row => [day(row.known_from), row.item.title || row.item.kind, row.item.stance.toLowerCase(), row.grade_label,
          row.item.origin, row.item.source.id ? link('#/source/' + row.item.source.id + query, `${row.item.source.name} (${row.source_reliability})`)
            : `${row.item.source.name} (${row.source_reliability})`,
          row.item.artifact_sha256 ? artifactCell(row.item.artifact_sha256) : row.item.url ? link(row.item.url, 'link') : '']))));
  const related = analyses.analyses.filter(a => (a.hypotheses || []).some(h => h.claim === id));
  for (const analysis of related) {
    const result = await get(`/api/v1/ach/${analysis.id}${query}`);
    page.append(achMatrix(result));
  }
  requestAnimationFrame(() => drawCurve(curve, history.history));
  return page;
}

/** The archived artifact: its hash, and a download that the server re-hashes before it sends the file. */
function artifactCell(sha256) {
  const note = el('span', { class: 'muted' });
  return el('span', {}, el('code', { title: 'SHA-256: ' + sha256 }, sha256.slice(0, 12) + '…'), ' ',
    el('button', { type: 'button', class: 'secondary', onclick: () => download('/api/v1/artifacts/' + sha256, sha256)
      .then(() => { note.textContent = ''; }).catch(error => { note.textContent = ' ' + error.message; }) }, 'Download'), note);
}

/** Heuer's matrix: hypotheses ranked by weighted inconsistency, one row per item with its ratings and diagnosticity. */
function achMatrix(result) {
  const hypotheses = result.ranking || [];
  return section('Competing hypotheses: ' + (result.question || ''),
    el('ol', {}, hypotheses.map(h => el('li', {}, `${h.key}: ${h.label} — inconsistency ${h.inconsistency.toFixed(2)}`
      + ` (${h.inconsistent_items} inconsistent items)`))),
    table(['Evidence', ...hypotheses.map(h => h.key), 'Diagnosticity'], (result.evidence || []).map(row =>
      [row.title || row.evidence, ...hypotheses.map(h => row.ratings[h.key] || '–'), row.diagnosticity.toFixed(2)])));
}

function drawCurve(element, history) {
  chart(element, {
    animation: false,
    tooltip: { trigger: 'axis', formatter: p => `${p[0].value[0].slice(0, 10)}: ${Math.round(p[0].value[1] * 100)} %` },
    grid: { left: 45, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'time' }, yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: v => Math.round(v * 100) + ' %' } },
    series: [{ type: 'line', step: 'end', data: history.map(point => [point.as_of, point.probability]), areaStyle: { opacity: 0.15 } }],
  });
}
