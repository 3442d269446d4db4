// Speakers only where the text attributes: the failure kinds seen on real
// news (a place, a building, a party tag or a headline taken for a speaker;
// clause debris kept as a "speaker"), on invented paragraphs of the same shape.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { extractQuotes } from '../../src/core/extract/quotes';
import type { Quote } from '../../src/core/types';

/** The quotes of `text`, as one article. */
function quotesOf(text: string): Quote[] {
  return extractQuotes({ id: 'a', text });
}

/** The speaker of the quote whose text starts with `start`. */
function speakerOf(quotes: Quote[], start: string): string | null {
  const q = quotes.find((x) => x.text.startsWith(start));
  assert.ok(q, `no quote starting with ${start}: ${JSON.stringify(quotes.map((x) => x.text.slice(0, 30)))}`);
  return q.speaker;
}

test('"he said" after a building named in the sentence before resolves to the person, not the building', () => {
  const text = [
    'Senator Maria Lopez spoke for twenty minutes on Friday.',
    '',
    'Standing in the Riverside Convention Building in Dayton, she thanked the volunteers.',
    '',
    '“We have never had a campaign like this one,” she said.',
  ].join('\n');
  assert.equal(speakerOf(quotesOf(text), 'We have never'), 'Maria Lopez');
});

test('"he said" skips a name after a preposition (the theology "of Mr. Grant’s agenda") for the sentence subject', () => {
  const text = [
    'At a rally in Toledo on Sunday, Mr. Harold Pike attacked what he called the “empty promises” of Mr. Grant’s agenda.',
    '',
    '“It is about promises nobody meant to keep,” he said.',
  ].join('\n');
  assert.equal(speakerOf(quotesOf(text), 'It is about'), 'Harold Pike');
});

test('the object of "told" is an interviewer, not the antecedent of a later "he said"', () => {
  const text = [
    'Governor Sam Whitfield told radio host Dan Carver on Tuesday that he would stay in the race.',
    '',
    '“I am not going anywhere,” he said.',
  ].join('\n');
  const qs = quotesOf(text);
  assert.equal(speakerOf(qs, 'I am not going'), 'Sam Whitfield');
});

test('a party-and-state tag between the name and the verb is not the speaker', () => {
  const text = [
    'Rep. Alan Forbes, R-Ohio, said the plan was “dead on arrival in the House.”',
    '',
    'Representative Jane Moss, Democrat of Oregon, asked whether the cuts were “part of the deal all along.”',
  ].join('\n');
  const qs = quotesOf(text);
  assert.equal(speakerOf(qs, 'dead on arrival'), 'Alan Forbes');
  assert.equal(speakerOf(qs, 'part of the deal'), 'Jane Moss');
});

test('"Indeed, even Hale himself declared" names Hale, not "Indeed"', () => {
  const text = 'Indeed, even Hale himself declared last spring that the program was “a success we must protect.”';
  assert.equal(speakerOf(quotesOf(text), 'a success'), 'Hale');
});

test('a quote in a relative clause ("a statement in which he said") is spoken by the pronoun’s referent, not by "he added"', () => {
  const text = [
    'Congressman Tom Brandt apologized on Monday.',
    '',
    '"That is no excuse for what I did," he added, shortly after releasing a statement in which he said he "deeply" regrets the episode.',
  ].join('\n');
  const qs = quotesOf(text);
  assert.equal(speakerOf(qs, 'That is no excuse'), 'Tom Brandt');
  const deeply = qs.find((q) => q.text === 'deeply');
  if (deeply) assert.equal(deeply.speaker, 'Tom Brandt');
});

test('clause debris before a speech verb is no speaker: null rather than a wrong phrase', () => {
  const text = 'The campaign team, in the spin room after the debate, focused on repeating the theme that, as aides said, the senator showed "real passion for the work" all night.';
  const qs = quotesOf(text);
  const q = qs.find((x) => x.text.startsWith('real passion'));
  if (q) assert.ok(q.speaker === null || !/focused|repeating|theme/.test(q.speaker), `speaker ${q.speaker}`);
});

test('a title-case headline does not lengthen a name: "Sheriff Endorses Ann Lowry" is Ann Lowry', () => {
  const text = [
    'Border Sheriff Endorses Ann Lowry',
    '',
    'Ann Lowry said in a statement that she was grateful.',
    '',
    '"I am honored to have his support," Lowry said in a statement.',
  ].join('\n');
  assert.equal(speakerOf(quotesOf(text), 'I am honored'), 'Ann Lowry');
});

test('a person named as the subject of a "who" clause after a preposition stays the antecedent', () => {
  const text = [
    'The argument also drew the ire of Justice Paul Renner who said he was puzzled by the claims.',
    '',
    '"If you are told how to decide, you have no discretion," he said.',
  ].join('\n');
  assert.equal(speakerOf(quotesOf(text), 'If you are told'), 'Paul Renner');
});
