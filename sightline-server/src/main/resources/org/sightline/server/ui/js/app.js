// The analyst's web interface: a hash router over pages that each read /api/v1 with the user's token.
import { SignInNeeded, endSession, get, joinSession, setToken, signOut, signedIn, startSession } from './api.js';
import { disposeAll } from './charts.js';
import { el } from './dom.js';
import { actorPage } from './pages/actor.js';
import { attributePage } from './pages/attribute.js';
import { claimPage, claimsPage } from './pages/claims.js';
import { exposurePage } from './pages/exposure.js';
import { graphPage } from './pages/graph.js';
import { homePage, searchPage } from './pages/search.js';
import { importPage } from './pages/import.js';
import { indicatorPage } from './pages/indicator.js';
import { objectPage } from './pages/object.js';
import { screeningPage } from './pages/screening.js';
import { sensorsPage } from './pages/sensors.js';
import { sightingsPage } from './pages/sightings.js';
import { sourcePage } from './pages/source.js';

const main = document.getElementById('main');
const routes = [
  [/^#\/search\?q=(.*)$/, q => searchPage(decodeURIComponent(q))],
  [/^#\/actor\/([^/?]+)(?:\?as_of=(.*))?$/, (id, asOf) => actorPage(id, asOf)],
  [/^#\/graph\/([^/?]+)(?:\?expand=(.*))?$/, (id, expanded) => graphPage(id, expanded)],
  [/^#\/indicator\/([^/?]+)$/, id => indicatorPage(id)],
  [/^#\/object\/([^/?]+)$/, id => objectPage(id)],
  [/^#\/claims$/, () => claimsPage()],
  [/^#\/claim\/([^/?]+)(?:\?as_of=(.*))?$/, (id, asOf) => claimPage(id, asOf)],
  [/^#\/source\/([^/?]+)(?:\?as_of=(.*))?$/, (id, asOf) => sourcePage(id, asOf)],
  [/^#\/exposure(?:\?(.*))?$/, query => exposurePage(query)],
  [/^#\/import$/, () => importPage()],
  [/^#\/sightings$/, () => sightingsPage()],
  [/^#\/screen$/, () => screeningPage()],
  [/^#\/attribute$/, () => attributePage()],
  [/^#\/sensors$/, () => sensorsPage()],
];

async function render() {
  if (!signedIn() && !(await joinSession())) { askForToken(); return; }
  disposeAll();
  const hash = location.hash || '#/';
  const route = routes.find(([pattern]) => pattern.test(hash));
  main.replaceChildren(el('p', { class: 'muted', role: 'status' }, 'Loading…'));
  try {
    const page = route ? await route[1](...hash.match(route[0]).slice(1)) : await homePage();
    main.replaceChildren(page);
    document.title = (main.querySelector('h1')?.textContent || 'Home') + ' · Sightline';
    main.dataset.ready = hash; // tests and screen readers know the page is complete
    main.focus({ preventScroll: true });
  } catch (error) {
    if (error instanceof SignInNeeded) {
      main.replaceChildren(el('p', { class: 'muted' }, 'Signed out.'));
      askForToken(error.refusedToken ? 'The token this tab signed in with is no longer accepted (revoked or unknown, or the '
        + 'browser was signed out): sign in with another.' : '');
      return;
    }
    main.replaceChildren(el('h1', {}, error.status === 404 ? 'Not found' : 'Something went wrong'),
      el('p', { class: 'error', role: 'alert' }, error.message));
    main.dataset.ready = hash;
  }
}

function askForToken(message) {
  const dialog = document.getElementById('signin');
  document.getElementById('signin-error').textContent = message || '';
  if (!dialog.open) dialog.showModal();
  document.getElementById('token').focus();
}

document.getElementById('signin-form').addEventListener('submit', async event => {
  event.preventDefault();
  const value = document.getElementById('token').value.trim();
  setToken(value);
  try {
    await get('/api/v1/stats'); // proves the token before any page uses it
    await startSession();
    document.getElementById('signin').close();
    document.getElementById('token').value = '';
    render();
  } catch (error) {
    signOut();
    askForToken(error instanceof SignInNeeded ? 'That token is not valid (unknown or revoked).' : error.message);
  }
});

// Escape would close the dialog over a page that cannot load without a token: it stays until one is given
// (and should the browser close it anyway, it opens again).
const signInDialog = document.getElementById('signin');
signInDialog.addEventListener('cancel', event => { if (!signedIn()) event.preventDefault(); });
signInDialog.addEventListener('close', () => { if (!signedIn()) setTimeout(() => askForToken(document.getElementById('signin-error').textContent), 0); });

// Signing out ends the browser's session, so every tab of it is signed out.
document.getElementById('signout').addEventListener('click', async () => { await endSession(); main.replaceChildren(); askForToken(); });

document.getElementById('search').addEventListener('submit', event => {
  event.preventDefault();
  const q = document.getElementById('q').value.trim();
  if (q) location.hash = '#/search?q=' + encodeURIComponent(q);
});

/**
 * A link printed by 'sightline demo' ends in #signin=CODE: a one-time code, never a token. The code
 * leaves the address bar (and this history entry) before it is traded for this browser's own token.
 */
async function signInFromLink() {
  const code = /^#signin=([A-Za-z0-9_-]+)$/.exec(location.hash)?.[1];
  if (!code) return true;
  history.replaceState(null, '', location.pathname + '#/');
  const response = await fetch('/api/v1/signin', { method: 'POST', body: JSON.stringify({ code }),
    headers: { 'Content-Type': 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (response.ok && body.token) {
    signOut(); // whatever this tab held before, it is this link's token now
    setToken(body.token);
    await startSession();
    // pasted into a page that was asking for a token: the question is answered
    const dialog = document.getElementById('signin');
    if (dialog.open) dialog.close();
    return true;
  }
  signOut();
  askForToken(body.error?.message || 'That sign-in link did not work.');
  return false;
}

const signInThenRender = () => signInFromLink().then(signedIn => { if (signedIn) render(); });
window.addEventListener('hashchange', signInThenRender); // a link pasted into an open page, too
signInThenRender();
