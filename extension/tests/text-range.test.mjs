import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadContent } from './load-content.mjs';

const { textPosition: tp, textRange: tr } = loadContent('text-position.js', 'text-range.js');

test('segmentsFor splits a range at node boundaries and skips block breaks', () => {
  const idx = tp.buildIndex([
    { node: 'p1', data: 'He said:  "one', breakBefore: true },
    { node: 'em', data: ' two', breakBefore: false },
    { node: 'p2', data: 'three" ok', breakBefore: true },
  ]);
  const start = idx.text.indexOf('"one');
  const end = idx.text.indexOf('" ok') + 1;
  assert.deepEqual(tr.segmentsFor(idx, start, end), [
    { nodeIndex: 0, start: 10, end: 14 },
    { nodeIndex: 1, start: 0, end: 4 },
    { nodeIndex: 2, start: 0, end: 6 },
  ]);
});

test('planPieces cuts overlapping findings into pieces, longest finding outermost', () => {
  const plan = tr.planPieces([
    { id: 'f1', segments: [{ nodeIndex: 0, start: 0, end: 20 }] },
    { id: 'f2', segments: [{ nodeIndex: 0, start: 5, end: 10 }, { nodeIndex: 1, start: 0, end: 3 }] },
  ]);
  assert.deepEqual(plan.get(0), [
    { start: 0, end: 5, ids: ['f1'] },
    { start: 5, end: 10, ids: ['f1', 'f2'] },
    { start: 10, end: 20, ids: ['f1'] },
  ]);
  assert.deepEqual(plan.get(1), [{ start: 0, end: 3, ids: ['f2'] }]);
});

test('planPieces leaves gaps between findings unmarked', () => {
  const plan = tr.planPieces([
    { id: 'a', segments: [{ nodeIndex: 0, start: 0, end: 3 }] },
    { id: 'b', segments: [{ nodeIndex: 0, start: 6, end: 9 }] },
  ]);
  assert.deepEqual(plan.get(0).map((p) => [p.start, p.end, p.ids.join()]),
    [[0, 3, 'a'], [6, 9, 'b']]);
});

test('a range ending on a decomposed letter takes its combining marks along', () => {
  const first = { data: 'said Jose\u0301' };
  const second = { data: ' Nu\u0301n\u0303ez' };
  const idx = tp.buildIndex([
    { node: first, data: first.data, breakBefore: true },
    { node: second, data: second.data, breakBefore: false },
  ]);
  assert.equal(idx.text, 'said Jose Nunez');
  // "Jose" ends the first node on an e with an acute; "Nun" ends on an n with a tilde.
  assert.deepEqual(tr.segmentsFor(idx, 5, 9), [{ nodeIndex: 0, start: 5, end: 10 }]);
  assert.deepEqual(tr.segmentsFor(idx, 10, 13), [{ nodeIndex: 1, start: 1, end: 6 }]);
  // Without marks after it, a range ends where it did.
  assert.deepEqual(tr.segmentsFor(idx, 0, 4), [{ nodeIndex: 0, start: 0, end: 4 }]);
});
