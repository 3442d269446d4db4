import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { extractArticle, ImportError, renderArticleFile } from '../../src/core/webimport/extract';
import { importSavedPage, importUrl } from '../../src/core/webimport/importPage';
import { loadCorpus } from '../../src/core/io/corpus';
import { parseFrontMatter } from '../../src/core/meta/frontMatter';
import { main, runCli } from '../../src/cli/app';

const PARAS = [
  'The White House said on Monday that Russia is seeking to buy more attack drones from Iran after using most of the 400 it had bought.',
  '“Iran also continues to provide Russia with one-way attack UAVs,” National Security Council spokesman John Kirby told reporters at the briefing.',
  'The administration has repeatedly published intelligence findings about the deepening defence partnership between Moscow and Tehran.',
  'Officials said the findings were part of a wider effort to isolate Russia over its war in Ukraine, now in its second year of fighting.',
];

/** A saved news page with metadata in meta tags and JSON-LD, and hostile content around the article. */
export const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<title>Russia seeks more Iranian drones | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Russia seeks more Iranian drones, White House says">
<meta property="article:author" content="https://facebook.com/someone">
<link rel="canonical" href="/world/russia-drones">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","datePublished":"2023-05-15T14:30:00Z","author":[{"@type":"Person","name":"Jane Roe"}]}]}</script>
<script>window.PWNED = 1; document.title = 'pwned'</script>
</head><body onload="alert(1)">
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<iframe src="https://ads.example/frame" onload="alert(2)"></iframe>
<article>
<h1>Russia seeks more Iranian drones, White House says</h1>
${PARAS.map((p, i) => `<p${i === 1 ? ' onclick="steal()"' : ''}>${p.replace('drones', '<b>drones</b>')}</p>`).join('\n')}
<p>Readers wrote: &lt;script&gt;alert("text")&lt;/script&gt; and <img src=x onerror="alert(3)"> nothing else happened here at all in the end.</p>
<script>alert('inline')</script>
</article>
<footer>Cookie Policy · Privacy</footer>
</body></html>`;

test('a saved page becomes Markdown with front matter; only text survives', () => {
  const a = extractArticle(PAGE, 'https://example.com/world/russia-drones?utm=1');
  assert.deepEqual(a.meta, {
    title: 'Russia seeks more Iranian drones, White House says',
    outlet: 'Example News',
    date: '2023-05-15T14:30:00Z',
    url: 'https://example.com/world/russia-drones',
    author: 'Jane Roe',
  });
  for (const p of PARAS) assert.ok(a.body.includes(p), `paragraph kept: ${p.slice(0, 30)}`);
  assert.ok(a.body.startsWith('# Russia seeks more Iranian drones, White House says\n\n'));
  assert.doesNotMatch(a.body, /PWNED|alert\('inline'\)|onerror|onclick|iframe|<img|<script/i);
  assert.match(a.body, /Readers wrote: &lt;script>alert\("text"\)&lt;\/script> and/);
  const file = renderArticleFile(a);
  const fm = parseFrontMatter(file)!;
  assert.deepEqual(fm.meta, a.meta, 'front matter reads back the same');
  assert.equal(file.slice(fm.bodyStart), '\n' + a.body);
});

test('a page without an article is refused with a reason', () => {
  assert.throws(() => extractArticle('<html><body><script>x()</script></body></html>'), (e: Error) => e instanceof ImportError && /no article text/.test(e.message));
});

test('import <page.html> writes a new .md the corpus loads with its metadata, never over an existing file', () => {
  const src = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cc-page-')), 'page.html');
  fs.writeFileSync(src, PAGE);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-import-'));
  const first = importSavedPage(src, out);
  const second = importSavedPage(src, out);
  assert.equal(path.basename(first.file), '2023-05-15-example-news-russia-seeks-more-iranian-drones-white-house-says.md');
  assert.equal(path.basename(second.file), '2023-05-15-example-news-russia-seeks-more-iranian-drones-white-house-says-2.md');
  const [article] = loadCorpus(out).articles;
  assert.equal(article.outlet, 'Example News');
  assert.equal(article.date, '2023-05-15T14:30:00Z');
  assert.equal(article.title, 'Russia seeks more Iranian drones, White House says');
  assert.ok(article.bodyStart! > 0);
  let stdout = '';
  assert.equal(main(['import', src, '--out', out], { stdout: (t) => (stdout += t), stderr: () => undefined, isTTY: false }), 0);
  assert.match(stdout, /-3\.md\n$/);
  assert.equal(main(['import', path.join(out, 'missing.html')], { stdout: () => undefined, stderr: () => undefined, isTTY: false }), 2);
});

/** Serves saved pages on 127.0.0.1 only. */
async function withServer(fn: (base: string) => Promise<void>): Promise<void> {
  const server = http.createServer((req, res) => {
    const u = req.url ?? '/';
    if (u === '/article') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    if (u === '/moved') return res.writeHead(301, { location: '/article' }).end();
    if (u === '/loop-a') return res.writeHead(302, { location: '/loop-b' }).end();
    if (u === '/loop-b') return res.writeHead(302, { location: '/loop-a' }).end();
    if (u === '/pdf') return res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4');
    if (u === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = '<p>' + 'x'.repeat(64 * 1024) + '</p>';
      let sent = 0;
      const pump = () => {
        while (sent < 40 && res.write(chunk)) sent++;
        if (sent >= 40) res.end();
        else res.once('drain', pump);
      };
      return pump();
    }
    if (u === '/slow') return; // never answers
    res.writeHead(404, { 'content-type': 'text/html' }).end('<p>not here</p>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  try {
    await fn(`http://127.0.0.1:${port}`);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

test('import from a URL (local server): follows a redirect; loops, non-HTML, huge pages, timeouts and 404s fail clearly and write nothing', async () => {
  await withServer(async (base) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-url-'));
    const ok = await importUrl(`${base}/moved`, out);
    assert.equal(ok.article.meta.url, `${base}/world/russia-drones`, 'canonical resolved against the final address');
    assert.equal(fs.readdirSync(out).length, 1);
    const failures: [string, RegExp, object?][] = [
      ['/loop-a', /redirect loop/],
      ['/pdf', /not a web page: .* is application\/pdf, not HTML/],
      ['/huge', /too large \(over 1\.0 MB/, { maxBytes: 1024 * 1024 }],
      ['/slow', /timed out after 0\.3 s/, { timeoutMs: 300 }],
      ['/missing', /answered 404/],
    ];
    for (const [route, message, opts] of failures) {
      await assert.rejects(importUrl(`${base}${route}`, out, opts), (e: Error) => e instanceof ImportError && message.test(e.message), route);
    }
    await assert.rejects(importUrl('file:///etc/passwd', out), /only http and https/);
    assert.deepEqual(fs.readdirSync(out), [path.basename(ok.file)], 'nothing half-written, no temporary files');

    // the same through the CLI
    const cliOut = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-cli-url-'));
    let stdout = '';
    let stderr = '';
    const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), isTTY: false };
    assert.equal(await runCli(['import', `${base}/article`, '--out', cliOut], io), 0, stderr);
    assert.equal(stdout.trim(), path.join(cliOut, fs.readdirSync(cliOut)[0]));
    assert.match(stderr, /imported .*: Russia seeks more Iranian drones, White House says \(Example News, 2023-05-15T14:30:00Z, by Jane Roe\)/);
    stderr = '';
    assert.equal(await runCli(['import', `${base}/loop-a`, '--out', cliOut], io), 2);
    assert.match(stderr, /^crosscheck: redirect loop: /);
    assert.equal(fs.readdirSync(cliOut).length, 1);
  });
});
