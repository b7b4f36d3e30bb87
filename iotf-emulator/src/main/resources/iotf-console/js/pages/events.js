// Live events of the organization from the service's event stream (GET /console/api/events/stream, Server-Sent
// Events, filtered by type, device and event id on the service). The service sends at most 50 events a second per
// stream and says how many it dropped; here incoming events only go into a queue, which one animation frame turns
// into rows (at most PER_FRAME a frame, the newest: a faster stream is sampled again, and counted; never more than
// MAX_ROWS in the page), and into the chart, which redraws at most 4 times a second. So a fast stream does not
// freeze the page.
import * as api from '../api.js';
import {h, card, field, facts, count, timeOfDay, dateTime, showError} from '../dom.js';
import {TimeChart} from '../chart.js';

export const MAX_ROWS = 500;
const PER_FRAME = 60;
const HISTORY_PAGES = 20;          // at most 20 x 100 events of the past hour from the historian
const MAX_FIELDS = 100;

export async function render(main, params, query) {
  const filters = {type: query.type || '', device: query.device || '', event: query.event || ''};
  const typeInput = h('input', {id: 'filter-type', placeholder: 'any type', value: filters.type});
  const deviceInput = h('input', {id: 'filter-device', placeholder: 'any device', value: filters.device});
  const eventInput = h('input', {id: 'filter-event', placeholder: 'any event', value: filters.event});
  const pause = h('button', {type: 'button', class: 'button', id: 'events-pause'}, 'Pause');
  const clearButton = h('button', {type: 'button', class: 'button subtle', id: 'events-clear'}, 'Clear');
  const form = h('form', {class: 'toolbar', id: 'events-filter'},
    field('Type', typeInput), field('Device', deviceInput), field('Event', eventInput),
    h('button', {type: 'submit', class: 'button primary', id: 'events-apply'}, 'Apply'), pause, clearButton);

  const state = h('span', {id: 'events-state', class: 'badge disconnected'}, 'connecting');
  const counters = h('span', {id: 'events-counters', class: 'muted'});
  const fields = h('datalist', {id: 'chart-fields'});
  const fieldInput = h('input', {id: 'chart-field', list: 'chart-fields', placeholder: 'a numeric field of d', value: query.field || ''});
  const chartNote = h('span', {id: 'chart-note', class: 'muted'});
  const chartHost = h('div', {id: 'events-chart'});
  const fieldForm = h('form', {class: 'toolbar compact', id: 'chart-form'}, field('Field of d', fieldInput), fields,
    h('button', {type: 'submit', class: 'button'}, 'Show'), chartNote);

  const tbody = h('tbody', {id: 'events-rows'});
  const list = h('table', {class: 'grid events', id: 'events-table'},
    h('thead', null, h('tr', null, ['Time', 'Device', 'Event', 'Format', 'Payload'].map(x => h('th', null, x)))), tbody);
  const detail = h('div', {id: 'event-detail', class: 'detail'}, h('p', {class: 'muted'}, 'Click an event to see its payload.'));

  main.appendChild(h('div', {class: 'page wide'},
    h('div', {class: 'title-row'}, h('h1', null, 'Live events'), state, counters),
    form,
    card('Chart', fieldForm, chartHost),
    h('div', {class: 'split'}, h('section', {class: 'card list-card'}, h('div', {class: 'scroll'}, list)),
      h('section', {class: 'card detail-card'}, h('h2', null, 'Payload'), detail))));

  const chart = new TimeChart(chartHost, {yLabel: query.field || '', height: 260, windowSec: 3600, maxPoints: 3600});
  let chartField = query.field || '';
  const knownFields = new Set();

  let closeStream = null;
  let paused = false;
  let queue = [];
  let frame = 0;
  let received = 0, missedWhilePaused = 0, droppedByService = 0, skipped = 0, lastSecond = 0, rate = 0;
  const rowEvents = new WeakMap();
  let selected = null;

  const numbers = e => {
    const p = e.payload;
    if (!p || typeof p !== 'object') return null;
    return p.d && typeof p.d === 'object' ? p.d : p;
  };

  const onEvent = e => {
    received++;
    const values = numbers(e);
    if (values) {
      if (knownFields.size < MAX_FIELDS) {
        for (const [k, v] of Object.entries(values)) {
          if (typeof v === 'number' && !knownFields.has(k)) {
            knownFields.add(k);
            fields.appendChild(h('option', {value: k}));
          }
        }
      }
      // until one is chosen, the chart shows the first numeric field seen
      if (!chartField && knownFields.size) chooseField([...knownFields][0]);
      if (chartField) chart.add(`${e.type}/${e.id}`, Date.parse(e.ts), values[chartField]);
    }
    if (paused) { missedWhilePaused++; return; }
    queue.push(e);
    if (queue.length > 2 * PER_FRAME) {
      skipped += queue.length - PER_FRAME;
      queue.splice(0, queue.length - PER_FRAME);
    }
    if (!frame) frame = requestAnimationFrame(flush);
  };

  const flush = () => {
    frame = 0;
    if (queue.length > PER_FRAME) {
      skipped += queue.length - PER_FRAME;
      queue.splice(0, queue.length - PER_FRAME);
    }
    const fragment = document.createDocumentFragment();
    for (let i = queue.length - 1; i >= 0; i--) fragment.appendChild(row(queue[i]));
    queue = [];
    tbody.insertBefore(fragment, tbody.firstChild);
    while (tbody.rows.length > MAX_ROWS) tbody.lastChild.remove();
  };

  // plain DOM calls: this runs for every shown event
  const cell = (tr, text, cls) => {
    const td = document.createElement('td');
    if (cls) td.className = cls;
    td.textContent = text;
    tr.appendChild(td);
  };
  const row = e => {
    const summary = e.payload !== null && e.payload !== undefined ? JSON.stringify(e.payload) : (e.raw || '');
    const tr = document.createElement('tr');
    tr.className = 'link-row';
    tr.dataset.device = `${e.type}:${e.id}`;
    tr.dataset.event = e.event;
    cell(tr, timeOfDay(e.ts), 'nowrap');
    cell(tr, `${e.type}/${e.id}`);
    cell(tr, e.event);
    cell(tr, e.format);
    cell(tr, summary.length > 160 ? summary.slice(0, 160) + '…' : summary, 'payload');
    rowEvents.set(tr, e);
    return tr;
  };

  tbody.addEventListener('click', ev => {
    const tr = ev.target.closest('tr');
    if (!tr || !rowEvents.has(tr)) return;
    if (selected) selected.classList.remove('selected');
    selected = tr;
    tr.classList.add('selected');
    const e = rowEvents.get(tr);
    detail.replaceChildren(
      facts([['Device', `${e.type}/${e.id}`], ['Event', e.event], ['Format', e.format], ['Received', dateTime(e.ts)]]),
      h('pre', {class: 'json', id: 'event-payload'},
        e.payload !== null && e.payload !== undefined ? JSON.stringify(e.payload, null, 2) : (e.raw || '')));
  });

  const showState = s => {
    state.textContent = s;
    state.className = 'badge ' + (s === 'live' ? 'connected' : 'disconnected');
  };
  const connect = () => {
    if (closeStream) closeStream();
    showState('connecting');
    closeStream = api.liveStream(filters, {
      onState: showState,
      evt: onEvent,
      dropped: d => { droppedByService += d.n || 0; },
    });
  };

  const tick = setInterval(() => {
    rate = received - lastSecond;
    lastSecond = received;
    counters.textContent = `${count(received)} received · ${count(rate)}/s`
      + (droppedByService ? ` · ${count(droppedByService)} sampled out by the service` : '')
      + (skipped ? ` · ${count(skipped)} too fast to show` : '')
      + (paused ? ` · ${count(missedWhilePaused)} while paused` : '')
      + ` · the newest ${MAX_ROWS} shown`;
    counters.dataset.received = String(received);
  }, 1000);

  let historyRun = 0;
  const loadHistory = async () => {
    const run = ++historyRun;
    if (!chartField) return;
    let path = '/api/v0002/historian';
    if (filters.type) {
      path += `/types/${api.seg(filters.type)}`;
      if (filters.device) path += `/devices/${api.seg(filters.device)}`;
    }
    const end = Date.now();
    const q = {start: end - 3600 * 1000, end, _limit: 100, evt_type: filters.event};
    let bookmark = null, pages = 0, loaded = 0;
    chartNote.textContent = 'loading the past hour…';
    try {
      do {
        const answer = await api.get(path, Object.assign({}, q, bookmark ? {_bookmark: bookmark} : {}));
        if (run !== historyRun) return;
        for (const ev of answer.events || []) {
          const type = ev.device_type || filters.type;
          if (filters.device && ev.device_id !== filters.device) continue;
          const v = ev.evt ? ev.evt[chartField] : undefined;
          if (typeof v === 'number') {
            chart.add(`${type}/${ev.device_id}`, ev.timestamp && ev.timestamp.$date, v);
            loaded++;
          }
        }
        bookmark = answer.bookmark;
        pages++;
      } while (bookmark && pages < HISTORY_PAGES);
      chartNote.textContent = `${count(loaded)} points of the past hour from the historian`
        + (bookmark ? ' (the newest 2,000 events)' : '') + ', then live';
    } catch (e) {
      if (run === historyRun) chartNote.textContent = 'The historian did not answer: ' + e.message;
    }
  };

  const chooseField = name => {
    if (name === chartField && name) return;
    chartField = name;
    fieldInput.value = name;
    chart.clearData();
    chart.setLabel(name);
    loadHistory();
  };

  fieldForm.addEventListener('submit', e => {
    e.preventDefault();
    chooseField(fieldInput.value.trim());
  });
  fieldInput.addEventListener('change', () => chooseField(fieldInput.value.trim()));

  form.addEventListener('submit', e => {
    e.preventDefault();
    filters.type = typeInput.value.trim();
    filters.device = deviceInput.value.trim();
    filters.event = eventInput.value.trim();
    const q = new URLSearchParams(Object.entries(Object.assign({}, filters, {field: chartField})).filter(([, v]) => v));
    history.replaceState(null, '', '#/events' + (q.toString() ? '?' + q : ''));
    queue = [];
    tbody.replaceChildren();
    chart.clearData();
    connect();
    loadHistory();
  });

  pause.addEventListener('click', () => {
    paused = !paused;
    pause.textContent = paused ? 'Resume' : 'Pause';
    pause.classList.toggle('primary', paused);
    if (!paused) missedWhilePaused = 0;
  });
  clearButton.addEventListener('click', () => {
    queue = [];
    tbody.replaceChildren();
    detail.replaceChildren(h('p', {class: 'muted'}, 'Click an event to see its payload.'));
  });

  connect();
  if (chartField) loadHistory();

  return () => {
    if (closeStream) closeStream();
    if (frame) cancelAnimationFrame(frame);
    clearInterval(tick);
    historyRun++;
    chart.destroy();
  };
}
