// Deterministic synthetic newsroom corpora for the benchmark.
// A corpus is a set of stories, each covered by several outlets. A story is a
// real source article (seeds/, or any folder given on the command line) whose
// content words and numbers are remapped per story, so stories differ from each
// other while reading like the source. Within a story each outlet keeps most
// paragraphs, shares quotes verbatim or with typographic edits, rewords some
// sentences (synonyms, swapped clauses, changed numbers and attributions), and
// adds its own boilerplate and a few sentences of its own.
import type { ArticleInput } from '../src/core/types';

/** Deterministic PRNG (mulberry32). */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYNONYMS: [RegExp, string][] = [
  [/\bdrones\b/g, 'UAVs'],
  [/\bbought\b/g, 'purchased'],
  [/\bbuy\b/g, 'purchase'],
  [/\bsaid\b/g, 'stated'],
  [/\bsays\b/g, 'claims'],
  [/\bhelp\b/g, 'assist'],
  [/\bbig\b/g, 'large'],
  [/\bstarted\b/g, 'began'],
  [/\bshow\b/g, 'demonstrate'],
  [/\bofficials\b/g, 'authorities'],
  [/\bdefence\b/g, 'defense'],
];

const BOILERPLATE = [
  (o: string) => `© 2024 ${o}. All rights reserved.`,
  (o: string) => `Sign up for the ${o} morning newsletter to get the day's top stories.`,
  () => 'Cookie Policy Privacy Policy Terms of Use Contact Us',
  (o: string) => `Now Read: more from ${o} on this story.`,
];

function pick<T>(rnd: () => number, list: T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

function matchCase(from: string, to: string): string {
  return from[0] === from[0].toUpperCase() ? to[0].toUpperCase() + to.slice(1) : to;
}

/** A story's text: the source with most of its content words remapped and its numbers changed. */
function storyText(source: string, vocabulary: string[], rnd: () => number): string {
  const map = new Map<string, string>();
  const text = source.replace(/\b[A-Za-z]{4,}\b/g, (w) => {
    const key = w.toLowerCase();
    let to = map.get(key);
    if (to === undefined) map.set(key, (to = rnd() < 0.8 ? pick(rnd, vocabulary) : key));
    return matchCase(w, to);
  });
  return text.replace(/\b\d+\b/g, (n) => String(Math.max(1, Math.round(Number(n) * (0.5 + rnd() * 1.5)))));
}

/** One outlet's sentence: verbatim, typographically edited, or reworded. */
function rewriteSentence(s: string, rnd: () => number): string {
  const r = rnd();
  if (r < 0.55) return s;
  if (r < 0.7) return s.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/ize\b/g, 'ise').replace(/ — /g, ' - ');
  let out = s;
  for (const [re, to] of SYNONYMS) if (rnd() < 0.6) out = out.replace(re, to);
  if (rnd() < 0.4) out = out.replace(/\b\d+\b/, (n) => (rnd() < 0.5 ? 'several hundred' : String(Number(n) + 1 + Math.floor(rnd() * 20))));
  if (rnd() < 0.3) out = out.replace(/\b(said|stated)\b/, 'according to a spokesperson');
  const comma = out.indexOf(', ');
  if (rnd() < 0.3 && comma > 10 && comma < out.length - 12) {
    const head = out.slice(0, comma);
    const tail = out.slice(comma + 2).replace(/[.!?]+$/, '');
    out = `${tail[0].toUpperCase()}${tail.slice(1)}, ${head[0].toLowerCase()}${head.slice(1)}.`;
  }
  return out;
}

/** Splits a paragraph into rough sentences (the analysis re-splits properly). */
function roughSentences(paragraph: string): string[] {
  return paragraph.match(/[^.!?]+(?:[.!?]+["”’']?|$)\s*/g)?.map((s) => s.trim()).filter(Boolean) ?? [paragraph];
}

/** One outlet's article about a story. */
function outletArticle(story: string, outlet: string, vocabulary: string[], rnd: () => number): string {
  const paragraphs = story.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  const kept = paragraphs.filter((_, i) => i === 0 || rnd() < 0.8);
  if (rnd() < 0.3 && kept.length > 2) {
    const i = 1 + Math.floor(rnd() * (kept.length - 1));
    const j = 1 + Math.floor(rnd() * (kept.length - 1));
    [kept[i], kept[j]] = [kept[j], kept[i]];
  }
  const body = kept.map((p) => roughSentences(p).map((s) => rewriteSentence(s, rnd)).join(' '));
  const own = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => {
    const words = Array.from({ length: 8 + Math.floor(rnd() * 12) }, () => pick(rnd, vocabulary));
    words[0] = matchCase('X', words[0]);
    return words.join(' ') + '.';
  });
  body.splice(1 + Math.floor(rnd() * body.length), 0, own.join(' '));
  const boiler = BOILERPLATE.filter(() => rnd() < 0.6).map((b) => b(outlet));
  return [...body, ...boiler].join('\n\n') + '\n';
}

/** Options of a generated corpus. */
export interface CorpusSpec {
  /** Number of articles. */
  size: number;
  /** PRNG seed. */
  seed: number;
  /** Outlets covering one story: from min to max (inclusive). */
  outlets?: [number, number];
}

/** Builds a deterministic corpus of `size` articles from the source texts. */
export function generateCorpus(sources: string[], spec: CorpusSpec): ArticleInput[] {
  if (!sources.length) throw new Error('generateCorpus: no source articles');
  const rnd = makeRandom(spec.seed * 7919 + spec.size);
  const [lo, hi] = spec.outlets ?? [3, 8];
  const vocabulary = [...new Set(sources.join(' ').toLowerCase().match(/\b[a-z]{4,}\b/g) ?? ['news'])];
  const outletNames = Array.from({ length: 40 }, (_, i) => `The Daily ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? i : ''} Times`);
  const out: ArticleInput[] = [];
  for (let s = 0; out.length < spec.size; s++) {
    const story = storyText(sources[s % sources.length], vocabulary, rnd);
    const n = lo + Math.floor(rnd() * (hi - lo + 1));
    for (let k = 0; k < n && out.length < spec.size; k++) {
      const outlet = pick(rnd, outletNames);
      out.push({ id: `s${String(s).padStart(5, '0')}/${k}_${outlet.replace(/\W+/g, '')}.txt`, text: outletArticle(story, outlet, vocabulary, rnd) });
    }
  }
  return out;
}

/** Size of a corpus in MB (UTF-8) and words. */
export function corpusSize(articles: ArticleInput[]): { mb: number; words: number } {
  let bytes = 0;
  let words = 0;
  for (const a of articles) {
    bytes += Buffer.byteLength(a.text, 'utf8');
    words += a.text.match(/\S+/g)?.length ?? 0;
  }
  return { mb: bytes / 1e6, words };
}
