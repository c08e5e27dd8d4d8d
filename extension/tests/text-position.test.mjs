import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadContent } from './load-content.mjs';

const { textPosition: tp } = loadContent('text-position.js');

test('normalizeText collapses whitespace runs and keeps a map to the original', () => {
  const src = 'a \n\t b\u00a0\u00a0c';
  const { text, map } = tp.normalizeText(src);
  assert.equal(text, 'a b c');
  assert.deepEqual(map, [0, 1, 5, 6, 8, src.length]);
});

test('normalizeText folds typographic quotes and dashes, drops invisible characters', () => {
  assert.equal(tp.normalizeText('\u201cYes\u201d \u2014 it\u2019s co\u00adop\u200b').text,
    '"Yes" - it\'s coop');
});

test('buildIndex maps every character to its node and offset', () => {
  const a = { name: 'a' };
  const b = { name: 'b' };
  const idx = tp.buildIndex([
    { node: a, data: 'Hello  wor', breakBefore: false },
    { node: b, data: 'ld!', breakBefore: false },
  ]);
  assert.equal(idx.text, 'Hello world!');
  assert.equal(idx.nodes[idx.nodeAt[7]], a);
  assert.equal(idx.nodes[idx.nodeAt[10]], b);
  assert.equal(idx.nodeAt[9], 1);
  assert.equal(idx.offsetAt[9], 0); // "l" of "ld!"
  assert.equal(idx.offsetAt[6], 7); // "w": after the collapsed double space
});

test('a block break between pieces becomes one space that belongs to no node', () => {
  const idx = tp.buildIndex([
    { node: 1, data: 'First paragraph.', breakBefore: true },
    { node: 2, data: 'Second.', breakBefore: true },
    { node: 3, data: ' Third.', breakBefore: true },
  ]);
  assert.equal(idx.text, 'First paragraph. Second. Third.');
  assert.equal(idx.offsetAt[16], -1);
  // The leading space of "Third." is swallowed by the break, not doubled.
  assert.equal(idx.text.indexOf('  '), -1);
});

test('normalising extracted text and page text gives the same string', () => {
  const extracted = 'UN chief appeals for calm\n\n"During these exchanges," Dujarric told.';
  const idx = tp.buildIndex([
    { node: 1, data: '\n  UN chief appeals for calm\n', breakBefore: true },
    { node: 2, data: '\u201cDuring these exchanges,\u201d ', breakBefore: true },
    { node: 3, data: 'Dujarric', breakBefore: false },
    { node: 4, data: ' told.', breakBefore: false },
  ]);
  assert.equal(idx.text.trim(), tp.normalizeText(extracted).text);
});

test('a composed and a decomposed letter fold to the same base letter', () => {
  const composed = 'Jos\u00e9 N\u00fa\u00f1ez said the caf\u00e9 would reopen.';
  const decomposed = composed.normalize('NFD');
  assert.notEqual(composed, decomposed);
  assert.equal(tp.normalizeText(composed).text, 'Jose Nunez said the cafe would reopen.');
  assert.equal(tp.normalizeText(decomposed).text, tp.normalizeText(composed).text);
});

test('a decomposed letter maps to its base character, its marks to nothing', () => {
  const src = 'Sa\u0303o Paulo';
  const { text, map } = tp.normalizeText(src);
  assert.equal(text, 'Sao Paulo');
  assert.equal(map[1], 1); // "a"
  assert.equal(map[2], 3); // "o": the tilde at 2 is skipped
});

test('folding keeps what has no base letter: Hangul, CJK, Cyrillic, guillemets and soft hyphens', () => {
  assert.equal(tp.normalizeText('\ud55c\uad6d \u4e2d\u6587 \u041c\u043e\u0441\u043a\u0432\u0430').text,
    '\ud55c\uad6d \u4e2d\u6587 \u041c\u043e\u0441\u043a\u0432\u0430');
  assert.equal(tp.normalizeText('\u00abOui\u00bb co\u00adop').text, '"Oui" coop');
  // A Cyrillic letter with a mark folds like a Latin one.
  assert.equal(tp.normalizeText('\u0419').text, '\u0418');
});
