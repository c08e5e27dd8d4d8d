/*
 * text-position: the page's text as one whitespace-normalised string, with a map back to the
 * DOM text nodes each character came from.
 *
 * The server's offsets index into the *extracted* article text, which collapses whitespace,
 * joins paragraphs with blank lines and may turn typographic characters into plain ones. To
 * compare like with like, both sides go through the same `normalizeText`, and the page side
 * keeps, for every normalised character, the text node and offset it stands for.
 *
 * Classic script (content scripts cannot be ES modules); it registers itself on
 * `globalThis.sourcemarkAnchoring` so the other content scripts and the node tests find it.
 */
(function (root) {
  'use strict';

  // Dropped entirely: soft hyphen, zero-width space/joiners, word joiner, BOM.
  const INVISIBLE = /[\u00ad\u200b\u200c\u200d\u2060\ufeff]/;
  const SPACE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
  // One-to-one replacements, so that "curly" and "straight" quotes and dashes compare equal.
  const FOLD = {
    '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
    '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"',
    '\u00ab': '"', '\u00bb': '"',
    '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-',
    '\u2212': '-', '\u2026': '.',
  };

  // Combining marks. The server composes the article text (Unicode NFC: "e" + U+0301 becomes
  // "é") so that its word lists and parser see one letter; a page may still spell the
  // letter decomposed. Both sides therefore fold a letter to its base and drop its marks, and
  // the two spellings compare equal (text-range keeps a dropped mark inside a highlight).
  const COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;
  const BASE = new Map();

  /** A precomposed letter's base letter ("é" -> "e"), or the character itself. */
  function baseLetter(c) {
    let base = BASE.get(c);
    if (base === undefined) {
      const d = c.normalize('NFD');
      // Only letters that decompose into base + combining marks: Hangul syllables decompose
      // into jamo and stay whole.
      base = d.length > 1 && COMBINING.test(d[1]) ? d[0] : c;
      BASE.set(c, base);
    }
    return base;
  }

  /** The normalised form of one character: '' (dropped), ' ' (any space) or one character. */
  function foldChar(c) {
    if (c < '\u0080') return SPACE.test(c) ? ' ' : c; // ASCII: the common case, no folding
    if (INVISIBLE.test(c) || COMBINING.test(c)) return '';
    if (SPACE.test(c)) return ' ';
    return FOLD[c] || baseLetter(c);
  }

  /**
   * Normalise a string: whitespace runs become one space, invisible characters go, quotes and
   * dashes fold. `map[i]` is the index in `str` of normalised character i, and
   * `map[text.length] === str.length`, so a normalised range maps back to the original.
   */
  function normalizeText(str) {
    let text = '';
    const map = [];
    let lastSpace = false;
    for (let i = 0; i < str.length; i++) {
      const c = foldChar(str[i]);
      if (c === '') continue;
      if (c === ' ') {
        if (lastSpace) continue;
        lastSpace = true;
      } else {
        lastSpace = false;
      }
      text += c;
      map.push(i);
    }
    map.push(str.length);
    return { text, map };
  }

  /**
   * Build the index over a sequence of text pieces, each `{node, data, breakBefore}`:
   * `breakBefore` says a block boundary (paragraph, list item, <br>) separates the piece from
   * the previous one, which counts as a space even when the markup has none.
   *
   * Returns `{text, nodeAt, offsetAt, nodes}`: for normalised character i, `nodes[nodeAt[i]]`
   * is its text node and `offsetAt[i]` its offset there; a space standing for a block break is
   * marked with offset -1 (it belongs to no node).
   */
  function buildIndex(pieces) {
    const chars = [];
    const nodeAt = [];
    const offsetAt = [];
    const nodes = [];
    let lastSpace = true; // no leading space
    for (let p = 0; p < pieces.length; p++) {
      const piece = pieces[p];
      nodes.push(piece.node);
      if (piece.breakBefore && !lastSpace) {
        chars.push(' ');
        nodeAt.push(p);
        offsetAt.push(-1);
        lastSpace = true;
      }
      const data = piece.data;
      for (let i = 0; i < data.length; i++) {
        const c = foldChar(data[i]);
        if (c === '') continue;
        if (c === ' ') {
          if (lastSpace) continue;
          lastSpace = true;
        } else {
          lastSpace = false;
        }
        chars.push(c);
        nodeAt.push(p);
        offsetAt.push(i);
      }
    }
    return {
      text: chars.join(''),
      nodeAt: Int32Array.from(nodeAt),
      offsetAt: Int32Array.from(offsetAt),
      nodes,
    };
  }

  const api = { foldChar, normalizeText, buildIndex, COMBINING };
  root.sourcemarkAnchoring = Object.assign(root.sourcemarkAnchoring || {}, { textPosition: api });
})(globalThis);
