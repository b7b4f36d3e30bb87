// Sign-in: an organization's API key and token (that organization only), or the administrator (every
// organization). POST /console/session answers the session, its CSRF token included; the cookie is HttpOnly.
import * as api from '../api.js';
import {h, field} from '../dom.js';

export function render(main, onSignedIn) {
  let mode = 'apikey';
  const error = h('p', {id: 'signin-error', class: 'form-error', role: 'alert'});
  const key = h('input', {id: 'signin-apikey', name: 'apiKey', autocomplete: 'username', placeholder: 'a-org1234-abcdef1234', required: true});
  const token = h('input', {id: 'signin-token', name: 'token', type: 'password', autocomplete: 'current-password', required: true});
  const user = h('input', {id: 'signin-user', name: 'user', autocomplete: 'username', required: true});
  const password = h('input', {id: 'signin-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true});
  const keyFields = h('div', {class: 'mode-fields'}, field('API key', key), field('Token', token));
  const adminFields = h('div', {class: 'mode-fields hidden'}, field('User', user), field('Password', password));
  const submit = h('button', {id: 'signin-submit', type: 'submit', class: 'button primary wide'}, 'Sign in');

  const tab = (id, label) => h('button', {type: 'button', class: 'tab', id: 'signin-tab-' + id, dataset: {mode: id}}, label);
  const tabs = h('div', {class: 'tabs'}, tab('apikey', 'API key'), tab('admin', 'Administrator'));
  const select = m => {
    mode = m;
    for (const t of tabs.children) t.classList.toggle('active', t.dataset.mode === m);
    keyFields.classList.toggle('hidden', m !== 'apikey');
    adminFields.classList.toggle('hidden', m !== 'admin');
    for (const i of [key, token]) i.required = m === 'apikey';
    for (const i of [user, password]) i.required = m === 'admin';
    error.textContent = '';
  };
  tabs.addEventListener('click', e => { if (e.target.dataset.mode) select(e.target.dataset.mode); });
  select('apikey');

  const form = h('form', {id: 'signin-form', class: 'signin-form', novalidate: false},
    tabs, keyFields, adminFields, error, submit);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    const body = mode === 'apikey'
      ? {apiKey: key.value.trim(), token: token.value}
      : {user: user.value.trim(), password: password.value};
    try {
      const session = await api.post('/console/session', body);
      token.value = '';
      password.value = '';
      onSignedIn(session);
    } catch (err) {
      error.textContent = err.message;
    } finally {
      submit.disabled = false;
    }
  });

  main.appendChild(h('div', {class: 'signin'},
    h('div', {class: 'signin-box'},
      h('div', {class: 'signin-brand'}, h('span', {class: 'brand-mark'}, 'IoTF'), ' local service'),
      h('h1', null, 'Sign in to the console'),
      h('p', {class: 'muted'}, 'With an API key of an organization, or as the administrator of the service.'),
      form)));
  key.focus();
}
