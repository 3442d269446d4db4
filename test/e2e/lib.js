// Shared helpers of the e2e runners: tools from setup.sh, the VS Code server
// (from the npm package code-server) in its own process group, Chromium through
// playwright-core, and polling with time limits (never fixed sleeps).
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = process.env.CROSSCHECK_CHROMIUM || '/usr/bin/chromium';
const T0 = Date.now();

function log(...args) {
  console.log(`[e2e +${((Date.now() - T0) / 1000).toFixed(1)}s]`, ...args);
}

/** Runs test/e2e/setup.sh (idempotent, cached in .cache/e2e) and returns the tool paths. */
function setupTools({ timeoutMs = 30 * 60 * 1000 } = {}) {
  const r = spawnSync('bash', [path.join(__dirname, 'setup.sh')], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  if (r.status !== 0) throw new Error(`test/e2e/setup.sh failed (status ${r.status}${r.signal ? ', ' + r.signal : ''})`);
  const vars = {};
  for (const line of r.stdout.split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) vars[m[1]] = m[2];
  }
  if (!vars.NODE24 || !vars.VSCODE_SERVER) throw new Error('setup.sh did not print NODE24= and VSCODE_SERVER=');
  return { node24: vars.NODE24, server: vars.VSCODE_SERVER };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Polls an async predicate until it returns a truthy value; throws after `timeoutMs`. */
async function poll(fn, { timeoutMs = 30000, intervalMs = 200, what = 'condition' } = {}) {
  const end = Date.now() + timeoutMs;
  let lastErr;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      lastErr = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastErr ? ': ' + lastErr.message : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode > 0);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(false);
    });
  });
}

const servers = new Set();

/**
 * Starts the plain VS Code server (server-main.js, not the code-server CLI: only it takes
 * --enable-smoke-test-driver) in a new session/process group with pre-written user settings.
 */
async function startServer({ tools, dir, settings, env = {}, logFile, workspaceTrust = false }) {
  const port = await freePort();
  fs.mkdirSync(path.join(dir, 'data/User'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'home'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'ext'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'data/User/settings.json'), JSON.stringify(settings, null, 2));
  const out = fs.openSync(logFile, 'w');
  const args = [
    tools.server,
    '--host', '127.0.0.1', '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms',
    '--enable-smoke-test-driver', ...(workspaceTrust ? [] : ['--disable-workspace-trust']), '--disable-telemetry',
    '--user-data-dir', path.join(dir, 'data'), '--server-data-dir', path.join(dir, 'data'),
    '--extensions-dir', path.join(dir, 'ext'),
  ];
  const childEnv = { ...process.env, HOME: path.join(dir, 'home'), XDG_RUNTIME_DIR: dir, ...env };
  delete childEnv.NODE_OPTIONS;
  delete childEnv.ELECTRON_RUN_AS_NODE;
  // detached: setsid(), so the server and its extension hosts form one process group we can kill.
  const child = spawn(tools.node24, args, { cwd: dir, env: childEnv, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const server = { child, port, pid: child.pid, base: `http://127.0.0.1:${port}`, exited: false, logFile };
  child.on('exit', () => {
    server.exited = true;
  });
  servers.add(server);
  await poll(async () => {
    if (server.exited) throw new Error(`server exited; see ${logFile}`);
    return httpOk(server.base + '/');
  }, { timeoutMs: 60000, intervalMs: 250, what: `VS Code server on port ${port}` });
  return server;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Kills the server's whole process group (extension hosts outlive the server otherwise). */
async function stopServer(server) {
  if (!servers.has(server)) return;
  servers.delete(server);
  killGroup(server.pid, 'SIGTERM');
  const end = Date.now() + 5000;
  while (Date.now() < end && killGroup(server.pid, 0)) await new Promise((r) => setTimeout(r, 100));
  killGroup(server.pid, 'SIGKILL');
}

/** Synchronous last-resort cleanup (process 'exit' handler). */
function killAllServersSync() {
  for (const s of servers) {
    killGroup(s.pid, 'SIGKILL');
  }
  servers.clear();
}

/** URL of the workbench on `folder`, with the extension under development (and optionally a test entry). */
function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `${server.base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Chromium (Debian's, never a downloaded one) in a fresh profile. */
async function launchBrowser({ viewport = { width: 1600, height: 1000 } } = {}) {
  process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
  const { chromium } = require('playwright-core');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found (run test/e2e/setup.sh)`);
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-chrome-'));
  const context = await chromium.launchPersistentContext(udd, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    timeout: 60000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const close = async () => {
    await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 10000))]);
    fs.rmSync(udd, { recursive: true, force: true });
  };
  return { context, close };
}

/** Rejects after `ms` with a clear message. */
function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

module.exports = {
  ROOT, CHROMIUM, log, setupTools, freePort, poll, startServer, stopServer, killAllServersSync,
  workbenchUrl, launchBrowser, withTimeout,
};
