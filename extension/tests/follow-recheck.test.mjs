// followRecheck against a real node:http server that holds ?wait= requests until the re-check
// settles, and the fallbacks: a busy server (Sourcemark-Wait: 0), a server that does not wait.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { followRecheck } from '../lib/api.js';

const TOKEN = 't';
let server;
let base;
const log = [];
// Per analysis id: when its re-check settles (ms after the server started), how, how busy.
const rechecks = new Map();
let t0;

function answer(res, id, waitHeader) {
  const r = rechecks.get(id);
  const settled = Date.now() - t0 >= r.settleAt;
  const body = { analysis_id: id, status: settled ? r.outcome : (r.before || 'pending') };
  if (settled && r.outcome === 'changed') {
    body.revision = r.revision || { id: `${id}-2`, status: 'done', findings: [{ id: 'f1' }] };
  }
  const headers = { 'Content-Type': 'application/json' };
  if (waitHeader !== null) headers['Sourcemark-Wait'] = waitHeader;
  res.writeHead(200, headers);
  res.end(JSON.stringify(body));
}

before(async () => {
  t0 = Date.now();
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const parts = url.pathname.split('/');
    const id = parts[parts.length - 2];
    const r = rechecks.get(id);
    log.push({ id, path: url.pathname, wait: url.searchParams.get('wait') });
    if (!r || parts[parts.length - 1] !== 'recheck' || req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      return res.end('{"error":{"code":"not_found","message":"no"}}');
    }
    const wait = url.searchParams.get('wait');
    if (r.noWait) return answer(res, id, null);
    if (r.before) return answer(res, id, wait); // 'none' is answered at once, like the server
    if (r.busyFor > 0) {
      r.busyFor -= 1;
      return answer(res, id, '0');
    }
    const left = Math.min(Number(wait) * 1000, Math.max(0, r.settleAt - (Date.now() - t0)));
    setTimeout(() => answer(res, id, wait), left);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => server.close());

const asked = (id) => log.filter((e) => e.id === id);

test('one long-poll brings the new revision when the re-check settles', async () => {
  rechecks.set('a1', { settleAt: Date.now() - t0 + 400, outcome: 'changed' });
  const started = Date.now();
  const got = await followRecheck(base, TOKEN, 'a1');
  assert.equal(got.status, 'changed');
  assert.equal(got.revision.id, 'a1-2');
  assert.ok(Date.now() - started >= 350);
  assert.deepEqual(asked('a1').map((e) => [e.path, e.wait]),
    [['/api/v1/analyses/a1/recheck', '20']]);
});

test('the same text ends the following with nothing to draw', async () => {
  rechecks.set('a2', { settleAt: 0, outcome: 'same' });
  assert.deepEqual(await followRecheck(base, TOKEN, 'a2'), { status: 'same', revision: null });
});

test('a busy server or one that does not wait is asked again after a pause', async () => {
  rechecks.set('a3', { settleAt: Date.now() - t0 + 300, outcome: 'changed', busyFor: 1 });
  const got = await followRecheck(base, TOKEN, 'a3');
  assert.equal(got.status, 'changed');
  assert.equal(asked('a3').length, 2);
  rechecks.set('a4', { settleAt: Date.now() - t0 + 1500, outcome: 'failed', noWait: true });
  const ticks = [];
  const failed = await followRecheck(base, TOKEN, 'a4', { onTick: () => ticks.push(1) });
  assert.deepEqual(failed, { status: 'failed', revision: null });
  // Polled at 1 s, then 2 s: two or three requests, not a busy loop.
  assert.ok(asked('a4').length >= 2 && asked('a4').length <= 3, asked('a4').length);
  assert.equal(ticks.length, asked('a4').length);
});

test('gives up with pending when the time runs out, and refuses a half revision', async () => {
  rechecks.set('a5', { settleAt: 1e9, outcome: 'same' });
  const got = await followRecheck(base, TOKEN, 'a5', { timeoutMs: 1200, longPoll: 1 });
  assert.equal(got.status, 'pending');
  rechecks.set('a6', { settleAt: 0, outcome: 'changed', revision: { id: 'x', status: 'running' } });
  await assert.rejects(followRecheck(base, TOKEN, 'a6'), { code: 'bad_answer' });
});

test('no re-check yet is asked about once more before giving up', async () => {
  rechecks.set('a7', { settleAt: 0, outcome: 'none' });
  assert.deepEqual(await followRecheck(base, TOKEN, 'a7'), { status: 'none', revision: null });
  assert.equal(asked('a7').length, 2);
  // The scheduling click's page stored meanwhile: the second look finds its re-check.
  rechecks.set('a8', { settleAt: Date.now() - t0 + 500, outcome: 'same', before: 'none' });
  assert.deepEqual(await followRecheck(base, TOKEN, 'a8'), { status: 'same', revision: null });
  assert.equal(asked('a8').length, 2);
});
