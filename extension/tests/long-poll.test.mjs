// followAnalysis against a server that knows ?wait= (real node:http; the answer is held until
// the "analysis" finishes), and the fallbacks: a busy server, a server that does not wait.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LONG_POLL_SECONDS, followAnalysis, waitForAnalysis } from '../lib/api.js';
import { TOKEN, waitServer } from './wait-server.mjs';

// Per analysis id: when it finishes (ms since the server started), and how busy the server is.
const server = waitServer({
  route: (path) => path.split('/').pop(),
  body: (a, id, elapsed) => (elapsed >= a.finishAt
    ? { id, status: 'done', findings: [{ id: 'f1' }], article: {} }
    : { id, status: elapsed >= a.finishAt / 2 ? 'running' : 'queued' }),
  dueAt: (a) => a.finishAt,
  early: (a, wait) => {
    if (wait === null) return 'plain';
    if (a.cutFor > 0) {
      a.cutFor -= 1;
      return 'cut';
    }
    return undefined;
  },
});
const { items: analyses, asked, elapsed } = server;
let base;

before(async () => {
  base = await server.start();
});

after(() => server.stop());

test('one long-poll brings the analysis the moment it finishes', async () => {
  const finishIn = 150;
  analyses.set('lp', { finishAt: elapsed() + finishIn, busyFor: 0 });
  const started = Date.now();
  const seen = [];
  const done = await followAnalysis(base, TOKEN, { id: 'lp', status: 'queued' },
    { onProgress: (s) => seen.push(s) });
  const took = Date.now() - started;
  assert.equal(done.status, 'done');
  assert.deepEqual(seen, ['queued']);
  assert.deepEqual(asked('lp').map((e) => e.wait), [String(LONG_POLL_SECONDS)]);
  // No polling delay on top: the answer comes when the analysis does (a poll would be at 300 ms).
  assert.ok(took >= finishIn - 5 && took < 280, `took ${took} ms`);
});

test('a wait that runs out is simply asked again', async () => {
  analyses.set('slow', { finishAt: elapsed() + 2500, busyFor: 0 });
  const seen = [];
  const done = await followAnalysis(base, TOKEN, { id: 'slow', status: 'queued' },
    { onProgress: (s) => seen.push(s), longPoll: 1 });
  assert.equal(done.status, 'done');
  assert.deepEqual(seen, ['queued', 'running']);
  const waits = asked('slow').map((e) => e.wait);
  assert.ok(waits.length >= 3 && waits.every((w) => w === '1'), String(waits));
});

test('a busy server (Sourcemark-Wait: 0) is asked again after the polling back-off', async () => {
  analyses.set('busy', { finishAt: elapsed() + 400, busyFor: 2 });
  const done = await followAnalysis(base, TOKEN, { id: 'busy', status: 'queued' });
  assert.equal(done.status, 'done');
  const entries = asked('busy');
  assert.deepEqual(entries.map((e) => e.wait), ['20', '20', '20']);
  // 300 ms after the first refusal, 450 after the second.
  assert.ok(entries[1].at - entries[0].at >= 290, 'paused after the first refusal');
  assert.ok(entries[2].at - entries[1].at >= 440, 'backed off after the second');
});

test('longPoll: 0 polls exactly as before', async () => {
  analyses.set('plain', { finishAt: elapsed() + 500, busyFor: 0 });
  const started = Date.now();
  const done = await followAnalysis(base, TOKEN, { id: 'plain', status: 'queued' },
    { longPoll: 0 });
  assert.equal(done.status, 'done');
  const entries = asked('plain');
  assert.ok(entries.every((e) => e.wait === null));
  // The first poll after 300 ms, the next 450 ms later: today's schedule.
  assert.ok(entries[0].at - started >= 290, 'first poll after 300 ms');
  assert.equal(entries.length, 2);
});

test('a cut long-poll is followed by plain polling', async () => {
  analyses.set('cut', { finishAt: elapsed() + 600, busyFor: 0, cutFor: 1 });
  const done = await followAnalysis(base, TOKEN, { id: 'cut', status: 'queued' });
  assert.equal(done.status, 'done');
  const waits = asked('cut').map((e) => e.wait);
  assert.equal(waits[0], '20');
  assert.ok(waits.length >= 2 && waits.slice(1).every((w) => w === null), String(waits));
});

test('waitForAnalysis reads the header, or null from a server without it', async () => {
  analyses.set('hdr', { finishAt: 0, busyFor: 0 });
  const got = await waitForAnalysis(base, TOKEN, 'hdr', 5);
  assert.equal(got.wait, 5);
  assert.equal(got.body.status, 'done');
  analyses.set('hdr0', { finishAt: 1e9, busyFor: 1 });
  assert.equal((await waitForAnalysis(base, TOKEN, 'hdr0', 5)).wait, 0);
});
