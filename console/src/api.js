// The gateway's API, called with the logged-in user's bearer token. Errors arrive as
// problem+json and are thrown as `Problem` with the contract's `code`.

const SESSION_KEY = 'zhuyu.console.session';
const API = '/api/v1';

export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || `HTTP ${status}`);
    this.status = status;
    this.code = (body && body.code) || 'ERROR';
    this.detail = (body && body.detail) || '';
    this.errors = (body && body.errors) || {};
  }
}

let session = readSession();
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

export async function login(username, password) {
  const response = await fetch(`${API}/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = await bodyOf(response);
  if (!response.ok) throw new Problem(response.status, body);
  const claims = claimsOf(body.access_token);
  setSession({
    token: body.access_token,
    role: body.role,
    service_point_id: body.service_point_id || null,
    staff_id: claims.staff || null,
    username: claims.name || username,
    expires_at: Date.now() + body.expires_in * 1000,
  });
}

export function logout() {
  setSession(null);
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
  if (!session) throw new Problem(401, { code: 'UNAUTHORIZED' });
  const headers = { Authorization: `Bearer ${session.token}`, Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${API}${path}${query(params)}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    setSession(null);
    throw new Problem(401, await bodyOf(response));
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

/** The deployment's time zone (from the gateway) and the visit limits and commitment
 * version (from the visits service, which owns them); needs a logged-in session. */
export async function settings() {
  const [deployment, rules] = await Promise.all([
    fetch('/console/settings.json').then((response) => {
      if (!response.ok) throw new Error(`console settings: ${response.status}`);
      return response.json();
    }),
    get('/visits/rules'),
  ]);
  return { ...deployment, ...rules };
}
