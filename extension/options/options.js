// Options: the server URL and API token (chrome.storage.local: serverUrl, token), the host
// permission for that server only, and a connection test that says what is wrong.
import { checkConnection, normalizeServerUrl, originPattern } from '../lib/api.js';

const ext = globalThis.browser || globalThis.chrome;
const $ = (id) => document.getElementById(id);

function say(message, ok) {
  $('result').textContent = message;
  $('result').dataset.ok = String(ok);
}

/**
 * Ask for access to the server's host. Must run synchronously inside the click handler: the
 * browser only shows its prompt during a user gesture. Resolves to the normalised URL, or
 * throws with the reason.
 */
function requestAccess() {
  const server = normalizeServerUrl($('serverUrl').value);
  return ext.permissions.request({ origins: [originPattern(server)] }).then((granted) => {
    if (!granted) {
      throw new Error(`Without access to ${new URL(server).host} the extension cannot reach ` +
        'the server. Press Save again and allow it.');
    }
    return server;
  });
}

async function load() {
  const { serverUrl, token } = await ext.storage.local.get(['serverUrl', 'token']);
  if (serverUrl) $('serverUrl').value = serverUrl;
  if (token) $('token').value = token;
}

$('settings').addEventListener('submit', (ev) => {
  ev.preventDefault();
  let pending;
  try {
    pending = requestAccess();
  } catch (err) {
    say(err.message, false);
    return;
  }
  pending.then(async (server) => {
    const token = $('token').value.trim();
    await ext.storage.local.set({ serverUrl: server, token });
    $('serverUrl').value = server;
    const check = await checkConnection(server, token);
    say(check.ok ? `Saved. ${check.message}` : `Saved, but: ${check.message}`, check.ok);
  }, (err) => say(err.message, false));
});

$('test').addEventListener('click', () => {
  let pending;
  try {
    pending = requestAccess();
  } catch (err) {
    say(err.message, false);
    return;
  }
  say('Testing\u2026', '');
  pending.then(async (server) => {
    const check = await checkConnection(server, $('token').value);
    say(check.message, check.ok);
  }, (err) => say(err.message, false));
});

$('showToken').addEventListener('click', () => {
  const shown = $('token').type === 'text';
  $('token').type = shown ? 'password' : 'text';
  $('showToken').textContent = shown ? 'Show' : 'Hide';
  $('showToken').setAttribute('aria-pressed', String(!shown));
});

load();
