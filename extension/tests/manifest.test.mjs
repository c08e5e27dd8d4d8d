// The manifest asks for the least it needs, works for Chromium and Firefox, and the code it
// loads never builds code or HTML from strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', root), 'utf8'));

test('permissions: activeTab, scripting, storage; hosts only when the options page asks', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual([...manifest.permissions].sort(), ['activeTab', 'scripting', 'storage']);
  assert.equal(manifest.host_permissions, undefined);
  assert.equal(manifest.content_scripts, undefined, 'nothing runs on pages until a click');
  assert.deepEqual(manifest.optional_host_permissions, ['http://*/*', 'https://*/*']);
});

test('a strict extension CSP: own scripts only, nothing inline or evaluated', () => {
  const csp = manifest.content_security_policy.extension_pages;
  assert.match(csp, /script-src 'self';/);
  assert.match(csp, /object-src 'none'/);
  assert.doesNotMatch(csp, /unsafe|http:\/\/|https:\/\/|\*/);
});

test('Chromium and Firefox: service worker and scripts, a gecko id', () => {
  assert.equal(manifest.background.service_worker, 'background.js');
  assert.deepEqual(manifest.background.scripts, ['background.js']);
  assert.equal(manifest.background.type, 'module');
  assert.match(manifest.browser_specific_settings.gecko.id, /@/);
});

test('every file the manifest and service worker name exists', () => {
  const files = [manifest.background.service_worker, manifest.options_ui.page,
    ...Object.values(manifest.icons), ...Object.values(manifest.action.default_icon)];
  const bg = readFileSync(new URL('background.js', root), 'utf8');
  for (const m of bg.matchAll(/'(content\/[\w-]+\.(?:js|css))'/g)) files.push(m[1]);
  assert.ok(files.length > 10);
  for (const f of files) assert.ok(existsSync(new URL(f, root)), f);
});

test('no remote code, no eval, no HTML from strings', () => {
  const dirs = ['', 'lib/', 'content/', 'options/'];
  for (const dir of dirs) {
    for (const name of readdirSync(new URL(dir || '.', root))) {
      if (!/\.(js|html)$/.test(name)) continue;
      const src = readFileSync(new URL(dir + name, root), 'utf8');
      for (const bad of [/\beval\(/, /new Function\(/, /\.innerHTML\s*=/, /outerHTML\s*=/,
        /insertAdjacentHTML/, /document\.write/, /<script[^>]+src=["']https?:/]) {
        assert.doesNotMatch(src, bad, `${dir}${name}`);
      }
    }
  }
});
