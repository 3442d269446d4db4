// PolNeAR direct-quote evaluation of the quote extractor.
//
// Data: <dataDir>/{train,dev}/{text,attributions} (brat standoff, see the
// data's README). Never needed by the tests; nothing from it is committed.
//
// Choices (documented so numbers are comparable between runs):
// - Annotator: one annotation file per article, the first alphabetically
//   (`<article>_<annotator>.ann`); articles without one are skipped.
// - Gold direct quotes: every fragment of a `Content` span that is enclosed in
//   quotation marks (“ ” " and ‘ ’ at the fragment's edges, inside or just
//   outside it, allowing trailing , . ? ! between content and mark). The
//   gold span is the text inside the marks.
// - Both gold and predicted spans are normalised the same way: quote marks,
//   whitespace and trailing , . ; : ! ? are trimmed from both ends.
// - A prediction matches a gold quote when intersection / union ≥ 0.8
//   (one-to-one, greedy by best overlap). Quote P/R/F1 count matches.
// - Speaker accuracy, over matched quotes: the gold speaker is the text of
//   the attribution's `Source` span; when it is a pronoun (he, she, …) it
//   is resolved to the most recent person named before it in the article
//   (same person finder as the extractor). A predicted speaker is correct
//   when its last word (surname) occurs among the gold source's words, or
//   the gold source's last word occurs among the predicted speaker's words
//   (case-insensitive). A null prediction is wrong. `speakerAccuracyNamed`
//   is the same over gold sources that are not pronouns.
import * as fs from 'fs';
import * as path from 'path';
import { extractQuotes } from '../src/core/quotes';
import { findPersonMentions } from '../src/core/speakers';

/** The numbers `evalPolnear` reports. */
export interface PolnearResult {
  articles: number;
  gold: number;
  predicted: number;
  matched: number;
  quoteP: number;
  quoteR: number;
  quoteF1: number;
  speakerAccuracy: number;
  speakerAccuracyNamed: number;
  overlap: 'iou>=0.8';
}

/** A gold direct quote with its source text. */
interface GoldQuote {
  start: number;
  end: number;
  source: string | null;
  sourceStart: number;
}

const MARKS = '“”"‘’\'«»';
const PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his', 'i', 'we', 'they', 'you', 'it', 'me', 'us', 'them']);

/** Trims quote marks, whitespace and edge punctuation off `[s, e)`. */
function normalizeSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && (MARKS.includes(text[s]) || /\s/.test(text[s]))) s++;
  while (e > s && (MARKS.includes(text[e - 1]) || /[\s,.;:!?]/.test(text[e - 1]))) e--;
  return [s, e];
}

/** True when the fragment `[s, e)` is enclosed in quotation marks. */
function isQuoted(text: string, s: number, e: number): boolean {
  let a = s;
  while (a < e && /\s/.test(text[a])) a++;
  let b = e;
  while (b > a && /\s/.test(text[b - 1])) b--;
  const opens = MARKS.includes(text[a]) || (a > 0 && MARKS.includes(text[a - 1])) || (a > 1 && text[a - 1] === ' ' && MARKS.includes(text[a - 2]));
  let c = b;
  while (c > a && /[,.;:!?]/.test(text[c - 1])) c--;
  let d = b;
  while (d < text.length && /[,.;:!?]/.test(text[d])) d++;
  const closes = MARKS.includes(text[b - 1]) || MARKS.includes(text[c - 1]) || MARKS.includes(text[b] ?? '') || MARKS.includes(text[d] ?? '');
  // Apostrophes at the edges ("Iran’s") are not quote marks: require a double mark or a single mark outside a word.
  return opens && closes && b - a > 2;
}

/** Parses one brat .ann file into gold direct quotes. */
function parseGold(text: string, ann: string): GoldQuote[] {
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
    for (const [s, e] of content.frags) {
      if (!isQuoted(text, s, e)) continue;
      const [ns, ne] = normalizeSpan(text, s, e);
      const k = `${ns}:${ne}`;
      if (ne <= ns || seen.has(k)) continue;
      seen.add(k);
      gold.push({ start: ns, end: ne, source, sourceStart: src ? src.frags[0][0] : s });
    }
  }
  return gold;
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

/** Resolves a pronoun gold source to the most recent person named before it. */
function resolveGoldSource(text: string, mentions: ReturnType<typeof findPersonMentions>, g: GoldQuote): string | null {
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

/** Runs the extractor over PolNeAR train+dev under `dataDir` and scores it. */
export function evalPolnear(dataDir: string): PolnearResult {
  let gold = 0;
  let predicted = 0;
  let matched = 0;
  let speakerOk = 0;
  let named = 0;
  let namedOk = 0;
  let articles = 0;
  for (const split of ['train', 'dev']) {
    const textDir = path.join(dataDir, split, 'text');
    const annDir = path.join(dataDir, split, 'attributions');
    if (!fs.existsSync(textDir)) continue;
    const anns = fs.readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
    for (const file of fs.readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()) {
      const id = file.slice(0, -4);
      const annFile = anns.find((a) => a.startsWith(id + '_'));
      if (!annFile) continue;
      articles++;
      const text = fs.readFileSync(path.join(textDir, file), 'utf8');
      const goldQuotes = parseGold(text, fs.readFileSync(path.join(annDir, annFile), 'utf8'));
      const preds = extractQuotes({ id, text }).map((q) => ({ q, span: normalizeSpan(text, q.start, q.end) }));
      gold += goldQuotes.length;
      predicted += preds.length;
      const mentions = findPersonMentions(text);
      const used = new Set<number>();
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
          if (process.env.POLNEAR_DEBUG === 'fn') console.log('FN', id, JSON.stringify(text.slice(g.start, g.end).slice(0, 120)));
          continue;
        }
        used.add(best);
        matched++;
        const goldSpeaker = resolveGoldSource(text, mentions, g);
        const ok = speakerCorrect(preds[best].q.speaker, goldSpeaker);
        if (ok) speakerOk++;
        else if (process.env.POLNEAR_DEBUG === 'sp') console.log('SP', id, JSON.stringify(preds[best].q.speaker), '| gold:', JSON.stringify(g.source), '->', JSON.stringify(goldSpeaker), '|', preds[best].q.text.slice(0, 60));
        if (g.source && !PRONOUNS.has(g.source.trim().toLowerCase())) {
          named++;
          if (ok) namedOk++;
        }
      }
      if (process.env.POLNEAR_DEBUG === 'fp') preds.forEach((p, i) => used.has(i) || console.log('FP', id, JSON.stringify(p.q.text.slice(0, 120))));
    }
  }
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
    speakerAccuracy: matched ? speakerOk / matched : 0,
    speakerAccuracyNamed: named ? namedOk / named : 0,
    overlap: 'iou>=0.8',
  };
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
  console.log(`PolNeAR train+dev (${r.articles} articles, first annotator): gold ${r.gold}, predicted ${r.predicted}, matched ${r.matched} (IoU >= 0.8)`);
  console.log(`quote P ${pct(r.quoteP)}  R ${pct(r.quoteR)}  F1 ${pct(r.quoteF1)}  speaker accuracy ${pct(r.speakerAccuracy)} (named sources ${pct(r.speakerAccuracyNamed)})`);
}

// When bundled into scripts/eval.ts, `require.main === module` holds too: check the script name.
if (require.main === module && /eval-?polnear|evalp/i.test(process.argv[1] ?? '')) main();
