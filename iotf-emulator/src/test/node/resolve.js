'use strict';
// Preloaded with `node -r ./resolve.js`: names under the test domain resolve to 127.0.0.1, as a hosts file entry or
// DNS would make them for a user, without editing /etc/hosts. Nothing of IBM's libraries is changed.
const dns = require('dns');

const domain = process.env.IOTF_DOMAIN || 'iotf.test';
const original = dns.lookup;

dns.lookup = function lookup(hostname, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  } else if (typeof options === 'number') {
    options = { family: options };
  }
  if (hostname === domain || String(hostname).endsWith('.' + domain)) {
    if (options && options.all) {
      return process.nextTick(callback, null, [{ address: '127.0.0.1', family: 4 }]);
    }
    return process.nextTick(callback, null, '127.0.0.1', 4);
  }
  return original.call(dns, hostname, options, callback);
};
