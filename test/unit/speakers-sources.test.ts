// Speakers only where the text attributes (issue 12): the person a quote is about, an interviewer,
// a headline phrase or clause debris is never its speaker. Invented paragraphs in the style of the
// false attribution flags read on real news.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { extractQuotes } from '../../src/core/extract/quotes';
import { findPersonMentions } from '../../src/core/extract/speakers';
import { sourcePhrase } from '../../src/core/extract/sourcePhrase';

/** The speaker of the quote of `text` whose text starts with `start`. */
function speakerOf(text: string, start: string): string | null {
  const quotes = extractQuotes({ id: 'a', text });
  const q = quotes.find((x) => x.text.startsWith(start));
  assert.ok(q, `no quote starting with ${start}: ${JSON.stringify(quotes.map((x) => x.text.slice(0, 30)))}`);
  return q.speaker;
}

test('a spokesman named after his role speaks, not the victim named in the sentence before', () => {
  const text = [
    'The files added nothing about the storm, which sank two boats, including one captained by Commander R. Howard Mills.',
    '',
    '“Lately these files have been quoted selectively and unfairly,” said a Coast Guard spokesman, Dale Whitcomb. By publishing them, he said, the service had shown that its review was “driven by the best evidence we had at the time.”',
  ].join('\n');
  assert.equal(speakerOf(text, 'Lately these files'), 'Dale Whitcomb');
  assert.equal(speakerOf(text, 'driven by the best'), 'Dale Whitcomb');
});

test('a name ending a sentence does not run into the next sentence’s first word', () => {
  const names = findPersonMentions('The answer came from a spokesman, Dale Whitcomb. By noon the office had closed.').map((m) => m.name);
  assert.deepEqual(names, ['Dale Whitcomb']);
});

test('the guest who was asked answers, not the host who asked', () => {
  const text = [
    'Morning host Lisa Crane asked Tom Hooper, “Have you seen the records yourself?”',
    '',
    'The remarks from the candidate prompted Crane to ask Hooper whether he had people searching for them. He said he did, saying, “They cannot believe what they are finding.”',
  ].join('\n');
  assert.equal(speakerOf(text, 'They cannot believe'), 'Tom Hooper');
});

test('a possessive in a title-case headline does not make a name that later words stand for', () => {
  const text = [
    'Aide Quits After Mocking Grant’s Sons, Tim and Ray',
    '',
    'An aide, Carla Mendez, 29, resigned on Monday after a post about the sons of Governor Grant.',
    '',
    'Enter Ms. Mendez — a former campaign aide who lists the Sons of the Revolution among her loves “& all things plaid!” — whose post was sharper.',
    '',
    '“You both need to show a little respect,” she wrote above a photo of the two boys.',
  ].join('\n');
  const names = findPersonMentions(text).map((m) => m.name);
  assert.ok(!names.some((n) => /Sons/.test(n)), JSON.stringify(names));
  assert.equal(speakerOf(text, 'You both need'), 'Carla Mendez');
});

test('an infinitive cue takes the clause’s subject; "Needless to say" names nobody', () => {
  const text = [
    'Carla Mendez posted the letter on Friday.',
    '',
    'She went on to say that the boys were “short on manners” at the ceremony.',
    '',
    'Needless to say the office was “not amused” by the post.',
  ].join('\n');
  assert.equal(speakerOf(text, 'short on manners'), 'Carla Mendez');
  assert.notEqual(speakerOf(text, 'not amused'), 'Needless to');
  assert.notEqual(speakerOf(text, 'not amused'), 'Needless');
});

test('officials named by their organisation keep the whole noun phrase', () => {
  const text = 'Senior Treasury officials raised the stakes on Friday, warning that delay would “sharply raise the risk” of a default.';
  assert.equal(speakerOf(text, 'sharply raise'), 'Senior Treasury officials');
});

test('clause debris is cut to its noun phrase or names nobody', () => {
  assert.equal(sourcePhrase('The city paper has always'), 'The city paper');
  assert.equal(sourcePhrase('a source who asked not to be named'), 'a source');
  assert.equal(sourcePhrase('At a forum with veterans in Ohio on Monday'), null);
  assert.equal(sourcePhrase('However'), null);
  assert.equal(sourcePhrase('She went on to'), null);
  assert.equal(sourcePhrase('the retired surgeon'), 'the retired surgeon');
  assert.equal(sourcePhrase('Dale Whitcomb'), 'Dale Whitcomb');
  assert.equal(sourcePhrase('they'), 'they');
});
