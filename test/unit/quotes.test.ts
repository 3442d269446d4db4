import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { extractQuotes } from '../../src/core/extract/quotes';
import { tokenizeCueRange } from '../../src/core/extract/cueTokens';
import type { Quote } from '../../src/core/types';

const seedDir = path.join(__dirname, '../../../seeds');

/** Quotes of a seed file. */
function seed(prefix: string): { text: string; quotes: Quote[] } {
  const file = fs.readdirSync(seedDir).find((f) => f.startsWith(prefix))!;
  const text = fs.readFileSync(path.join(seedDir, file), 'utf8');
  return { text, quotes: extractQuotes({ id: prefix, text }) };
}

/** The quote whose text starts with `start`. */
function find(quotes: Quote[], start: string): Quote {
  const q = quotes.find((x) => x.text.startsWith(start));
  assert.ok(q, `no quote starting with ${start}: ${JSON.stringify(quotes.map((x) => x.text.slice(0, 30)))}`);
  return q;
}

/** Asserts the span invariant for every quote. */
function assertSlices(text: string, quotes: Quote[]): void {
  for (const q of quotes) assert.equal(q.text, text.slice(q.start, q.end));
}

test('seed 000: both Kirby quotes → John Kirby, headline single quote found', () => {
  const { text, quotes } = seed('000');
  assertSlices(text, quotes);
  const a = find(quotes, 'Iran also continues');
  assert.equal(a.speaker, 'John Kirby');
  assert.ok(a.text.endsWith('Shahed variety'), a.text);
  const b = find(quotes, 'Russia has expended');
  assert.equal(b.speaker, 'John Kirby');
  assert.equal(b.cue, 'told reporters');
  const h = find(quotes, 'looking to purchase more attack drones after depleting stockpile');
  assert.equal(h.text, 'looking to purchase more attack drones after depleting stockpile');
  // Apostrophes (Kremlin’s, Russia’s) neither open nor close a quote.
  assert.ok(!quotes.some((q) => q.text.startsWith('s war') || q.text.includes('Kremlin’s war')));
  assert.deepEqual(quotes.map((q) => q.id), quotes.map((_, i) => `q${i + 1}`));
});

test('seed 001: attribution before the quote and after it', () => {
  const { text, quotes } = seed('001');
  assertSlices(text, quotes);
  assert.equal(quotes.length, 3);
  for (const q of quotes) assert.equal(q.speaker, 'John Kirby');
  assert.equal(find(quotes, 'Iran also continues').cue, 'told reporters');
  assert.equal(find(quotes, 'Russia has expended').cue, 'stated');
  assert.equal(find(quotes, 'In total').cue, 'said');
});

test('seed 002: "said White House spokesman John Kirby" and "the speaker said"', () => {
  const { quotes } = seed('002');
  assert.equal(find(quotes, 'Russia has been using').speaker, 'John Kirby');
  assert.equal(find(quotes, 'Russia has been offering').speaker, 'John Kirby');
});

test('seed 003: "he said" resolves to the person named before', () => {
  const { quotes } = seed('003');
  assert.equal(find(quotes, 'Our information').speaker, 'Jake Sullivan');
});

test('seed 004: split quote, continuation paragraph, partial quote', () => {
  const { text, quotes } = seed('004');
  assertSlices(text, quotes);
  assert.equal(find(quotes, 'We assess').speaker, 'Jake Sullivan');
  assert.equal(find(quotes, 'We released these images').speaker, 'Jake Sullivan');
  assert.equal(find(quotes, 'It was important').speaker, 'John Kirby');
  assert.equal(find(quotes, 'It’s expanding').speaker, 'John Kirby');
  const p = find(quotes, 'no special development');
  assert.equal(p.text, 'no special development');
  assert.equal(p.partial, true);
  assert.equal(p.speaker, 'Iran');
  assert.ok(!find(quotes, 'We assess').partial);
});

test('ids are numbered from startId in document order', () => {
  const text = '"One two three," Ann Lee said. "Four five six," she said.';
  const qs = extractQuotes({ id: 'a', text }, 7);
  assert.deepEqual(qs.map((q) => q.id), ['q7', 'q8']);
  assert.deepEqual(qs.map((q) => q.speaker), ['Ann Lee', 'Ann Lee']);
  assert.ok(qs[0].start < qs[1].start);
});

test('CRLF text: offsets are exact and quotes stay within their paragraph', () => {
  const text = 'Title line\r\n\r\nMayor Jane Doe said, “We will fix the roads. All of them.”\r\n“It is done,” Ms Doe added.\r\n';
  const qs = extractQuotes({ id: 'crlf', text });
  assertSlices(text, qs);
  assert.deepEqual(qs.map((q) => q.text), ['We will fix the roads. All of them.', 'It is done']);
  assert.deepEqual(qs.map((q) => q.speaker), ['Jane Doe', 'Jane Doe']);
});

test('an unbalanced quote mark neither throws nor swallows the rest of the article', () => {
  const text = 'He said “this never closes and goes on.\n\n“A real quote here,” Bob Smith said.\n';
  const qs = extractQuotes({ id: 'u', text });
  assert.deepEqual(qs.map((q) => q.text), ['A real quote here']);
  assert.equal(qs[0].speaker, 'Bob Smith');
});

test('odd and nested marks: inner single quotes stay inside the double quote', () => {
  const text = '“He told me ‘never again’ and left,” said Dr. Ann Park.';
  const qs = extractQuotes({ id: 'n', text });
  assert.equal(qs.length, 1);
  assert.equal(qs[0].text, 'He told me ‘never again’ and left');
  assert.equal(qs[0].speaker, 'Ann Park');
});

test('"according to X" and an anonymous attribution phrase', () => {
  const text = '“The talks failed completely,” according to a senior diplomat.';
  const qs = extractQuotes({ id: 'acc', text });
  assert.equal(qs[0].cue, 'according to');
  assert.equal(qs[0].speaker, 'a senior diplomat');
});

test('appositive attribution: "Kirby, a spokesman for the NSC, said"', () => {
  const text = '“We are watching closely,” John Kirby, a spokesman for the National Security Council, said.';
  assert.equal(extractQuotes({ id: 'ap', text })[0].speaker, 'John Kirby');
});

test('unattributed one- or two-word scare quotes are skipped; apostrophes are not quotes', () => {
  const text = 'The so-called “peace plan” was Iran’s idea, and the ‘90s were different.';
  assert.deepEqual(extractQuotes({ id: 's', text }), []);
});

test('empty text and text without quotes give no quotes', () => {
  assert.deepEqual(extractQuotes({ id: 'e', text: '' }), []);
  assert.deepEqual(extractQuotes({ id: 'e', text: 'Nothing quoted here. At all.' }), []);
});

test('a 2 MB article is processed whole (speed is measured in the benchmark)', () => {
  const para = '“We will act now,” Senator Mary Jones said. She added that the plan “is ready for a vote”.\n\n';
  const text = para.repeat(Math.ceil(2_000_000 / para.length));
  const qs = extractQuotes({ id: 'big', text });
  assert.ok(qs.length > 20000);
  assert.equal(qs[0].speaker, 'Mary Jones');
  assert.equal(qs[qs.length - 1].speaker, 'Mary Jones');
});

// Regression cases for the PolNeAR error categories (examples written for these tests, in news style).

/** Text and speaker of every quote of `text`. */
function pairs(text: string): Array<[string, string | null]> {
  const qs = extractQuotes({ id: 't', text });
  assertSlices(text, qs);
  return qs.map((q) => [q.text, q.speaker]);
}

test('typewriter double quotes made of two apostrophes', () => {
  const text = "''We are not going anywhere,'' Mayor Ellen Park said on Monday. ''Not this year.''\n\nShe called the plan ''a mess.'' Don't worry, it's fine.";
  assert.deepEqual(pairs(text), [
    ['We are not going anywhere', 'Ellen Park'],
    ['Not this year.', 'Ellen Park'],
    ['a mess.', 'Ellen Park'],
  ]);
});

test('partial quotes: naming verbs and participles attribute them to the subject', () => {
  assert.deepEqual(pairs('Governor Tom Reyes called the proposal “reckless and cruel” on Friday.'), [['reckless and cruel', 'Tom Reyes']]);
  assert.deepEqual(pairs('During the debate, Senator Ana Ruiz attacked her rival, calling him “a fraud.”'), [['a fraud.', 'Ana Ruiz']]);
  assert.deepEqual(pairs('Dan Moss said the vote was “rigged” and “a joke.”'), [['rigged', 'Dan Moss'], ['a joke.', 'Dan Moss']]);
});

test('markup attribute values and single-quoted subheadings are not quotes', () => {
  assert.deepEqual(pairs('<tweet id="1234567" author="someone">Polls are open.</tweet>'), []);
  assert.deepEqual(pairs("'A long road ahead.'\nThe campaign resumed on Monday."), []);
});

test('straight single quotes in headlines; plural possessives are not marks', () => {
  assert.deepEqual(pairs("Reyes calls budget 'a disaster,' vows veto"), [['a disaster', 'Reyes']]);
  const q = pairs("The Joneses' house and the Smiths' garden were 'spotless,' the inspector said.");
  assert.deepEqual(q, [['spotless', 'the inspector']]);
});

test('a nested single quote closing just before the double quote', () => {
  const text = `"People kept telling me, 'Just wait,' " said Lena Ortiz, a volunteer.`;
  assert.deepEqual(pairs(text), [["People kept telling me, 'Just wait,'", 'Lena Ortiz']]);
});

test('attribution after a quote left open by a comma or question mark, whatever the verb', () => {
  assert.deepEqual(pairs('“Who pays for it?” Sam Ito asked. “Nobody does.”'), [['Who pays for it?', 'Sam Ito'], ['Nobody does.', 'Sam Ito']]);
  assert.deepEqual(pairs('“That is simply absurd,” scoffed Rosa Blanco, 42, a teacher.'), [['That is simply absurd', 'Rosa Blanco']]);
  assert.deepEqual(pairs('“It will pass,” Ito went on.'), [['It will pass', 'Ito']]);
});

test('verb-first and headline attributions', () => {
  assert.deepEqual(pairs('Said Coach Jim Hale: “We played scared.”'), [['We played scared.', 'Jim Hale']]);
  assert.deepEqual(pairs('Maria Lopez: ‘We Will Not Back Down From This Fight’\nBody text.'), [['We Will Not Back Down From This Fight', 'Maria Lopez']]);
});

test('asides between subject and verb: ages, places, participles, adverbs, time phrases', () => {
  assert.deepEqual(pairs('“We need more time,” Ana Lima, 67, told reporters.'), [['We need more time', 'Ana Lima']]);
  assert.deepEqual(pairs('Ben Cole, speaking to reporters in Ohio, said, “The plant stays open.”'), [['The plant stays open.', 'Ben Cole']]);
  assert.deepEqual(pairs('Ben Cole, however, said it was “far too late.”'), [['far too late.', 'Ben Cole']]);
  assert.deepEqual(pairs('Senator Ruth Hall (D-Ore.) last week said the bill was “dead on arrival.”'), [['dead on arrival.', 'Ruth Hall']]);
});

test('"United States" is not a speech verb; a clause subject falls back to its opening name', () => {
  assert.deepEqual(pairs('Ed Park said he would “reassure” allies that the United States keeps its word.'), [['reassure', 'Ed Park']]);
  assert.deepEqual(pairs('Lee Grant was quick to praise the deal and said this week that it was “very fair.”'), [['very fair.', 'Lee Grant']]);
});

test('a short sentence quote is not a title and inherits its speaker', () => {
  assert.deepEqual(pairs('“Can anyone name one benefit?” Joan Weiss asked. “Neither can I.”'), [['Can anyone name one benefit?', 'Joan Weiss'], ['Neither can I.', 'Joan Weiss']]);
  assert.deepEqual(pairs('Mr. Dole said the deal was “too thin.” “We need a real plan,” he added later.'), [['too thin.', 'Dole'], ['We need a real plan', 'Dole']]);
});

test('relative clauses, coordinated verbs and place asides before the verb', () => {
  assert.deepEqual(pairs('Ann Roy, whose company, Brightline, builds solar farms, said the tariff would “kill jobs.”'), [['kill jobs.', 'Ann Roy']]);
  assert.deepEqual(pairs('Mayor Joe Kent blamed police chief Sam Reed and said, “We will review everything.”'), [['We will review everything.', 'Joe Kent']]);
  assert.deepEqual(pairs('Cruz, at a rally in Dayton, Ohio, said he was “not going anywhere.”'), [['not going anywhere.', 'Cruz']]);
  assert.deepEqual(pairs('Lin Wu, its finance chief, told investors, “We lost money.”'), [['We lost money.', 'Lin Wu']]);
});

test('plural nouns spelled like speech verbs are not cues; "X said:" introduces the next quote', () => {
  assert.deepEqual(pairs('Cruz said Monday in Austin, Texas, that states may pass such laws because “voters want it.”'), [['voters want it.', 'Cruz']]);
  assert.deepEqual(pairs('“We stay,” Ms. Ames said. “We are not afraid.” Mr. Hill said: “We leave tomorrow.”'), [
    ['We stay', 'Ames'],
    ['We are not afraid.', 'Ames'],
    ['We leave tomorrow.', 'Hill'],
  ]);
});

test('no speech verb: the person who is the sentence subject; "Name (party):" before a quote', () => {
  assert.deepEqual(pairs('Ruth Vance has been quiet. Ruth Vance sniped that the mayor was “learning on the job.”'), [['learning on the job.', 'Ruth Vance']]);
  assert.deepEqual(pairs('Rep. Dana Ortiz (D-N.M.): "Who approved that budget?"'), [['Who approved that budget?', 'Dana Ortiz']]);
  // A subject that is not a person attributes nothing, and an unattributed one-word quote is a scare quote.
  assert.deepEqual(pairs('Across Asia, policymakers were startled by the “isolationist” tone of the talks.'), []);
});

test('earlier quotes in the sentence are not read as its subject; a far cue after a partial quote is ignored', () => {
  assert.deepEqual(pairs('“We have a real chance here,” Ms. Tate said, noting that donors feel “there is no time to lose.”'), [
    ['We have a real chance here', 'Tate'],
    ['there is no time to lose.', 'Tate'],
  ]);
  assert.deepEqual(pairs('On Friday, after weeks of silence, Senator Kay Moss endorsed Lopez, saying, “She is ready.”'), [['She is ready.', 'Kay Moss']]);
  assert.deepEqual(pairs('Ray Diaz summed up the plan as “hopeless,” mocked its budget and said it would fail.'), [['hopeless', 'Ray Diaz']]);
});

test('"writes X", "as X put it:", a subject with a long appositive after the quote, the previous sentence\'s speaker', () => {
  assert.deepEqual(pairs('“Turnout decides it,” writes Nell Ford. “Nothing else does.”'), [['Turnout decides it', 'Nell Ford'], ['Nothing else does.', 'Nell Ford']]);
  assert.deepEqual(pairs('Or, as Ted Lamb, a former envoy, put it: “The door is closed.”'), [['The door is closed.', 'Ted Lamb']]);
  assert.deepEqual(pairs('“Both of them scare me,” Hal Dunn, 30, of Tulsa, Okla., who was polled, said later.'), [['Both of them scare me', 'Hal Dunn']]);
  assert.deepEqual(pairs('Governor Ada Pike spoke first. Pike praised the nurses union at length. “They kept this state running.”'), [['They kept this state running.', 'Ada Pike']]);
});

test('guillemets and corner brackets pair; a single letter in quote marks is not a quote', () => {
  assert.deepEqual(pairs('The minister, Paul Roux, said: «We will not give in.» Then he left.'), [['We will not give in.', 'Paul Roux']]);
  assert.deepEqual(pairs('Anna Weber sagte: „Wir bleiben hier.“ Dann ging sie.'), [['Wir bleiben hier.', 'Anna Weber']]);
  assert.deepEqual(pairs('Ken Sato said 「交渉はしない」 on Monday.').map(([t]) => t), ['交渉はしない']);
  assert.deepEqual(pairs('Voters pull the lever for “R” or “D” by habit, Joe Lin said.'), []);
});

test('attribution closing the sentence of a partial quote; nouns spelled like verbs; adverb asides', () => {
  assert.deepEqual(pairs('Given the result, the deal will carry “real weight” in the talks, union spokesman Rick Vale said.'), [['real weight', 'Rick Vale']]);
  assert.deepEqual(pairs('Citing a wake-up call about “jobs that never came back,” Ruth Hale urged voters to stay home.'), [['jobs that never came back', 'Ruth Hale']]);
  assert.deepEqual(pairs('A week later, however, Dan Cho said he was open to talks where “common sense” allows.'), [['common sense', 'Dan Cho']]);
});

test('titles of shows and works after a preposition, possessive or "book" are not quotes, even in an attributed sentence', () => {
  assert.deepEqual(pairs('“We will win,” Ann Bell told ABC’s “This Week.”'), [['We will win', 'Ann Bell']]);
  assert.deepEqual(pairs('Joe Park, author of “The Long Road Home,” said the plan “will never work.”'), [['will never work.', 'Joe Park']]);
});

test('a quote paragraph after a paragraph about a named person takes that person as speaker', () => {
  const text = 'Buddy Lane spoke at the dinner. Lane praised the governor for his work after the storm.\n\n“We need someone who gets things done.”\n';
  assert.deepEqual(pairs(text), [['We need someone who gets things done.', 'Buddy Lane']]);
});

test('a sentence that is only an attribution, after a quote closed by a full stop', () => {
  assert.deepEqual(pairs('“I hope you find the missing files.” Mayor Tim Roe said. The files were never found.'), [['I hope you find the missing files.', 'Tim Roe']]);
});

test('datelines, stacked intro phrases with places, a name right before a participle, "Will" as a name', () => {
  assert.deepEqual(pairs('DENVER — Senator Rita Gomez on Friday dismissed the plan as “a fantasy.”'), [['a fantasy.', 'Rita Gomez']]);
  assert.deepEqual(pairs('At a rally in Nashua, N.H., on Tuesday, Senator Rita Gomez endorsed Lee, saying he would “make a fine governor.”'), [['make a fine governor.', 'Rita Gomez']]);
  assert.deepEqual(pairs('Critics piled on, with Mayor Tom Fry tweeting that it was a “disaster.”'), [['disaster.', 'Tom Fry']]);
  assert.deepEqual(pairs('Back in 2001, Ms. Pratt praised the mayor, telling reporters: “He is a good man.”'), [['He is a good man.', 'Pratt']]);
});

test('attribution tokens: names and abbreviations stay whole, only bounding punctuation is kept', () => {
  const text = 'Sen. Dianne Feinstein (D-Calif.), of AT&T, told U.S. reporters: 1,200 well\u2011known — it’s “done.”';
  const tokens = tokenizeCueRange(text, 0, text.length);
  assert.deepEqual(
    tokens.map((t) => t.text),
    ['Sen.', 'Dianne', 'Feinstein', '(', 'D-Calif', ')', ',', 'of', 'AT&T', ',', 'told', 'U.S.', 'reporters', ':', '1', ',', '200', 'well', 'known', '—', 'it’s', 'done'],
  );
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  // A range is tokenised on its own: a word cut by the range start begins where the range does.
  assert.deepEqual(tokenizeCueRange(text, 7, 20).map((t) => [t.text, t.start]), [['anne', 7], ['Feinstei', 12]]);
});

test('a quote continued after its attribution is one quote: the continuation takes the speaker and the cue', () => {
  const text =
    'Senator Mary Cole spoke on Tuesday. “We will not stop fighting for these families,” she told reporters. “We will win this fight for everyone.”\n\n' +
    '“Nobody in this chamber believes that promise,” said Tom Reed, her rival.';
  const quotes = extractQuotes({ id: 'x', text });
  assertSlices(text, quotes);
  const first = find(quotes, 'We will not stop');
  const second = find(quotes, 'We will win');
  assert.equal(first.speaker, 'Mary Cole');
  assert.equal(first.cue, 'told reporters');
  assert.equal(second.speaker, 'Mary Cole');
  assert.equal(second.cue, 'told reporters');
  const other = find(quotes, 'Nobody in this chamber');
  assert.equal(other.speaker, 'Tom Reed');
  assert.equal(other.cue, 'said');
});

test('a quote split mid-sentence by its attribution: both parts have the speaker', () => {
  const text = '“We will not stop fighting,” Cole said on Tuesday, “and we will win this fight for everyone.”';
  const quotes = extractQuotes({ id: 'x', text });
  assertSlices(text, quotes);
  assert.deepEqual(quotes.map((q) => q.speaker), ['Cole', 'Cole']);
  assert.ok(quotes.every((q) => q.cue === 'said'), JSON.stringify(quotes));
});
