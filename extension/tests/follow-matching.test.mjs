// followMatching against a real node:http server whose analyses finish matching after a while:
// the extension asks again, backing off, until `matching` is 'done', and gives up in time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { followMatching } from '../lib/api.js';
import { TOKEN, waitServer } from './wait-server.mjs';

const server = waitServer({
  route: (path) => {
    const parts = path.split('/');
    return parts.length === 5 && parts[3] === 'analyses' ? parts[4] : null;
  },
  // Counted in requests, not in time: a first request can take longer than a short delay.
  body: (r, id) => {
    r.asks = (r.asks || 0) + 1;
    const matched = r.asks > r.pendingFor;
    return {
      id,
      status: r.status || 'done',
      matching: matched ? 'done' : 'pending',
      findings: [{ id: 'f1', matches: { count: matched ? 1 : 0, best: [] } }],
    };
  },
  dueAt: () => 0,
});
const { items, asked } = server;
let base;

before(async () => {
  base = await server.start();
});

after(() => server.stop());

test('asks again until every finding is matched, then brings the analysis', async () => {
  items.set('m1', { pendingFor: 2 });
  const ticks = [];
  const got = await followMatching(base, TOKEN, 'm1', {
    delays: [100, 100, 100, 100, 100], onTick: () => ticks.push(1),
  });
  assert.equal(got.matching, 'done');
  assert.equal(got.findings[0].matches.count, 1);
  assert.equal(asked('m1').length, 3);
  assert.equal(ticks.length, 3);
});

test('gives up with null when matching is still pending after the last delay', async () => {
  items.set('m2', { pendingFor: 1000 });
  const got = await followMatching(base, TOKEN, 'm2', { delays: [50, 50, 50] });
  assert.equal(got, null);
  assert.equal(asked('m2').length, 3);
});

test('an analysis no longer done (deleted, failed) ends the following', async () => {
  items.set('m3', { pendingFor: 0, status: 'failed' });
  assert.equal(await followMatching(base, TOKEN, 'm3', { delays: [10, 10] }), null);
  assert.equal(asked('m3').length, 1);
});
