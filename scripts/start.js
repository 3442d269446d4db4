#!/usr/bin/env node
// `npm start`: opens a real VS Code with Crosscheck loaded on the bundled seeds/ corpus
// (or on the folder given as the first argument).
//   - Desktop VS Code (`code` on PATH): code --extensionDevelopmentPath=<repo> <folder>
//   - Otherwise the offline VS Code server (from the npm package code-server, installed
//     into .cache/ by test/e2e/setup.sh) is started, and the URL to open is printed.
//     Set CROSSCHECK_SERVER=1 to use the server even where `code` exists.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const folder = path.resolve(process.argv[2] || path.join(root, 'seeds'));

function hasDesktopCode() {
  if (process.env.CROSSCHECK_SERVER) return false;
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function startOfflineServer() {
  const lib = require('../test/e2e/lib.js');
  console.log('No desktop VS Code found: starting the VS Code server (first run installs it into .cache/, a few minutes)…');
  const tools = lib.setupTools();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-start-'));
  const settings = JSON.parse(fs.readFileSync(path.join(root, 'test/e2e/user-settings.json'), 'utf8'));
  const server = await lib.startServer({ tools, dir, settings, logFile: path.join(dir, 'server.log') });
  const url = lib.workbenchUrl(server, { folder, extensionDevelopmentPath: root });
  console.log(`\nCrosscheck is loaded in VS Code on ${folder}.\nOpen this URL in a browser on this machine:\n\n  ${url}\n\nThen run "Crosscheck: Open Corpus Panel" from the command palette (F1). Press Ctrl+C to stop.`);
  const stop = async () => {
    await lib.stopServer(server);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise(() => {});
}

function main() {
  if (!fs.existsSync(folder)) {
    console.error(`crosscheck: folder not found: ${folder}`);
    process.exit(2);
  }
  const build = spawnSync(process.execPath, [path.join(root, 'esbuild.config.js')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status || 1);
  if (hasDesktopCode()) {
    console.log(`Opening VS Code with Crosscheck on ${folder}`);
    spawn('code', [`--extensionDevelopmentPath=${root}`, folder], { stdio: 'inherit', detached: true }).unref();
    return;
  }
  startOfflineServer().catch((e) => {
    console.error(`crosscheck: could not start VS Code: ${e.message}`);
    process.exit(1);
  });
}

main();
