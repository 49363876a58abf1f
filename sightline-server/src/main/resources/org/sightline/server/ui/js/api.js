// Every page reads through the same /api/v1 that scripts use, with the token the user signed in with
// or, in the browser's other tabs, with the session cookie that token was traded for.
const KEY = 'sightline.token';
const CSRF_KEY = 'sightline.csrf';

/** A 401: no token yet, or (revoked) the one this tab signed in with is refused now. */
export class SignInNeeded extends Error {
  constructor(message, refusedToken) { super(message); this.refusedToken = refusedToken; }
}

export function token() { return sessionStorage.getItem(KEY); }
export function setToken(value) { sessionStorage.setItem(KEY, value); }
/** Forgets this tab's sign-in (the browser's session, if any, is ended by endSession). */
export function signOut() { sessionStorage.removeItem(KEY); sessionStorage.removeItem(CSRF_KEY); }
/** True when this tab has a token, or has joined the browser's session. */
export function signedIn() { return Boolean(token() || sessionStorage.getItem(CSRF_KEY)); }

/** The credentials of a request: this tab's token, or (the cookie going by itself) the session's CSRF token. */
export function authHeaders() {
  if (token()) return { Authorization: 'Bearer ' + token() };
  const csrf = sessionStorage.getItem(CSRF_KEY);
  return csrf ? { 'X-CSRF-Token': csrf } : {};
}

/**
 * Trades this tab's token for the browser's session (an HttpOnly cookie no script can read, and a
 * CSRF token for writes), so a new tab opens signed in and signing out ends every tab; the token
 * then leaves the page's storage. Should the trade fail, the tab keeps using its token.
 */
export async function startSession() {
  const response = await fetch('/api/v1/session', { method: 'POST', headers: authHeaders() }).catch(() => null);
  if (!response || !response.ok) return;
  const body = await response.json().catch(() => ({}));
  if (!body.csrf_token) return;
  sessionStorage.setItem(CSRF_KEY, body.csrf_token);
  sessionStorage.removeItem(KEY);
}

/** A tab opened without a token joins the browser's session, if it has one; false when it has none. */
export async function joinSession() {
  const response = await fetch('/api/v1/session').catch(() => null);
  if (!response || !response.ok) return false;
  const body = await response.json().catch(() => ({}));
  if (!body.csrf_token) return false;
  sessionStorage.setItem(CSRF_KEY, body.csrf_token);
  return true;
}

/** Signs the browser out: its session ends for every tab, then this tab forgets its token. */
export async function endSession() {
  await fetch('/api/v1/session', { method: 'DELETE', headers: authHeaders() }).catch(() => {});
  signOut();
}

/** GET a JSON answer; a 401 asks for sign-in, any other error carries the server's message. */
export async function get(path) {
  return answer(await fetch(path, { headers: authHeaders() }));
}

/** POST a JSON body and read the JSON answer, the same way. */
export async function post(path, body) {
  return answer(await fetch(path, { method: 'POST', body: JSON.stringify(body),
    headers: { ...authHeaders(), 'Content-Type': 'application/json' } }));
}

async function answer(response) {
  if (response.status === 401) {
    const refused = signedIn();
    const body = await response.json().catch(() => ({}));
    signOut();
    throw new SignInNeeded(body.error?.message || 'sign-in needed', refused);
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.error?.message || ('HTTP ' + response.status));
    error.status = response.status;
    error.body = body;
    throw error;
  }
  return body;
}

/** Downloads an answer (a dossier) as a file: a link cannot carry the Authorization header. */
export async function download(path, filename) {
  const response = await fetch(path, { headers: authHeaders() });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(body.error?.message || ('HTTP ' + response.status));
  }
  const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
  saveBlob(await response.blob(), named ? named[1] : filename);
}

/** Saves what the page already holds as a file, through a link the user did not have to click. */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link); link.click(); link.remove();
  URL.revokeObjectURL(url);
}
