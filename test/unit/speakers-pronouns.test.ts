// Who "he" and "she" are before a quote (issue 12, speakers only where the text attributes): the
// person who opens the sentence, not a name inside it, on invented paragraphs in the style of the
// misattributions read on real news.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { extractQuotes } from '../../src/core/extract/quotes';
import { findPersonMentions } from '../../src/core/extract/speakers';

/** The speaker of the quote of `text` whose text starts with `start`. */
function speakerOf(text: string, start: string): string | null {
  const quotes = extractQuotes({ id: 'a', text });
  const q = quotes.find((x) => x.text.startsWith(start));
  assert.ok(q, `no quote starting with ${start}: ${JSON.stringify(quotes.map((x) => x.text.slice(0, 30)))}`);
  return q.speaker;
}

test('a partner named in an appositive is not the "she" who speaks next', () => {
  const text = [
    'According to the Post, Laura Mendes, who is a lawyer and married her partner, Dana Whitfield, in Boston last year, went online to answer her brother.',
    '',
    '“For the record, I love my brother, but he is plainly wrong on this question,” she wrote.',
  ].join('\n');
  assert.equal(speakerOf(text, 'For the record'), 'Laura Mendes');
});

test('a name inside a sentence opened by "he" is not the next "he"', () => {
  const text = [
    'Dana Okafor says that if elected to the Senate to replace retiring Sen. Tom Harlan, he would want to sit on the Finance Committee. He said Walter Grimsby, though, would likely chair that committee if his party wins.',
    '',
    '“You might have a dairy farmer who never ran a business running the Finance Committee,” he said.',
  ].join('\n');
  assert.equal(speakerOf(text, 'You might have'), 'Dana Okafor');
});

test('the nearest person still speaks when nothing marks another subject', () => {
  const text = [
    'Ms. Carla Benton replied that the rules were clear. That did not satisfy Justice Martin Hale.',
    '',
    '“If someone tells you how to decide,” he said, “you have not decided.”',
  ].join('\n');
  assert.equal(speakerOf(text, 'If someone tells you'), 'Martin Hale');
});

test('mentions know whether they open their sentence', () => {
  const text = 'On Friday, the aide, Jo Lindqvist, 31, wrote a letter. Critics said Mark Ellery was wrong. Following Anna Berg’s remarks, Tom Ruiz spoke.';
  const m = findPersonMentions(text);
  const subject = (name: string) => m.find((x) => x.name.endsWith(name))?.subject;
  assert.equal(subject('Jo Lindqvist'), true);
  assert.equal(subject('Mark Ellery'), false);
  assert.equal(subject('Anna Berg'), false);
  assert.equal(subject('Tom Ruiz'), true);
});

test('"one blogger asking" is the speaker, not the noun phrase opening the sentence', () => {
  const text = 'Liberal websites are already crying foul over the cover, with some saying it makes Hale look "tired" and one blogger asking, "Can anyone honestly claim that the press is not totally biased against him?"';
  assert.equal(speakerOf(text, 'Can anyone honestly'), 'one blogger');
  assert.equal(speakerOf(text, 'tired'), 'some');
});

test('"His response:" is the reply of the person asked, not of the interviewer', () => {
  const text = [
    'Morning show host Karen Doyle asked Ted Vance, “You have seen all of this yourself?” His response: “Well, I have people that have been studying it and they cannot believe what they are finding.”',
  ].join('\n');
  assert.equal(speakerOf(text, 'Well, I have people'), 'Ted Vance');
});
