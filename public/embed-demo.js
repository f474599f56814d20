// The demo CRM page's own script: it signs the user in with the server's OAuth flow (authorization code
// with PKCE, as any browser client would), gives <prospect-phone-numbers> the access token, and lists
// what the element reports. The tokens stay in this tab: the access token in memory, the refresh token in
// sessionStorage (under a key of its own, apart from the app's session).

const CLIENT_ID = 'phone-numbers-admin';
const SCOPE = 'phoneNumbers.all prospects.read users.read';
const REFRESH_TOKEN_KEY = 'embed-demo:refresh-token';
const PENDING_KEY = 'embed-demo:pending-sign-in';
const redirectUri = `${location.origin}${location.pathname}`;

const panel = document.querySelector('prospect-phone-numbers');
const signInButton = document.getElementById('sign-in');
const signOutButton = document.getElementById('sign-out');
const signedInAs = document.getElementById('signed-in-as');
const eventLog = document.getElementById('event-log');
const prospectHeading = document.getElementById('prospect-heading');

/** @type {{ value: string, expiresAt: number } | undefined} */
let accessToken;
/** @type {Promise<string | undefined> | undefined} */
let refreshing;

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

const randomToken = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

async function requestTokens(grant) {
  const response = await fetch('/oauth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ ...grant, client_id: CLIENT_ID }),
  });
  if (!response.ok) throw new Error(`The token request failed (${response.status}).`);
  const tokens = await response.json();
  accessToken = {
    value: tokens.access_token,
    expiresAt: Date.now() + (tokens.expires_in - 30) * 1000,
  };
  sessionStorage.setItem(REFRESH_TOKEN_KEY, tokens.refresh_token);
  return accessToken.value;
}

/** The access token, refreshed once it is about to expire; undefined when the session is gone. */
function currentToken() {
  if (accessToken && accessToken.expiresAt > Date.now()) return Promise.resolve(accessToken.value);
  const refreshToken = sessionStorage.getItem(REFRESH_TOKEN_KEY);
  if (!refreshToken) return Promise.resolve(undefined);
  refreshing ??= requestTokens({ grant_type: 'refresh_token', refresh_token: refreshToken })
    .catch(() => {
      signOut();
      return undefined;
    })
    .finally(() => {
      refreshing = undefined;
    });
  return refreshing;
}

async function signIn() {
  const verifier = randomToken();
  const state = randomToken();
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
  const url = new URL('/oauth/authorize', location.origin);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: redirectUri,
    scope: SCOPE,
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url);
}

function signOut() {
  accessToken = undefined;
  sessionStorage.removeItem(REFRESH_TOKEN_KEY);
  showSession(undefined);
}

/** Back from the authorization page with a code: exchanges it once, and takes it out of the URL. */
async function finishSignIn() {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null');
  sessionStorage.removeItem(PENDING_KEY);
  if (!params.has('code') && !params.has('error')) return;
  history.replaceState(null, '', redirectUri);
  if (!pending || params.get('state') !== pending.state || !params.has('code')) return;
  await requestTokens({
    grant_type: 'authorization_code',
    code: params.get('code'),
    redirect_uri: redirectUri,
    code_verifier: pending.verifier,
  });
}

/** Reads the API as the page's own code does, with the same token as the element. */
async function readApi(path) {
  const token = await currentToken();
  if (token === undefined) return undefined;
  const response = await fetch(`/api/v2${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return response.ok ? response.json() : undefined;
}

async function showProspect() {
  const id = panel.getAttribute('prospect-id');
  const prospect = (await readApi(`/prospects/${id}`))?.data.attributes;
  prospectHeading.textContent = prospect
    ? `${prospect.name} · ${prospect.title ?? ''} at ${prospect.company ?? ''}`
    : `Prospect ${id}`;
}

async function showSession(token) {
  signInButton.hidden = token !== undefined;
  signOutButton.hidden = token === undefined;
  panel.accessTokenProvider = token === undefined ? undefined : currentToken;
  signedInAs.textContent = '';
  if (token === undefined) return;
  const root = await readApi('');
  if (root) signedInAs.textContent = `Signed in as ${root.meta.user.attributes.name}`;
  await showProspect();
}

function logEvent(event) {
  const item = document.createElement('li');
  const { action, phoneNumber, message, status } = event.detail;
  item.textContent =
    event.type === 'phone-numbers-change'
      ? `${action}: ${phoneNumber.number}`
      : `error${status === undefined ? '' : ` ${status}`}: ${message}`;
  eventLog.prepend(item);
}

signInButton.addEventListener('click', () => void signIn());
signOutButton.addEventListener('click', signOut);
panel.addEventListener('phone-numbers-change', logEvent);
panel.addEventListener('phone-numbers-error', logEvent);
for (const button of document.querySelectorAll('[data-prospect-id]')) {
  button.addEventListener('click', () => {
    panel.setAttribute('prospect-id', button.dataset.prospectId);
    void showProspect();
  });
}

finishSignIn()
  .catch(() => undefined)
  .then(currentToken)
  .then(showSession);
