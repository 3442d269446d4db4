// The webview script never turns a string into markup: no innerHTML / outerHTML /
// insertAdjacentHTML / document.write / eval-like calls in src/webview or in the bundle.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const HTML_SINKS = /\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|\bnew Function\b|\beval\(|createContextualFragment|DOMParser/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('no HTML string sinks in the webview sources', () => {
  const files = sources(path.join(root, 'src/webview'));
  assert.ok(files.length >= 5, 'the webview sources are found');
  const hits = files.flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').map((line, i) => ({ f, i, line })).filter((x) => HTML_SINKS.test(x.line)));
  assert.deepEqual(hits.map((h) => `${path.relative(root, h.f)}:${h.i + 1}: ${h.line.trim()}`), []);
});

test('the bundled media/panel.js is built from src/webview and has no HTML string sinks', () => {
  const bundle = path.join(root, 'media/panel.js');
  assert.ok(fs.existsSync(bundle), 'media/panel.js is built by esbuild.config.js');
  const text = fs.readFileSync(bundle, 'utf8');
  assert.match(text, /src\/webview\/index\.ts/);
  assert.equal(HTML_SINKS.test(text), false);
  assert.doesNotMatch(text, /\brequire\(/, 'the browser bundle needs no require()');
});
