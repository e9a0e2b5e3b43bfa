// The gateway's API, called with the logged-in user's bearer token. Errors arrive as
// problem+json and are thrown as `Problem` with the contract's `code`.
//
// The session renews itself before the token runs out (POST /auth/refresh). When it
// cannot (the refresh is refused, or a call answers 401), the session is marked expired
// rather than dropped: the screens stay as they are, with what was typed, under a login
// dialog, and carry on once the same user has logged in again.

const SESSION_KEY = 'zhuyu.console.session';
const API = '/api/v1';
// Renew when this share of the token's life has passed (at most 5 minutes before its end).
const RENEW_AT = 0.75;
const RENEW_MARGIN_MS = 5 * 60 * 1000;

export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || `HTTP ${status}`);
    this.status = status;
    this.code = (body && body.code) || (status === 0 ? 'NETWORK' : 'ERROR');
    this.detail = (body && body.detail) || '';
    this.errors = (body && body.errors) || {};
  }
}

let session = readSession();
let renewTimer = null;
let renewing = null;
const listeners = new Set();

function readSession() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
    return stored && stored.expires_at > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

function setSession(value) {
  session = value;
  if (value) sessionStorage.setItem(SESSION_KEY, JSON.stringify(value));
  else sessionStorage.removeItem(SESSION_KEY);
  scheduleRenewal();
  listeners.forEach((listener) => listener(value));
}

export const currentSession = () => session;

export function onSessionChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function claimsOf(token) {
  // The token's payload names the user and the staff member behind it; the gateway checks
  // the signature, the console only reads it.
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(
      Array.from(atob(part), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''),
    );
    return JSON.parse(json);
  } catch {
    return {};
  }
}

async function bodyOf(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text };
  }
}

async function send(url, init) {
  try {
    return await fetch(url, init);
  } catch {
    throw new Problem(0, { code: 'NETWORK' });
  }
}

function sessionFrom(body, fallbackName) {
  const claims = claimsOf(body.access_token);
  const now = Date.now();
  return {
    token: body.access_token,
    role: body.role,
    service_point_id: body.service_point_id || null,
    user_id: claims.sub || null,
    staff_id: claims.staff || null,
    username: claims.name || fallbackName,
    issued_at: now,
    expires_at: now + body.expires_in * 1000,
    expired: false,
  };
}

export async function login(username, password) {
  const response = await send(`${API}/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = await bodyOf(response);
  if (!response.ok) throw new Problem(response.status, body);
  setSession(sessionFrom(body, username));
}

export function logout() {
  setSession(null);
}

function expire() {
  if (session && !session.expired) setSession({ ...session, expired: true });
}

function scheduleRenewal() {
  clearTimeout(renewTimer);
  if (!session || session.expired) return;
  const life = session.expires_at - session.issued_at;
  const at = Math.max(session.issued_at + life * RENEW_AT, session.expires_at - RENEW_MARGIN_MS);
  renewTimer = setTimeout(renew, Math.max(0, at - Date.now()));
}

/** Trades the current token for a fresh one; a refusal ends the session (kept on screen). */
export function renew() {
  if (!session || session.expired) return Promise.resolve(false);
  if (!renewing) {
    const token = session.token;
    renewing = send(`${API}/auth/refresh`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    })
      .then(async (response) => {
        if (response.ok) {
          if (session && session.token === token) setSession(sessionFrom(await bodyOf(response), session.username));
          return true;
        }
        if (response.status === 401 || response.status === 403) expire();
        else setTimeout(scheduleRenewal, 10000); // a passing failure: try again shortly
        return false;
      })
      .catch(() => {
        renewTimer = setTimeout(renew, 10000);
        return false;
      })
      .finally(() => {
        renewing = null;
      });
  }
  return renewing;
}

// A device that slept past the renewal time renews as soon as it wakes.
if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && session && !session.expired) {
      const life = session.expires_at - session.issued_at;
      if (Date.now() > session.issued_at + life * RENEW_AT) renew();
    }
  });
}

export function query(params) {
  const search = new URLSearchParams();
  Object.entries(params || {}).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function call(method, path, { params, body, accept = 'application/json' } = {}) {
  if (!session || session.expired) throw new Problem(401, { code: 'SESSION_EXPIRED' });
  const headers = { Authorization: `Bearer ${session.token}`, Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await send(`${API}${path}${query(params)}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    expire();
    throw new Problem(401, { ...(await bodyOf(response)), code: 'SESSION_EXPIRED' });
  }
  if (!response.ok) throw new Problem(response.status, await bodyOf(response));
  return response;
}

export async function get(path, params) {
  return bodyOf(await call('GET', path, { params }));
}

export async function post(path, body = {}) {
  return bodyOf(await call('POST', path, { body }));
}

export async function patch(path, body) {
  return bodyOf(await call('PATCH', path, { body }));
}

export async function put(path, body) {
  return bodyOf(await call('PUT', path, { body }));
}

/** Every page of a list (for the console's boards: a point's day, its staff). */
export async function all(path, params = {}, most = 1000) {
  const items = [];
  let cursor;
  do {
    const page = await get(path, { ...params, limit: 200, cursor });
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && items.length < most);
  return items;
}

/** Fetches a file with the token and hands it to the browser as a download. */
export async function download(path, params, filename) {
  const response = await call('GET', path, { params, accept: '*/*' });
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** The deployment's time zone (from the gateway), the visit limits and commitment version
 * (from the visits service, which owns them) and who the user is and may do (the
 * gateway's answer from its permission table); needs a logged-in session. */
export async function settings() {
  const [deployment, rules, me] = await Promise.all([
    fetch('/console/settings.json').then((response) => {
      if (!response.ok) throw new Error(`console settings: ${response.status}`);
      return response.json();
    }),
    get('/visits/rules'),
    get('/auth/me'),
  ]);
  return { ...deployment, ...rules, me, operations: new Set(me.operations) };
}
