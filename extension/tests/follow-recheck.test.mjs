// followRecheck against a real node:http server that holds ?wait= requests until the re-check
// settles, and the fallbacks: a busy server (Sourcemark-Wait: 0), a server that does not wait.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { followRecheck } from '../lib/api.js';
import { TOKEN, waitServer } from './wait-server.mjs';

// Per analysis id: when its re-check settles (ms after the server started), how, how busy.
const server = waitServer({
  route: (path) => {
    const parts = path.split('/');
    return parts[parts.length - 1] === 'recheck' ? parts[parts.length - 2] : null;
  },
  body: (r, id, elapsed) => {
    const settled = elapsed >= r.settleAt;
    const body = { analysis_id: id, status: settled ? r.outcome : (r.before || 'pending') };
    if (settled && r.outcome === 'changed') {
      body.revision = r.revision || { id: `${id}-2`, status: 'done', findings: [{ id: 'f1' }] };
    }
    return body;
  },
  dueAt: (r) => r.settleAt,
  // A server that does not wait; 'none' is answered at once, like the server.
  early: (r) => (r.noWait ? 'plain' : r.before ? 'now' : undefined),
});
const { items: rechecks, asked, elapsed } = server;
let base;

before(async () => {
  base = await server.start();
});

after(() => server.stop());

test('one long-poll brings the new revision when the re-check settles', async () => {
  rechecks.set('a1', { settleAt: elapsed() + 400, outcome: 'changed' });
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
  rechecks.set('a3', { settleAt: elapsed() + 300, outcome: 'changed', busyFor: 1 });
  const got = await followRecheck(base, TOKEN, 'a3');
  assert.equal(got.status, 'changed');
  assert.equal(asked('a3').length, 2);
  rechecks.set('a4', { settleAt: elapsed() + 1500, outcome: 'failed', noWait: true });
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
  rechecks.set('a8', { settleAt: elapsed() + 500, outcome: 'same', before: 'none' });
  assert.deepEqual(await followRecheck(base, TOKEN, 'a8'), { status: 'same', revision: null });
  assert.equal(asked('a8').length, 2);
});
