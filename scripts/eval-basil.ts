// BASIL development part: the engine on real news told by three outlets (see the data's README).
//
//   cross-story share   all 150 articles copied into one temp folder as `<event>__<outlet>.txt`;
//                       share of matches whose two sides belong to different events (certainly false).
//   shared quotes       per event folder: silver pairs of quotes (straight or curly double quotes,
//                       >= 6 words each) carried by two outlets, with a common run of >= 6 words
//                       covering >= 60% of the shorter quote. A pair counts as linked when one
//                       match has a side overlapping each quote's common run.
//   --sample N --seed S writes N random matches of the mixed folder (both sides, grade, score,
//                       divergences) to test-output/basil-sample-<seed>.md, for a human to judge.
//   --flagged           draws only from matches with a substantive divergence (basil-sample-<seed>-flagged.md).
//
// Usage: node out/scripts/eval-basil.js [basil-dev folder] [--sample N --seed S [--flagged]]
// Never needed by the tests; nothing of the data is committed.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeCorpus, loadCorpus } from '../src/core/index';
import type { AnalysisResult, Match } from '../src/core/types';
import { explainScore, SAME_CLAIM_CUT, STRICT_CLAIM_CUT, scorePair } from '../src/core/score/model';
import { addDocuments, createScoreContext, type ScoreContext } from '../src/core/score/tokens';
import { eventOf, writeSample } from './eval-basil-sample';

export { eventOf, readJudgements } from './eval-basil-sample';

/** One outlet's article of one event. */
export interface BasilArticle {
  event: string;
  outlet: string;
  text: string;
}

/** A silver shared-quote pair: two outlets of one event quoting the same words. */
export interface SilverPair {
  event: string;
  /** Outlet and character span of the common run on each side. */
  a: { outlet: string; start: number; end: number; quote: string };
  b: { outlet: string; start: number; end: number; quote: string };
}

/** The figures `evalBasil` reports. */
export interface BasilResult {
  events: number;
  articles: number;
  /** Matches in the mixed folder. */
  matches: number;
  /** Of those, matches linking two different events. */
  crossEvent: number;
  crossShare: number;
  /** Cross-event matches by grade. */
  crossByGrade: Record<string, number>;
  /** Silver shared-quote pairs, and how many are linked by a match of their event's folder. */
  quotePairs: number;
  quoteLinked: number;
  quoteRecall: number;
  /** Of the linked pairs, how many through a match graded `truncated`/`verbatim`/`edited`/`reworded`. */
  linkedByGrade: Record<string, number>;
  /** Seconds spent analysing the mixed folder. */
  mixedSeconds: number;
  /** Missed silver pairs (for reading). */
  missed: SilverPair[];
  /** The mixed folder's analysis (for sampling). */
  mixed: AnalysisResult;
  /** The mixed folder's article texts by id. */
  texts: Map<string, string>;
  /** The same-claim model (src/core/score) on the mixed folder's matches: how many it keeps at each cut. */
  model: ModelCheck;
}

/** How the same-claim model would judge the engine's matches (the engine applies it to reworded pairs only, with cuts by story relation; this shows every cut on every match). */
export interface ModelCheck {
  cuts: { name: string; cut: number; crossKept: number; sameKept: number }[];
  cross: number;
  same: number;
  /** CPU microseconds per scored match (corpus specificity counted once beforehand). */
  microsPerPair: number;
}

/** Rough sentences of an article (for document frequencies only). */
function roughSentences(text: string): string[] {
  return text.split(/(?<=[.!?]["”’']?)\s+|\n+/).filter((s) => s.trim().length > 0);
}

/** A score context whose specificity comes from every sentence of the given articles. */
function corpusContext(texts: Map<string, string>): ScoreContext {
  const ctx = createScoreContext(100_000);
  addDocuments(ctx, [...texts.values()].flatMap(roughSentences));
  return ctx;
}

/** Scores every match of the mixed folder with the same-claim model and counts what each cut keeps. */
export function checkModel(result: AnalysisResult, texts: Map<string, string>): ModelCheck {
  const ctx = corpusContext(texts);
  const t0 = process.cpuUsage();
  const scored = result.matches.map((m) => ({ cross: eventOf(m.a.article) !== eventOf(m.b.article), p: scorePair(m.a.text, m.b.text, ctx, undefined, m.score).probability }));
  const t1 = process.cpuUsage(t0);
  const cross = scored.filter((x) => x.cross);
  const same = scored.filter((x) => !x.cross);
  const cuts = [
    { name: 'best F1', cut: SAME_CLAIM_CUT },
    { name: 'strict', cut: STRICT_CLAIM_CUT },
    { name: '0.90', cut: 0.9 },
  ].map((c) => ({ ...c, crossKept: cross.filter((x) => x.p >= c.cut).length, sameKept: same.filter((x) => x.p >= c.cut).length }));
  return { cuts, cross: cross.length, same: same.length, microsPerPair: scored.length ? (t1.user + t1.system) / scored.length : 0 };
}

const OUTLETS = ['fox', 'nyt', 'hpo'];

/** Reads every `events/<event>/<outlet>.txt` under a BASIL folder. */
export function readBasil(dir: string): BasilArticle[] {
  const eventsDir = fs.existsSync(path.join(dir, 'events')) ? path.join(dir, 'events') : dir;
  const out: BasilArticle[] = [];
  for (const event of fs.readdirSync(eventsDir).sort()) {
    const folder = path.join(eventsDir, event);
    if (!fs.statSync(folder).isDirectory()) continue;
    // some events spell the file names in capitals (FOX.txt)
    for (const name of fs.readdirSync(folder).sort()) {
      const outlet = name.toLowerCase().replace(/\.txt$/, '');
      if (!name.toLowerCase().endsWith('.txt') || !OUTLETS.includes(outlet)) continue;
      out.push({ event, outlet, text: fs.readFileSync(path.join(folder, name), 'utf8').replace(/^\uFEFF/, '') });
    }
  }
  return out;
}

/** Writes the articles into a fresh temp folder as `<event>__<outlet>.txt` and returns its path. */
function writeMixedFolder(articles: BasilArticle[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-basil-'));
  for (const a of articles) fs.writeFileSync(path.join(dir, `${a.event}__${a.outlet}.txt`), a.text);
  return dir;
}

/** Runs the engine on a folder exactly as a user would open it. */
function analyzeFolder(dir: string): { result: AnalysisResult; texts: Map<string, string> } {
  const corpus = loadCorpus(dir);
  return { result: analyzeCorpus(corpus.articles), texts: new Map(corpus.articles.map((a) => [a.id, a.text])) };
}

const QUOTE_RE = /"([^"\n]+)"|“([^”\n]+)”/g;
const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** A double-quoted stretch of an article with its words and their offsets. */
interface SilverQuote {
  start: number;
  end: number;
  words: string[];
  offsets: [number, number][];
}

/** Double-quoted stretches of >= 6 words (straight or curly quotes, within one line). */
export function findSilverQuotes(text: string): SilverQuote[] {
  const out: SilverQuote[] = [];
  QUOTE_RE.lastIndex = 0;
  for (let m = QUOTE_RE.exec(text); m; m = QUOTE_RE.exec(text)) {
    const inner = m[1] ?? m[2];
    const base = m.index + 1;
    const words: string[] = [];
    const offsets: [number, number][] = [];
    WORD_RE.lastIndex = 0;
    for (let w = WORD_RE.exec(inner); w; w = WORD_RE.exec(inner)) {
      words.push(w[0].toLowerCase().replace(/’/g, "'"));
      offsets.push([base + w.index, base + w.index + w[0].length]);
    }
    if (words.length >= 6) out.push({ start: base, end: base + inner.length, words, offsets });
  }
  return out;
}

/** Longest common run of words: its length and start in each list. */
export function longestCommonRun(a: string[], b: string[]): { length: number; i: number; j: number } {
  let best = { length: 0, i: 0, j: 0 };
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] !== b[j - 1]) continue;
      cur[j] = prev[j - 1] + 1;
      if (cur[j] > best.length) best = { length: cur[j], i: i - cur[j], j: j - cur[j] };
    }
    prev = cur;
  }
  return best;
}

/** Silver shared-quote pairs of one event (each distinct pair of quote texts once). */
export function silverPairs(event: string, articles: BasilArticle[]): SilverPair[] {
  const quotes = articles.map((a) => ({ a, quotes: findSilverQuotes(a.text) }));
  const pairs: SilverPair[] = [];
  const seen = new Set<string>();
  for (let x = 0; x < quotes.length; x++) {
    for (let y = x + 1; y < quotes.length; y++) {
      for (const qa of quotes[x].quotes) {
        for (const qb of quotes[y].quotes) {
          const run = longestCommonRun(qa.words, qb.words);
          if (run.length < 6 || run.length < 0.6 * Math.min(qa.words.length, qb.words.length)) continue;
          const key = `${qa.words.join(' ')}|${qb.words.join(' ')}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const side = (art: BasilArticle, q: SilverQuote, i: number) => ({
            outlet: art.outlet,
            start: q.offsets[i][0],
            end: q.offsets[i + run.length - 1][1],
            quote: art.text.slice(q.start, q.end),
          });
          pairs.push({ event, a: side(quotes[x].a, qa, run.i), b: side(quotes[y].a, qb, run.j) });
        }
      }
    }
  }
  return pairs;
}

/** The match linking a silver pair (a side overlapping each common run), or undefined. */
function linkingMatch(pair: SilverPair, matches: Match[]): Match | undefined {
  const hits = (s: { article: string; start: number; end: number }, side: SilverPair['a']) => s.article === side.outlet && s.start < side.end && side.start < s.end;
  return matches.find((m) => (hits(m.a, pair.a) && hits(m.b, pair.b)) || (hits(m.a, pair.b) && hits(m.b, pair.a)));
}

/** Shared-quote recall: each event's folder analysed alone, as a user would open it. */
function evalSharedQuotes(articles: BasilArticle[]): { pairs: number; linked: number; byGrade: Record<string, number>; missed: SilverPair[] } {
  const byEvent = new Map<string, BasilArticle[]>();
  for (const a of articles) byEvent.set(a.event, [...(byEvent.get(a.event) ?? []), a]);
  let pairs = 0;
  let linked = 0;
  const byGrade: Record<string, number> = {};
  const missed: SilverPair[] = [];
  for (const [event, arts] of byEvent) {
    const silver = silverPairs(event, arts);
    if (!silver.length) continue;
    const result = analyzeCorpus(arts.map((a) => ({ id: a.outlet, text: a.text })));
    for (const p of silver) {
      pairs++;
      const m = linkingMatch(p, result.matches);
      if (m) {
        linked++;
        byGrade[m.grade] = (byGrade[m.grade] ?? 0) + 1;
      } else missed.push(p);
    }
  }
  return { pairs, linked, byGrade, missed };
}

/** Runs both BASIL measures on a basil-dev folder. */
export function evalBasil(dir: string): BasilResult {
  const articles = readBasil(dir);
  if (!articles.length) throw new Error(`no BASIL articles under ${dir}`);
  const folder = writeMixedFolder(articles);
  const t0 = Date.now();
  let mixed: { result: AnalysisResult; texts: Map<string, string> };
  try {
    mixed = analyzeFolder(folder);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  const mixedSeconds = (Date.now() - t0) / 1000;
  const cross = mixed.result.matches.filter((m) => eventOf(m.a.article) !== eventOf(m.b.article));
  const crossByGrade: Record<string, number> = {};
  for (const m of cross) crossByGrade[m.grade] = (crossByGrade[m.grade] ?? 0) + 1;
  const q = evalSharedQuotes(articles);
  const n = mixed.result.matches.length;
  return {
    events: new Set(articles.map((a) => a.event)).size,
    articles: articles.length,
    matches: n,
    crossEvent: cross.length,
    crossShare: n ? cross.length / n : 0,
    crossByGrade,
    quotePairs: q.pairs,
    quoteLinked: q.linked,
    quoteRecall: q.pairs ? q.linked / q.pairs : 0,
    linkedByGrade: q.byGrade,
    mixedSeconds,
    missed: q.missed,
    mixed: mixed.result,
    texts: mixed.texts,
    model: checkModel(mixed.result, mixed.texts),
  };
}

function pct(x: number): string {
  return (100 * x).toFixed(1);
}

function parseArgs(argv: string[]): { dir: string; sample?: number; seed: number; flagged: boolean } {
  let dir = path.join('..', 'shared', 'data', 'basil-dev');
  let sample: number | undefined;
  let seed = 1;
  let flagged = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sample') sample = Number(argv[++i]);
    else if (argv[i] === '--seed') seed = Number(argv[++i]);
    else if (argv[i] === '--flagged') flagged = true;
    else dir = argv[i];
  }
  return { dir, sample, seed, flagged };
}

// When bundled into another entry (scripts/eval.ts), `require.main === module` holds too: check the script name.
if (require.main === module && /eval-?basil/i.test(process.argv[1] ?? '')) {
  const args = parseArgs(process.argv.slice(2));
  const r = evalBasil(args.dir);
  console.log(`BASIL ${r.events} events, ${r.articles} articles in one folder: ${r.matches} matches, ${r.crossEvent} link different events (${pct(r.crossShare)} %) [${Object.entries(r.crossByGrade).map(([g, c]) => `${g} ${c}`).join(', ')}] (${r.mixedSeconds.toFixed(1)} s)`);
  console.log(`shared quotes (silver, per event folder): ${r.quoteLinked} of ${r.quotePairs} linked (${r.quoteRecall.toFixed(3)}) [${Object.entries(r.linkedByGrade).map(([g, c]) => `${g} ${c}`).join(', ')}]`);
  console.log(
    `same-claim model on all those matches (the engine applies it to reworded ones): ${r.model.cuts.map((c) => `${c.name} cut ${c.cut.toFixed(2)} keeps ${c.crossKept} of ${r.model.cross} cross-story and ${c.sameKept} of ${r.model.same} same-story`).join('; ')} (${r.model.microsPerPair.toFixed(0)} µs CPU a pair)`,
  );
  for (const p of r.missed.slice(0, 40)) console.log(`  missed ${p.event} ${p.a.outlet}/${p.b.outlet}: «${p.a.quote}» ~ «${p.b.quote}»`);
  if (args.sample) {
    const ctx = corpusContext(r.texts);
    const note = (m: Match) => `model: ${explainScore(scorePair(m.a.text, m.b.text, ctx, undefined, m.score))}`;
    const pool = args.flagged ? r.mixed.matches.filter((m) => m.divergences.some((d) => d.substantive)) : r.mixed.matches;
    const source = args.flagged ? `the ${pool.length} matches with a substantive divergence (of ${r.matches}) of all ${r.articles} basil-dev articles in one folder` : `the ${r.matches} matches of all ${r.articles} basil-dev articles in one folder`;
    console.log(`sample written: ${writeSample(pool, args.sample, args.seed, source, note, 'test-output', args.flagged ? '-flagged' : '')}`);
  }
}
