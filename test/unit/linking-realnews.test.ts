// Linking on real-looking news: false links between different stories, markup lines,
// and the story context and same-claim decision that keep them out (issue 12).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignUnits } from '../../src/core/align/align';
import { analyzeCorpus } from '../../src/core/pipeline/analyze';
import type { Unit } from '../../src/core/types';

/** Units of an article made of the given sentences (one unit per sentence, joined by spaces). */
function article(id: string, sentences: string[]): Unit[] {
  let text = '';
  return sentences.map((s) => {
    if (text) text += ' ';
    const start = text.length;
    text += s;
    return { article: id, start, end: text.length, text: s, kind: 'passage', speaker: null };
  });
}

// two stories, each told by two outlets; the stories share only common words
const FLOOD_1 = article('flood-1', [
  'Floodwaters from the Kessel River reached the old mill district of Harwick early on Saturday.',
  'Mayor Ilse Brandvold ordered the evacuation of 3,200 residents from the Lowgate and Pennyfield neighbourhoods.',
  'The river crested at 6.4 metres, the highest level since the 1987 flood, according to the Harwick water board.',
  "I'm not going to wait for the water to come in.",
  'Brandvold did not immediately respond to questions about the cost of the levee repairs.',
]);
const FLOOD_2 = article('flood-2', [
  'Residents of Lowgate and Pennyfield were told to leave their homes as the Kessel River rose on Saturday.',
  'Mayor Ilse Brandvold said 3,200 people had been evacuated from the two neighbourhoods of Harwick.',
  'The Harwick water board said the river crested at 6.4 metres, its highest since the flood of 1987.',
  'The levee along the old mill district gave way shortly after dawn.',
]);
const TARIFF_1 = article('tariff-1', [
  'The trade ministry of Veldoria announced a 14 percent tariff on imported Quessan steel on Tuesday.',
  'Minister Oskar Tallberg said the duty would protect the steelworks of Marrow Bay.',
  "I'm not going to vote for it.",
  'Tallberg did not respond to the statement.',
]);
const TARIFF_2 = article('tariff-2', [
  'Veldoria will impose a 14 percent duty on steel from Quessa, its trade ministry said on Tuesday.',
  'Oskar Tallberg, the trade minister, said the tariff was meant to save jobs at the Marrow Bay steelworks.',
  "I'm not going to do that.",
  'The Quessan embassy did not immediately respond to a request for comment.',
]);

const UNITS = [...FLOOD_1, ...FLOOD_2, ...TARIFF_1, ...TARIFF_2];
const STORY: Record<string, string> = { 'flood-1': 'flood', 'flood-2': 'flood', 'tariff-1': 'tariff', 'tariff-2': 'tariff' };

test('no link between two different stories, even for short sentences sharing common words', () => {
  const { matches } = alignUnits(UNITS);
  const cross = matches.filter((m) => STORY[m.a.article] !== STORY[m.b.article]);
  assert.deepEqual(
    cross.map((m) => [m.a.text, m.b.text]),
    [],
  );
});

test('reworded sentences of one story still link', () => {
  const { matches } = alignUnits(UNITS);
  const linked = (a: string, b: string) => matches.some((m) => (m.a.text.includes(a) && m.b.text.includes(b)) || (m.a.text.includes(b) && m.b.text.includes(a)));
  assert.ok(linked('crested at 6.4 metres, the highest', 'crested at 6.4 metres, its highest'), JSON.stringify(matches.map((m) => [m.a.text, m.b.text])));
  assert.ok(linked('evacuation of 3,200 residents', '3,200 people had been evacuated'));
  assert.ok(linked('14 percent tariff on imported Quessan steel', '14 percent duty on steel from Quessa'));
});

test('markup and embed lines never match, even when repeated in every article', () => {
  const embed = '<tweet tweet-id="1790012345678901234"><tweet/>.';
  const link = 'https://www.example-news.com/world/harwick-flood.html';
  const texts = ['flood-1', 'flood-2', 'tariff-1'].map((id, k) => ({ id, path: `${id}.txt`, name: id, text: `Story ${k} begins here with ordinary words.\n\n${embed}\n\n${link}\n\nThe mayor of Harwick spoke on Saturday.` }));
  const result = analyzeCorpus(texts);
  for (const m of result.matches) {
    assert.ok(!m.a.text.includes('<tweet') && !m.a.text.includes('https://'), m.a.text);
    assert.ok(!m.b.text.includes('<tweet') && !m.b.text.includes('https://'), m.b.text);
  }
});

// one interview told by two outlets: its speaker, channel, day and topic recur through both articles
const INTERVIEW_1 = article('interview-1', [
  'Ostrand Tells Channel Nine the Levee Fund Is Safe',
  'Ostrand, in her first long interview since being picked on Friday for the ticket, told Channel Nine on Monday she thinks the levee fund can win the county.',
  'Ostrand repeated in the Channel Nine interview on Monday that the levee fund would not be cut.',
  'The levee fund pays for the dikes along the Kessel River, Ostrand said in the interview.',
  'Her rival, Councillor Edvin Moss, called the levee fund a gimmick in a statement on Monday.',
  'Ostrand also said the county clerk had mislaid 412 postal ballots from the Lowgate precinct last spring.',
]);
const INTERVIEW_2 = article('interview-2', [
  'Ostrand Defends Levee Fund in Channel Nine Interview',
  'In an interview with Channel Nine on Monday, Ms. Ostrand said she welcomed the fight.',
  'Ms. Ostrand spent much of the Channel Nine interview on Monday defending the levee fund.',
  'The levee fund, Ms. Ostrand said in the interview, is what keeps Harwick dry.',
  'Councillor Edvin Moss said on Monday the levee fund was a gimmick.',
  'According to Ms. Ostrand, the Lowgate precinct clerk mislaid more than 400 postal ballots last spring.',
]);

test("inside one story, a weak rewording sharing only the story's recurring words is no link; one sharing the statement's own content is", () => {
  const { matches } = alignUnits([...INTERVIEW_1, ...INTERVIEW_2]);
  const linked = (a: string, b: string) => matches.some((m) => (m.a.text.includes(a) && m.b.text.includes(b)) || (m.a.text.includes(b) && m.b.text.includes(a)));
  const all = JSON.stringify(matches.map((m) => [m.a.text, m.b.text, m.grade]));
  assert.ok(!linked('thinks the levee fund can win the county', 'welcomed the fight'), all);
  assert.ok(linked('mislaid 412 postal ballots', 'mislaid more than 400 postal ballots'), all);
});
