// A real node:http server that answers `?wait=` requests as sourcemark does, for the long-poll
// tests of lib/api.js: the answer is held until the item asked about is due (or the wait runs
// out), a busy server answers at once with `Sourcemark-Wait: 0`, and every request is logged.
import { createServer } from 'node:http';

export const TOKEN = 't';

// route(pathname): the item's id, or null for a path the server does not know (404).
// body(item, id, elapsed): the JSON answered for the item, elapsed ms after the server started.
// dueAt(item): when the item settles (ms after the server started); a held request ends then.
// early(item, wait): before the busy check and the hold, 'plain' answers at once without the
//   header (a server that does not wait), 'now' at once with it, 'cut' drops the connection.
export function waitServer({ route, body, dueAt, early = () => undefined }) {
  const items = new Map();
  const log = [];
  let server;
  let t0 = Date.now();
  const elapsed = () => Date.now() - t0;

  function answer(res, item, id, waitHeader) {
    const headers = { 'Content-Type': 'application/json' };
    if (waitHeader !== null) headers['Sourcemark-Wait'] = waitHeader;
    res.writeHead(200, headers);
    res.end(JSON.stringify(body(item, id, elapsed())));
  }

  function handle(req, res) {
    const url = new URL(req.url, 'http://x');
    const id = route(url.pathname);
    const item = items.get(id);
    const wait = url.searchParams.get('wait');
    log.push({ id, path: url.pathname, at: Date.now(), wait });
    if (!item || req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      return res.end('{"error":{"code":"not_found","message":"no"}}');
    }
    const how = early(item, wait);
    if (how === 'plain') return answer(res, item, id, null);
    if (how === 'now') return answer(res, item, id, wait);
    if (how === 'cut') return req.socket.destroy(); // a restart cuts the held request
    if (item.busyFor > 0) {
      item.busyFor -= 1;
      return answer(res, item, id, '0');
    }
    // Hold the answer until the item is due or the wait runs out.
    const left = Math.min(Number(wait) * 1000, Math.max(0, dueAt(item) - elapsed()));
    setTimeout(() => answer(res, item, id, wait), left);
  }

  return {
    items,
    elapsed,
    // The requests that asked about one id, in order.
    asked: (id) => log.filter((e) => e.id === id),
    // Starts listening on a free port; resolves to the base URL.
    async start() {
      t0 = Date.now();
      server = createServer(handle);
      await new Promise((r) => server.listen(0, '127.0.0.1', r));
      return `http://127.0.0.1:${server.address().port}`;
    },
    stop: () => server.close(),
  };
}
