#!/usr/bin/env node
// Runs the SAME extension-host mocha suite as test/e2e/run-e2e.js, but in desktop VS Code
// (Electron) through @vscode/test-electron 2.5.x. It downloads VS Code into .vscode-test/
// on first use, so it needs internet access (it cannot run on the offline CI machines;
// run-e2e.js is the offline runner). Under Linux without a display, run it with xvfb-run.
//
//   npm run build && node test/e2e/run-electron.js            # latest stable VS Code
//   VSCODE_VERSION=1.139.1 node test/e2e/run-electron.js      # a given version
//   VSCODE_EXECUTABLE=/usr/bin/code node test/e2e/run-electron.js   # an installed VS Code
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

const ROOT = path.resolve(__dirname, '../..');

async function main() {
  const entry = path.join(ROOT, 'out/test/exthost/index.js');
  if (!fs.existsSync(entry)) throw new Error('out/test/exthost/index.js missing: run `node esbuild.config.js` first');
  // Tests run on a scratch copy of seeds/, never on the repo's seeds/.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-electron-'));
  const ws = path.join(tmp, 'seeds');
  fs.cpSync(path.join(ROOT, 'seeds'), ws, { recursive: true });
  const resultFile = path.join(ROOT, 'test-output/exthost-electron-result.json');
  fs.mkdirSync(path.dirname(resultFile), { recursive: true });
  try {
    const code = await runTests({
      version: process.env.VSCODE_VERSION || 'stable',
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: entry,
      extensionTestsEnv: { CROSSCHECK_EXTHOST_RESULT: resultFile },
      launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
        '--user-data-dir', path.join(tmp, 'user-data')],
    });
    return code;
  } finally {
    if (fs.existsSync(resultFile)) {
      const r = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
      console.log(`exthost (electron): ${r.passed} passed, ${r.failed} failed`);
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code || 0),
  (e) => {
    console.error(`run-electron: ${e && e.message ? e.message : e}`);
    process.exit(1);
  },
);
