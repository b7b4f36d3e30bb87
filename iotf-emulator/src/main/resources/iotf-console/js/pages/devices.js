// The device list: one page at a time from the API's keyset paging (GET /api/v0002/bulk/devices with _limit and
// _bookmark), so 10,000 devices cost no more than 25. Filters are the API's equality filters (typeId, deviceId).
import * as api from '../api.js';
import {h, field, table, count, dateTime, showError} from '../dom.js';

export async function render(main, params, query) {
  const typeSelect = h('select', {id: 'devices-type'}, h('option', {value: ''}, 'All types'));
  const idInput = h('input', {id: 'devices-search', type: 'search', placeholder: 'exact device id', value: query.device || ''});
  const sizeSelect = h('select', {id: 'devices-size'}, [25, 50, 100].map(n => h('option', {value: n}, String(n))));
  const form = h('form', {class: 'toolbar', id: 'devices-filter'},
    field('Type', typeSelect), field('Device id', idInput), field('Per page', sizeSelect),
    h('button', {type: 'submit', class: 'button'}, 'Search'),
    h('a', {class: 'button primary push-right', href: '#/register'}, 'Register a device'));
  const summary = h('p', {id: 'devices-summary', class: 'muted'});
  const list = h('div', {id: 'devices-list'});
  const prev = h('button', {type: 'button', class: 'button', id: 'devices-prev', disabled: true}, '‹ Previous');
  const next = h('button', {type: 'button', class: 'button', id: 'devices-next', disabled: true}, 'Next ›');
  main.appendChild(h('div', {class: 'page'}, h('h1', null, 'Devices'), form, summary, list,
    h('div', {class: 'pager'}, prev, next)));

  // bookmarks[i] starts page i (page 0 has none): going back re-reads the page from its bookmark
  let bookmarks = [null];
  let page = 0;
  let total = null;
  let nextBookmark = null;

  const load = async () => {
    const q = {_limit: sizeSelect.value, typeId: typeSelect.value, deviceId: idInput.value.trim()};
    if (bookmarks[page]) q._bookmark = bookmarks[page];
    try {
      const answer = await api.get('/api/v0002/bulk/devices', q);
      if (page === 0) total = answer.meta ? (answer.meta.total_rows ?? answer.meta.totalRows) : null;
      nextBookmark = answer.bookmark || null;
      show(answer.results || []);
    } catch (e) {
      showError(e);
    }
  };

  const show = rows => {
    const size = Number(sizeSelect.value);
    const first = page * size + 1;
    summary.textContent = rows.length === 0 ? 'No devices match.'
      : `Devices ${count(first)}–${count(first + rows.length - 1)}` + (total !== null ? ` of ${count(total)}` : '');
    list.replaceChildren(rows.length === 0 ? h('p', {class: 'empty'}, 'Nothing to show.')
      : table(['Type', 'Device id', 'Serial number', 'Model', 'Registered', 'By'], rows.map(d => {
          const href = `#/devices/${encodeURIComponent(d.typeId)}/${encodeURIComponent(d.deviceId)}`;
          const info = d.deviceInfo || {};
          const tr = h('tr', {class: 'link-row', dataset: {device: `${d.typeId}:${d.deviceId}`}},
            h('td', null, d.typeId),
            h('td', null, h('a', {href}, d.deviceId)),
            h('td', null, info.serialNumber || ''),
            h('td', null, info.model || ''),
            h('td', null, dateTime(d.registration && d.registration.date) || ''),
            h('td', null, (d.registration && d.registration.auth && d.registration.auth.id) || ''));
          tr.addEventListener('click', e => { if (e.target.tagName !== 'A') location.hash = href; });
          return tr;
        }), {id: 'devices-table'}));
    prev.disabled = page === 0;
    next.disabled = !nextBookmark;
  };

  form.addEventListener('submit', e => {
    e.preventDefault();
    bookmarks = [null];
    page = 0;
    load();
  });
  sizeSelect.addEventListener('change', () => form.requestSubmit());
  typeSelect.addEventListener('change', () => form.requestSubmit());
  next.addEventListener('click', () => {
    if (!nextBookmark) return;
    page++;
    bookmarks[page] = nextBookmark;
    load();
  });
  prev.addEventListener('click', () => {
    if (page === 0) return;
    page--;
    load();
  });

  try {
    const types = await api.get('/api/v0002/device/types', {_limit: 500});
    for (const t of types.results || []) typeSelect.appendChild(h('option', {value: t.id}, t.id));
  } catch (e) {
    showError(e);
  }
  if (query.type) typeSelect.value = query.type;
  await load();
}
