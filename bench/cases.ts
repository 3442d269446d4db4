// The benchmark's corpora ("cases"), written as folders the processes under test read.
// With a data folder (default: ../shared/data next to the repository, or --data DIR) the
// cases start from real news: the distinct PolNeAR articles (train + dev), those plus
// re-edited copies up to each size (bench/corpus.ts over the real texts), and BASIL's
// development events flattened into one folder of mixed stories. Without one they are
// generated from seeds/ at each size, so a clone without the data still runs.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { ArticleInput } from '../src/core/types';
import { corpusSize, generateCorpus } from './corpus';

/** Which targets of issue 13 a case is judged by. */
export type CaseKind = 'distinct' | 'copies' | 'mixed' | 'generated';

/** One corpus of the benchmark, written to `dir`. */
export interface BenchCase {
  kind: CaseKind;
  /** Row label. */
  name: string;
  dir: string;
  articles: ArticleInput[];
  mb: number;
  words: number;
}

/** The real article texts found in a data folder. */
export interface RealSources {
  /** Distinct PolNeAR articles (train + dev, duplicates by content dropped), sorted by name. */
  distinct: ArticleInput[];
  /** BASIL development events, one article per outlet and event (`<event>__<outlet>.txt`). */
  mixed: ArticleInput[];
}

function listTxt(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort() : [];
}

/** True when `dir` is a data folder (holds PolNeAR's or BASIL's folder). */
export function isDataFolder(dir: string): boolean {
  return ['polnear-train-dev', 'basil-dev'].some((d) => fs.existsSync(path.join(dir, d)));
}

/** Adds the articles whose text (trimmed) is not already in `out`. */
function addDistinct(out: ArticleInput[], seen: Set<string>, articles: ArticleInput[]): void {
  for (const a of articles) {
    const hash = createHash('sha1').update(a.text.trim()).digest('hex');
    if (seen.has(hash)) continue;
    seen.add(hash);
    out.push(a);
  }
}

/**
 * Reads the PolNeAR and BASIL texts under `dataDir` (when given) and the articles of any
 * other folders (added to the distinct articles); undefined when there are none.
 */
export function readRealSources(dataDir: string | undefined, folders: ArticleInput[][] = []): RealSources | undefined {
  const seen = new Set<string>();
  const distinct: ArticleInput[] = [];
  for (const split of dataDir ? ['train', 'dev'] : []) {
    const dir = path.join(dataDir!, 'polnear-train-dev', split, 'text');
    addDistinct(distinct, seen, listTxt(dir).map((f) => ({ id: f, text: fs.readFileSync(path.join(dir, f), 'utf8') })));
  }
  folders.forEach((articles, i) => addDistinct(distinct, seen, articles.map((a) => ({ id: `folder${i + 1}/${a.id}.txt`, text: a.text }))));
  const mixed: ArticleInput[] = [];
  const events = dataDir && path.join(dataDir, 'basil-dev', 'events');
  if (events && fs.existsSync(events)) {
    for (const event of fs.readdirSync(events).sort()) {
      for (const f of listTxt(path.join(events, event))) mixed.push({ id: `${event}__${f}`, text: fs.readFileSync(path.join(events, event, f), 'utf8') });
    }
  }
  return distinct.length || mixed.length ? { distinct, mixed } : undefined;
}

function writeCorpus(articles: ArticleInput[], dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const a of articles) {
    const file = path.join(dir, a.id.endsWith('.txt') ? a.id : `${a.id}.txt`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, a.text);
  }
}

function makeCase(kind: CaseKind, name: string, articles: ArticleInput[], dir: string): BenchCase {
  writeCorpus(articles, dir);
  return { kind, name, dir, articles, ...corpusSize(articles) };
}

/** Options of buildCases. */
export interface CaseOptions {
  /** Totals of the re-edited-copies cases (with real sources) or of the generated cases (without). */
  sizes: number[];
  seed: number;
  /** Texts of seeds/ and of any folders given on the command line. */
  extra: string[];
  real?: RealSources;
  /** Where the case folders go. */
  tmp: string;
}

/** Writes every case's folder under opts.tmp and returns the cases, smallest first. */
export function buildCases(opts: CaseOptions): BenchCase[] {
  const sizes = [...opts.sizes].sort((x, y) => x - y);
  const real = opts.real;
  if (!real?.distinct.length) {
    return sizes.map((size) => makeCase('generated', `generated from seeds/ (${size.toLocaleString('en')})`, generateCorpus(opts.extra, { size, seed: opts.seed }), path.join(opts.tmp, `generated-${size}`)));
  }
  const n = real.distinct.length;
  const cases = [makeCase('distinct', 'distinct real articles', real.distinct, path.join(opts.tmp, 'distinct'))];
  const texts = real.distinct.map((a) => a.text);
  for (const size of sizes.filter((s) => s > n)) {
    const copies = generateCorpus(texts, { size: size - n, seed: opts.seed }).map((a) => ({ ...a, id: `copies/${a.id}` }));
    cases.push(makeCase('copies', `real + re-edited copies (${size.toLocaleString('en')})`, [...real.distinct, ...copies], path.join(opts.tmp, `copies-${size}`)));
  }
  if (real.mixed.length) cases.push(makeCase('mixed', 'mixed stories (BASIL dev, flattened)', real.mixed, path.join(opts.tmp, 'mixed')));
  return cases;
}

/** Removes a case's folder. */
export function removeCase(c: BenchCase): void {
  fs.rmSync(c.dir, { recursive: true, force: true });
}
