// API keys of the organization: create (the token shown this once), list, revoke. Revoking stops the token at
// once and drops every connection that logged in with it [2.3.3; later §2.13]; revoking the key of this very
// session ends the session too.
import * as api from '../api.js';
import {h, card, field, facts, table, secret, dateTime, showError, notify, confirmButton} from '../dom.js';

export async function render(main) {
  const comment = h('input', {id: 'apikey-comment', placeholder: 'what the key is for'});
  const roles = h('input', {id: 'apikey-roles', placeholder: 'PD_STANDARD_APP (comma-separated, optional)'});
  const error = h('p', {class: 'form-error', id: 'apikey-error', role: 'alert'});
  const form = h('form', {id: 'apikey-form', class: 'toolbar'},
    field('Comment', comment), field('Roles', roles),
    h('button', {type: 'submit', class: 'button primary', id: 'apikey-create'}, 'Create API key'));
  const created = h('div', {id: 'apikey-created'});
  const list = h('div', {id: 'apikey-list'});
  main.appendChild(h('div', {class: 'page'}, h('h1', null, 'API keys'),
    card('New key', form, error, created),
    card('Keys of the organization', list)));

  const load = async () => {
    try {
      const keys = await api.get('/api/v0002/authorization/apikeys');
      const mine = api.getSession().user;
      list.replaceChildren(keys.length === 0 ? h('p', {class: 'muted'}, 'No API keys.')
        : table(['Key', 'Comment', 'Roles', 'Created', ''], keys.map(k => h('tr', {dataset: {key: k.key}},
            h('td', null, h('code', null, k.key), k.key === mine ? h('span', {class: 'badge info'}, 'this session') : null),
            h('td', null, k.comment || ''),
            h('td', null, (k.roles || []).join(', ')),
            h('td', {class: 'nowrap'}, dateTime(k.createdAt)),
            h('td', {class: 'actions-cell'}, confirmButton('Revoke', 'Click again to revoke', () => revoke(k.key),
              {class: 'button danger small', dataset: {revoke: k.key}})))), {id: 'apikeys-table'}));
    } catch (e) {
      showError(e);
    }
  };

  const revoke = async key => {
    try {
      await api.del(`/api/v0002/authorization/apikeys/${api.seg(key)}`);
      notify(`API key ${key} revoked: its token no longer works and its connections were dropped`);
      if (key === api.getSession().user) {
        window.dispatchEvent(new CustomEvent('iotf-session-lost', {detail: 'its API key was revoked'}));
        return;
      }
      await load();
    } catch (e) {
      showError(e);
    }
  };

  form.addEventListener('submit', async e => {
    e.preventDefault();
    error.textContent = '';
    const body = {};
    if (comment.value.trim()) body.comment = comment.value.trim();
    const r = roles.value.split(',').map(x => x.trim()).filter(Boolean);
    if (r.length) body.roles = r;
    try {
      const k = await api.post('/api/v0002/authorization/apikeys', body);
      created.replaceChildren(
        h('p', {class: 'warning'}, 'The token is shown this once only: copy it now.'),
        facts([['API key', secret(k.key, 'apikey-new-key')], ['Token', secret(k.token, 'apikey-new-token')]]));
      comment.value = '';
      roles.value = '';
      await load();
    } catch (err) {
      error.textContent = err.message;
    }
  });

  await load();
}
