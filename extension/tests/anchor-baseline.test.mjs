// Regression baseline: stored cases with the page text each finding must anchor to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadContent } from './load-content.mjs';

const A = loadContent('text-position.js', 'match-quote.js', 'text-range.js', 'anchor.js');
const baseline = JSON.parse(readFileSync(new URL('./fixtures/anchor-baseline.json',
  import.meta.url), 'utf8'));

for (const c of baseline.cases) {
  test(`baseline: ${c.name}`, () => {
    const idx = A.textPosition.buildIndex(c.pieces.map(([data, breakBefore], i) =>
      ({ node: i, data, breakBefore })));
    const found = A.anchor.locate(idx, c.findings);
    for (const [id, want] of Object.entries(c.expected)) {
      const m = found.get(id);
      if (want === null) {
        assert.equal(m, undefined, `${id} should stay unanchored`);
        continue;
      }
      assert.ok(m, `${id} was not anchored`);
      assert.equal(idx.text.slice(m.start, m.end).trim(), want);
      const after = (c.expected_context_after || {})[id];
      if (after) assert.equal(idx.text.slice(m.end, m.end + after.length), after);
    }
    for (const [id, want] of Object.entries(c.expected_parts || {})) {
      const m = found.get(id);
      assert.ok(m && m.parts, `${id} was not anchored in parts`);
      assert.deepEqual(m.parts.map((r) => idx.text.slice(r.start, r.end)), want);
    }
  });
}
