// `node out/scripts/make-corpus.js <articles> <folder> [--seed N] [source folders…]`:
// writes the benchmark's deterministic story/outlet corpus (bench/corpus.ts, the one
// `npm run bench` analyses) to a folder, one .txt file per article, for trying the
// extension or the CLI on a large corpus. Starts from seeds/ plus any folders given.
// Refuses a folder that already holds files.
import * as fs from 'fs';
import * as path from 'path';
import { loadCorpus } from '../src/core/io/corpus';
import { corpusSize, generateCorpus } from '../bench/corpus';

const SEEDS = path.resolve(__dirname, '..', '..', 'seeds');

function main(argv: string[]): number {
  const rest: string[] = [];
  let seed = 1;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seed') seed = Number(argv[++i]);
    else rest.push(argv[i]);
  }
  const [count, out, ...sources] = rest;
  const size = Number(count);
  if (!Number.isInteger(size) || size < 2 || !out) {
    console.error('usage: make-corpus <articles ≥ 2> <folder> [--seed N] [source folders…]');
    return 2;
  }
  const folder = path.resolve(out);
  if (fs.existsSync(folder) && fs.readdirSync(folder).length) {
    console.error(`make-corpus: ${folder} is not empty; give a new or empty folder`);
    return 2;
  }
  const texts = [SEEDS, ...sources].flatMap((dir) => loadCorpus(path.resolve(dir), { maxFiles: Number.MAX_SAFE_INTEGER }).articles.map((a) => a.text));
  const corpus = generateCorpus(texts, { size, seed });
  for (const a of corpus) {
    const file = path.join(folder, a.id);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, a.text);
  }
  const { mb, words } = corpusSize(corpus);
  console.log(`wrote ${corpus.length} articles (${mb.toFixed(1)} MB, ${words.toLocaleString('en')} words) to ${folder}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
