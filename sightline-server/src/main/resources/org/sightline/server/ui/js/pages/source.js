import { get } from '../api.js';
import { el, section } from '../dom.js';

export async function sourcePage(id) {
  const record = await get('/api/v1/sources/' + id);
  return el('div', {}, el('h1', {}, record.name || id),
    section('Track record',
      el('p', {}, el('strong', {}, `Reliability ${record.reliability}`), ` — ${record.confirmed} confirmed, ${record.refuted} refuted, ${record.open} open`),
      record.reason ? el('p', {}, record.reason) : null));
}
