// The Dolos peer: Dolos's winnowing library (@dodona/dolos-lib, installed in this folder on
// demand) on every article of a folder, with its plain-text ("char") tokenizer and default
// options, as its report does it: index the files, then every pair of files that share a
// fingerprint with its similarity, longest fragment and overlap. Prints JSON.
//   node dolos.cjs <folder>
const { articleFiles } = require('./articles.cjs');

async function main() {
  const t0 = performance.now();
  const { Dolos } = await import('@dodona/dolos-lib');
  const files = articleFiles(process.argv[2]);
  const report = await new Dolos({ language: 'char' }).analyzePaths(files);
  const t1 = performance.now();
  const pairs = report.allPairs();
  let similar = 0;
  let longest = 0;
  for (const pair of pairs) {
    if (pair.similarity >= 0.1) similar++;
    longest = Math.max(longest, pair.longest);
  }
  process.stdout.write(JSON.stringify({ files: files.length, pairs: pairs.length, similar, longest, indexMs: t1 - t0, ms: performance.now() - t0 }) + '\n');
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
