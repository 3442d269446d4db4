// The naive peer: jsdiff's diffWords on every pair of articles in a folder (the first
// `limit` by path), counting the words each pair shares. Prints JSON.
//   node naive.cjs <folder> [limit]
const fs = require('fs');
const { diffWords } = require('diff');
const { articleFiles } = require('./articles.cjs');

const limit = Number(process.argv[3] ?? Infinity);
const t0 = performance.now();
const texts = articleFiles(process.argv[2]).slice(0, limit).map((f) => fs.readFileSync(f, 'utf8'));
let pairs = 0;
let sharedWords = 0;
for (let i = 0; i < texts.length; i++) {
  for (let j = i + 1; j < texts.length; j++) {
    for (const part of diffWords(texts[i], texts[j])) if (!part.added && !part.removed) sharedWords += part.count ?? 0;
    pairs++;
  }
}
process.stdout.write(JSON.stringify({ files: texts.length, pairs, sharedWords, ms: performance.now() - t0 }) + '\n');
