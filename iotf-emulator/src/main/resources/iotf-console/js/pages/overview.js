// The organization at a glance: clients connected now, events per second over the last five minutes, device
// types with their counts (GET /console/api/overview, every 2 s while the page is open).
import * as api from '../api.js';
import {h, card, facts, table, count, showError} from '../dom.js';
import {TimeChart} from '../chart.js';

const POLL_MS = 2000;

export async function render(main) {
  const stat = (id, label) => h('div', {class: 'stat'}, h('div', {class: 'stat-value', id}, '—'), h('div', {class: 'stat-label'}, label));
  const stats = h('div', {class: 'stats'},
    stat('stat-devices', 'devices connected'),
    stat('stat-apps', 'applications connected'),
    stat('stat-gateways', 'gateways connected'),
    stat('stat-rate', 'events/s (last second)'),
    stat('stat-types', 'device types'));
  const chartHost = h('div', {id: 'rate-chart'});
  const typesBox = h('div', {id: 'overview-types'});
  const settingsBox = h('div', {id: 'overview-settings'});
  const orgsBox = h('div', {id: 'overview-orgs'});
  const title = h('h1', null, 'Overview');
  main.appendChild(h('div', {class: 'page'},
    title, stats,
    card('Events per second, last five minutes', chartHost),
    h('div', {class: 'columns'},
      card('Device types', typesBox),
      card('Connecting', settingsBox)),
    api.getSession().admin ? card('Organizations', orgsBox) : null));
  const chart = new TimeChart(chartHost, {yLabel: 'events/s', height: 220, windowSec: 330, bars: true});

  let stopped = false;
  let timer = null;
  let failed = false;
  const refresh = async () => {
    try {
      const o = await api.get('/console/api/overview');
      if (stopped) return;
      failed = false;
      title.textContent = `Overview of ${o.org}`;
      document.getElementById('stat-devices').textContent = count(o.devicesConnected);
      document.getElementById('stat-apps').textContent = count(o.applicationsConnected);
      document.getElementById('stat-gateways').textContent = count(o.gatewaysConnected);
      document.getElementById('stat-types').textContent = count((o.deviceTypes || []).length);
      const rates = o.eventsPerSecond || [];
      // the newest second is still being counted: the last complete one is the one before it
      const last = rates.length > 1 ? rates[rates.length - 2] : rates[0];
      document.getElementById('stat-rate').textContent = last ? count(last.n) : '0';
      chart.replace('events/s', rates.map(r => Date.parse(r.t)), rates.map(r => r.n));
      renderTypes(typesBox, o.deviceTypes || []);
      renderSettings(settingsBox, o);
    } catch (e) {
      if (!failed) showError(e);
      failed = true;
    }
    if (!stopped) timer = setTimeout(refresh, POLL_MS);
  };
  await refresh();
  if (api.getSession().admin) loadOrgs(orgsBox);
  return () => {
    stopped = true;
    clearTimeout(timer);
    chart.destroy();
  };
}

function renderTypes(box, types) {
  box.replaceChildren(types.length === 0
    ? h('p', {class: 'muted'}, 'No device types yet. ', h('a', {href: '#/register'}, 'Register a device'), '.')
    : table(['Type', 'Devices'], types.map(t => h('tr', null,
        h('td', null, h('a', {href: '#/devices?type=' + encodeURIComponent(t.id)}, t.id)),
        h('td', {class: 'num'}, count(t.devices)))), {id: 'types-table'}));
}

function renderSettings(box, o) {
  const m = o.mqtt || {};
  const http = o.http || {};
  box.replaceChildren(facts([
    ['MQTT host', m.host],
    ['MQTT port', m.port],
    ['MQTT over TLS', m.tlsPort],
    http.port ? ['HTTP (REST API)', `${http.host || m.host}:${http.port}`] : null,
    http.tlsPort ? ['HTTPS (REST API)', `${http.host || m.host}:${http.tlsPort}`] : null,
    ['Device client id', `d:${o.org}:<type>:<id>`],
    ['Application client id', `a:${o.org}:<app id>`],
  ]));
}

async function loadOrgs(box) {
  try {
    const orgs = await api.get('/console/api/orgs');
    box.replaceChildren(table(['Organization', 'Name', 'Devices'], orgs.map(o => h('tr', null,
      h('td', null, o.id), h('td', null, o.name || ''), h('td', {class: 'num'}, count(o.devices))))));
  } catch (e) {
    showError(e);
  }
}
