// The bare-pass floor: a Node process that only reads every article of a folder and
// tokenises it (lower-cased words and numbers), nothing else. Prints JSON.
//   node floor.cjs <folder>
const fs = require('fs');
const { articleFiles } = require('./articles.cjs');

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const t0 = performance.now();
let tokens = 0;
let bytes = 0;
const vocabulary = new Set();
const files = articleFiles(process.argv[2]);
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  bytes += text.length;
  for (const m of text.matchAll(TOKEN)) {
    vocabulary.add(m[0].toLowerCase());
    tokens++;
  }
}
process.stdout.write(JSON.stringify({ files: files.length, chars: bytes, tokens, types: vocabulary.size, ms: performance.now() - t0 }) + '\n');
