// `node out/scripts/analysis-hash.js [--sizes 1000] [--repeat N]`: the analysis hash
// (sha256 of analyzeCorpus's JSON, 16 hex digits) on seeds/ and on generated bench
// corpora (bench/corpus.ts, seed 1), with the time of each analysis. Speed work
// must leave these hashes unchanged (recorded: seeds 4e750a471e690a34,
// bench 1,000 0f8d39cd8c9ca3a5, bench 3,000 545f472f9058a63b, bench 10,000 5b866e800a84b1ae).
import * as crypto from 'crypto';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { loadCorpus } from '../src/core/io/corpus';
import { analyzeCorpus } from '../src/core/pipeline/analyze';
import { generateCorpus } from '../bench/corpus';

const SEEDS = path.resolve(__dirname, '..', '..', 'seeds');

function hashOf(x: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);
}

function main(argv: string[]): void {
  let sizes = [1000];
  let repeat = 1;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sizes') sizes = argv[++i].split(',').map(Number);
    else if (argv[i] === '--repeat') repeat = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  const seeds = loadCorpus(SEEDS, { maxFiles: Number.MAX_SAFE_INTEGER }).articles;
  console.log(`seeds ${hashOf(analyzeCorpus(seeds))}`);
  for (const size of sizes) {
    const corpus = generateCorpus(seeds.map((a) => a.text), { size, seed: 1 });
    const times: number[] = [];
    let hash = '';
    for (let k = 0; k < repeat; k++) {
      const t0 = performance.now();
      const r = analyzeCorpus(corpus);
      times.push(performance.now() - t0);
      hash = hashOf(r);
    }
    console.log(`bench${size} ${hash} ${times.map((t) => `${t.toFixed(0)} ms`).join(' ')}`);
  }
}

main(process.argv.slice(2));
