// The service worker (an event page in Firefox): the toolbar button and keyboard shortcut.
// A click sends the rendered page to the sourcemark server, follows the analysis and has the
// content script draw it; a second click on an analysed page toggles the overlay.
//
// Test contract (DESIGN.md): globalThis.sourcemark.analyzeTab(tab) is the click handler; it
// resolves when the overlay is drawn and rejects with the error the reader was shown.
import {
  SourcemarkError, followAnalysis, followMatching, followRecheck, normalizeServerUrl, originPattern,
  reportFinding, submitPage,
} from './lib/api.js';

const ext = globalThis.browser || globalThis.chrome;

const CONTENT_SCRIPTS = [
  'content/text-position.js', 'content/match-quote.js', 'content/text-range.js',
  'content/anchor.js', 'content/overlay.js', 'content/content.js',
];
const BADGE = { busy: '#555555', done: '#1f4fa0', error: '#b00020' };

// One analysis at a time per tab; a click while one runs joins it.
const running = new Map();
// Which analysis each tab shows, for "looks wrong" reports.
const shown = new Map();

async function settings() {
  const { serverUrl, token } = await ext.storage.local.get(['serverUrl', 'token']);
  if (!serverUrl || !token) {
    throw new SourcemarkError('sourcemark is not set up yet: enter the server URL and API token ' +
      'in the extension\u2019s options.', 'not_configured');
  }
  const server = normalizeServerUrl(serverUrl);
  const granted = await ext.permissions.contains({ origins: [originPattern(server)] });
  if (!granted) {
    throw new SourcemarkError(`sourcemark may not contact ${new URL(server).host} yet: open the ` +
      'extension\u2019s options and press Save to allow it.', 'no_permission');
  }
  return { server, token: String(token).trim() };
}

async function badge(tabId, text, kind) {
  try {
    await ext.action.setBadgeText({ tabId, text });
    if (kind) await ext.action.setBadgeBackgroundColor({ tabId, color: BADGE[kind] });
  } catch {
    // The tab may be gone; nothing to show then.
  }
}

async function title(tabId, text) {
  try {
    await ext.action.setTitle({ tabId, title: text });
  } catch {
    // The tab may be gone.
  }
}

async function send(tabId, message) {
  const answer = await ext.tabs.sendMessage(tabId, message);
  if (!answer) throw new SourcemarkError('The page did not answer sourcemark.', 'no_content');
  if (!answer.ok) throw new SourcemarkError(answer.error, 'content_error');
  return answer.value;
}

async function ping(tabId) {
  try {
    return await send(tabId, { type: 'sourcemark:ping' });
  } catch {
    return null;
  }
}

// Chromium grants activeTab when the button is clicked, but tells the page's renderer on another
// channel than the one executeScript takes: on a busy machine the first injection can arrive
// before the grant and be refused. A page that is really off limits is refused every time.
const INJECT_RETRIES_MS = [100, 250, 500];

async function inject(tabId) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await ext.scripting.insertCSS({ target: { tabId }, files: ['content/highlights.css'] });
      await ext.scripting.executeScript({ target: { tabId }, files: CONTENT_SCRIPTS });
      return;
    } catch (err) {
      if (attempt < INJECT_RETRIES_MS.length) {
        await new Promise((resolve) => setTimeout(resolve, INJECT_RETRIES_MS[attempt]));
        continue;
      }
      throw new SourcemarkError('sourcemark cannot read this page (browser pages, the extension ' +
        `store and some built-in pages are off limits): ${err.message || err}`, 'cannot_inject');
    }
  }
}

async function status(tabId, text, level = 'progress') {
  try {
    await send(tabId, { type: 'sourcemark:status', text, level });
  } catch {
    // Status in the page is a courtesy; the badge and the rejection still carry the error.
  }
}

/**
 * Draw an analysis on a tab (injecting the content scripts when needed). Used by the click
 * handler, and on its own to show an analysis that is already at hand.
 */
async function showAnalysis(tab, analysis) {
  if (!(await ping(tab.id))) await inject(tab.id);
  return send(tab.id, { type: 'sourcemark:show', analysis });
}

const PROGRESS = {
  queued: 'Waiting for the server to start the analysis\u2026',
  running: 'Analysing the article\u2026',
};

async function run(tab) {
  const tabId = tab.id;
  const present = await ping(tabId);
  if (present && present.hasAnalysis && present.analysedUrl === present.url) {
    const s = await send(tabId, { type: 'sourcemark:toggle' });
    await badge(tabId, s.visible ? String(s.anchored) : '', 'done');
    return { ...s, toggled: true };
  }
  // Where a click's time goes, returned with the result (benchmarks/overlay.py prints it).
  const started = performance.now();
  const timings = {};
  const lap = (name, since) => { timings[name] = Math.round(performance.now() - since); };
  await badge(tabId, '\u2026', 'busy');
  await title(tabId, 'sourcemark: analysing this page\u2026');
  try {
    if (!present) await inject(tabId);
    await status(tabId, 'Sending the page to the sourcemark server\u2026');
    const { server, token } = await settings();
    const page = await send(tabId, { type: 'sourcemark:serialize' });
    lap('prepare_ms', started);
    const posted = performance.now();
    const first = await submitPage(server, token, page);
    lap('submit_ms', posted);
    const followed = performance.now();
    // A 200 may be a finished analysis (drawn at once) or one under way that this reader shares.
    const analysis = await followAnalysis(server, token, first.body, {
      onProgress: (s) => status(tabId, PROGRESS[s] || 'Analysing\u2026'),
    });
    lap('follow_ms', followed);
    const drawing = performance.now();
    const s = await showAnalysis(tab, analysis);
    lap('draw_ms', drawing);
    shown.set(tabId, { server, token, analysisId: analysis.id });
    const lost = s.unanchored.length ? ` (${s.unanchored.length} could not be found on the page)` : '';
    const found = `${s.total} finding${s.total === 1 ? '' : 's'}`;
    await status(tabId, `${found}${lost}. Hover or focus a highlight for details.`, 'ok');
    await badge(tabId, String(s.anchored), 'done');
    await title(tabId, `sourcemark: ${found}; click again to hide or show them`);
    lap('total_ms', started);
    // Answered from the store: the server compares the page with it in the background; a
    // changed article's new revision replaces these marks when it is analysed.
    const recheck = first.status === 200 && analysis.recheck ? analysis.recheck : null;
    // Claims not yet matched with other articles' when the answer left the server: their
    // verdicts, fact-checks and figures join the cards as soon as the server has them.
    if (analysis.matching === 'pending') {
      sourcemark.lastMatching = addMatchesWhenMade(tab, server, token, analysis.id);
      sourcemark.lastMatching.catch(() => {});
    }
    if (recheck && recheck.links && recheck.links.follow) {
      sourcemark.lastFollow = redrawWhenRevised(tab, server, token, analysis.id);
      sourcemark.lastFollow.catch(() => {});
    }
    return {
      ...s, analysisId: analysis.id, toggled: false, timings,
      recheck: recheck ? recheck.status : null,
    };
  } catch (err) {
    const message = err instanceof SourcemarkError ? err.message
      : `Something went wrong: ${err && err.message ? err.message : err}`;
    await status(tabId, message, 'error');
    await badge(tabId, '!', 'error');
    // Where no content script can run (browser pages, the extension store, PDFs) the page shows
    // nothing: the button's tooltip still carries the message.
    await title(tabId, `sourcemark: ${message}`);
    throw err instanceof SourcemarkError ? err : new SourcemarkError(message, 'internal');
  }
}

/**
 * Follow the re-check of the analysis drawn on a tab; when the article changed and its new
 * revision is analysed, draw that instead, if the tab still shows the analysis and the overlay
 * is visible. Resolves to {status, analysisId, redrawn} (what the tests look at).
 */
async function redrawWhenRevised(tab, server, token, analysisId) {
  // An extension API call keeps an MV3 service worker alive between long-polls.
  const onTick = () => ext.runtime.getPlatformInfo().catch(() => {});
  const { status: outcome, revision } = await followRecheck(server, token, analysisId, { onTick });
  const result = { status: outcome, analysisId, redrawn: false };
  if (outcome !== 'changed') return result;
  const present = await ping(tab.id);
  const where = shown.get(tab.id);
  if (!present || !present.visible || present.analysedUrl !== present.url || !where
    || where.analysisId !== analysisId) {
    return result; // the reader moved on, hid the overlay or clicked again meanwhile
  }
  const s = await send(tab.id, { type: 'sourcemark:show', analysis: revision });
  shown.set(tab.id, { server, token, analysisId: revision.id });
  const found = `${s.total} finding${s.total === 1 ? '' : 's'}`;
  await status(tab.id, `The article changed; its new version shows ${found}.`, 'ok');
  await badge(tab.id, String(s.anchored), 'done');
  await title(tab.id, `sourcemark: ${found}; click again to hide or show them`);
  return { ...result, analysisId: revision.id, redrawn: true, anchored: s.anchored, total: s.total };
}

/**
 * Follow the matching of the analysis drawn on a tab; once done, give its findings what the
 * server now knows across articles (matches, verdicts, fact-checks, other figures) without
 * redrawing the marks. Resolves to {status, updated} (what the tests look at): 'done',
 * 'pending' (gave up waiting), or 'moved' (the tab shows something else now).
 */
async function addMatchesWhenMade(tab, server, token, analysisId) {
  const onTick = () => ext.runtime.getPlatformInfo().catch(() => {});
  const analysis = await followMatching(server, token, analysisId, { onTick });
  if (!analysis) return { status: 'pending', updated: 0 };
  const where = shown.get(tab.id);
  if (!where || where.analysisId !== analysisId || !(await ping(tab.id))) {
    return { status: 'moved', updated: 0 };
  }
  const updated = await send(tab.id, { type: 'sourcemark:across', analysis });
  return { status: 'done', updated };
}

/** The toolbar click. Resolves to {total, anchored, unanchored, ...} once the overlay is drawn. */
function analyzeTab(tab) {
  if (!tab || typeof tab.id !== 'number') {
    return Promise.reject(new SourcemarkError('No tab to analyse.', 'no_tab'));
  }
  if (running.has(tab.id)) return running.get(tab.id);
  const p = run(tab).finally(() => running.delete(tab.id));
  running.set(tab.id, p);
  return p;
}

async function onReport(msg, sender) {
  const tabId = sender.tab && sender.tab.id;
  const where = shown.get(tabId);
  // The worker may have been restarted since the analysis was drawn: fall back to settings.
  const { server, token } = where || await settings();
  await reportFinding(server, token, msg.analysisId, msg.findingId, msg.comment || '');
  return { ok: true };
}

ext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (msg && msg.type === 'sourcemark:report') {
    onReport(msg, sender).then(sendResponse, (err) => sendResponse({ ok: false, error: err.message }));
    return true;
  }
  if (msg && msg.type === 'sourcemark:anchored' && sender.tab) {
    badge(sender.tab.id, String(msg.anchored), 'done');
  }
  return false;
});

ext.action.onClicked.addListener((tab) => {
  const p = analyzeTab(tab);
  sourcemark.lastRun = p;
  // The reader already sees the error in the page and on the badge.
  p.catch(() => {});
});

ext.tabs.onRemoved.addListener((tabId) => shown.delete(tabId));

const sourcemark = { analyzeTab, showAnalysis, lastRun: null, lastFollow: null, lastMatching: null };
globalThis.sourcemark = sourcemark;
