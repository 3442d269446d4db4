#!/usr/bin/env node
// Runs Crosscheck in a real VS Code, offline: the VS Code server shipped in the npm
// package code-server, opened in Debian's Chromium and driven by playwright-core.
//   a) the extension-host mocha suite (out/test/exthost/index.js) on a scratch copy of seeds/
//   b) the UI tests (test/ui/ui-tests.js) on another copy of seeds/ plus a hostile article
//   c) 'restricted': the extension-host tests named "Restricted Mode" with workspace trust
//      on, so the copy of seeds/ opens untrusted
// Writes test-output/e2e-results.json ({"suites":[{name,passed,failed}]}, read by
// test/run-all.js), screenshots to test-output/screenshots/ and logs to test-output/e2e-logs/.
//
// Usage: node test/e2e/run-e2e.js [--only exthost|ui|restricted] [--no-build] [--keep]
// Env:   CROSSCHECK_UPDATE_SCREENSHOTS=1  also copy panel.png, hover.png, problems.png, compare.png, review.png to docs/screenshots/
//        CROSSCHECK_E2E_TIMEOUT_MIN       overall limit after tool setup (default 15)
//        CROSSCHECK_EXTHOST_GREP / CROSSCHECK_UI_GREP  run only the matching tests
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const lib = require('./lib');

const { ROOT, log } = lib;
const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null;
const OUT = path.join(ROOT, 'test-output');
const SCREENS = path.join(OUT, 'screenshots');
const LOGS = path.join(OUT, 'e2e-logs');
const RESULTS = path.join(OUT, 'e2e-results.json');
const SEEDS = path.join(ROOT, 'seeds');
const EXTHOST_ENTRY = path.join(ROOT, 'out/test/exthost/index.js');
// Extension under test (override only to try the harness against another extension).
const EXT = path.resolve(process.env.CROSSCHECK_E2E_EXT || ROOT);
const README_SHOTS = ['panel.png', 'hover.png', 'problems.png', 'compare.png', 'review.png'];

const suites = [];
let tmp;

function writeResults() {
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(RESULTS, JSON.stringify({ suites }, null, 2) + '\n');
}

function setSuite(name, passed, failed, extra = {}) {
  const i = suites.findIndex((s) => s.name === name);
  const s = { name, passed, failed, ...extra };
  if (i >= 0) suites[i] = s;
  else suites.push(s);
  writeResults();
}

function cleanup() {
  lib.killAllServersSync();
  if (tmp && !argv.includes('--keep')) fs.rmSync(tmp, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    log(`received ${sig}, stopping`);
    cleanup();
    process.exit(130);
  });
}

function copySeeds(dest, extraFiles = []) {
  fs.mkdirSync(dest, { recursive: true });
  for (const f of fs.readdirSync(SEEDS)) fs.copyFileSync(path.join(SEEDS, f), path.join(dest, f));
  for (const f of extraFiles) fs.copyFileSync(f, path.join(dest, path.basename(f)));
  return dest;
}

function userSettings(extra = {}) {
  return { ...JSON.parse(fs.readFileSync(path.join(__dirname, 'user-settings.json'), 'utf8')), ...extra };
}

/** Workspace trust on, no prompt: the scratch workspace opens in Restricted Mode. */
const RESTRICTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
};

/**
 * a) mocha inside the extension host, reported through the smoke-test driver hooks.
 * The 'restricted' run is the same entry in an untrusted workspace, limited to the
 * tests named "Restricted Mode" (which skip themselves in a trusted workspace).
 */
async function runExthost(tools, name = 'exthost') {
  const restricted = name === 'restricted';
  const ws = copySeeds(path.join(tmp, `ws-${name}`));
  const resultFile = path.join(tmp, `${name}-result.json`);
  const server = await lib.startServer({
    tools,
    dir: path.join(tmp, `server-${name}`),
    settings: userSettings(restricted ? RESTRICTED_SETTINGS : {}),
    env: { CROSSCHECK_EXTHOST_RESULT: resultFile, ...(restricted ? { CROSSCHECK_EXTHOST_GREP: 'Restricted Mode' } : {}) },
    logFile: path.join(LOGS, `server-${name}.log`),
    workspaceTrust: restricted,
  });
  log(`${name}: VS Code server on port ${server.port}, workspace ${ws}`);
  const url = lib.workbenchUrl(server, { folder: ws, extensionDevelopmentPath: EXT, extensionTestsPath: EXTHOST_ENTRY });
  const browser = await lib.launchBrowser();
  const hostLog = fs.createWriteStream(path.join(LOGS, `${name}-console.log`));
  const lines = [];
  let exitCode;
  try {
    const page = browser.context.pages()[0] || (await browser.context.newPage());
    const exited = new Promise((resolve) => {
      page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      hostLog.write(text + '\n');
      lines.push(text);
      for (const l of text.split('\n')) if (/^\s*(PASS|FAIL) |^\s{7}|exthost: \d+ passed/.test(l)) console.log(`  [${name}]` + l.replace(/^\s*/, ' '));
    });
    await page.goto(url);
    exitCode = await lib.withTimeout(exited, 8 * 60 * 1000, 'extension-host test run');
  } finally {
    hostLog.end();
    await browser.close();
    await lib.stopServer(server);
  }
  let result;
  if (fs.existsSync(resultFile)) result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  else {
    const marker = lines.map((l) => /CROSSCHECK_EXTHOST_RESULT (\{.*\})/.exec(l)).find(Boolean);
    if (marker) result = JSON.parse(marker[1]);
  }
  if (!result) {
    log(`${name}: no result reported (exit code ${exitCode}); see ${path.relative(ROOT, path.join(LOGS, `${name}-console.log`))}`);
    setSuite(name, 0, 1, { error: 'no result' });
    return;
  }
  if (result.error) log(`${name}: mocha error: ${result.error}`);
  const failed = result.failed + (exitCode !== 0 && result.failed === 0 ? 1 : 0);
  setSuite(name, result.passed, failed, { tests: result.tests });
  log(`${name}: ${result.passed} passed, ${failed} failed (host exit code ${exitCode})`);
}

/** b) playwright UI tests in the workbench with the extension loaded. */
async function runUi(tools) {
  const name = 'ui';
  const hostile = path.join(ROOT, 'test/ui/fixtures/zz_hostile.txt');
  const ws = copySeeds(path.join(tmp, 'ws-ui'));
  const server = await lib.startServer({
    tools,
    dir: path.join(tmp, 'server-ui'),
    settings: userSettings(),
    logFile: path.join(LOGS, 'server-ui.log'),
  });
  log(`ui: VS Code server on port ${server.port}, workspace ${ws}`);
  const url = lib.workbenchUrl(server, { folder: ws, extensionDevelopmentPath: EXT });
  const { runUiTests } = require('../ui/ui-tests');
  let res;
  try {
    res = await lib.withTimeout(
      runUiTests({ url, workspace: ws, hostileFixture: hostile, screenshots: SCREENS, logs: LOGS, grep: process.env.CROSSCHECK_UI_GREP }),
      10 * 60 * 1000,
      'UI tests',
    );
  } finally {
    await lib.stopServer(server);
  }
  setSuite(name, res.passed, res.failed, { tests: res.tests });
  log(`ui: ${res.passed} passed, ${res.failed} failed`);
}

function updateDocScreenshots() {
  if (process.env.CROSSCHECK_UPDATE_SCREENSHOTS !== '1') return;
  const dest = path.join(ROOT, 'docs/screenshots');
  fs.mkdirSync(dest, { recursive: true });
  for (const f of README_SHOTS) {
    const src = path.join(SCREENS, f);
    if (fs.existsSync(src)) {
      fs.copyFileSync(src, path.join(dest, f));
      log(`copied ${path.relative(ROOT, src)} -> docs/screenshots/${f}`);
    } else log(`not copied (missing): ${path.relative(ROOT, src)}`);
  }
}

async function main() {
  fs.mkdirSync(SCREENS, { recursive: true });
  fs.mkdirSync(LOGS, { recursive: true });
  fs.rmSync(RESULTS, { force: true });
  const wanted = only ? [only] : ['exthost', 'ui', 'restricted'];
  for (const n of wanted) setSuite(n, 0, 1, { error: 'did not run' });

  if (!argv.includes('--no-build')) {
    const b = spawnSync(process.execPath, ['esbuild.config.js'], { cwd: ROOT, stdio: 'inherit', timeout: 5 * 60 * 1000 });
    if (b.status !== 0) throw new Error('build failed (node esbuild.config.js)');
  }
  for (const f of [EXT === ROOT ? 'dist/extension.js' : null, 'out/test/exthost/index.js'].filter(Boolean)) {
    if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing after the build`);
  }

  const t0 = Date.now();
  const tools = lib.setupTools();
  log(`tools ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${tools.server}`);

  const limitMin = Number(process.env.CROSSCHECK_E2E_TIMEOUT_MIN || 15);
  const watchdog = setTimeout(() => {
    log(`e2e: overall time limit of ${limitMin} min reached, stopping`);
    writeResults();
    cleanup();
    process.exit(1);
  }, limitMin * 60 * 1000);

  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-e2e-'));
  for (const n of wanted) {
    const t = Date.now();
    try {
      if (n === 'exthost' || n === 'restricted') await runExthost(tools, n);
      else if (n === 'ui') await runUi(tools);
      else throw new Error(`unknown suite ${n}`);
    } catch (e) {
      log(`${n}: runner error: ${e.stack || e.message}`);
      const prev = suites.find((s) => s.name === n) || {};
      setSuite(n, prev.error ? 0 : prev.passed || 0, Math.max(1, prev.error ? 1 : prev.failed || 0), { error: e.message });
    }
    log(`${n}: took ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  clearTimeout(watchdog);
  updateDocScreenshots();
  for (const s of suites) console.log(`  e2e ${s.name}: ${s.passed} passed, ${s.failed} failed`);
  return suites.every((s) => s.failed === 0 && s.passed > 0) ? 0 : 1;
}

main().then(
  (code) => {
    cleanup();
    process.exit(code);
  },
  (e) => {
    log(`e2e: ${e.stack || e.message}`);
    writeResults();
    cleanup();
    process.exit(1);
  },
);
