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

  // Paragraphs of one finding may be far apart on the page (a byline, figure or ad between
  // them that the extractor dropped), but not further than this.
  const MAX_PART_GAP = 3000;

  /**
   * A finding spanning paragraphs, matched paragraph by paragraph, each after the previous one.
   * Returns a match with `parts` (several ranges) or null.
   */
  function matchParts(text, pieces, ctx) {
    const parts = [];
    let errors = 0;
    let scoreSum = 0;
    for (let k = 0; k < pieces.length; k++) {
      const prev = parts[parts.length - 1];
      const c = k === 0 ? { prefix: ctx.prefix, hint: ctx.hint }
        : { hint: prev.end, suffix: k === pieces.length - 1 ? ctx.suffix : '' };
      const m = A.matchQuote.matchQuote(text, pieces[k], c);
      if (!m || (!m.exact && m.score < MIN_SCORE)) return null;
      if (prev && (m.start < prev.end || m.start - prev.end > MAX_PART_GAP)) return null;
      parts.push({ start: m.start, end: m.end });
      errors += m.errors;
      scoreSum += m.score;
    }
    return { start: parts[0].start, end: parts[parts.length - 1].end, parts, errors,
      score: scoreSum / pieces.length, exact: errors === 0 };
  }

  /**
   * Locate every finding in `index` (pure: no DOM). Findings whose quote occurs exactly once
   * go first; the median shift between their server offsets and page positions then serves as
   * the position hint for the rest, which is what tells repeated quotes apart when the prefix
   * and suffix do not. A quote spanning paragraphs that is not found whole is looked for
   * paragraph by paragraph.
   */
  function locate(index, findings) {
    const norm = (s) => A.textPosition.normalizeText(s || '').text;
    const prepared = findings.map((f) => {
      const sel = f.selector || {};
      const raw = sel.exact || f.text || '';
      return {
        f,
        quote: norm(raw).trim(),
        pieces: raw.split(/\n\s*\n/).map((x) => norm(x).trim()).filter(Boolean),
        prefix: norm(sel.prefix || ''),
        suffix: norm(sel.suffix || ''),
      };
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
      let m = A.matchQuote.matchQuote(index.text, p.quote, { ...p, hint });
      if (m && !m.exact && m.score < MIN_SCORE) m = null;
      if ((!m || !m.exact) && p.pieces.length > 1) {
        const byParts = matchParts(index.text, p.pieces, { ...p, hint });
        if (byParts && (!m || byParts.errors < m.errors)) m = byParts;
      }
      if (m) found.set(p.f.id, m);
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
      const ranges = m.parts || [m];
      const segments = ranges.flatMap((r) => A.textRange.segmentsFor(index, r.start, r.end));
      if (segments.length) anchors.push({ id: f.id, segments });
    }
    const plan = A.textRange.planPieces(anchors);
    const { marks, splits } = A.textRange.applyMarks(doc, index.nodes, plan, decorate);
    const anchored = findings.filter((f) => marks.has(f.id)).map((f) => f.id);
    const unanchored = findings.filter((f) => !marks.has(f.id)).map((f) => f.id);
    return { marks, anchored, unanchored, splits };
  }

  const api = { collectPieces, locate, matchParts, anchorFindings, MIN_SCORE };
  root.sourcemarkAnchoring = Object.assign(root.sourcemarkAnchoring || {}, { anchor: api });
})(globalThis);
