// `npm run bench`: how analysis time grows with corpus size, and comparison throughput.
// Sizes and ratios are what matter; absolute times depend on the machine.
// The corpora are synthetic but realistic: every article is one of the seed
// articles with its sentences reordered, some words swapped for synonyms and
// numbers changed, plus filler sentences built from the seeds' vocabulary.
import * as path from 'path';
import { performance } from 'perf_hooks';
import { analyzeCorpus } from '../src/core/analyze';
import { compareTexts } from '../src/core/compare';
import { loadCorpus } from '../src/core/corpus';
import type { ArticleInput } from '../src/core/types';

/** Deterministic PRNG (mulberry32) so every run benchmarks the same corpus. */
function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SWAPS: [RegExp, string][] = [
  [/\bdrones\b/g, 'UAVs'],
  [/\bbought\b/g, 'purchased'],
  [/\bsaid\b/g, 'stated'],
  [/\bdefence\b/g, 'defense'],
  [/\b400\b/g, 'several hundred'],
];

function mutateArticle(text: string, rnd: () => number, vocabulary: string[]): string {
  const paragraphs = text.split(/\n+/).filter((p) => p.trim());
  for (let i = paragraphs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [paragraphs[i], paragraphs[j]] = [paragraphs[j], paragraphs[i]];
  }
  let body = paragraphs.join('\n\n');
  for (const [re, to] of SWAPS) if (rnd() < 0.5) body = body.replace(re, to);
  const filler: string[] = [];
  for (let s = 0; s < 15; s++) {
    const n = 8 + Math.floor(rnd() * 14);
    const words = Array.from({ length: n }, () => vocabulary[Math.floor(rnd() * vocabulary.length)]);
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    filler.push(words.join(' ') + '.');
  }
  return body + '\n\n' + filler.join(' ');
}

function buildCorpus(seeds: ArticleInput[], size: number): ArticleInput[] {
  const rnd = makeRandom(size);
  const vocabulary = [...new Set(seeds.flatMap((a) => a.text.toLowerCase().match(/[a-z]{3,}/g) ?? []))];
  return Array.from({ length: size }, (_, i) => ({ id: `synthetic/${String(i).padStart(4, '0')}`, text: mutateArticle(seeds[i % seeds.length].text, rnd, vocabulary) }));
}

function timeIt<T>(fn: () => T, runs: number): { ms: number; value: T } {
  const times: number[] = [];
  let value!: T;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    value = fn();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return { ms: times[Math.floor(times.length / 2)], value };
}

function main(): void {
  const seedsDir = path.resolve(__dirname, '..', '..', 'seeds');
  const seeds = loadCorpus(seedsDir).articles.map((a) => ({ id: a.id, text: a.text }));
  analyzeCorpus(seeds); // warm up (WordNet index, JIT)

  console.log('Corpus analysis (analyzeCorpus), median of runs:');
  console.log('articles  chars      matches  clusters  time ms   ms/article  µs/match  size×  time×');
  const sizes = (process.env.BENCH_SIZES ?? '5,25,100,400').split(',').map(Number);
  let prev: { size: number; ms: number } | undefined;
  for (const size of sizes) {
    const corpus = size === 5 ? seeds : buildCorpus(seeds, size);
    const chars = corpus.reduce((n, a) => n + a.text.length, 0);
    const { ms, value } = timeIt(() => analyzeCorpus(corpus), size <= 25 ? 5 : size <= 100 ? 3 : 1);
    const ratio = prev ? `${(size / prev.size).toFixed(1).padStart(5)}  ${(ms / prev.ms).toFixed(1).padStart(5)}` : '    -      -';
    console.log(
      `${String(size).padStart(8)}  ${String(chars).padStart(9)}  ${String(value.matches.length).padStart(7)}  ${String(value.clusters.length).padStart(8)}  ${ms.toFixed(0).padStart(7)}  ${(ms / size).toFixed(1).padStart(10)}  ${((ms * 1000) / Math.max(1, value.matches.length)).toFixed(0).padStart(8)}  ${ratio}`,
    );
    prev = { size, ms };
  }

  const a = 'Since August, Iran has provided Russia with more than 400 UAVs primarily of the Shahed variety';
  const b = 'Since August, according to a White House representative, Iran has delivered several hundred drones to Russia.';
  const n = 2000;
  const { ms } = timeIt(() => {
    for (let i = 0; i < n; i++) compareTexts(a, b);
  }, 3);
  console.log('(every synthetic article shares most passages with a fifth of the others, so matches grow with the square of the size)');
  console.log(`\ncompareTexts on a reworded pair: ${(n / (ms / 1000)).toFixed(0)} pairs/s (${((ms * 1000) / n).toFixed(0)} µs a pair)`);
}

main();
