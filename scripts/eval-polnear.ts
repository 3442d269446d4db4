// PolNeAR direct-quote evaluation of the quote extractor.
//
// Data: <dataDir>/{train,dev}/{text,attributions} (brat standoff, see the
// data's README). Never needed by the tests; nothing from it is committed.
//
// Choices (documented so numbers are comparable between runs):
// - Gold direct quotes follow the definition: the quoted segments
//   that lie inside an annotated `Content` span. The fragments of a Content
//   span (annotators split long quotes at sentence ends, sometimes out of
//   order) are sorted and joined when only whitespace separates them; each
//   joined region is widened over adjacent quote marks and trailing , . ? !
//   and the quote marks inside it are paired line by line: “…”, "…", ‘…’
//   (an ’ followed by a letter is an apostrophe). A segment nested inside
//   another quoted segment is part of it, not a quote of its own. An opening
//   mark at a paragraph start that is not closed in the paragraph opens a
//   quote that runs to the paragraph's end (a quote continued in the next
//   paragraph). Quoted segments outside every Content span (titles, scare
//   quotes, nicknames) are not gold, so predicting them is a false positive.
// - Annotators: most articles have one annotation file. The 18 articles
//   annotated by 5-6 annotators (annotator training) count a segment as gold
//   when at least half of their annotators have it; its source is taken from
//   the first annotator (alphabetically) who has it.
// - Both gold and predicted spans are normalised the same way: quote marks,
//   whitespace and trailing , . ; : ! ? are trimmed from both ends.
// - A prediction matches a gold quote when intersection / union ≥ 0.8
//   (one-to-one, greedy by best overlap). Quote P/R/F1 count matches.
// - Speaker accuracy (headline figure, `speakerAccuracy` =
//   `speakerAccuracyNamed` = speakerCorrect / speakerFound): over matched quotes whose gold `Source`
//   contains a name (a capitalised word other than a pronoun or article).
//   A predicted speaker is correct when its last word (surname) occurs among
//   the gold source's words, or the gold source's last word occurs among the
//   predicted speaker's words (case-insensitive). A null prediction is wrong.
//   `speakerAccuracyAll` is the same over all matched quotes with a source,
//   where a pronoun gold source ("he") is resolved to the most recent person
//   named before it (same person finder as the extractor).
// - Every false positive, false negative and wrong speaker is written as one
//   JSON line to test-output/eval/polnear-errors.jsonl with a category.
import * as fs from 'fs';
import * as path from 'path';
import { extractQuotes } from '../src/core/extract/quotes';
import { findPersonMentions } from '../src/core/extract/speakers';
import type { Quote } from '../src/core/types';

/** The numbers `evalPolnear` reports. */
export interface PolnearResult {
  articles: number;
  gold: number;
  predicted: number;
  matched: number;
  quoteP: number;
  quoteR: number;
  quoteF1: number;
  /** Headline speaker figure: speakerCorrect / speakerFound (gold sources that contain a name). */
  speakerAccuracy: number;
  /** The same as `speakerAccuracy` (kept for callers of the earlier version). */
  speakerAccuracyNamed: number;
  /** Over every matched quote with a gold source, pronoun sources resolved to the person named before them. */
  speakerAccuracyAll: number;
  overlap: 'iou>=0.8';
  /** Matched quote spans (true positives). */
  tp: number;
  /** Predicted quote spans with no gold match. */
  fp: number;
  /** Gold quote spans with no prediction. */
  fn: number;
  /** Matched quotes whose gold source contains a name. */
  speakerFound: number;
  /** Of those, quotes whose predicted speaker names the gold source's person. */
  speakerCorrect: number;
  /** Path of the JSON-lines file listing every miss. */
  errorsFile: string;
  /** The same counts per split (train, dev), to see that figures hold on data not looked at. */
  splits: Record<string, SplitCounts>;
}

/** Counts of one split. */
export interface SplitCounts {
  articles: number;
  tp: number;
  fp: number;
  fn: number;
  quoteF1: number;
  speakerFound: number;
  speakerCorrect: number;
}

/** A gold direct quote with its source text. */
interface GoldQuote {
  start: number;
  end: number;
  source: string | null;
  sourceStart: number;
}

/** One line of the error file. */
interface ErrorLine {
  article: string;
  kind: 'fp' | 'fn' | 'wrong-speaker';
  category: string;
  ours: string | null;
  gold: string | null;
  ourSpeaker?: string | null;
  goldSource?: string | null;
  /** For a wrong speaker: true when the gold source contains a name, so the miss counts in `speakerAccuracy`. */
  named?: boolean;
  /** Best overlap (IoU) with the other side, when one overlaps at all. */
  iou?: number;
  context: string;
}

const MARKS = '“”"‘’\'«»';
const PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his', 'i', 'we', 'they', 'you', 'it', 'me', 'us', 'them']);
const NOT_NAMES = new Set(['he', 'she', 'i', 'we', 'they', 'you', 'it', 'the', 'a', 'an', 'his', 'her', 'their', 'our', 'my', 'its', 'one', 'some', 'many', 'others', 'this', 'that']);

/** Trims quote marks, whitespace and edge punctuation off `[s, e)`. */
function normalizeSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && (MARKS.includes(text[s]) || /\s/.test(text[s]))) s++;
  while (e > s && (MARKS.includes(text[e - 1]) || /[\s,.;:!?]/.test(text[e - 1]))) e--;
  return [s, e];
}

/** True for a letter or digit. */
function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Sorts the fragments of a span and joins those separated by whitespace only. */
function joinFragments(text: string, frags: Array<[number, number]>): Array<[number, number]> {
  const sorted = frags.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1] + 3 && /^\s*$/.test(text.slice(last[1], Math.max(last[1], s)))) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Widens `[s, e)` over adjacent blanks, quote marks and trailing , . ? ! (same line). */
function widen(text: string, s: number, e: number): [number, number] {
  let a = s;
  while (a > 0 && a > s - 3 && (text[a - 1] === ' ' || MARKS.includes(text[a - 1]))) a--;
  while (a < s && text[a] === ' ') a++;
  let b = e;
  while (b < text.length && b < e + 4 && (text[b] === ' ' || MARKS.includes(text[b]) || /[,.;:?!]/.test(text[b]))) b++;
  while (b > e && !MARKS.includes(text[b - 1])) b--;
  return [a, b];
}

/** Quoted segments (content offsets, marks excluded) of the line range `[from, to)`. */
function quotedSegments(text: string, from: number, to: number, lineStart: number): Array<[number, number]> {
  const doubles: Array<[number, number]> = [];
  let first = lineStart;
  while (first < to && /[ \t\u00a0]/.test(text[first])) first++;
  let open = -1;
  let openWidth = 1;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '“' || ch === '«') {
      open = i;
      openWidth = 1;
    }
    else if (ch === '”' || ch === '»') {
      if (open >= 0) doubles.push([open + 1, i]);
      open = -1;
    } else if (ch === '"' || (ch === "'" && text[i + 1] === "'")) {
      // A straight double mark, or two apostrophes used as one (typewriter style).
      const w = ch === '"' ? 1 : 2;
      if (open >= 0 && !/\s/.test(text[i - 1] ?? ' ')) {
        doubles.push([open + openWidth, i]);
        open = -1;
      } else if (!/\s/.test(text[i + w] ?? ' ')) {
        open = i;
        openWidth = w;
      }
      i += w - 1;
    }
  }
  if (open >= 0 && open === first) doubles.push([open + openWidth, to]);
  const singles: Array<[number, number]> = [];
  let sOpen = -1;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === "'" && (text[i + 1] === "'" || text[i - 1] === "'")) continue;
    if ((ch === '‘' || ch === "'") && !isWordChar(text[i - 1]) && isWordChar(text[i + 1])) sOpen = i;
    else if ((ch === '’' || ch === "'") && sOpen >= 0 && !isWordChar(text[i + 1]) && !/\s/.test(text[i - 1])) {
      if (!doubles.some(([ds, de]) => ds <= sOpen && sOpen < de)) singles.push([sOpen + 1, i]);
      sOpen = -1;
    }
  }
  return doubles.concat(singles);
}

/** Parses one brat .ann file into gold direct quotes. */
function parseGold(text: string, ann: string, lineStarts: number[]): GoldQuote[] {
  const spans = new Map<string, { label: string; frags: Array<[number, number]> }>();
  const events: Array<{ content: string; source?: string }> = [];
  for (const line of ann.split(/\r?\n/)) {
    const cols = line.split('\t');
    if (line.startsWith('T') && cols.length >= 2) {
      const sp = cols[1].indexOf(' ');
      const label = cols[1].slice(0, sp);
      const frags = cols[1].slice(sp + 1).split(';').map((f) => f.trim().split(/\s+/).map(Number) as [number, number]);
      spans.set(cols[0], { label, frags });
    } else if (line.startsWith('E') && cols.length >= 2) {
      const args = Object.fromEntries(cols[1].split(/\s+/).map((kv) => kv.split(':')));
      if (args.Content) events.push({ content: args.Content, source: args.Source });
    }
  }
  const gold: GoldQuote[] = [];
  const seen = new Set<string>();
  for (const ev of events) {
    const content = spans.get(ev.content);
    if (!content) continue;
    const src = ev.source ? spans.get(ev.source) : undefined;
    const source = src ? src.frags.map(([s, e]) => text.slice(s, e)).join(' ') : null;
    for (const [fs0, fe0] of joinFragments(text, content.frags)) {
      const [rs, re] = widen(text, fs0, fe0);
      // Pair marks line by line inside the region.
      let ls = rs;
      while (ls < re) {
        let le = ls;
        while (le < re && text[le] !== '\n' && text[le] !== '\r') le++;
        const lineStart = lineStartOf(lineStarts, ls);
        for (const [s, e] of quotedSegments(text, ls, le, lineStart)) {
          const [ns, ne] = normalizeSpan(text, s, e);
          const k = `${ns}:${ne}`;
          if (ne <= ns || seen.has(k) || !/[\p{L}\p{N}]/u.test(text.slice(ns, ne))) continue;
          seen.add(k);
          gold.push({ start: ns, end: ne, source, sourceStart: src ? src.frags[0][0] : s });
        }
        ls = le + 1;
      }
    }
  }
  // A segment nested in another gold segment is part of it.
  return gold.filter((g) => !gold.some((o) => o !== g && o.start <= g.start && g.end <= o.end && o.end - o.start > g.end - g.start));
}

/** Offset of the start of the line holding `offset`. */
function lineStartOf(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lineStarts[lo];
}

/** Gold quotes of an article: one annotator's, or the segments at least half of several annotators agree on. */
function goldForArticle(text: string, annTexts: string[]): GoldQuote[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const per = annTexts.map((a) => parseGold(text, a, lineStarts));
  if (per.length === 1) return per[0];
  const votes = new Map<string, { g: GoldQuote; n: number }>();
  for (const list of per) {
    for (const g of list) {
      const k = `${g.start}:${g.end}`;
      const v = votes.get(k);
      if (v) v.n++;
      else votes.set(k, { g, n: 1 });
    }
  }
  return [...votes.values()].filter((v) => v.n * 2 >= per.length).map((v) => v.g).sort((a, b) => a.start - b.start);
}

/** Lower-case word tokens of a speaker string. */
function words(s: string): string[] {
  return (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w !== 's');
}

/** True when the predicted speaker agrees with the gold source (see the header). */
function speakerCorrect(pred: string | null, gold: string | null): boolean {
  if (!pred || !gold) return false;
  const p = words(pred);
  const g = words(gold);
  if (p.length === 0 || g.length === 0) return false;
  return g.includes(p[p.length - 1]) || p.includes(g[g.length - 1]);
}

/** True when a gold source text contains a name (a capitalised word that is not a pronoun or article). */
function containsName(source: string | null): boolean {
  if (!source) return false;
  return (source.match(/[\p{L}][\p{L}’'.-]*/gu) ?? []).some((w) => /^\p{Lu}/u.test(w) && !NOT_NAMES.has(w.toLowerCase()));
}

/** Resolves a pronoun gold source to the most recent person named before it. */
function resolveGoldSource(mentions: ReturnType<typeof findPersonMentions>, g: GoldQuote): string | null {
  if (!g.source || !PRONOUNS.has(g.source.trim().toLowerCase())) return g.source;
  let name: string | null = null;
  for (const m of mentions) {
    if (m.end > g.sourceStart) break;
    name = m.name;
  }
  return name ?? g.source;
}

/** Intersection over union of two spans. */
function iou(a: [number, number], b: [number, number]): number {
  const inter = Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
  const union = Math.max(a[1], b[1]) - Math.min(a[0], b[0]);
  return union > 0 ? inter / union : 0;
}

/** A short window of text around `[s, e)` for the error file. */
function contextOf(text: string, s: number, e: number): string {
  return text.slice(Math.max(0, s - 80), Math.min(text.length, e + 80)).replace(/\s+/g, ' ');
}

/** Number of words in a string. */
function wordCount(s: string): number {
  return (s.match(/\S+/g) ?? []).length;
}

/** True when `[s, e)` lies inside one of `spans` (but is not it). */
function insideAny(spans: Array<[number, number]>, s: number, e: number): boolean {
  return spans.some(([a, b]) => a <= s && e <= b && b - a > e - s);
}

/** Category of a false positive. */
function fpCategory(text: string, q: Quote, span: [number, number], goldSpans: Array<[number, number]>, best: number): string {
  if (best > 0) return 'boundary';
  if (insideAny(goldSpans, span[0], span[1])) return 'nested-quote';
  const t = text.slice(span[0], span[1]);
  const n = wordCount(t);
  if (n <= 4 && !q.speaker) return 'scare-quote-or-title';
  if (n <= 4) return 'short-attributed';
  if (!q.speaker) return 'unattributed-long';
  return 'attributed-not-in-gold';
}

/** Category of a false negative. */
function fnCategory(text: string, g: GoldQuote, predSpans: Array<[number, number]>, best: number): string {
  if (best > 0) return 'boundary';
  if (insideAny(predSpans, g.start, g.end)) return 'nested-quote';
  let ls = g.start;
  while (ls > 0 && text[ls - 1] !== '\n') ls--;
  const lineEnd = text.indexOf('\n', g.start);
  const open = text[g.start - 1] ?? '';
  if (g.end === (lineEnd < 0 ? text.length : lineEnd) || (lineEnd >= 0 && !/[”"’']/.test(text.slice(g.end, lineEnd)))) return 'across-paragraphs';
  if (text.startsWith("''", g.start - 2)) return 'typewriter-quote-marks';
  if (open === '‘' || open === "'") return 'single-quote-marks';
  const n = wordCount(text.slice(g.start, g.end));
  if (n <= 4) return 'short-partial';
  return 'missed';
}

/** Category of a wrong speaker. */
function speakerCategory(q: Quote, g: GoldQuote): string {
  if (!q.speaker) return 'no-speaker';
  const src = (g.source ?? '').trim().toLowerCase();
  if (PRONOUNS.has(src) || /^the\s/.test(src)) return 'pronoun-or-role';
  if (/^[a-z]/.test(q.speaker)) return 'phrase-not-name';
  return 'wrong-name';
}

/** Runs the extractor over PolNeAR train+dev under `dataDir` and scores it. */
export function evalPolnear(dataDir: string, errorsFile = path.join('test-output', 'eval', 'polnear-errors.jsonl')): PolnearResult {
  let gold = 0;
  let predicted = 0;
  let matched = 0;
  let speakerOk = 0;
  let withSource = 0;
  let named = 0;
  let namedOk = 0;
  let articles = 0;
  const errors: ErrorLine[] = [];
  const splits: Record<string, SplitCounts> = {};
  for (const split of ['train', 'dev']) {
    const before = { articles, gold, predicted, matched, named, namedOk };
    const textDir = path.join(dataDir, split, 'text');
    const annDir = path.join(dataDir, split, 'attributions');
    if (!fs.existsSync(textDir)) continue;
    const anns = fs.readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
    for (const file of fs.readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()) {
      const id = file.slice(0, -4);
      const annFiles = anns.filter((a) => a.startsWith(id + '_') && /^[0-9a-f]+$/.test(a.slice(id.length + 1, -4)));
      if (annFiles.length === 0) continue;
      articles++;
      const text = fs.readFileSync(path.join(textDir, file), 'utf8');
      const goldQuotes = goldForArticle(text, annFiles.map((a) => fs.readFileSync(path.join(annDir, a), 'utf8')));
      const preds = extractQuotes({ id, text }).map((q) => ({ q, span: normalizeSpan(text, q.start, q.end) }));
      gold += goldQuotes.length;
      predicted += preds.length;
      const mentions = findPersonMentions(text);
      const used = new Set<number>();
      const goldSpans = goldQuotes.map((g) => [g.start, g.end] as [number, number]);
      const predSpans = preds.map((p) => p.span);
      for (const g of goldQuotes) {
        let best = -1;
        let bestScore = 0.8 - 1e-9;
        preds.forEach((p, i) => {
          if (used.has(i)) return;
          const score = iou([g.start, g.end], p.span);
          if (score >= bestScore) {
            best = i;
            bestScore = score;
          }
        });
        if (best < 0) {
          const top = Math.max(0, ...predSpans.map((p) => iou([g.start, g.end], p)));
          errors.push({ article: id, kind: 'fn', category: fnCategory(text, g, predSpans, top), ours: null, gold: text.slice(g.start, g.end), goldSource: g.source, iou: +top.toFixed(2), context: contextOf(text, g.start, g.end) });
          continue;
        }
        used.add(best);
        matched++;
        const q = preds[best].q;
        if (!g.source) continue;
        withSource++;
        const goldSpeaker = resolveGoldSource(mentions, g);
        const ok = speakerCorrect(q.speaker, goldSpeaker);
        if (ok) speakerOk++;
        const hasName = containsName(g.source);
        if (hasName) {
          named++;
          if (ok) namedOk++;
        }
        if (!ok) errors.push({ article: id, kind: 'wrong-speaker', category: speakerCategory(q, g), ours: q.text, gold: text.slice(g.start, g.end), ourSpeaker: q.speaker, goldSource: g.source, named: hasName, context: contextOf(text, Math.min(g.sourceStart, g.start), Math.max(g.end, g.sourceStart)) });
      }
      preds.forEach((p, i) => {
        if (used.has(i)) return;
        const top = Math.max(0, ...goldSpans.map((s) => iou(s, p.span)));
        errors.push({ article: id, kind: 'fp', category: fpCategory(text, p.q, p.span, goldSpans, top), ours: p.q.text, gold: null, ourSpeaker: p.q.speaker, iou: +top.toFixed(2), context: contextOf(text, p.span[0], p.span[1]) });
      });
    }
    const tp = matched - before.matched;
    const sp = predicted - before.predicted;
    const sg = gold - before.gold;
    splits[split] = {
      articles: articles - before.articles,
      tp,
      fp: sp - tp,
      fn: sg - tp,
      quoteF1: sp + sg ? (2 * tp) / (sp + sg) : 0,
      speakerFound: named - before.named,
      speakerCorrect: namedOk - before.namedOk,
    };
  }
  fs.mkdirSync(path.dirname(errorsFile), { recursive: true });
  fs.writeFileSync(errorsFile, errors.map((e) => JSON.stringify(e)).join('\n') + (errors.length ? '\n' : ''));
  const quoteP = predicted ? matched / predicted : 0;
  const quoteR = gold ? matched / gold : 0;
  const quoteF1 = quoteP + quoteR ? (2 * quoteP * quoteR) / (quoteP + quoteR) : 0;
  return {
    articles,
    gold,
    predicted,
    matched,
    quoteP,
    quoteR,
    quoteF1,
    speakerAccuracy: named ? namedOk / named : 0,
    speakerAccuracyNamed: named ? namedOk / named : 0,
    speakerAccuracyAll: withSource ? speakerOk / withSource : 0,
    overlap: 'iou>=0.8',
    tp: matched,
    fp: predicted - matched,
    fn: gold - matched,
    speakerFound: named,
    speakerCorrect: namedOk,
    errorsFile,
    splits,
  };
}

/** Error counts by kind and category, for the summary. */
function countCategories(file: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const e = JSON.parse(line) as ErrorLine;
    const k = `${e.kind} ${e.category}${e.kind === 'wrong-speaker' ? (e.named ? ' (named source)' : ' (unnamed source)') : ''}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** Prints the scores for the data folder given on the command line. */
function main(): void {
  const dir = process.argv[2];
  if (!dir || !fs.existsSync(dir)) {
    console.error('usage: eval-polnear <path to polnear-train-dev>');
    process.exit(2);
  }
  const r = evalPolnear(dir);
  const pct = (x: number) => (100 * x).toFixed(1);
  console.log(`PolNeAR train+dev (${r.articles} articles): gold ${r.gold}, predicted ${r.predicted}, tp ${r.tp} fp ${r.fp} fn ${r.fn} (IoU >= 0.8)`);
  console.log(`quote P ${pct(r.quoteP)}  R ${pct(r.quoteR)}  F1 ${pct(r.quoteF1)}  speaker ${r.speakerCorrect}/${r.speakerFound} = ${pct(r.speakerAccuracy)} (all sources incl. pronouns ${pct(r.speakerAccuracyAll)})`);
  for (const [name, c] of Object.entries(r.splits)) {
    console.log(`  ${name} (${c.articles} articles): tp ${c.tp} fp ${c.fp} fn ${c.fn}  F1 ${pct(c.quoteF1)}  speaker ${c.speakerCorrect}/${c.speakerFound} = ${pct(c.speakerFound ? c.speakerCorrect / c.speakerFound : 0)}`);
  }
  const counts = [...countCategories(r.errorsFile)].sort((a, b) => b[1] - a[1]);
  console.log(counts.map(([k, n]) => `${k}: ${n}`).join('\n'));
  console.log(`errors: ${r.errorsFile}`);
}

// When bundled into scripts/eval.ts, `require.main === module` holds too: check the script name.
if (require.main === module && /eval-?polnear|evalp/i.test(process.argv[1] ?? '')) main();
