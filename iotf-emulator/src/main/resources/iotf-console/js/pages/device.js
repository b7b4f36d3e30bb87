// One device: its registration, device info, metadata (editable), location, connection state and log, last
// events (the last event cache), and management state when it is managed; delete it (its token stops working).
import * as api from '../api.js';
import {h, card, facts, table, pretty, badge, dateTime, showError, notify, confirmButton, field} from '../dom.js';

const INFO_FIELDS = ['serialNumber', 'manufacturer', 'model', 'deviceClass', 'description', 'fwVersion', 'hwVersion',
  'descriptiveLocation'];
const REFRESH_MS = 3000;

/** GET that answers null for a 404 (no location, unmanaged, never connected). */
async function optional(path, query) {
  try {
    return await api.get(path, query);
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
}

/** A payload of the last event cache (base64) as text, pretty-printed when it is JSON. */
export function decodePayload(base64) {
  let text;
  try {
    const bytes = Uint8Array.from(atob(base64 || ''), c => c.charCodeAt(0));
    text = new TextDecoder('utf-8', {fatal: false}).decode(bytes);
  } catch (e) {
    return base64;
  }
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch (e) {
    return text;
  }
}

export async function render(main, params) {
  const {type, id} = params;
  const base = `/api/v0002/device/types/${api.seg(type)}/devices/${api.seg(id)}`;
  const device = await api.get(base);
  const clientId = device.clientId || `d:${api.org()}:${type}:${id}`;

  const stateBadge = h('span', {id: 'device-state'});
  const connection = h('div', {id: 'device-connection'});
  const lastEvents = h('div', {id: 'device-last-events'});
  const location = h('div', {id: 'device-location'});
  const mgmt = h('div', {id: 'device-mgmt'});
  const metadataBox = h('div', {id: 'device-metadata'});
  const infoBox = h('div', {id: 'device-info'});

  const del = confirmButton('Delete device', 'Click again to delete', async () => {
    try {
      await api.del(base);
      notify(`Device ${type}/${id} deleted: its token no longer works`);
      window.location.hash = '#/devices';
    } catch (e) {
      showError(e);
    }
  }, {id: 'device-delete'});

  const registration = device.registration || {};
  main.appendChild(h('div', {class: 'page'},
    h('p', {class: 'crumbs'}, h('a', {href: '#/devices'}, 'Devices'), ' / ', type, ' / '),
    h('div', {class: 'title-row'}, h('h1', null, id), stateBadge,
      h('a', {class: 'button', href: `#/events?type=${encodeURIComponent(type)}&device=${encodeURIComponent(id)}`}, 'Live events'),
      del),
    h('div', {class: 'columns'},
      card('Registration', facts([
        ['Client id', clientId],
        ['Type', device.typeId],
        ['Registered', dateTime(registration.date)],
        ['By', registration.auth ? `${registration.auth.id} (${registration.auth.type})` : null],
        device.gatewayId ? ['Added through gateway', `${device.gatewayTypeId}/${device.gatewayId}`] : null,
        ['Alerts', device.status && device.status.alert ? (device.status.alert.enabled ? 'enabled' : 'disabled') : null],
      ])),
      card('Device info', infoBox)),
    h('div', {class: 'columns'},
      card('Metadata', metadataBox),
      card('Location', location)),
    card('Connection', connection),
    card('Last events', lastEvents),
    card('Management', mgmt)));

  const showDevice = d => {
    const info = d.deviceInfo || {};
    infoBox.replaceChildren(facts(INFO_FIELDS.map(f => [f, info[f]])));
    renderMetadata(metadataBox, d, base, showDevice);
  };
  showDevice(device);

  const loc = await optional(base + '/location');
  location.replaceChildren(loc ? facts([
    ['Latitude', loc.latitude], ['Longitude', loc.longitude], ['Elevation', loc.elevation],
    ['Accuracy', loc.accuracy], ['Measured', dateTime(loc.measuredDateTime)], ['Updated', dateTime(loc.updatedDateTime)],
  ]) : h('p', {class: 'muted'}, 'No location reported.'));

  const m = await optional(base + '/mgmt');
  mgmt.replaceChildren(m ? pretty(m) : h('p', {class: 'muted'}, 'Not a managed device (it has not sent a manage request).'));

  let stopped = false;
  let timer = null;
  const refresh = async () => {
    try {
      const [state, log, events] = await Promise.all([
        optional(`/api/v0002/clientconnectionstates/${api.seg(clientId)}`),
        api.get('/api/v0002/logs/connection', {typeId: type, deviceId: id}).catch(() => []),
        optional(base + '/events'),
      ]);
      if (stopped) return;
      renderConnection(stateBadge, connection, state, log || []);
      renderLastEvents(lastEvents, events || []);
    } catch (e) {
      if (e.status === 404) { stopped = true; return; }
      showError(e);
    }
    if (!stopped) timer = setTimeout(refresh, REFRESH_MS);
  };
  await refresh();
  return () => { stopped = true; clearTimeout(timer); };
}

function renderConnection(stateBadge, box, state, log) {
  const status = state ? state.connectionStatus : 'never connected';
  stateBadge.replaceChildren(badge(status, state && state.connectionStatus === 'connected' ? 'connected' : 'disconnected'));
  stateBadge.dataset.state = status;
  box.replaceChildren(
    state ? facts([
      ['State', status],
      ['Last connect', dateTime(state.lastConnectTime)],
      ['Last disconnect', dateTime(state.lastDisconnectTime)],
      ['Last activity', dateTime(state.lastActivityTime)],
      ['MQTT version', state.mqttConnectProtocol],
      ['Disconnect reason', state.disconnectReason],
    ]) : h('p', {class: 'muted'}, 'The device has not connected since the service started.'),
    h('h3', null, 'History'),
    log.length === 0 ? h('p', {class: 'muted'}, 'No connection history.')
      : table(['Time', 'What happened'], log.map(e => h('tr', null, h('td', {class: 'nowrap'}, dateTime(e.timestamp)),
          h('td', null, e.message))), {id: 'device-connection-log'}));
}

function renderLastEvents(box, events) {
  box.replaceChildren(events.length === 0 ? h('p', {class: 'muted'}, 'No events yet.')
    : table(['Event', 'Format', 'Received', 'Payload'], events.map(e => h('tr', {dataset: {event: e.eventId}},
        h('td', null, e.eventId), h('td', null, e.format), h('td', {class: 'nowrap'}, dateTime(e.timestamp.replace(/\+0000$/, 'Z'))),
        h('td', null, h('pre', {class: 'json small'}, decodePayload(e.payload))))), {id: 'device-events-table'}));
}

function renderMetadata(box, device, base, onSaved) {
  const view = () => {
    const edit = h('button', {type: 'button', class: 'button small', id: 'metadata-edit'}, 'Edit');
    edit.addEventListener('click', editor);
    box.replaceChildren(pretty(device.metadata || {}), edit);
  };
  const editor = () => {
    const area = h('textarea', {id: 'metadata-input', rows: 8, class: 'code', spellcheck: 'false'});
    area.value = JSON.stringify(device.metadata || {}, null, 2);
    const error = h('p', {class: 'form-error'});
    const save = h('button', {type: 'submit', class: 'button primary', id: 'metadata-save'}, 'Save');
    const cancel = h('button', {type: 'button', class: 'button subtle'}, 'Cancel');
    cancel.addEventListener('click', view);
    const form = h('form', null, field('Metadata (a JSON object)', area), error, h('div', {class: 'actions'}, save, cancel));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      let metadata;
      try {
        metadata = JSON.parse(area.value);
        if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) throw new Error('not an object');
      } catch (err) {
        error.textContent = 'Metadata must be a JSON object, as {"floor": 3}: ' + err.message;
        return;
      }
      try {
        device = await api.put(base, {metadata});
        notify('Metadata saved');
        onSaved(device);
      } catch (err) {
        error.textContent = err.message;
      }
    });
    box.replaceChildren(form);
    area.focus();
  };
  view();
}
