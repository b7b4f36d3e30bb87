// Small DOM helpers. Every piece of data goes in as text (textContent, attribute values), never as HTML: the
// console shows what devices send, so nothing of it may become markup. No inline handlers either (the CSP forbids
// them): listeners are added with addEventListener through the `on` attribute below.

/**
 * Creates an element: h('tr', {class: 'x', dataset: {id: 'a'}, on: {click: f}}, 'text', child, [more]).
 * Attributes other than class, dataset, on and style-free properties are set with setAttribute.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') el.className = value;
      else if (name === 'dataset') Object.assign(el.dataset, value);
      else if (name === 'on') for (const [ev, fn] of Object.entries(value)) el.addEventListener(ev, fn);
      else if (name === 'text') el.textContent = value;
      else if (name === 'value') el.value = value;
      else if (name === 'checked') el.checked = true;
      else el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

/** Removes every child of an element. */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** A section card with a title. */
export function card(title, ...children) {
  return h('section', {class: 'card'}, title ? h('h2', null, title) : null, ...children);
}

/** A two-column table of name/value pairs; values that are null show as a dash. */
export function facts(pairs, attrs) {
  return h('table', Object.assign({class: 'facts'}, attrs || {}),
    h('tbody', null, pairs.filter(Boolean).map(([k, v]) =>
      h('tr', null, h('th', null, k), h('td', null, v === null || v === undefined || v === '' ? '—' : v)))));
}

/** A table with a header row and rows of cells (each cell text or a node). */
export function table(headers, rows, attrs) {
  return h('table', Object.assign({class: 'grid'}, attrs || {}),
    h('thead', null, h('tr', null, headers.map(x => h('th', null, x)))),
    h('tbody', null, rows));
}

/** A label with an input, for forms. */
export function field(label, input, hint) {
  return h('label', {class: 'field'}, h('span', {class: 'field-label'}, label), input,
    hint ? h('span', {class: 'hint'}, hint) : null);
}

const messages = () => document.getElementById('messages');

/** Shows a message at the top of the page (error or info); errors stay until closed or replaced. */
export function notify(text, kind = 'info') {
  const box = messages();
  const close = h('button', {type: 'button', class: 'close', 'aria-label': 'Close'}, '×');
  const msg = h('div', {class: 'message ' + kind, dataset: {kind}}, h('span', {class: 'message-text'}, text), close);
  close.addEventListener('click', () => msg.remove());
  box.appendChild(msg);
  while (box.children.length > 4) box.firstChild.remove();
  if (kind !== 'error') setTimeout(() => msg.remove(), 5000);
  return msg;
}

/** Shows an error of the API (its message) or of the page. */
export function showError(err) {
  notify(err && err.message ? err.message : String(err), 'error');
}

export function clearMessages() {
  clear(messages());
}

/** Copies text to the clipboard, with a fallback for pages that are not a secure context. */
export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch (e) { /* falls back below */ }
  const area = h('textarea', {class: 'offscreen', readonly: true});
  area.value = text;
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
  area.remove();
  return ok;
}

/** A value shown once (a token) with a copy button. */
export function secret(value, id) {
  const code = h('code', {class: 'secret', id}, value);
  const button = h('button', {type: 'button', class: 'button small', dataset: {copy: id || ''}}, 'Copy');
  button.addEventListener('click', async () => {
    const ok = await copyText(value);
    button.textContent = ok ? 'Copied' : 'Select and copy';
    setTimeout(() => { button.textContent = 'Copy'; }, 2000);
  });
  return h('span', {class: 'secret-line'}, code, button);
}

/** A button that asks once more before it acts: the first click arms it, the second (within 5 s) runs `action`. */
export function confirmButton(label, confirmLabel, action, attrs) {
  const b = h('button', Object.assign({type: 'button', class: 'button danger'}, attrs || {}), label);
  let armed = null;
  b.addEventListener('click', async () => {
    if (!armed) {
      b.textContent = confirmLabel;
      b.classList.add('armed');
      armed = setTimeout(() => { armed = null; b.textContent = label; b.classList.remove('armed'); }, 5000);
      return;
    }
    clearTimeout(armed);
    armed = null;
    b.disabled = true;
    try { await action(); } finally { b.disabled = false; b.textContent = label; b.classList.remove('armed'); }
  });
  return b;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** Local time of day with milliseconds, HH:MM:SS.mmm. */
export function timeOfDay(value) {
  const d = value instanceof Date ? value : new Date(value);
  if (isNaN(d)) return String(value);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** Local date and time, YYYY-MM-DD HH:MM:SS. */
export function dateTime(value) {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  if (isNaN(d)) return String(value);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A number with thousands separators. */
export function count(n) {
  return typeof n === 'number' ? n.toLocaleString('en-US') : (n ?? '—');
}

/** A badge (connected, disconnected, ...). */
export function badge(text, kind) {
  return h('span', {class: 'badge ' + (kind || text)}, text);
}

/** JSON pretty-printed, for payloads and metadata. */
export function pretty(value) {
  return h('pre', {class: 'json'}, JSON.stringify(value, null, 2));
}
