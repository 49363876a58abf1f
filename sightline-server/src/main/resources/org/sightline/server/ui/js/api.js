// Every page reads through the same /api/v1 that scripts use, with the token the user signed in with.
const KEY = 'sightline.token';

/** A 401: no token yet, or (revoked) the one this tab signed in with is refused now. */
export class SignInNeeded extends Error {
  constructor(message, refusedToken) { super(message); this.refusedToken = refusedToken; }
}

export function token() { return sessionStorage.getItem(KEY); }
export function setToken(value) { sessionStorage.setItem(KEY, value); }
export function signOut() { sessionStorage.removeItem(KEY); }

/** GET a JSON answer; a 401 asks for sign-in, any other error carries the server's message. */
export async function get(path) {
  return answer(await fetch(path, { headers: { Authorization: 'Bearer ' + token() } }));
}

/** POST a JSON body and read the JSON answer, the same way. */
export async function post(path, body) {
  return answer(await fetch(path, { method: 'POST', body: JSON.stringify(body),
    headers: { Authorization: 'Bearer ' + token(), 'Content-Type': 'application/json' } }));
}

async function answer(response) {
  if (response.status === 401) {
    const refused = Boolean(token());
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
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token() } });
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
