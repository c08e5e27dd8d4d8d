// followAnalysis against a server that knows ?wait= (real node:http; the answer is held until
// the "analysis" finishes), and the fallbacks: a busy server, a server that does not wait.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { LONG_POLL_SECONDS, followAnalysis, waitForAnalysis } from '../lib/api.js';

const TOKEN = 't';
let server;
let base;
const log = [];
// Per analysis id: when it finishes (ms since the server started), and how busy the server is.
const analyses = new Map();
let t0;

function answer(res, id, waitHeader) {
  const a = analyses.get(id);
  const done = Date.now() - t0 >= a.finishAt;
  const body = done ? { id, status: 'done', findings: [{ id: 'f1' }], article: {} }
    : { id, status: Date.now() - t0 >= a.finishAt / 2 ? 'running' : 'queued' };
  const headers = { 'Content-Type': 'application/json' };
  if (waitHeader !== null) headers['Sourcemark-Wait'] = waitHeader;
  res.writeHead(200, headers);
  res.end(JSON.stringify(body));
}

before(async () => {
  t0 = Date.now();
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const id = url.pathname.split('/').pop();
    const a = analyses.get(id);
    log.push({ id, at: Date.now(), wait: url.searchParams.get('wait') });
    if (!a || req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      return res.end('{"error":{"code":"not_found","message":"no"}}');
    }
    const wait = url.searchParams.get('wait');
    if (wait === null) return answer(res, id, null);
    if (a.cutFor > 0) {
      a.cutFor -= 1;
      return req.socket.destroy(); // a restart cuts the held request
    }
    if (a.busyFor > 0) {
      a.busyFor -= 1;
      return answer(res, id, '0');
    }
    // Hold the answer until the analysis finishes or the wait runs out.
    const left = Math.min(Number(wait) * 1000, Math.max(0, a.finishAt - (Date.now() - t0)));
    setTimeout(() => answer(res, id, wait), left);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => server.close());

const asked = (id) => log.filter((e) => e.id === id);

test('one long-poll brings the analysis the moment it finishes', async () => {
  const finishIn = 150;
  analyses.set('lp', { finishAt: Date.now() - t0 + finishIn, busyFor: 0 });
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
  analyses.set('slow', { finishAt: Date.now() - t0 + 2500, busyFor: 0 });
  const seen = [];
  const done = await followAnalysis(base, TOKEN, { id: 'slow', status: 'queued' },
    { onProgress: (s) => seen.push(s), longPoll: 1 });
  assert.equal(done.status, 'done');
  assert.deepEqual(seen, ['queued', 'running']);
  const waits = asked('slow').map((e) => e.wait);
  assert.ok(waits.length >= 3 && waits.every((w) => w === '1'), String(waits));
});

test('a busy server (Sourcemark-Wait: 0) is asked again after the polling back-off', async () => {
  analyses.set('busy', { finishAt: Date.now() - t0 + 400, busyFor: 2 });
  const done = await followAnalysis(base, TOKEN, { id: 'busy', status: 'queued' });
  assert.equal(done.status, 'done');
  const entries = asked('busy');
  assert.deepEqual(entries.map((e) => e.wait), ['20', '20', '20']);
  // 300 ms after the first refusal, 450 after the second.
  assert.ok(entries[1].at - entries[0].at >= 290, 'paused after the first refusal');
  assert.ok(entries[2].at - entries[1].at >= 440, 'backed off after the second');
});

test('longPoll: 0 polls exactly as before', async () => {
  analyses.set('plain', { finishAt: Date.now() - t0 + 500, busyFor: 0 });
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
  analyses.set('cut', { finishAt: Date.now() - t0 + 600, busyFor: 0, cutFor: 1 });
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
