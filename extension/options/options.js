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

/** Give back the host permission of a server the reader no longer uses (least privilege). */
async function releaseOldAccess(previous, server) {
  if (!previous) return;
  let old;
  try {
    old = originPattern(normalizeServerUrl(previous));
  } catch {
    return;
  }
  if (old === originPattern(server)) return;
  const manifest = ext.runtime.getManifest();
  // Hosts the manifest grants at install cannot be removed (the tests' copy lists one).
  if ((manifest.host_permissions || []).includes(old)) return;
  try {
    await ext.permissions.remove({ origins: [old] });
  } catch {
    // Already gone.
  }
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
    const { serverUrl: previous } = await ext.storage.local.get('serverUrl');
    await ext.storage.local.set({ serverUrl: server, token });
    await releaseOldAccess(previous, server);
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
