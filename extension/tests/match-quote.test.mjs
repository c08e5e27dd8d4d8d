import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadContent } from './load-content.mjs';

const { matchQuote: mq } = loadContent('match-quote.js');

test('an exact unique quote is found with full score', () => {
  const text = 'The spokesman said the talks went well. Nothing else.';
  const m = mq.matchQuote(text, 'the talks went well');
  assert.deepEqual([m.start, m.end, m.exact], [19, 38, true]);
});

test('prefix and suffix choose among repeats', () => {
  const text = 'He said yes. Later she said yes. Then they said yes.';
  const m = mq.matchQuote(text, 'said yes', { prefix: 'Later she ', suffix: '. Then' });
  assert.equal(text.slice(m.start - 4, m.end), 'she said yes');
});

test('the position hint chooses among repeats when context is equal', () => {
  const text = 'x said so. '.repeat(10);
  const m = mq.matchQuote(text, 'said so', { hint: 57 });
  assert.equal(m.start, 57);
});

test('a slightly different page text is matched approximately', () => {
  const page = 'Intro. The minister told reporters on Tuesday that the plan, which costs ' +
    'about 2 million, would go ahead. Outro.';
  const quote = 'The minister told reporters Tuesday that the plan, which cost about ' +
    '$2 million, would go ahead.';
  const m = mq.matchQuote(page, quote, { prefix: 'Intro. ', suffix: ' Outro.' });
  assert.ok(m, 'no match');
  assert.equal(m.exact, false);
  assert.equal(page.slice(m.start, m.end), page.slice(7, page.length - 7));
  assert.ok(m.errors <= 6, `errors ${m.errors}`);
});

test('a quote too different from anything in the text is not matched', () => {
  const page = 'Completely unrelated text about the weather and sport results today.';
  assert.equal(mq.matchQuote(page, 'The minister told reporters that the plan would go ahead'),
    null);
});

test('an empty quote is not matched', () => {
  assert.equal(mq.matchQuote('abc', ''), null);
});

test('bestApproximate finds the best window and its edit distance', () => {
  const m = mq.bestApproximate('xxxx hello wrld yyyy', 'hello world', 0, 20);
  assert.deepEqual([m.start, m.end, m.errors], [5, 15, 1]);
});

test('fuzzy matching stays fast on a long page', () => {
  const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(2000);
  const page = filler + 'The council said on Monday it would review the decision next year.' + filler;
  const quote = 'The council said Monday it would review its decision next year.';
  const t = performance.now();
  const m = mq.matchQuote(page, quote);
  const ms = performance.now() - t;
  assert.ok(m && !m.exact);
  assert.ok(page.slice(m.start, m.end).startsWith('The council'));
  assert.ok(ms < 2000, `took ${ms} ms`);
});

test('head and tail agreeing with extra text between them still match', () => {
  const page = 'x. The company said profits rose ADVERTISEMENT by 12 percent in the quarter. y.';
  const quote = 'The company said profits rose by 12 percent in the quarter.';
  const m = mq.matchQuote(page, quote);
  assert.ok(m);
  assert.equal(page.slice(m.start, m.end),
    'The company said profits rose ADVERTISEMENT by 12 percent in the quarter.');
  assert.deepEqual(mq.headTailMatches('nothing here', quote), []);
});
