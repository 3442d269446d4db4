// Entry point the extension host loads when `extensionTestsPath` points at the
// bundled out/test/exthost/index.js. The same entry serves both runners:
//   - offline: test/e2e/run-e2e.js (VS Code server from code-server + Chromium)
//   - online:  test/e2e/run-electron.js (@vscode/test-electron downloads VS Code)
// Every *.test.js bundle next to this file is run with mocha's TDD UI. The
// per-test outcome goes to the console (one line per test) and, as JSON, to
// $CROSSCHECK_EXTHOST_RESULT (default: <tmpdir>/crosscheck-exthost-result.json).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type MochaType from 'mocha';

// mocha is loaded from the repo's node_modules at run time rather than bundled:
// bundling it drags in its parallel-runner worker files (esbuild warns about them).
const Mocha = module.require('mocha') as typeof MochaType;
type Mocha = MochaType;
declare namespace Mocha {
  type Runner = MochaType.Runner;
  type Runnable = MochaType.Runnable;
  type Test = MochaType.Test;
  type ReporterConstructor = MochaType.ReporterConstructor;
}

export interface ExthostTestResult {
  title: string;
  state: 'passed' | 'failed';
  durationMs: number;
  error?: string;
}

export interface ExthostRunResult {
  passed: number;
  failed: number;
  total: number;
  tests: ExthostTestResult[];
  /** Set when mocha itself could not run (e.g. a test file threw while loading). */
  error?: string;
}

export const RESULT_MARKER = 'CROSSCHECK_EXTHOST_RESULT ';

function writeResult(result: ExthostRunResult): void {
  const file = process.env.CROSSCHECK_EXTHOST_RESULT || path.join(os.tmpdir(), 'crosscheck-exthost-result.json');
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(result, null, 2));
  } catch (e) {
    console.log(`could not write ${file}: ${e}`);
  }
  // Also on the console: run-e2e.js reads it from codeAutomationLog when the file is not reachable.
  console.log(RESULT_MARKER + JSON.stringify({ passed: result.passed, failed: result.failed, total: result.total }));
}

export function run(): Promise<void> {
  const timeout = Number(process.env.CROSSCHECK_EXTHOST_TEST_TIMEOUT || 60000);
  // The per-test lines below replace mocha's reporter (its output would be interleaved with the host's logs).
  const quiet = function QuietReporter() {} as unknown as Mocha.ReporterConstructor;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout, reporter: quiet });
  // grep support for quick local runs: CROSSCHECK_EXTHOST_GREP="hover"
  if (process.env.CROSSCHECK_EXTHOST_GREP) mocha.grep(process.env.CROSSCHECK_EXTHOST_GREP);
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  const tests: ExthostTestResult[] = [];
  return new Promise((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        const passed = tests.filter((t) => t.state === 'passed').length;
        const failed = Math.max(failures, tests.filter((t) => t.state === 'failed').length);
        writeResult({ passed, failed, total: tests.length, tests });
        console.log(`exthost: ${passed} passed, ${failed} failed`);
        if (failed > 0) reject(new Error(`${failed} extension-host tests failed`));
        else if (passed === 0) reject(new Error('no extension-host tests ran'));
        else resolve();
      });
    } catch (e) {
      const msg = e instanceof Error ? e.stack || e.message : String(e);
      writeResult({ passed: 0, failed: 1, total: 0, tests, error: msg });
      reject(e);
      return;
    }
    runner.on('pass', (t: Mocha.Test) => {
      tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 });
      console.log(`  PASS ${t.fullTitle()} (${t.duration ?? 0} ms)`);
    });
    runner.on('fail', (t: Mocha.Runnable, err: Error) => {
      const error = (err && (err.stack || err.message)) || String(err);
      tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration ?? 0, error });
      console.log(`  FAIL ${t.fullTitle()}\n${error.split('\n').slice(0, 8).map((l) => '       ' + l).join('\n')}`);
    });
  });
}
