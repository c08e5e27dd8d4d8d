/*
 * match-quote: find a quote in a text the way Hypothesis's anchoring does — every exact
 * occurrence scored by how well its surroundings agree with the selector's prefix and suffix
 * and how close it is to the expected position; when there is no exact occurrence, an
 * approximate match (edit distance) around places where pieces of the quote do occur.
 *
 * Pure functions over strings; both the text and the selector are expected to be normalised
 * already (text-position.js).
 */
(function (root) {
  'use strict';

  // Relative weights of the evidence, as in Hypothesis's match-quote.
  const W_QUOTE = 50;
  const W_PREFIX = 20;
  const W_SUFFIX = 20;
  const W_POSITION = 2;

  // An approximate match may differ from the quote in at most this share of its characters.
  const MAX_ERROR_RATE = 0.2;
  // Above this many cells a whole-text edit-distance scan is not attempted.
  const FULL_SCAN_BUDGET = 4e6;

  /** How many characters at the end of `a` and `b` agree, as a share of `b`'s length. */
  function suffixAgreement(a, b) {
    if (!b) return 1;
    let n = 0;
    while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
    return n / b.length;
  }

  /** How many characters at the start of `a` and `b` agree, as a share of `b`'s length. */
  function prefixAgreement(a, b) {
    if (!b) return 1;
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n / b.length;
  }

  function score(text, start, end, errors, quote, ctx) {
    const quoteScore = 1 - errors / Math.max(1, quote.length);
    const before = text.slice(Math.max(0, start - ctx.prefix.length), start);
    const after = text.slice(end, end + ctx.suffix.length);
    // A prefix/suffix may have lost or gained one separating space relative to the page.
    const pre = Math.max(suffixAgreement(before, ctx.prefix),
      suffixAgreement(before.trimEnd(), ctx.prefix.trimEnd()));
    const suf = Math.max(prefixAgreement(after, ctx.suffix),
      prefixAgreement(after.trimStart(), ctx.suffix.trimStart()));
    let pos = 0;
    if (typeof ctx.hint === 'number' && text.length) {
      pos = 1 - Math.min(1, Math.abs(start - ctx.hint) / text.length);
    }
    return (W_QUOTE * quoteScore + W_PREFIX * pre + W_SUFFIX * suf + W_POSITION * pos) /
      (W_QUOTE + W_PREFIX + W_SUFFIX + W_POSITION);
  }

  function exactMatches(text, quote) {
    const found = [];
    let i = text.indexOf(quote);
    while (i !== -1) {
      found.push(i);
      i = text.indexOf(quote, i + 1);
    }
    return found;
  }

  /**
   * Best approximate occurrence of `pattern` inside `text[from, to)` (Sellers' algorithm:
   * edit distance where the match may start and end anywhere). Returns {start, end, errors}.
   */
  function bestApproximate(text, pattern, from, to) {
    const m = pattern.length;
    // prev[i] / prevStart[i]: cost and start of the best alignment of pattern[0..i) ending
    // just before the current text column.
    let prev = new Int32Array(m + 1);
    let prevStart = new Int32Array(m + 1);
    let cur = new Int32Array(m + 1);
    let curStart = new Int32Array(m + 1);
    for (let i = 0; i <= m; i++) { prev[i] = i; prevStart[i] = from; }
    let best = { start: from, end: from, errors: m };
    for (let j = from; j < to; j++) {
      const c = text[j];
      cur[0] = 0;
      curStart[0] = j + 1;
      for (let i = 1; i <= m; i++) {
        // substitution / match
        let cost = prev[i - 1] + (pattern[i - 1] === c ? 0 : 1);
        let start = prevStart[i - 1];
        // pattern char missing from the text
        if (cur[i - 1] + 1 < cost) { cost = cur[i - 1] + 1; start = curStart[i - 1]; }
        // extra text char
        if (prev[i] + 1 < cost) { cost = prev[i] + 1; start = prevStart[i]; }
        cur[i] = cost;
        curStart[i] = start;
      }
      if (cur[m] < best.errors || (cur[m] === best.errors && best.end === from)) {
        best = { start: curStart[m], end: j + 1, errors: cur[m] };
      }
      [prev, cur] = [cur, prev];
      [prevStart, curStart] = [curStart, prevStart];
    }
    return best;
  }

  /**
   * Places where the quote probably starts: for a few evenly spread pieces of the quote, every
   * exact occurrence of the piece, shifted back by the piece's offset in the quote.
   */
  function seedStarts(text, quote) {
    const len = quote.length;
    const piece = Math.max(6, Math.min(24, Math.floor(len / 6)));
    const starts = new Set();
    const step = Math.max(1, Math.floor((len - piece) / 7));
    for (let q = 0; q + piece <= len; q += step) {
      const needle = quote.slice(q, q + piece);
      let hits = 0;
      let i = text.indexOf(needle);
      // A piece found everywhere (", said the") is no evidence; ignore it.
      while (i !== -1 && hits < 20) {
        starts.add(i - q);
        hits++;
        i = text.indexOf(needle, i + 1);
      }
    }
    return [...starts].sort((a, b) => a - b);
  }

  /**
   * Matches where the quote's head and tail both occur exactly, in order, with extra or
   * changed text between them (an ad or a "Read more" link inside the paragraph on the page).
   * Too many errors for `bestApproximate`'s limit, yet both ends agree word for word.
   */
  function headTailMatches(text, quote) {
    const k = Math.max(12, Math.floor(quote.length / 3));
    if (quote.length < 2 * k + 1) return [];
    const head = quote.slice(0, k);
    const tail = quote.slice(quote.length - k);
    const middle = quote.slice(k, quote.length - k);
    const out = [];
    for (const h of exactMatches(text, head).slice(0, 20)) {
      const from = h + k;
      const t = text.indexOf(tail, from);
      if (t === -1 || t - from > 2 * middle.length + 40) continue;
      const errors = editDistance(text.slice(from, t), middle);
      if (errors <= quote.length / 2) out.push({ start: h, end: t + k, errors });
    }
    return out;
  }

  function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      for (let j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      prev = cur;
    }
    return prev[b.length];
  }

  /**
   * Find `quote` in `text`. `ctx` is `{prefix, suffix, hint}` (all optional). Returns
   * `{start, end, score, errors, exact}` or null when nothing is close enough.
   */
  function matchQuote(text, quote, ctx) {
    const c = { prefix: '', suffix: '', hint: undefined, ...(ctx || {}) };
    if (!quote) return null;
    const exact = exactMatches(text, quote);
    if (exact.length) {
      let best = null;
      for (const start of exact) {
        const s = score(text, start, start + quote.length, 0, quote, c);
        if (!best || s > best.score) {
          best = { start, end: start + quote.length, score: s, errors: 0, exact: true };
        }
      }
      return best;
    }
    const maxErrors = Math.floor(quote.length * MAX_ERROR_RATE);
    const slack = Math.max(8, maxErrors);
    const candidates = [];
    let windows = seedStarts(text, quote).map((s) => [Math.max(0, s - slack),
      Math.min(text.length, s + quote.length + slack)]);
    if (!windows.length && text.length * quote.length <= FULL_SCAN_BUDGET) {
      windows = [[0, text.length]];
    }
    // Merge overlapping windows so each stretch of text is scanned once.
    const merged = [];
    for (const w of windows) {
      const last = merged[merged.length - 1];
      if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
      else merged.push(w.slice());
    }
    for (const [from, to] of merged) {
      const m = bestApproximate(text, quote, from, to);
      if (m.errors <= maxErrors) candidates.push(m);
    }
    if (!candidates.length) candidates.push(...headTailMatches(text, quote));
    let best = null;
    for (const m of candidates) {
      const s = score(text, m.start, m.end, m.errors, quote, c);
      if (!best || s > best.score) best = { ...m, score: s, exact: false };
    }
    return best;
  }

  const api = { matchQuote, bestApproximate, headTailMatches, seedStarts, MAX_ERROR_RATE };
  root.sourcemarkAnchoring = Object.assign(root.sourcemarkAnchoring || {}, { matchQuote: api });
})(globalThis);
