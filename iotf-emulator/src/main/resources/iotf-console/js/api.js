// The one way the console talks to the service: fetch with the session cookie (same origin), JSON in and out, the
// session's CSRF token on every change (X-IoTF-CSRF), and for an administrator's session the chosen organization
// as the `org` parameter. Errors carry the API's own message (the service's error shape: {"message": ...}).

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let session = null;
let currentOrg = null;

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

export function setSession(s) {
  session = s;
  if (!s) {
    currentOrg = null;
  } else if (!currentOrg || !(s.orgs || []).includes(currentOrg)) {
    currentOrg = s.org || (s.orgs && s.orgs[0]) || null;
  }
}

export function getSession() {
  return session;
}

/** The organization the console shows: the key's, or the one an administrator chose. */
export function org() {
  return currentOrg;
}

export function setOrg(id) {
  currentOrg = id;
}

/** A URL of the service with query parameters (empty ones left out) and, for an administrator, `org`. */
export function url(path, query) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== null && v !== undefined && v !== '') params.set(k, v);
  }
  if (session && session.admin && currentOrg && scoped(path)) params.set('org', currentOrg);
  const q = params.toString();
  return q ? `${path}?${q}` : path;
}

function scoped(path) {
  return path.startsWith('/api/') || (path.startsWith('/console/api/') && path !== '/console/api/orgs');
}

/** Calls the service; resolves to the parsed JSON answer (null for an empty one), rejects with an ApiError. */
export async function call(method, path, {query, body} = {}) {
  const headers = {'Accept': 'application/json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (CHANGES.has(method) && session && session.csrf) headers['X-IoTF-CSRF'] = session.csrf;
  let response;
  try {
    response = await fetch(url(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'The service cannot be reached: ' + e.message);
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch (e) { json = null; }
  }
  if (!response.ok) {
    // the API's messages start with an id (CUDLS0403E: ...): the console shows the text
    let message = json && typeof json.message === 'string' ? json.message.replace(/^CUD\w+: /, '')
      : `${response.status} ${response.statusText}`;
    if (response.status === 429) {
      const after = response.headers.get('Retry-After');
      if (after) message += ` (try again in ${after} s)`;
    }
    const error = new ApiError(response.status, message, json);
    if (response.status === 401 && path !== '/console/session' && session) {
      window.dispatchEvent(new CustomEvent('iotf-session-lost', {detail: message}));
    }
    throw error;
  }
  return json;
}

export const get = (path, query) => call('GET', path, {query});
export const post = (path, body, query) => call('POST', path, {body: body === undefined ? {} : body, query});
export const put = (path, body, query) => call('PUT', path, {body, query});
export const del = (path, query) => call('DELETE', path, {query});

/** Path segments are encoded: ids may hold '.', '-', '_' and, from other clients, more. */
export const seg = encodeURIComponent;

/**
 * The service's event stream of the shown organization (Server-Sent Events), with its filters. Handlers by message
 * name (evt, status, dropped) get the parsed data; onState gets 'live', 'reconnecting' or 'stopped'. The service
 * says `hello` first and `end` when the session ends (signed out, key revoked, expired): then the stream is closed
 * here, as EventSource would otherwise reconnect. Returns a function that closes the stream.
 */
export function liveStream(filters, handlers) {
  const source = new EventSource(url('/console/api/events/stream', filters), {withCredentials: true});
  const state = s => handlers.onState && handlers.onState(s);
  const parsed = fn => msg => {
    let data;
    try { data = JSON.parse(msg.data); } catch (e) { return; }
    fn(data);
  };
  source.addEventListener('open', () => state('live'));
  source.addEventListener('hello', () => state('live'));
  for (const name of ['evt', 'status', 'dropped']) {
    if (handlers[name]) source.addEventListener(name, parsed(handlers[name]));
  }
  source.addEventListener('end', parsed(data => {
    source.close();
    state('stopped');
    window.dispatchEvent(new CustomEvent('iotf-session-lost', {detail: data.reason}));
  }));
  source.addEventListener('error', async () => {
    if (source.readyState !== EventSource.CLOSED) {
      state('reconnecting');
      return;
    }
    state('stopped');
    try {
      await get('/console/session');
    } catch (e) {
      if (e.status === 401) window.dispatchEvent(new CustomEvent('iotf-session-lost', {detail: e.message}));
    }
  });
  return () => source.close();
}
