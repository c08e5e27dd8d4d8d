// lib/api.js against a real HTTP server (node:http) that answers like sourcemark does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { gunzipSync } from 'node:zlib';
import {
  SourcemarkError, checkConnection, followAnalysis, normalizeServerUrl, originPattern,
  reportFinding, submitPage,
} from '../lib/api.js';

const TOKEN = 'good-token';
let server;
let base;
let notSourcemark;
let nsBase;
const received = [];
let polls = 0;
const gets = [];

function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

before(async () => {
  server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      // Like a sourcemark server from before the long-poll: the query string is ignored.
      const path = req.url.split('?')[0];
      if (req.url === '/healthz') return json(res, 200, { status: 'ok', pipeline_version: '9.9' });
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        return json(res, 401, { error: { code: 'invalid_token', message: 'The API token is not valid.' } });
      }
      if (req.method === 'POST' && req.url === '/api/v1/analyses') {
        const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
        const data = JSON.parse(body.toString('utf8'));
        received.push({ headers: req.headers, data });
        if (data.html.length > 1000) {
          return json(res, 413, { error: { code: 'too_large', message: 'The page is larger than 0 MB.' } });
        }
        return json(res, 202, { id: 'a1', status: 'queued', links: {} });
      }
      if (req.url === '/api/v1/me') {
        return json(res, 200, { role: 'reader', token: { name: 'laptop', prefix: 'good-tok' }, pipeline_version: '9.9' });
      }
      if (path === '/api/v1/analyses/a1') {
        gets.push(req.url);
        polls++;
        if (polls < 3) return json(res, 200, { id: 'a1', status: polls === 1 ? 'queued' : 'running' });
        return json(res, 200, { id: 'a1', status: 'done', findings: [{ id: 'f1' }], article: {} });
      }
      if (path === '/api/v1/analyses/bad') {
        return json(res, 200, { id: 'bad', status: 'failed', error: 'no article found' });
      }
      if (req.url === '/api/v1/analyses/a1/findings/f1/reports' && req.method === 'POST') {
        received.push({ report: JSON.parse(raw.toString('utf8')) });
        return json(res, 201, { id: 1, status: 'received' });
      }
      return json(res, 404, { error: { code: 'not_found', message: 'No analysis has this id.' } });
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
  notSourcemark = createServer((req, res) => { res.writeHead(404); res.end('<h1>Not Found</h1>'); });
  await new Promise((r) => notSourcemark.listen(0, '127.0.0.1', r));
  nsBase = `http://127.0.0.1:${notSourcemark.address().port}`;
});

after(() => { server.close(); notSourcemark.close(); });

async function closedPort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const port = s.address().port;
  await new Promise((r) => s.close(r));
  return `http://127.0.0.1:${port}`;
}

test('normalizeServerUrl adds the scheme, drops the trailing slash, refuses other schemes', () => {
  assert.equal(normalizeServerUrl(' 127.0.0.1:8000/ '), 'http://127.0.0.1:8000');
  assert.equal(normalizeServerUrl('https://x.org/sourcemark/'), 'https://x.org/sourcemark');
  assert.throws(() => normalizeServerUrl('ftp://x'), SourcemarkError);
  assert.throws(() => normalizeServerUrl(''), /Enter the server URL/);
  assert.throws(() => normalizeServerUrl('http://u:p@x'), /must not contain/);
});

test('originPattern asks for the host only', () => {
  assert.equal(originPattern('http://127.0.0.1:8000/x'), 'http://127.0.0.1/*');
});

test('submitPage sends gzip-compressed JSON with the bearer token', async () => {
  const answer = await submitPage(base, TOKEN, { url: 'http://p/', html: '<p>hi</p>', title: 'T' });
  assert.equal(answer.status, 202);
  const last = received.at(-1);
  assert.equal(last.headers['content-encoding'], 'gzip');
  assert.equal(last.headers['content-type'], 'application/json');
  assert.deepEqual(last.data, { url: 'http://p/', html: '<p>hi</p>', title: 'T' });
});

test('followAnalysis polls until done and reports each status once', async () => {
  const seen = [];
  const started = Date.now();
  const done = await followAnalysis(base, TOKEN, { id: 'a1', status: 'queued' },
    { onProgress: (s) => seen.push(s) });
  assert.equal(done.status, 'done');
  assert.deepEqual(seen, ['queued', 'running']);
  // This server does not know ?wait= (no Sourcemark-Wait header): asked once, then polled
  // plainly with today's back-off (300 ms, then 450 ms).
  assert.deepEqual(gets, ['/api/v1/analyses/a1?wait=20', '/api/v1/analyses/a1',
    '/api/v1/analyses/a1']);
  assert.ok(Date.now() - started >= 700, 'the fallback keeps the polling back-off');
});

test('a failed analysis rejects with the server reason', async () => {
  await assert.rejects(followAnalysis(base, TOKEN, { id: 'bad', status: 'queued' }),
    /could not analyse this page: no article found/);
});

test('errors are in words: bad token, too large, server down, not a sourcemark server', async () => {
  await assert.rejects(submitPage(base, 'nope', { url: 'u', html: 'h' }),
    (e) => e.code === 'bad_token' && e.message === 'The server rejected the API token: it is ' +
      'unknown to the server or has been revoked. Check the token in the options.');
  await assert.rejects(submitPage(base, TOKEN, { url: 'u', html: 'x'.repeat(2000) }),
    (e) => e.code === 'too_large' && /too large/.test(e.message));
  await assert.rejects(submitPage(await closedPort(), TOKEN, { url: 'u', html: 'h' }),
    (e) => e.code === 'unreachable' && /Cannot reach the sourcemark server/.test(e.message));
  await assert.rejects(submitPage(nsBase, TOKEN, { url: 'u', html: 'h' }),
    (e) => e.code === 'not_sourcemark' && /not a sourcemark server/.test(e.message));
});

test('reportFinding posts the comment to the finding route', async () => {
  const answer = await reportFinding(base, TOKEN, 'a1', 'f1', '  wrong speaker ');
  assert.equal(answer.status, 'received');
  assert.deepEqual(received.at(-1).report, { comment: 'wrong speaker' });
});

test('checkConnection says plainly what is wrong', async () => {
  assert.match((await checkConnection(base, TOKEN)).message,
    /Connected.*9\.9.*token "laptop" is accepted \(role: reader\)/);
  assert.equal((await checkConnection(base, TOKEN)).ok, true);
  const bad = await checkConnection(base, 'nope');
  assert.equal(bad.ok, false);
  assert.match(bad.message, /rejected the token: it is unknown to the server or has been revoked\. /);
  assert.doesNotMatch(bad.message, /\(|\.\./, 'one clean sentence, no server message nested in it');
  assert.match((await checkConnection(await closedPort(), TOKEN)).message, /nothing answers/);
  assert.match((await checkConnection(nsBase, TOKEN)).message, /not a sourcemark server/);
  assert.match((await checkConnection(base, '')).message, /enter an API token/);
  assert.match((await checkConnection('ftp://x', TOKEN)).message, /http/);
  // Shown as plain text on the options page: no Markdown backticks around commands.
  for (const answer of [bad, await checkConnection(await closedPort(), TOKEN),
    await checkConnection(base, '')]) assert.doesNotMatch(answer.message, /`/);
});
