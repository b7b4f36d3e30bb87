// Registering a device: its type (created when it does not exist yet), id, optional token, device info and
// metadata. The answer holds the token this once: it is shown with a copy button and the MQTT settings the device
// needs (host, port, client id d:<org>:<type>:<id>, user use-token-auth, the token as password) [later §2.3].
import * as api from '../api.js';
import {h, card, field, facts, secret, showError} from '../dom.js';

export async function render(main, params, query) {
  const types = h('datalist', {id: 'register-types'});
  const type = h('input', {id: 'register-type', list: 'register-types', required: true, placeholder: 'sensor', value: query.type || ''});
  const id = h('input', {id: 'register-id', required: true, placeholder: 'sensor-001'});
  const token = h('input', {id: 'register-token', placeholder: 'leave empty to have one generated', autocomplete: 'off'});
  const serial = h('input', {id: 'register-serial'});
  const model = h('input', {id: 'register-model'});
  const manufacturer = h('input', {id: 'register-manufacturer'});
  const description = h('input', {id: 'register-description'});
  const metadata = h('textarea', {id: 'register-metadata', rows: 3, class: 'code', placeholder: '{"floor": 3}', spellcheck: 'false'});
  const error = h('p', {class: 'form-error', id: 'register-error', role: 'alert'});
  const submit = h('button', {type: 'submit', class: 'button primary', id: 'register-submit'}, 'Register');
  const result = h('div', {id: 'register-result'});
  const form = h('form', {id: 'register-form', class: 'form'},
    h('div', {class: 'form-row'},
      field('Device type', type, 'created when it does not exist'),
      field('Device id', id, 'letters, digits, - _ . (at most 36)')),
    field('Token', token, '8 to 128 characters; empty: 18 generated characters'),
    h('div', {class: 'form-row'}, field('Serial number', serial), field('Model', model)),
    h('div', {class: 'form-row'}, field('Manufacturer', manufacturer), field('Description', description)),
    field('Metadata', metadata, 'optional, a JSON object'),
    error, h('div', {class: 'actions'}, submit));
  main.appendChild(h('div', {class: 'page'}, h('h1', null, 'Register a device'),
    h('div', {class: 'columns'}, card(null, form, types), result)));

  api.get('/api/v0002/device/types', {_limit: 500})
    .then(page => { for (const t of page.results || []) types.appendChild(h('option', {value: t.id})); })
    .catch(showError);
  const settings = api.get('/console/api/settings').catch(e => { showError(e); return {}; });

  form.addEventListener('submit', async e => {
    e.preventDefault();
    error.textContent = '';
    const body = {deviceId: id.value.trim()};
    if (token.value) body.authToken = token.value;
    const info = {serialNumber: serial.value.trim(), model: model.value.trim(),
      manufacturer: manufacturer.value.trim(), description: description.value.trim()};
    for (const k of Object.keys(info)) if (!info[k]) delete info[k];
    if (Object.keys(info).length) body.deviceInfo = info;
    if (metadata.value.trim()) {
      try {
        body.metadata = JSON.parse(metadata.value);
      } catch (err) {
        error.textContent = 'Metadata is not JSON: ' + err.message;
        return;
      }
    }
    const t = type.value.trim();
    submit.disabled = true;
    try {
      await ensureType(t);
      const device = await api.post(`/api/v0002/device/types/${api.seg(t)}/devices`, body);
      showResult(result, device, await settings);
      id.value = '';
      token.value = '';
    } catch (err) {
      error.textContent = err.message;
    } finally {
      submit.disabled = false;
    }
  });
}

/** Creates the device type unless it exists (the API refuses a device of an unknown type with 404). */
async function ensureType(type) {
  try {
    await api.get(`/api/v0002/device/types/${api.seg(type)}`);
  } catch (e) {
    if (e.status !== 404) throw e;
    try {
      await api.post('/api/v0002/device/types', {id: type});
    } catch (e2) {
      if (e2.status !== 409) throw e2;
    }
  }
}

function showResult(box, device, settings) {
  const org = settings.org || api.org();
  const clientId = device.clientId || `d:${org}:${device.typeId}:${device.deviceId}`;
  const href = `#/devices/${encodeURIComponent(device.typeId)}/${encodeURIComponent(device.deviceId)}`;
  box.replaceChildren(card(`Registered ${device.typeId}/${device.deviceId}`,
    h('p', {class: 'warning'}, 'The token is shown this once only: copy it now. The service keeps only a hash of it.'),
    facts([
      ['Token', secret(device.authToken, 'register-token-value')],
      ['MQTT host', settings.mqttHost],
      ['MQTT port', settings.mqttPort],
      ['MQTT over TLS', settings.mqttTlsPort],
      ['Client id', secret(clientId, 'register-client-id')],
      ['User name', h('code', {id: 'register-user'}, 'use-token-auth')],
      ['Password', 'the token'],
      ['Publish events to', h('code', null, 'iot-2/evt/<event id>/fmt/json')],
      ['Commands arrive on', h('code', null, 'iot-2/cmd/<command id>/fmt/<format>')],
    ], {id: 'register-settings'}),
    h('p', null, h('a', {href, id: 'register-device-link'}, 'Open the device page'))));
}
