/*
 * anchor: put a server analysis's findings on the live page. Collects the page's visible text
 * nodes (text-position), finds each finding's quote (match-quote), marks it (text-range).
 *
 * `anchorFindings` is the only entry point; it returns which findings were anchored and which
 * were not, so the panel can list the latter instead of silently dropping them.
 */
(function (root) {
  'use strict';

  const A = root.sourcemarkAnchoring;
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION',
    'IFRAME', 'OBJECT', 'CANVAS', 'SVG', 'MATH', 'HEAD', 'TITLE', 'INPUT', 'BUTTON']);
  const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION',
    'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER',
    'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'NAV',
    'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR',
    'UL']);
  // Below this score a match is too weak to show (mostly: fuzzy quote, no context agreeing).
  const MIN_SCORE = 0.55;

  function hidden(el) {
    if (el.hasAttribute('hidden')) return true;
    if (typeof el.checkVisibility === 'function') return !el.checkVisibility();
    return false;
  }

  /** The page's text as pieces for text-position.buildIndex, skipping our own UI. */
  function collectPieces(body, isOwn) {
    const pieces = [];
    let pendingBreak = false;
    const walk = (parent) => {
      for (let n = parent.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3) {
          if (n.data.length) {
            pieces.push({ node: n, data: n.data, breakBefore: pendingBreak });
            pendingBreak = false;
          }
        } else if (n.nodeType === 1) {
          const tag = n.tagName.toUpperCase();
          if (SKIP.has(tag) || isOwn(n) || hidden(n)) continue;
          const block = BLOCK.has(tag);
          if (block) pendingBreak = true;
          walk(n);
          if (block) pendingBreak = true;
        }
      }
    };
    walk(body);
    return pieces;
  }

  function median(values) {
    if (!values.length) return 0;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  }

  /**
   * Locate every finding in `index` (pure: no DOM). Findings whose quote occurs exactly once
   * go first; the median shift between their server offsets and page positions then serves as
   * the position hint for the rest, which is what tells repeated quotes apart when the prefix
   * and suffix do not.
   */
  function locate(index, findings) {
    const norm = (s) => A.textPosition.normalizeText(s || '').text;
    const prepared = findings.map((f) => {
      const sel = f.selector || {};
      const quote = norm(sel.exact || f.text).trim();
      return { f, quote, prefix: norm(sel.prefix || ''), suffix: norm(sel.suffix || '') };
    });
    const found = new Map();
    const shifts = [];
    for (const p of prepared) {
      if (!p.quote) continue;
      const first = index.text.indexOf(p.quote);
      if (first !== -1 && index.text.indexOf(p.quote, first + 1) === -1) {
        const m = A.matchQuote.matchQuote(index.text, p.quote, p);
        found.set(p.f.id, m);
        if (typeof p.f.start === 'number') shifts.push(m.start - p.f.start);
      }
    }
    const shift = median(shifts);
    for (const p of prepared) {
      if (found.has(p.f.id) || !p.quote) continue;
      const hint = typeof p.f.start === 'number' ? p.f.start + shift : undefined;
      const m = A.matchQuote.matchQuote(index.text, p.quote, { ...p, hint });
      if (m && (m.exact || m.score >= MIN_SCORE)) found.set(p.f.id, m);
    }
    return found;
  }

  /**
   * Mark every finding in `body`. Returns `{marks: Map id -> [mark], anchored: [id],
   * unanchored: [id], splits}`; `splits` is what `removeMarks` needs to undo it.
   */
  function anchorFindings(doc, body, findings, options) {
    const isOwn = (options && options.isOwn) || (() => false);
    const decorate = (options && options.decorate) || (() => {});
    const index = A.textPosition.buildIndex(collectPieces(body, isOwn));
    const located = locate(index, findings);
    const anchors = [];
    for (const f of findings) {
      const m = located.get(f.id);
      if (!m) continue;
      const segments = A.textRange.segmentsFor(index, m.start, m.end);
      if (segments.length) anchors.push({ id: f.id, segments });
    }
    const plan = A.textRange.planPieces(anchors);
    const { marks, splits } = A.textRange.applyMarks(doc, index.nodes, plan, decorate);
    const anchored = findings.filter((f) => marks.has(f.id)).map((f) => f.id);
    const unanchored = findings.filter((f) => !marks.has(f.id)).map((f) => f.id);
    return { marks, anchored, unanchored, splits };
  }

  const api = { collectPieces, locate, anchorFindings, MIN_SCORE };
  root.sourcemarkAnchoring = Object.assign(root.sourcemarkAnchoring || {}, { anchor: api });
})(globalThis);
