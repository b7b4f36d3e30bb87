'use strict';
// IBM's Node.js libraries, unchanged and configured as their READMEs tell a user, against the local IoTF service on
// IBM's port layout (1883, 8883, 80, 443). NodeInteropTest starts the service, sets the environment and runs this
// with `node -r ./resolve.js interop.js`; trust comes from NODE_EXTRA_CA_CERTS. Each check prints one line; the last
// line is "RESULTS <json>", and the exit code is 0 only when every check passed.
const ibmiotf = require('ibmiotf');
const wiotp = require('@wiotp/sdk');

const env = process.env;
const ORG = env.IOTF_ORG;
const DOMAIN = env.IOTF_DOMAIN;
const KEY = env.IOTF_API_KEY;
const TOKEN = env.IOTF_API_TOKEN;
const TYPE = env.IOTF_DEVICE_TYPE;
// "id:token,id:token,..." of registered devices of TYPE, one per use below
const DEVICES = Object.fromEntries(env.IOTF_DEVICES.split(',').map((d) => d.split(':')));
const TIMEOUT = 20000;

const results = [];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function check(name, fn) {
  const started = Date.now();
  try {
    await Promise.race([fn(), sleep(TIMEOUT).then(() => { throw new Error('timed out after ' + TIMEOUT + ' ms'); })]);
    results.push({ name, ok: true, ms: Date.now() - started });
    console.log('ok   ' + name);
  } catch (e) {
    const detail = e && e.status ? 'HTTP ' + e.status + ' ' + JSON.stringify(e.data)
      : e && e.response ? 'HTTP ' + e.response.status + ' ' + JSON.stringify(e.response.data)
        : String((e && (e.stack || e.message)) || e);
    results.push({ name, ok: false, error: detail });
    console.log('FAIL ' + name + ': ' + detail);
  }
}

function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

/** Resolves with the arguments of the first `event` of `emitter` that `accept` takes. */
function next(emitter, event, accept = () => true) {
  return new Promise((resolve) => {
    const listener = (...args) => {
      if (accept(...args)) {
        emitter.removeListener(event, listener);
        resolve(args);
      }
    };
    emitter.on(event, listener);
  });
}

/** Resolves once the client's MQTT connection has received `count` SUBACKs: its subscriptions are in place. */
function subacks(client, count) {
  return new Promise((resolve) => {
    let seen = 0;
    const listener = (packet) => {
      if (packet.cmd === 'suback' && ++seen === count) {
        client.mqtt.removeListener('packetreceive', listener);
        resolve();
      }
    };
    client.mqtt.on('packetreceive', listener);
  });
}

/**
 * Connects a client and resolves once it is connected and the subscriptions it makes by itself on connect (a
 * device's to its commands) are granted; rejects on its first error.
 */
function connect(client, ownSubscriptions = 0) {
  return new Promise((resolve, reject) => {
    client.on('error', (e) => reject(new Error('client error: ' + e)));
    client.on('connect', () => {
      // the library subscribes in its own connect handler; the SUBACK is a round trip away
      (ownSubscriptions > 0 ? subacks(client, ownSubscriptions) : Promise.resolve()).then(() => resolve(client));
    });
    client.connect();
  });
}

/** Counts the connection attempts of a client refused with a wrong token, over `ms`. */
async function attemptsAfterRefusal(client, ms) {
  let attempts = 0;
  let error = null;
  client.on('error', (e) => { error = String(e && e.message ? e.message : e); });
  client.on('reconnect', () => { attempts++; });
  client.connect();
  await sleep(ms);
  return { attempts, error };
}

const json = (payload) => JSON.parse(Buffer.isBuffer(payload) ? payload.toString('utf8') : payload);

function setWiotpEnv(vars) {
  for (const k of Object.keys(env)) {
    if (k.startsWith('WIOTP_')) {
      delete env[k];
    }
  }
  Object.assign(env, { WIOTP_OPTIONS_DOMAIN: DOMAIN, WIOTP_OPTIONS_LOGLEVEL: 'error' }, vars);
}

(async () => {
  // ---- ibmiotf: MQTT, the watching application first (TLS on 8883, the library's only secure port)
  const app = new ibmiotf.IotfApplication({ org: ORG, id: 'interop', domain: DOMAIN, 'auth-key': KEY, 'auth-token': TOKEN });
  app.log.setLevel('error');
  await check('ibmiotf application connects (ssl://<org>.messaging.<domain>:8883) and subscribes', async () => {
    await connect(app);
    const granted = subacks(app, 2);
    app.subscribeToDeviceEvents(TYPE, '+', '+', '+');
    app.subscribeToDeviceStatus(TYPE, '+');
    await granted;
  });
  const events = (id, event) => next(app, 'deviceEvent', (t, d, e) => d === id && e === event);

  const device = new ibmiotf.IotfDevice({ org: ORG, domain: DOMAIN, type: TYPE, id: 'ibm1', 'auth-method': 'token',
    'auth-token': DEVICES.ibm1 });
  device.log.setLevel('error');
  await check('ibmiotf device connects over TLS and its status reaches the application', async () => {
    const status = next(app, 'deviceStatus', (t, d) => d === 'ibm1');
    await connect(device, 1);
    const [, , payload] = await status;
    assert(json(payload).Action === 'Connect', 'status ' + payload);
  });
  await check('ibmiotf device event reaches the application', async () => {
    const got = events('ibm1', 'status');
    device.publish('status', 'json', '{"d":{"cpu":60}}', 1);
    const [, , , format, payload] = await got;
    assert(format === 'json' && json(payload).d.cpu === 60, 'got ' + format + ' ' + payload);
  });
  await check('ibmiotf application command reaches the device', async () => {
    const got = next(device, 'command', (name) => name === 'blink');
    app.publishDeviceCommand(TYPE, 'ibm1', 'blink', 'json', '{"times":3}');
    const [, format, payload] = await got;
    assert(format === 'json' && json(payload).times === 3, 'got ' + payload);
  });
  await check('ibmiotf device publishes over HTTPS (publishHTTPS)', async () => {
    const got = events('ibm1', 'viaHttps');
    const response = await device.publishHTTPS('viaHttps', 'json', '{"d":{"h":1}}');
    assert(response.status === 200, 'HTTP ' + response.status);
    const [, , , , payload] = await got;
    assert(json(payload).d.h === 1, 'got ' + payload);
  });
  await check('ibmiotf application publishes for a device over HTTPS (publishHTTPS)', async () => {
    const got = events('ibm2', 'appHttps');
    const response = await app.publishHTTPS(TYPE, 'ibm2', 'appHttps', 'json', '{"d":{"a":2}}');
    assert(response.status === 200, 'HTTP ' + response.status);
    await got;
  });

  const wsDevice = new ibmiotf.IotfDevice({ org: ORG, domain: DOMAIN, type: TYPE, id: 'ibm2', 'auth-method': 'token',
    'auth-token': DEVICES.ibm2, 'enforce-ws': true });
  wsDevice.log.setLevel('error');
  await check('ibmiotf device over secure WebSocket (enforce-ws: wss://...:8883/)', async () => {
    await connect(wsDevice, 1);
    const got = events('ibm2', 'ws');
    wsDevice.publish('ws', 'json', '{"d":{"ws":true}}', 1);
    await got;
  });
  const wsApp = new ibmiotf.IotfApplication({ org: ORG, id: 'interop-ws', domain: DOMAIN, 'auth-key': KEY,
    'auth-token': TOKEN, 'enforce-ws': true });
  wsApp.log.setLevel('error');
  await check('ibmiotf application over secure WebSocket receives events', async () => {
    await connect(wsApp);
    const granted = subacks(wsApp, 1);
    wsApp.subscribeToDeviceEvents(TYPE, 'ibm1', 'wsapp', 'json');
    await granted;
    const got = next(wsApp, 'deviceEvent', (t, d, e) => e === 'wsapp');
    device.publish('wsapp', 'json', '{"d":{}}', 1);
    await got;
  });
  const shared = new ibmiotf.IotfApplication({ org: ORG, id: 'pool', domain: DOMAIN, 'auth-key': KEY,
    'auth-token': TOKEN, type: 'shared' });
  shared.log.setLevel('error');
  await check('ibmiotf scalable application (A:<org>:<appId>) connects', () => connect(shared));
  await check('ibmiotf device with a wrong token stops after CONNACK 5', async () => {
    const wrong = new ibmiotf.IotfDevice({ org: ORG, domain: DOMAIN, type: TYPE, id: 'ibm3', 'auth-method': 'token',
      'auth-token': 'not-the-token' });
    wrong.log.setLevel('silent');
    const { attempts, error } = await attemptsAfterRefusal(wrong, 4000);
    assert(attempts === 0, attempts + ' reconnect attempts');
    assert(/Not authorized/i.test(error), 'error ' + error);
  });

  // ---- ibmiotf: REST, https://<org>.<domain>/api/v0002 on 443
  const rtype = 'interop-rest';
  await check('ibmiotf getOrganizationDetails', async () => {
    const org = await app.getOrganizationDetails();
    assert(org.id === ORG, JSON.stringify(org));
  });
  await check('ibmiotf getServiceStatus', async () => { assert(typeof (await app.getServiceStatus()) === 'object', 'no object'); });
  await check('ibmiotf registerDeviceType, getDeviceType, getAllDeviceTypes, updateDeviceType', async () => {
    const created = await app.registerDeviceType(rtype, 'Interop devices', { manufacturer: 'IBM' }, { m: 1 });
    assert(created.id === rtype && created.classId === 'Device', JSON.stringify(created));
    assert((await app.getDeviceType(rtype)).deviceInfo.manufacturer === 'IBM', 'getDeviceType');
    assert((await app.getAllDeviceTypes()).results.some((t) => t.id === rtype), 'getAllDeviceTypes');
    const updated = await app.updateDeviceType(rtype, 'Changed', { model: 'M1' }, { m: 2 });
    assert(updated.description === 'Changed' && updated.deviceInfo.manufacturer === 'IBM', JSON.stringify(updated));
  });
  await check('ibmiotf registerDevice, getDevice, updateDevice, listAllDevicesOfType', async () => {
    const created = await app.registerDevice(rtype, 'r1', 'r1-own-token', { serialNumber: '42' },
      { latitude: 48.1, longitude: 11.6 }, { room: 7 });
    assert(created.clientId === 'd:' + ORG + ':' + rtype + ':r1' && created.authToken === 'r1-own-token', JSON.stringify(created));
    const got = await app.getDevice(rtype, 'r1');
    assert(got.deviceInfo.serialNumber === '42' && got.metadata.room === 7 && !got.authToken, JSON.stringify(got));
    const updated = await app.updateDevice(rtype, 'r1', { fwVersion: '2.0' }, { alert: { enabled: true } }, { room: 8 });
    assert(updated.deviceInfo.fwVersion === '2.0' && updated.deviceInfo.serialNumber === '42', JSON.stringify(updated));
    assert(updated.status.alert.enabled === true && updated.metadata.room === 8, JSON.stringify(updated));
    const list = await app.listAllDevicesOfType(rtype);
    assert(list.results.length === 1 && list.meta.total_rows === 1, JSON.stringify(list));
  });
  await check('ibmiotf getDeviceLocation, updateDeviceLocation', async () => {
    assert((await app.getDeviceLocation(rtype, 'r1')).latitude === 48.1, 'getDeviceLocation');
    const moved = await app.updateDeviceLocation(rtype, 'r1', { latitude: 52.5, longitude: 13.4 });
    assert(moved.latitude === 52.5 && moved.updatedDateTime, JSON.stringify(moved));
  });
  await check('ibmiotf getDeviceConnectionLogs', async () => {
    const log = await app.getDeviceConnectionLogs(TYPE, 'ibm1');
    assert(Array.isArray(log) && log.some((e) => /Connected/.test(e.message)), JSON.stringify(log));
  });
  await check('ibmiotf registerMultipleDevices, getAllDevices, deleteMultipleDevices', async () => {
    const added = await app.registerMultipleDevices([{ typeId: rtype, deviceId: 'b1' }, { typeId: rtype, deviceId: 'b2' }]);
    assert(added.length === 2 && added.every((r) => r.success && r.authToken), JSON.stringify(added));
    const page = await app.getAllDevices({ typeId: rtype, _limit: 2 });
    assert(page.results.length === 2 && page.bookmark, JSON.stringify(page));
    const rest = await app.getAllDevices({ typeId: rtype, _limit: 2, _bookmark: page.bookmark });
    assert(rest.results.length === 1 && !rest.bookmark, JSON.stringify(rest));
    const removed = await app.deleteMultipleDevices([{ typeId: rtype, deviceId: 'b1' }, { typeId: rtype, deviceId: 'b2' }]);
    assert(removed.every((r) => r.success), JSON.stringify(removed));
  });
  await check('ibmiotf historian: getAllHistoricalEvents, ...ByDeviceType, ...ByDeviceId', async () => {
    await sleep(500); // the historian writes at least every 200 ms
    const all = await app.getAllHistoricalEvents('status');
    assert(all.events.some((e) => e.device_id === 'ibm1' && e.evt.cpu === 60), JSON.stringify(all));
    const ofType = await app.getAllHistoricalEventsByDeviceType('status', undefined, undefined, TYPE);
    assert(ofType.events.length >= 1, JSON.stringify(ofType));
    const now = Date.now();
    const ofDevice = await app.getAllHistoricalEventsByDeviceId('viaHttps', now - 600000, now + 1000, TYPE, 'ibm1');
    assert(ofDevice.events.length === 1 && ofDevice.events[0].evt.h === 1, JSON.stringify(ofDevice));
  });
  await check('ibmiotf last event cache: getLastEvents, getLastEventsByEventType', async () => {
    const last = await app.getLastEvents(TYPE, 'ibm1');
    assert(last.some((e) => e.eventId === 'status'), JSON.stringify(last));
    const one = await app.getLastEventsByEventType(TYPE, 'ibm1', 'status');
    assert(json(Buffer.from(one.payload, 'base64')).d.cpu === 60 && one.format === 'json', JSON.stringify(one));
  });
  await check('ibmiotf usage: getActiveDevices, getHistoricalDataUsage, getDataUsage', async () => {
    const day = new Date().toISOString().slice(0, 10);
    for (const usage of [await app.getActiveDevices(day, day, true), await app.getHistoricalDataUsage(day, day, false),
      await app.getDataUsage(day, day, true)]) {
      assert(usage.start === day && usage.end === day && typeof usage.total === 'number', JSON.stringify(usage));
    }
  });
  await check('ibmiotf unregisterDevice, deleteDeviceType', async () => {
    await app.unregisterDevice(rtype, 'r1');
    await app.deleteDeviceType(rtype);
    let status = 0;
    await app.getDeviceType(rtype).catch((e) => { status = e.status; });
    assert(status === 404, 'status ' + status);
  });
  await check('ibmiotf errors carry the later contract\'s JSON', async () => {
    let error = null;
    await app.registerDevice('no-such-type', 'x').catch((e) => { error = e; });
    assert(error && error.status === 404 && /CUD/.test(error.data.exception.id) && error.data.message, JSON.stringify(error && error.data));
  });

  // ---- @wiotp/sdk: MQTT on every transport it builds, configured with WIOTP_* variables (its README)
  const transports = [
    { port: 8883, transport: 'tcp', url: 'ssl://...:8883 (default)' },
    { port: 1883, transport: 'tcp', url: 'tcp://...:1883' },
    { port: 80, transport: 'tcp', url: 'tcp://...:80' },
    { port: 1883, transport: 'websockets', url: 'ws://...:1883/' },
    { port: 80, transport: 'websockets', url: 'ws://...:80/' },
    { port: 8883, transport: 'websockets', url: 'wss://...:8883/' },
    { port: 443, transport: 'tcp', url: 'ssl://...:443' }];
  let n = 0;
  for (const t of transports) {
    const id = 'wiotp' + (++n);
    await check('@wiotp/sdk device over ' + t.url + ' publishes an event the application receives', async () => {
      setWiotpEnv({ WIOTP_IDENTITY_ORGID: ORG, WIOTP_IDENTITY_TYPEID: TYPE, WIOTP_IDENTITY_DEVICEID: id,
        WIOTP_AUTH_TOKEN: DEVICES[id], WIOTP_OPTIONS_MQTT_PORT: String(t.port), WIOTP_OPTIONS_MQTT_TRANSPORT: t.transport });
      const client = new wiotp.DeviceClient(wiotp.DeviceConfig.parseEnvVars());
      await connect(client, 1);
      const got = events(id, 'wiotp');
      client.publishEvent('wiotp', 'json', { d: { port: t.port } }, 1);
      const [, , , , payload] = await got;
      assert(json(payload).d.port === t.port, 'got ' + payload);
      if (t.transport === 'tcp' && t.port === 8883) {
        const command = next(client, 'command', (c) => c === 'reboot');
        app.publishDeviceCommand(TYPE, id, 'reboot', 'json', '{"delay":0}');
        await command;
      }
      client.disconnect();
    });
  }
  let wiotpApp = null;
  await check('@wiotp/sdk application (ws://...:80/) receives events and sends commands', async () => {
    setWiotpEnv({ WIOTP_AUTH_KEY: KEY, WIOTP_AUTH_TOKEN: TOKEN, WIOTP_IDENTITY_APPID: 'wiotp-app',
      WIOTP_OPTIONS_MQTT_PORT: '80', WIOTP_OPTIONS_MQTT_TRANSPORT: 'websockets' });
    wiotpApp = new wiotp.ApplicationClient(wiotp.ApplicationConfig.parseEnvVars());
    await connect(wiotpApp);
    const granted = subacks(wiotpApp, 1);
    wiotpApp.subscribeToEvents(TYPE, 'ibm1', 'fromWiotp', 'json', 1);
    await granted;
    const got = next(wiotpApp, 'deviceEvent', (t, d, e) => e === 'fromWiotp');
    device.publish('fromWiotp', 'json', '{"d":{"x":1}}', 1);
    await got;
    const command = next(device, 'command', (c) => c === 'fromWiotp');
    wiotpApp.publishCommand(TYPE, 'ibm1', 'fromWiotp', 'json', { y: 2 }, 1);
    await command;
  });
  await check('@wiotp/sdk device with a wrong token stops after CONNACK 5', async () => {
    setWiotpEnv({ WIOTP_IDENTITY_ORGID: ORG, WIOTP_IDENTITY_TYPEID: TYPE, WIOTP_IDENTITY_DEVICEID: 'wiotp1',
      WIOTP_AUTH_TOKEN: 'not-the-token' });
    const wrong = new wiotp.DeviceClient(wiotp.DeviceConfig.parseEnvVars());
    const { attempts } = await attemptsAfterRefusal(wrong, 4000);
    assert(attempts === 0, attempts + ' reconnect attempts');
  });

  // ---- @wiotp/sdk: REST (registry, lec, and the ApiClient it exports)
  setWiotpEnv({ WIOTP_AUTH_KEY: KEY, WIOTP_AUTH_TOKEN: TOKEN, WIOTP_IDENTITY_APPID: 'wiotp-rest' });
  const appConfig = wiotp.ApplicationConfig.parseEnvVars();
  const rest = new wiotp.ApplicationClient(appConfig);
  const api = new wiotp.ApiClient(appConfig);
  const wtype = 'interop-wiotp';
  await check('@wiotp/sdk api: getOrganizationDetails, getServiceStatus', async () => {
    assert((await api.getOrganizationDetails()).id === ORG, 'getOrganizationDetails');
    assert(typeof (await api.getServiceStatus()) === 'object', 'getServiceStatus');
  });
  await check('@wiotp/sdk registry: device types', async () => {
    assert((await rest.registry.registerDeviceType(wtype, 'W', { model: 'W1' }, {}, 'Device')).id === wtype, 'register');
    assert((await rest.registry.getDeviceType(wtype)).deviceInfo.model === 'W1', 'get');
    assert((await rest.registry.getAllDeviceTypes()).results.some((t) => t.id === wtype), 'all');
    assert((await rest.registry.updateDeviceType(wtype, 'W2', {}, { k: 1 })).description === 'W2', 'update');
  });
  await check('@wiotp/sdk registry: devices, location, bulk', async () => {
    const created = await rest.registry.registerDevice(wtype, 'w1', undefined, { serialNumber: 'S' }, undefined, { a: 1 });
    assert(created.authToken && created.authToken.length === 18, JSON.stringify(created));
    assert((await rest.registry.getDevice(wtype, 'w1')).metadata.a === 1, 'getDevice');
    assert((await rest.registry.updateDevice(wtype, 'w1', { model: 'X' })).deviceInfo.serialNumber === 'S', 'updateDevice');
    assert((await rest.registry.listAllDevicesOfType(wtype)).results.length === 1, 'listAllDevicesOfType');
    assert((await rest.registry.updateDeviceLocation(wtype, 'w1', { latitude: 1, longitude: 2 })).longitude === 2, 'location');
    assert((await rest.registry.getDeviceLocation(wtype, 'w1')).latitude === 1, 'getDeviceLocation');
    const added = await rest.registry.registerMultipleDevices([{ typeId: wtype, deviceId: 'w2' }]);
    assert(added[0].success, JSON.stringify(added));
    assert((await api.getAllDevices({ typeId: wtype, _limit: 10 })).results.length === 2, 'getAllDevices');
    assert((await rest.registry.deleteMultipleDevices([{ typeId: wtype, deviceId: 'w2' }]))[0].success, 'bulk remove');
    assert((await rest.registry.getDeviceConnectionLogs(TYPE, 'wiotp1')).length >= 1, 'getDeviceConnectionLogs');
    await rest.registry.unregisterDevice(wtype, 'w1');
    await rest.registry.deleteDeviceType(wtype);
  });
  await check('@wiotp/sdk lec: getLastEvents, getLastEventsByEventType', async () => {
    const last = await rest.lec.getLastEvents(TYPE, 'wiotp1');
    assert(last.length === 1 && last[0].eventId === 'wiotp', JSON.stringify(last));
    const one = await rest.lec.getLastEventsByEventType(TYPE, 'wiotp1', 'wiotp');
    assert(json(Buffer.from(one.payload, 'base64')).d.port === 8883, JSON.stringify(one));
  });
  await check('@wiotp/sdk api: client connection states', async () => {
    const state = await api.getConnectionState('d:' + ORG + ':' + TYPE + ':ibm1');
    assert(state.connectionStatus === 'connected' && state.clientType === 'device', JSON.stringify(state));
    const connected = await api.getConnectedClientsConnectionStates();
    assert(connected.results.some((s) => s.id === 'a:' + ORG + ':interop'), JSON.stringify(connected));
    assert((await api.getConnectionStates()).results.length >= 3, 'getConnectionStates');
    const recent = await api.getRecentConnectionStates(new Date(Date.now() - 3600000).toISOString());
    assert(recent.results.length >= 3, JSON.stringify(recent));
    const custom = await api.getCustomConnectionState('?connectionStatus=disconnected');
    assert(custom.results.some((s) => s.id === 'd:' + ORG + ':' + TYPE + ':wiotp2'), JSON.stringify(custom));
  });
  await check('@wiotp/sdk api: usage', async () => {
    const day = new Date().toISOString().slice(0, 10);
    for (const usage of [await api.getActiveDevices(day, day, true), await api.getHistoricalDataUsage(day, day),
      await api.getDataUsage(day, day, false)]) {
      assert(typeof usage.total === 'number', JSON.stringify(usage));
    }
  });

  // ---- @wiotp/sdk: GatewayClient (later contract 3.4). Two defects of the library (0.7.8) are checked as they are and
  // gone around with the methods they meant to call: publishDeviceEvent reads an undeclared `typeId` (its parameter
  // is `typeid`) and subscribeToDeviceCommands an undeclared `commandid`; both throw a ReferenceError. GatewayConfig
  // is not exported by the package's index (it is in dist/gateway), and the static parseEnvVars it inherits builds a
  // DeviceConfig, so the gateway's config is made from the parsed parts.
  const { GatewayConfig } = require('@wiotp/sdk/dist/gateway');
  const GW_TYPE = 'interop-gw';
  const GW_ID = 'ngw1';
  const GW_TOKEN = 'node-gateway-token-1';
  const SERVED = 'interop-served';
  let gateway = null;
  await check('@wiotp/sdk registry: a gateway type (classId Gateway) and a gateway', async () => {
    const created = await rest.registry.registerDeviceType(GW_TYPE, 'Gateways', {}, {}, 'Gateway');
    assert(created.classId === 'Gateway', JSON.stringify(created));
    assert((await rest.registry.registerDevice(GW_TYPE, GW_ID, GW_TOKEN)).authToken === GW_TOKEN, 'registerDevice');
  });
  await check('@wiotp/sdk GatewayClient connects as g:<org>:<type>:<id> (ssl://...:8883)', async () => {
    setWiotpEnv({ WIOTP_IDENTITY_ORGID: ORG, WIOTP_IDENTITY_TYPEID: GW_TYPE, WIOTP_IDENTITY_DEVICEID: GW_ID,
      WIOTP_AUTH_TOKEN: GW_TOKEN });
    const parsed = wiotp.DeviceConfig.parseEnvVars();
    gateway = new wiotp.GatewayClient(new GatewayConfig(parsed.identity, parsed.auth, parsed.options));
    assert(gateway.config.getClientId() === 'g:' + ORG + ':' + GW_TYPE + ':' + GW_ID, gateway.config.getClientId());
    await connect(gateway);
    const granted = subacks(app, 1);
    app.subscribeToDeviceEvents('+', '+', 'gw', '+');
    await granted;
  });
  await check('@wiotp/sdk gateway publishes its own events and events for served devices', async () => {
    const own = events(GW_ID, 'gw');
    gateway.publishEvent('gw', 'json', { d: { up: true } }, 1);
    const [ownType, , , , ownPayload] = await own;
    assert(ownType === GW_TYPE && json(ownPayload).d.up === true, 'got ' + ownType + ' ' + ownPayload);
    let defect = null;
    try { gateway.publishDeviceEvent(SERVED, 'n1', 'gw', 'json', { d: { t: 1 } }, 1); } catch (e) { defect = e; }
    assert(defect instanceof ReferenceError, 'publishDeviceEvent no longer throws: ' + defect);
    for (const id of ['n1', 'n2']) {
      const got = events(id, 'gw');
      gateway._publishEvent(SERVED, id, 'gw', 'json', { d: { id } }, 1);
      const [type, , , , payload] = await got;
      assert(type === SERVED && json(payload).d.id === id, 'got ' + type + ' ' + payload);
    }
  });
  await check('@wiotp/sdk gateway: the served devices are registered with it (registry)', async () => {
    for (const id of ['n1', 'n2']) {
      const served = await rest.registry.getDevice(SERVED, id);
      assert(served.gatewayTypeId === GW_TYPE && served.gatewayId === GW_ID, JSON.stringify(served));
    }
  });
  await check('@wiotp/sdk gateway receives commands for itself and for a served device', async () => {
    let defect = null;
    try { gateway.subscribeToDeviceCommands(SERVED, '+', '+', 'json', 1); } catch (e) { defect = e; }
    assert(defect instanceof ReferenceError, 'subscribeToDeviceCommands no longer throws: ' + defect);
    const granted = subacks(gateway, 2);
    gateway.subscribeToCommands('+', 'json', 1);
    gateway._subscribe('iot-2/type/' + SERVED + '/id/+/cmd/+/fmt/json', 1);
    await granted;
    const forDevice = next(gateway, 'command', (type, id) => type === SERVED && id === 'n2');
    app.publishDeviceCommand(SERVED, 'n2', 'open', 'json', '{"valve":2}');
    const [, , commandId, format, payload] = await forDevice;
    assert(commandId === 'open' && format === 'json' && json(payload).valve === 2, commandId + ' ' + payload);
    const forItself = next(gateway, 'command', (type, id) => type === GW_TYPE && id === GW_ID);
    app.publishDeviceCommand(GW_TYPE, GW_ID, 'ping', 'json', '{}');
    await forItself;
  });
  await check('@wiotp/sdk gateway subscribing outside its space gets SUBACK 0x80 and a notify message', async () => {
    const subscribe = (topic) => new Promise((resolve) => gateway.mqtt.subscribe(topic, { qos: 0 },
      (err, granted) => resolve(err ? 128 : granted[0].qos)));
    assert(await subscribe('iot-2/type/' + GW_TYPE + '/id/' + GW_ID + '/notify') === 0, 'notify subscription refused');
    const notice = next(gateway.mqtt, 'message', (topic) => topic.endsWith('/notify'));
    const qos = await subscribe('iot-2/type/+/id/+/evt/+/fmt/+');
    assert(qos === 128, 'granted ' + qos);
    const [, payload] = await notice;
    const message = json(payload);
    assert(message.Request === 'subscribe' && message.Client === gateway.config.getClientId()
      && message.Topic === 'iot-2/type/+/id/+/evt/+/fmt/+', JSON.stringify(message));
  });

  for (const c of [device, wsDevice, app, wsApp, shared]) {
    try { c.disconnect(); } catch (e) { /* closing anyway */ }
  }
  try { wiotpApp && wiotpApp.disconnect(); } catch (e) { /* closing anyway */ }
  try { gateway && gateway.disconnect(); } catch (e) { /* closing anyway */ }
  const failed = results.filter((r) => !r.ok).length;
  console.log('RESULTS ' + JSON.stringify({ passed: results.length - failed, failed, results }));
  process.exit(failed === 0 ? 0 : 1);
})().catch((e) => {
  console.log('RESULTS ' + JSON.stringify({ passed: 0, failed: 1, results: [{ name: 'script', ok: false, error: String(e.stack || e) }] }));
  process.exit(1);
});
