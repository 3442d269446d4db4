#!/usr/bin/env node
// The README's test command (`npm test`): builds, then runs every suite and
// ends with one plain line `N passed, N failed` summed over all of them.
//   1. unit tests (plain Node, node:test) over src/core and the CLI
//   2. the extension-host mocha suite and the UI tests in a real VS Code
//      (test/e2e/run-e2e.js), when that runner exists; it writes its counts
//      to test-output/e2e-results.json.
// Set CROSSCHECK_SKIP_E2E=1 to run the unit tests only.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const totals = { passed: 0, failed: 0, skipped: 0 };
const suites = [];

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...opts });
}

function addSuite(name, passed, failed, skipped = 0) {
  suites.push({ name, passed, failed, skipped });
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
}

const build = run(process.execPath, ['esbuild.config.js'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.log('build failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// 1. Unit tests.
const unitDir = path.join(root, 'out/test/unit');
const unitFiles = fs.existsSync(unitDir) ? fs.readdirSync(unitDir).filter((f) => f.endsWith('.test.js')).map((f) => path.join(unitDir, f)) : [];
if (unitFiles.length === 0) {
  addSuite('unit', 0, 1);
  console.log('no unit tests were built');
} else {
  const unit = run(process.execPath, ['--test', '--test-reporter=tap', ...unitFiles]);
  const out = unit.stdout + unit.stderr;
  const failedLines = out.split('\n').filter((l) => /^\s*not ok /.test(l));
  const num = (re) => Number((out.match(re) || [])[1] || 0);
  const passed = num(/^# pass (\d+)/m);
  const failed = num(/^# fail (\d+)/m) + (unit.status !== 0 && num(/^# fail (\d+)/m) === 0 ? 1 : 0);
  const skipped = num(/^# skipped (\d+)/m) + num(/^# todo (\d+)/m);
  if (failed > 0 || process.env.CROSSCHECK_VERBOSE) process.stdout.write(out);
  else failedLines.forEach((l) => console.log(l));
  console.log(`unit: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  addSuite('unit', passed, failed, skipped);
}

// 2. Real VS Code: extension host + UI.
const e2e = path.join(root, 'test/e2e/run-e2e.js');
if (process.env.CROSSCHECK_SKIP_E2E) {
  console.log('e2e: skipped (CROSSCHECK_SKIP_E2E is set)');
} else if (fs.existsSync(e2e)) {
  const resultFile = path.join(root, 'test-output/e2e-results.json');
  fs.rmSync(resultFile, { force: true });
  const r = run(process.execPath, [e2e, '--no-build'], { stdio: 'inherit' });
  let counted = false;
  if (fs.existsSync(resultFile)) {
    const res = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    for (const s of res.suites || []) {
      addSuite(s.name, s.passed, s.failed, s.skipped || 0);
      counted = true;
    }
  }
  if (r.status !== 0 && (!counted || suites.every((s) => s.failed === 0))) addSuite('e2e runner', 0, 1);
}

for (const s of suites) console.log(`  ${s.name}: ${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
