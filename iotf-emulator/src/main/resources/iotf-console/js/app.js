// The console's shell: the session (GET /console/session on load), the header (organization, user, sign-out),
// and the hash routes, each handled by one page module: render(main, params, query) -> cleanup function or nothing.
import * as api from './api.js';
import {h, clear, showError, clearMessages, notify} from './dom.js';
import * as signIn from './pages/signin.js';
import * as overview from './pages/overview.js';
import * as devices from './pages/devices.js';
import * as device from './pages/device.js';
import * as register from './pages/register.js';
import * as apikeys from './pages/apikeys.js';
import * as events from './pages/events.js';
import * as status from './pages/status.js';

const main = document.getElementById('main');
let cleanup = null;
let shown = 0;          // counts page changes: a page that finishes rendering after the next one began is stopped

/** Route patterns: the first one whose segments match the hash's path wins. */
const ROUTES = [
  {path: ['overview'], page: overview, nav: 'overview'},
  {path: ['devices'], page: devices, nav: 'devices'},
  {path: ['devices', ':type', ':id'], page: device, nav: 'devices'},
  {path: ['register'], page: register, nav: 'register'},
  {path: ['apikeys'], page: apikeys, nav: 'apikeys'},
  {path: ['events'], page: events, nav: 'events'},
  {path: ['status'], page: status, nav: 'status'},
];

function parseHash() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, q] = hash.split('?');
  const segments = path ? path.split('/').map(decodeURIComponent) : [];
  return {segments, query: Object.fromEntries(new URLSearchParams(q || ''))};
}

function match(segments) {
  for (const route of ROUTES) {
    if (route.path.length !== segments.length) continue;
    const params = {};
    let ok = true;
    route.path.forEach((p, i) => {
      if (p.startsWith(':')) params[p.slice(1)] = segments[i];
      else if (p !== segments[i]) ok = false;
    });
    if (ok) return {route, params};
  }
  return null;
}

function stopPage() {
  if (typeof cleanup === 'function') {
    try { cleanup(); } catch (e) { /* a page's cleanup must not stop navigation */ }
  }
  cleanup = null;
}

async function show() {
  const mine = ++shown;
  stopPage();
  clear(main);
  if (!api.getSession()) {
    document.getElementById('top').classList.add('hidden');
    document.body.dataset.page = 'signin';
    cleanup = signIn.render(main, onSignedIn);
    return;
  }
  const {segments, query} = parseHash();
  const found = match(segments);
  if (!found) {
    location.replace('#/overview');
    return;
  }
  document.body.dataset.page = found.route.nav;
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('active', a.dataset.page === found.route.nav);
  }
  try {
    // each page renders into a view of its own: one that is still loading when the next page begins fills a
    // detached view, never the next page
    const view = h('div', {class: 'view'});
    main.appendChild(view);
    const stop = await found.route.page.render(view, found.params, query);
    if (mine === shown) cleanup = stop;
    else if (typeof stop === 'function') stop();
  } catch (e) {
    if (mine === shown) showError(e);
  }
}

function renderHeader() {
  const s = api.getSession();
  document.getElementById('top').classList.toggle('hidden', !s);
  if (!s) return;
  document.getElementById('who-user').textContent = s.admin ? `${s.user} (administrator)` : s.user;
  const select = document.getElementById('org-select');
  const label = document.getElementById('who-org');
  if (s.admin) {
    clear(select);
    for (const id of s.orgs || []) select.appendChild(h('option', {value: id}, id));
    select.value = api.org() || '';
    select.classList.remove('hidden');
    label.textContent = '';
    label.classList.add('hidden');
  } else {
    select.classList.add('hidden');
    label.textContent = s.org;
    label.classList.remove('hidden');
  }
}

function onSignedIn(session) {
  api.setSession(session);
  clearMessages();
  renderHeader();
  if (!location.hash || location.hash === '#' || location.hash === '#/') location.hash = '#/overview';
  else show();
}

async function signOut() {
  try {
    await api.del('/console/session');
  } catch (e) {
    if (e.status !== 401) { showError(e); return; }
  }
  api.setSession(null);
  renderHeader();
  history.replaceState(null, '', '/');
  show();
}

async function start() {
  document.getElementById('sign-out').addEventListener('click', signOut);
  document.getElementById('org-select').addEventListener('change', e => {
    api.setOrg(e.target.value);
    show();
  });
  window.addEventListener('hashchange', show);
  window.addEventListener('iotf-session-lost', e => {
    if (!api.getSession()) return;
    api.setSession(null);
    renderHeader();
    show();
    notify('The session ended: ' + (e.detail || 'sign in again'), 'error');
  });
  try {
    api.setSession(await api.get('/console/session'));
  } catch (e) {
    if (e.status !== 401) showError(e);
    api.setSession(null);
  }
  renderHeader();
  show();
}

start();
