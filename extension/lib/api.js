// The sourcemark server's API as the extension uses it: submit a page (gzip), follow the
// analysis, report a finding, check a connection. Every failure becomes a SourcemarkError whose
// message is what the reader is shown — so it says what is wrong and what to do.

export class SourcemarkError extends Error {
  constructor(message, code, status) {
    super(message);
    this.name = 'SourcemarkError';
    this.code = code;
    this.status = status;
  }
}

const SUBMIT_TIMEOUT_MS = 60000;
const READ_TIMEOUT_MS = 20000;

/** "127.0.0.1:8000/" -> "http://127.0.0.1:8000"; throws on anything that is not http(s). */
export function normalizeServerUrl(input) {
  let raw = String(input || '').trim();
  if (!raw) throw new SourcemarkError('Enter the server URL, e.g. http://127.0.0.1:8000', 'no_url');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) raw = `http://${raw}`;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new SourcemarkError(`"${input}" is not a URL. Enter one like http://127.0.0.1:8000`,
      'bad_url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SourcemarkError('The server URL must start with http:// or https://', 'bad_url');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new SourcemarkError('The server URL must not contain a user, password, query or #.',
      'bad_url');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The host permission the extension needs for this server (any port: Firefox has no ports). */
export function originPattern(serverUrl) {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

export async function gzip(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function readJson(response) {
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** Why the server refused the token, as the end of a sentence ("" when it did not say). */
function tokenRefusal(body) {
  const code = body && body.error && body.error.code;
  if (code === 'invalid_token') return ': it is unknown to the server or has been revoked';
  if (code === 'unauthorized') return ': none was sent';
  return '';
}

function serverMessage(body) {
  const msg = body && body.error && body.error.message;
  return typeof msg === 'string' ? msg : '';
}

/** The reader-facing message for an HTTP error answer. */
export function describeHttpError(status, body, server, retryAfter) {
  const said = serverMessage(body);
  const origin = new URL(server).host;
  if (!body || !body.error) {
    if (status === 404 || status === 405) {
      return new SourcemarkError(`${origin} answered, but it is not a sourcemark server (no API ` +
        'there). Check the server URL in the options.', 'not_sourcemark', status);
    }
    return new SourcemarkError(`${origin} answered with HTTP ${status}, not like a sourcemark ` +
      'server. Check the server URL in the options.', 'not_sourcemark', status);
  }
  const table = {
    400: `The server could not read what was sent: ${said}`,
    401: `The server rejected the API token${tokenRefusal(body)}. Check the token in the options.`,
    403: `This API token may not do that: ${said}`,
    404: `Not found on the server: ${said}`,
    413: `This page is too large for the server to analyse. ${said}`,
    415: `The server could not read what was sent: ${said}`,
    422: `The server cannot analyse this page: ${said}`,
    429: `Too many requests to the server; try again in ${retryAfter || 'a few'} seconds. ${said}`,
    503: `The server is not available right now; try again in a moment. ${said}`,
  };
  const code = { 401: 'bad_token', 413: 'too_large', 429: 'rate_limited', 503: 'unavailable' };
  const message = table[status] || `The server failed (HTTP ${status}). ${said}`;
  const err = new SourcemarkError(message.trim(), code[status] || 'http_error', status);
  err.serverMessage = said;
  err.refusal = status === 401 ? tokenRefusal(body) : '';
  return err;
}

async function call(server, token, path, init, timeoutMs) {
  const headers = { Accept: 'application/json', ...(init.headers || {}) };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(`${server}${path}`, {
      ...init,
      headers,
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    if (err && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
      throw new SourcemarkError(`The server at ${new URL(server).host} did not answer within ` +
        `${Math.round(timeoutMs / 1000)} s.`, 'timeout');
    }
    throw new SourcemarkError(`Cannot reach the sourcemark server at ${new URL(server).host}. ` +
      'Is it running? Check the server URL in the options.', 'unreachable');
  }
  const body = await readJson(response);
  if (!response.ok) {
    throw describeHttpError(response.status, body, server, response.headers.get('Retry-After'));
  }
  if (!body) {
    throw new SourcemarkError(`${new URL(server).host} answered, but not like a sourcemark ` +
      'server. Check the server URL in the options.', 'not_sourcemark', response.status);
  }
  return { status: response.status, body, headers: response.headers };
}

/** POST the page, gzip-compressed. Resolves to {status: 200|202, body}. */
export async function submitPage(server, token, page) {
  // `url` first: the server answers a repeat click on a known article from the body's first
  // bytes (server/api/fresh.py); any order works, this one is the fast one.
  const payload = JSON.stringify({ url: page.url, html: page.html, title: page.title || undefined });
  const compressed = await gzip(payload);
  return call(server, token, '/api/v1/analyses', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
    body: compressed,
  }, SUBMIT_TIMEOUT_MS);
}

export async function getAnalysis(server, token, id) {
  return (await call(server, token, `/api/v1/analyses/${encodeURIComponent(id)}`,
    { method: 'GET' }, READ_TIMEOUT_MS)).body;
}

// How long one long-poll asks the server to hold the answer (the server caps it, 25 s by default).
export const LONG_POLL_SECONDS = 20;

/**
 * GET the analysis, asking the server to answer only when it is finished or `seconds` have
 * passed. Resolves to {body, wait}: `wait` is the server's Sourcemark-Wait header as a number,
 * or null when the server did not send it (an older server, which ignores ?wait= and answers
 * at once).
 */
export async function waitForAnalysis(server, token, id, seconds) {
  const answer = await call(server, token,
    `/api/v1/analyses/${encodeURIComponent(id)}?wait=${seconds}`, { method: 'GET' },
    READ_TIMEOUT_MS + seconds * 1000);
  const header = answer.headers.get('Sourcemark-Wait');
  const wait = header === null || header.trim() === '' ? null : Number(header);
  return { body: answer.body, wait: Number.isFinite(wait) ? wait : null };
}

/** Whom the token belongs to: its role and name (GET /api/v1/me). */
export async function getMe(server, token) {
  return (await call(server, token, '/api/v1/me', { method: 'GET' }, READ_TIMEOUT_MS)).body;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * From the submit answer to a finished analysis: while queued/running, asks the server to
 * answer when the analysis finishes (a long-poll, ?wait=), calls onProgress(status) on each
 * change, rejects when it failed or takes longer than timeoutMs. A server that does not know
 * ?wait= (no Sourcemark-Wait header) is polled as before, backing off from 300 ms to 2 s; one
 * that says it cannot wait right now (Sourcemark-Wait: 0, it is busy) is asked again after the
 * same back-off; a long-poll cut off (the server restarting) is followed by plain polling.
 */
export async function followAnalysis(server, token, first, options = {}) {
  const { onProgress = () => {}, timeoutMs = 180000, longPoll = LONG_POLL_SECONDS } = options;
  let analysis = first;
  let wait = 300;
  let serverWaits = longPoll > 0;
  let pause = serverWaits ? 0 : wait;
  const deadline = Date.now() + timeoutMs;
  let last = null;
  while (analysis.status === 'queued' || analysis.status === 'running') {
    if (analysis.status !== last) {
      last = analysis.status;
      onProgress(analysis.status);
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new SourcemarkError(`The analysis is still ${analysis.status} after ` +
        `${Math.round(timeoutMs / 1000)} s; try again later.`, 'timeout');
    }
    if (pause) await sleep(pause);
    if (serverWaits) {
      const seconds = Math.max(1, Math.min(longPoll, Math.ceil(left / 1000)));
      const asked = Date.now();
      let answer;
      try {
        answer = await waitForAnalysis(server, token, analysis.id, seconds);
      } catch (err) {
        // A held request is the one a server restart or a proxy cuts: poll instead (a server
        // that is really gone fails the next poll with the same message).
        if (!(err instanceof SourcemarkError) || !['unreachable', 'timeout'].includes(err.code)) {
          throw err;
        }
        serverWaits = false;
        pause = wait;
        continue;
      }
      analysis = answer.body;
      if (answer.wait === null) {
        serverWaits = false; // an older server: it answered at once; poll from now on
        pause = wait;
      } else if (answer.wait === 0 || Date.now() - asked < 100) {
        // Busy (or woken at once without an answer): ask again after a pause, backing off.
        pause = wait;
        wait = Math.min(2000, Math.round(wait * 1.5));
      } else {
        pause = 0;
      }
      continue;
    }
    analysis = await getAnalysis(server, token, analysis.id);
    wait = Math.min(2000, Math.round(wait * 1.5));
    pause = wait;
  }
  if (analysis.status === 'failed') {
    throw new SourcemarkError(`The server could not analyse this page: ${analysis.error ||
      'no reason given'}.`, 'analysis_failed');
  }
  if (analysis.status !== 'done' || !Array.isArray(analysis.findings)) {
    throw new SourcemarkError('The server sent an analysis this extension does not understand.',
      'bad_answer');
  }
  return analysis;
}

/**
 * After a repeat click answered from the store (the answer's `recheck.links.follow`): wait for
 * the server's re-check of that analysis. Resolves to {status, revision}: 'changed' with the new
 * revision's analysis (done) to draw instead, or 'same', 'failed', 'none' (nothing to redraw);
 * 'pending' only when `timeoutMs` ran out. Long-polls (?wait=) as followAnalysis does; a server
 * that cannot wait right now is asked again after a pause growing from 1 s to 5 s; a first 'none'
 * is asked about once more after a second. `onTick` is
 * called before each request (the service worker uses it to stay awake).
 */
export async function followRecheck(server, token, analysisId, options = {}) {
  const { timeoutMs = 300000, longPoll = LONG_POLL_SECONDS, onTick = () => {} } = options;
  const path = `/api/v1/analyses/${encodeURIComponent(analysisId)}/recheck`;
  const deadline = Date.now() + timeoutMs;
  let pause = 1000;
  let askedAgain = false;
  for (;;) {
    const left = deadline - Date.now();
    const seconds = Math.max(1, Math.min(longPoll, Math.ceil(left / 1000)));
    await onTick();
    const asked = Date.now();
    const answer = await call(server, token, `${path}?wait=${seconds}`, { method: 'GET' },
      READ_TIMEOUT_MS + seconds * 1000);
    const state = answer.body;
    if (state.status === 'none' && !askedAgain) {
      // A coalesced click can be answered in the instant before the window's first click has
      // stored the page it re-checks: look once more before giving up.
      askedAgain = true;
      await sleep(Math.min(1000, Math.max(0, deadline - Date.now())));
      continue;
    }
    if (state.status !== 'pending') {
      const revision = state.revision;
      if (state.status === 'changed' && !(revision && revision.status === 'done'
        && Array.isArray(revision.findings))) {
        throw new SourcemarkError('The server sent a revision this extension does not ' +
          'understand.', 'bad_answer');
      }
      return { status: state.status, revision: revision || null };
    }
    if (Date.now() >= deadline) return { status: 'pending', revision: null };
    const header = answer.headers.get('Sourcemark-Wait');
    if (header === null || Number(header) === 0 || Date.now() - asked < 100) {
      await sleep(Math.min(pause, Math.max(0, deadline - Date.now())));
      pause = Math.min(5000, pause * 2);
    }
  }
}

// How long after drawing the overlay to ask again for matches still being made: the server
// matches what its first pass did not reach right after answering, usually within seconds.
export const MATCHING_DELAYS_MS = [1000, 2000, 3000, 5000, 8000, 13000];

/**
 * After an analysis was drawn whose `matching` is 'pending': ask for it again, backing off,
 * until the server says every finding was matched with the claims of other articles.
 * Resolves to the analysis ('done') or null when it is still pending after the last delay.
 * `onTick` is called before each request (the service worker uses it to stay awake).
 */
export async function followMatching(server, token, analysisId, options = {}) {
  const { delays = MATCHING_DELAYS_MS, onTick = () => {} } = options;
  for (const delay of delays) {
    await sleep(delay);
    await onTick();
    const analysis = await getAnalysis(server, token, analysisId);
    if (!analysis || analysis.status !== 'done' || !Array.isArray(analysis.findings)) return null;
    if (analysis.matching !== 'pending') return analysis;
  }
  return null;
}

/** A reader's "looks wrong" on one finding. */
export async function reportFinding(server, token, analysisId, findingId, comment) {
  const body = comment && comment.trim() ? { comment: comment.trim() } : {};
  return (await call(server, token,
    `/api/v1/analyses/${encodeURIComponent(analysisId)}/findings/` +
    `${encodeURIComponent(findingId)}/reports`,
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
    READ_TIMEOUT_MS)).body;
}

/**
 * What the options page's "Test connection" says: is a sourcemark server there, and does it
 * accept the token. Resolves to {ok, message}; never rejects.
 */
export async function checkConnection(serverInput, token) {
  let server;
  try {
    server = normalizeServerUrl(serverInput);
  } catch (err) {
    return { ok: false, message: err.message };
  }
  const host = new URL(server).host;
  let health;
  try {
    const response = await fetch(`${server}/healthz`, {
      credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(READ_TIMEOUT_MS),
    });
    health = await readJson(response);
    if (!health || typeof health.status !== 'string') {
      return { ok: false, message: `Something answers at ${host}, but it is not a sourcemark ` +
        'server (no /healthz). Check the URL, including the port.' };
    }
    if (!response.ok) {
      return { ok: false, message: `The sourcemark server at ${host} answers but is not ` +
        `healthy: database ${health.database}, broker ${health.broker}.` };
    }
  } catch {
    return { ok: false, message: `Cannot reach ${host}: nothing answers there. Is ` +
      '\u201csourcemark serve\u201d running, and is the URL right?' };
  }
  if (!token || !token.trim()) {
    return { ok: false, message: `The server at ${host} is up. Now enter an API token ` +
      '(\u201csourcemark token create --name my-browser\u201d prints one).' };
  }
  let me;
  try {
    me = await getMe(server, token.trim());
  } catch (err) {
    if (err.code === 'bad_token') {
      return { ok: false, message: `The server at ${host} is up, but it rejected the token` +
        `${err.refusal}. Check it, or make a new one with \u201csourcemark token create\u201d.` };
    }
    return { ok: false, message: err.message };
  }
  const name = me && me.token && me.token.name ? ` "${me.token.name}"` : '';
  const role = me && me.role ? ` (role: ${me.role})` : '';
  return { ok: true, message: `Connected to the sourcemark server at ${host} ` +
    `(pipeline ${health.pipeline_version || '?'}); the token${name} is accepted${role}.` };
}
