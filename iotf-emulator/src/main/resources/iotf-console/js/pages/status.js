// Connects and disconnects of the organization's clients as a timeline: one lane per client with the time it was
// connected, and the list of what happened (the last 500 from GET /console/api/status/recent, then live from the
// event stream's `status` messages).
import * as api from '../api.js';
import {h, card, table, badge, dateTime, timeOfDay, showError} from '../dom.js';

const MAX_EVENTS = 500;
const MAX_LANES = 40;
const MAX_WINDOW_MS = 60 * 60 * 1000;
const MIN_WINDOW_MS = 60 * 1000;

export async function render(main) {
  const timeline = h('div', {id: 'status-timeline', class: 'timeline'});
  const list = h('div', {id: 'status-list'});
  const state = h('span', {id: 'status-state', class: 'badge disconnected'}, 'connecting');
  main.appendChild(h('div', {class: 'page wide'},
    h('div', {class: 'title-row'}, h('h1', null, 'Status'), state),
    card('Connections over time', timeline, h('p', {class: 'legend muted'},
      h('span', {class: 'swatch connected'}), ' connected ',
      h('span', {class: 'swatch disconnect'}), ' disconnect (hover for the reason)')),
    card('Connects and disconnects, newest first', list)));

  let events = [];
  try {
    events = await api.get('/console/api/status/recent') || [];
  } catch (e) {
    showError(e);
  }
  let frame = 0;
  const redraw = () => {
    if (!frame) frame = requestAnimationFrame(() => { frame = 0; draw(timeline, list, events); });
  };
  redraw();

  const closeStream = api.liveStream({}, {
    onState: s => { state.textContent = s; state.className = 'badge ' + (s === 'live' ? 'connected' : 'disconnected'); },
    status: e => {
      events.push(e);
      if (events.length > MAX_EVENTS) events.splice(0, events.length - MAX_EVENTS);
      redraw();
    },
  });
  // the open connections grow with the time, so the timeline moves on its own
  const tick = setInterval(redraw, 5000);
  return () => {
    closeStream();
    clearInterval(tick);
    if (frame) cancelAnimationFrame(frame);
  };
}

/** Per client, the times it was connected: [{from, to (null: still connected), reason}] and its disconnects. */
export function lanes(events, windowStart) {
  const byClient = new Map();
  for (const e of events) {
    const t = Date.parse(e.time);
    if (isNaN(t)) continue;
    let lane = byClient.get(e.clientId);
    if (!lane) {
      lane = {clientId: e.clientId, kind: e.kind, spans: [], disconnects: [], open: null, last: t};
      byClient.set(e.clientId, lane);
    }
    lane.last = Math.max(lane.last, t);
    if (e.action === 'Connect') {
      if (lane.open === null) lane.open = t;
    } else {
      // a disconnect without its connect in the list: connected since before the window
      lane.spans.push({from: lane.open === null ? windowStart : lane.open, to: t});
      lane.disconnects.push({t, reason: e.reason || ''});
      lane.open = null;
    }
  }
  for (const lane of byClient.values()) {
    if (lane.open !== null) lane.spans.push({from: lane.open, to: null});
  }
  return [...byClient.values()].sort((a, b) => b.last - a.last).slice(0, MAX_LANES);
}

function draw(timeline, list, events) {
  const now = Date.now();
  const first = events.length ? Math.min(...events.map(e => Date.parse(e.time)).filter(t => !isNaN(t))) : now;
  const span = Math.min(MAX_WINDOW_MS, Math.max(MIN_WINDOW_MS, (now - first) * 1.1));
  const start = now - span;
  const pos = t => Math.max(0, Math.min(100, (t - start) / span * 100));
  const rows = lanes(events, start).map(lane => {
    const track = h('div', {class: 'lane-track'});
    for (const s of lane.spans) {
      const to = s.to === null ? now : s.to;
      if (to < start) continue;
      const seg = h('div', {class: 'segment' + (s.to === null ? ' open' : ''),
        title: `connected ${dateTime(Math.max(s.from, start))} – ${s.to === null ? 'now' : dateTime(s.to)}`});
      seg.style.left = pos(s.from) + '%';
      seg.style.width = Math.max(0.4, pos(to) - pos(s.from)) + '%';
      track.appendChild(seg);
    }
    for (const d of lane.disconnects) {
      if (d.t < start) continue;
      const mark = h('div', {class: 'mark', title: `${dateTime(d.t)} disconnected${d.reason ? ': ' + d.reason : ''}`});
      mark.style.left = pos(d.t) + '%';
      track.appendChild(mark);
    }
    const connected = lane.spans.some(s => s.to === null);
    return h('div', {class: 'lane', dataset: {client: lane.clientId, state: connected ? 'connected' : 'disconnected'}},
      h('div', {class: 'lane-label', title: lane.clientId},
        h('span', {class: 'dot ' + (connected ? 'connected' : 'disconnected')}), lane.clientId,
        h('span', {class: 'kind'}, lane.kind || '')),
      track);
  });
  const axis = h('div', {class: 'lane axis'}, h('div', {class: 'lane-label'}),
    h('div', {class: 'lane-track'}, [0, 0.25, 0.5, 0.75, 1].map(f => {
      // HH:MM over long windows, HH:MM:SS over short ones (ticks less than a minute apart)
      const label = timeOfDay(start + f * span).slice(0, span / 4 < 60000 ? 8 : 5);
      const tick = h('span', {class: 'tick'}, f === 1 ? 'now' : label);
      tick.style.left = f * 100 + '%';
      return tick;
    })));
  timeline.replaceChildren(rows.length ? h('div', null, rows, axis)
    : h('p', {class: 'muted'}, 'No client has connected since the service started.'));

  const newest = events.slice(-MAX_EVENTS).reverse();
  list.replaceChildren(newest.length === 0 ? h('p', {class: 'muted'}, 'Nothing yet.')
    : table(['Time', 'What', 'Client', 'Kind', 'Reason'], newest.map(e => h('tr', {dataset: {client: e.clientId, action: e.action}},
        h('td', {class: 'nowrap'}, dateTime(e.time)),
        h('td', null, badge(e.action, e.action === 'Connect' ? 'connected' : 'disconnected')),
        h('td', null, h('code', null, e.clientId)),
        h('td', null, e.kind || ''),
        h('td', null, e.reason || ''))), {id: 'status-table'}));
}
