/*
 * content: the page side of sourcemark. The service worker injects the content scripts on a
 * toolbar click (activeTab) and talks to this one by messages:
 *   sourcemark:ping       -> {url, hasAnalysis, visible}
 *   sourcemark:status     -> shows progress or an error in the page
 *   sourcemark:serialize  -> {html, url, title}: the DOM after the page's scripts ran
 *   sourcemark:show       -> marks the findings, draws the panel; -> {total, anchored, unanchored}
 *   sourcemark:toggle     -> hides or shows the overlay again
 *   sourcemark:across     -> the same analysis again, once matched with other articles: its
 *                            findings' cross-article keys replace the shown ones; -> how many changed
 * Injection can happen more than once per page; the guard keeps one controller.
 */
(function (root) {
  'use strict';

  if (root.__sourcemarkContent) return;
  const ext = root.browser || root.chrome;
  const A = root.sourcemarkAnchoring;
  const { Overlay } = root.sourcemarkOverlay;
  const ATTR = A.textRange.ATTR;
  const REANCHOR_DELAY_MS = 400;

  const state = {
    analysis: null,
    url: null, // the page address the analysis was made for
    visible: false,
    result: null, // {marks, anchored, unanchored, splits}
    observer: null,
    timer: null,
  };

  const overlay = new Overlay(document, {
    onReport: async (findingId, comment) => {
      const answer = await ext.runtime.sendMessage({
        type: 'sourcemark:report', analysisId: state.analysis.id, findingId, comment,
      });
      if (!answer || !answer.ok) throw new Error((answer && answer.error) || 'The report could not be sent.');
      return 'Thank you \u2014 the editors will look at it.';
    },
  });

  function decorate(kindOf) {
    const started = new Set();
    return (mark, id) => {
      const kind = kindOf.get(id) || 'attribution';
      mark.setAttribute('data-sourcemark-kind', kind);
      // The first mark of each finding carries the kind symbol and is the keyboard stop.
      if (!started.has(id)) {
        started.add(id);
        mark.setAttribute('data-sourcemark-start', kind);
        mark.setAttribute('tabindex', '0');
      }
    };
  }

  function withoutObserver(fn) {
    if (state.observer) state.observer.disconnect();
    try {
      return fn();
    } finally {
      if (state.observer && state.visible) {
        state.observer.takeRecords();
        observe();
      }
    }
  }

  function unmark() {
    if (!state.result) return;
    withoutObserver(() => A.textRange.removeMarks(document.body, state.result.splits));
    state.result = null;
  }

  function mark() {
    const findings = state.analysis.findings;
    const kinds = new Map(findings.map((f) => [f.id, f.kind]));
    state.result = withoutObserver(() => A.anchor.anchorFindings(document, document.body, findings, {
      isOwn: (n) => overlay.isOwn(n), decorate: decorate(kinds),
    }));
    state.textLength = document.body.textContent.length;
    overlay.renderPanel(findings, state.result.anchored, pick);
    return summary();
  }

  function summary() {
    const r = state.result;
    return {
      total: state.analysis ? state.analysis.findings.length : 0,
      anchored: r ? r.anchored.length : 0,
      unanchored: r ? r.unanchored : [],
      visible: state.visible,
    };
  }

  function pick(id) {
    const marks = state.result && state.result.marks.get(id);
    if (!marks || !marks.length) return;
    const first = marks.find((m) => m.isConnected) || marks[0];
    first.scrollIntoView({ block: 'center', behavior: 'instant' });
    first.setAttribute('data-sourcemark-flash', '');
    setTimeout(() => first.removeAttribute('data-sourcemark-flash'), 1200);
    first.focus({ preventScroll: true });
    overlay.showCard(idsAt(first), first, false);
  }

  /** The findings covering a mark, innermost first (marks nest when findings overlap). */
  function idsAt(markEl) {
    const ids = [];
    for (let m = markEl; m; m = m.parentElement && m.parentElement.closest(`mark[${ATTR}]`)) {
      const id = m.getAttribute(ATTR);
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  function markFrom(target) {
    return target && target.nodeType === 1 && state.visible ? target.closest(`mark[${ATTR}]`) : null;
  }

  // --- re-anchoring when the page changes -----------------------------------------------

  function needsReanchor() {
    const r = state.result;
    if (!r) return true;
    for (const list of r.marks.values()) {
      if (list.some((m) => !m.isConnected)) return true;
    }
    // Findings still missing: worth another look only when the page's text changed (a ticker
    // or a clock re-rendering must not make us re-anchor the whole page again and again).
    return r.unanchored.length > 0 && document.body.textContent.length !== state.textLength;
  }

  function reanchor() {
    state.timer = null;
    if (!state.visible || !state.analysis || !needsReanchor()) return;
    const before = state.result ? state.result.anchored.length : 0;
    overlay.closeCard();
    unmark();
    mark();
    if (state.result.anchored.length !== before) {
      ext.runtime.sendMessage({ type: 'sourcemark:anchored', ...summary() }).catch(() => {});
    }
  }

  function observe() {
    state.observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  function startObserving() {
    if (!state.observer) {
      state.observer = new MutationObserver(() => {
        clearTimeout(state.timer);
        state.timer = setTimeout(reanchor, REANCHOR_DELAY_MS);
      });
    }
    observe();
  }

  function stopObserving() {
    if (state.observer) state.observer.disconnect();
    clearTimeout(state.timer);
  }

  // --- showing, hiding ----------------------------------------------------------------------

  function show(analysis) {
    stopObserving();
    unmark();
    state.analysis = analysis;
    state.url = location.href;
    state.visible = true;
    overlay.setFindings(analysis.findings);
    const s = mark();
    startObserving();
    return s;
  }

  function hide() {
    state.visible = false;
    stopObserving();
    overlay.hideAll();
    unmark();
  }

  function toggle() {
    if (!state.analysis) return summary();
    if (state.visible) {
      hide();
      overlay.status('Highlights hidden. Click the sourcemark button again to show them.', 'ok');
      return summary();
    }
    const s = show(state.analysis);
    overlay.status(s.total === 1 ? `${s.anchored} of 1 finding shown.`
      : `${s.anchored} of ${s.total} findings shown.`, 'ok');
    return s;
  }

  // What the server adds to a finding from other articles; the rest of a finding never changes.
  const ACROSS = ['review_id', 'matches', 'checked', 'factchecks', 'other_figures'];

  /** The shown analysis's findings get what the server knows now across articles; an open
   * card is drawn again. Marks stay as they are: the findings and their places are the same. */
  function across(analysis) {
    if (!state.analysis || !analysis || analysis.id !== state.analysis.id) return 0;
    const fresh = new Map((Array.isArray(analysis.findings) ? analysis.findings : [])
      .filter((f) => f && typeof f === 'object').map((f) => [f.id, f]));
    let changed = 0;
    for (const f of state.analysis.findings) {
      const g = fresh.get(f.id);
      if (!g) continue;
      const before = JSON.stringify(ACROSS.map((k) => f[k]));
      for (const k of ACROSS) {
        if (k in g) f[k] = g[k];
      }
      if (JSON.stringify(ACROSS.map((k) => f[k])) !== before) changed += 1;
    }
    state.analysis.matching = analysis.matching;
    if (changed) {
      overlay.setFindings(state.analysis.findings);
      overlay.refreshCard();
    }
    return changed;
  }

  /** The page as rendered now, without anything sourcemark added to it. */
  function serialize() {
    const clone = document.documentElement.cloneNode(true);
    for (const host of clone.querySelectorAll('[data-sourcemark-host]')) host.remove();
    for (const m of clone.querySelectorAll(`mark[${ATTR}]`)) m.replaceWith(...m.childNodes);
    const dt = document.doctype;
    const doctype = dt ? `<!DOCTYPE ${dt.name}${dt.publicId ? ` PUBLIC "${dt.publicId}"` : ''}` +
      `${dt.systemId ? ` "${dt.systemId}"` : ''}>\n` : '';
    return { html: doctype + clone.outerHTML, url: location.href, title: document.title };
  }

  // --- hover and keyboard -------------------------------------------------------------------

  document.addEventListener('mouseover', (ev) => {
    const m = markFrom(ev.target);
    if (m) overlay.showCard(idsAt(m), m, false);
  }, true);
  document.addEventListener('mouseout', (ev) => {
    if (markFrom(ev.target) && !markFrom(ev.relatedTarget)) overlay.scheduleHide();
  }, true);
  document.addEventListener('focusin', (ev) => {
    const m = markFrom(ev.target);
    if (m) overlay.showCard(idsAt(m), m, false);
  }, true);
  document.addEventListener('focusout', (ev) => {
    if (markFrom(ev.target)) overlay.scheduleHide();
  }, true);
  document.addEventListener('keydown', (ev) => {
    const m = markFrom(ev.target);
    if (!m) return;
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      overlay.showCard(idsAt(m), m, true);
    } else if (ev.key === 'Escape') {
      overlay.closeCard();
    }
  }, true);
  root.addEventListener('scroll', () => {
    if (overlay.card && overlay.cardAnchor) overlay.placeCard(overlay.cardAnchor);
  }, { passive: true, capture: true });

  // --- messages from the service worker ------------------------------------------------------

  const handlers = {
    'sourcemark:ping': () => ({
      url: location.href, analysedUrl: state.url, hasAnalysis: !!state.analysis, visible: state.visible,
    }),
    'sourcemark:status': (msg) => { overlay.status(msg.text, msg.level); return true; },
    'sourcemark:serialize': () => serialize(),
    'sourcemark:show': (msg) => show(msg.analysis),
    'sourcemark:toggle': () => toggle(),
    'sourcemark:across': (msg) => across(msg.analysis),
  };

  ext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    const handler = msg && handlers[msg.type];
    if (!handler) return false;
    try {
      sendResponse({ ok: true, value: handler(msg) });
    } catch (err) {
      sendResponse({ ok: false, error: String((err && err.message) || err) });
    }
    return false;
  });

  root.__sourcemarkContent = { state, show, hide, toggle, serialize, across };
})(globalThis);
