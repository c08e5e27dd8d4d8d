/*
 * text-range: from a range of the normalised page text to <mark> elements around the DOM text
 * it came from — across element boundaries, several findings sharing text — and back.
 *
 * `segmentsFor` and `planPieces` are pure (node tests); `applyMarks`/`removeMarks` touch the DOM.
 */
(function (root) {
  'use strict';

  const ATTR = 'data-sourcemark-finding';

  /**
   * The DOM pieces behind normalised range [start, end) of `index` (text-position.buildIndex):
   * a list of `{nodeIndex, start, end}`, offsets into each text node's data, in document order.
   */
  function segmentsFor(index, start, end) {
    const out = [];
    let cur = null;
    for (let i = start; i < end; i++) {
      const offset = index.offsetAt[i];
      if (offset < 0) continue; // a block break: no character in the DOM
      const node = index.nodeAt[i];
      if (cur && cur.nodeIndex === node) {
        cur.end = offset + 1;
      } else {
        cur = { nodeIndex: node, start: offset, end: offset + 1 };
        out.push(cur);
      }
    }
    // A piece that ends on a decomposed letter ends after its combining marks: the marks are
    // folded away in the index, and a cut between letter and mark would show the mark alone.
    for (const seg of out) seg.end = afterMarks(index.nodes[seg.nodeIndex], seg.end);
    return out;
  }

  function afterMarks(node, offset) {
    const data = node && typeof node.data === 'string' ? node.data : '';
    const marks = root.sourcemarkAnchoring.textPosition.COMBINING;
    let end = offset;
    while (end < data.length && marks.test(data[end])) end++;
    return end;
  }

  /**
   * Cut plan for every text node touched by any finding. `anchors` is a list of
   * `{id, segments}`; the result maps nodeIndex -> sorted list of `{start, end, ids}` pieces
   * covering exactly the characters some finding marks, each with the findings that cover it,
   * longest finding first (it becomes the outermost mark).
   */
  function planPieces(anchors) {
    const length = new Map();
    const byNode = new Map();
    for (const a of anchors) {
      let total = 0;
      for (const s of a.segments) {
        total += s.end - s.start;
        if (!byNode.has(s.nodeIndex)) byNode.set(s.nodeIndex, []);
        byNode.get(s.nodeIndex).push({ id: a.id, start: s.start, end: s.end });
      }
      length.set(a.id, total);
    }
    const plan = new Map();
    for (const [node, spans] of byNode) {
      const cuts = new Set();
      for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
      const points = [...cuts].sort((a, b) => a - b);
      const pieces = [];
      for (let k = 0; k + 1 < points.length; k++) {
        const from = points[k];
        const to = points[k + 1];
        const ids = spans.filter((s) => s.start <= from && s.end >= to).map((s) => s.id);
        if (!ids.length) continue;
        ids.sort((x, y) => length.get(y) - length.get(x) || (x < y ? -1 : 1));
        pieces.push({ start: from, end: to, ids: [...new Set(ids)] });
      }
      plan.set(node, pieces);
    }
    return plan;
  }

  /**
   * Wrap the planned pieces in marks. `nodes` are the index's text nodes; `decorate(mark, id)`
   * sets attributes and classes. Returns Map id -> [mark elements] in document order, and a
   * record of the split nodes so `removeMarks` can put the text back as it was.
   */
  function applyMarks(doc, nodes, plan, decorate) {
    const marks = new Map();
    const splits = [];
    for (const [nodeIndex, pieces] of plan) {
      const original = nodes[nodeIndex];
      if (!original || !original.parentNode) continue;
      const text = original.data;
      // Cut the node into consecutive text nodes at every piece boundary (from the end, so the
      // earlier offsets stay valid).
      const bounds = new Set([0, text.length]);
      for (const p of pieces) { bounds.add(p.start); bounds.add(p.end); }
      const points = [...bounds].filter((b) => b >= 0 && b <= text.length).sort((a, b) => a - b);
      const parts = new Map();
      let node = original;
      const made = [original];
      for (let k = 1; k + 1 < points.length; k++) {
        const next = node.splitText(points[k] - points[k - 1]);
        made.push(next);
        parts.set(points[k - 1], node);
        node = next;
      }
      parts.set(points[points.length - 2], node);
      splits.push({ text, nodes: made });
      for (const p of pieces) {
        const part = parts.get(p.start);
        if (!part) continue;
        // Outermost mark first: wrap the text in the innermost, then wrap that, and so on.
        let inner = part;
        for (let k = p.ids.length - 1; k >= 0; k--) {
          const id = p.ids[k];
          const mark = doc.createElement('mark');
          mark.setAttribute(ATTR, id);
          decorate(mark, id);
          inner.parentNode.insertBefore(mark, inner);
          mark.appendChild(inner);
          inner = mark;
          if (!marks.has(id)) marks.set(id, []);
          marks.get(id).push(mark);
        }
      }
    }
    for (const list of marks.values()) {
      list.sort((a, b) => (a === b ? 0
        : a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
    }
    return { marks, splits };
  }

  /** Unwrap every sourcemark mark under `root` and re-join the text nodes we split. */
  function removeMarks(rootNode, splits) {
    for (const mark of [...rootNode.querySelectorAll(`mark[${ATTR}]`)]) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
    }
    for (const s of splits || []) {
      const [first, ...rest] = s.nodes;
      // Only re-join when the pieces are still ours and still side by side; if the page has
      // moved them (the reason we are re-anchoring), leave its DOM alone.
      let ok = first.parentNode !== null;
      let prev = first;
      for (const n of rest) {
        if (prev.nextSibling !== n) { ok = false; break; }
        prev = n;
      }
      if (!ok) continue;
      const joined = s.nodes.map((n) => n.data).join('');
      if (joined !== s.text) continue;
      first.data = s.text;
      for (const n of rest) n.parentNode.removeChild(n);
    }
  }

  const api = { ATTR, segmentsFor, planPieces, applyMarks, removeMarks };
  root.sourcemarkAnchoring = Object.assign(root.sourcemarkAnchoring || {}, { textRange: api });
})(globalThis);
