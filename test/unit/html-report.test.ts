import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createRequire } from 'module';
import { loadCorpus } from '../../src/core/io/corpus';
import { analyzeCorpus } from '../../src/core/pipeline/analyze';
import { analysisInputOf, withArticleMeta } from '../../src/core/meta/labels';
import { renderHtml, renderWordDiff } from '../../src/core/report/html';
import { applyDecision, emptyReview, resolveReview } from '../../src/core/review/decisions';
import { main } from '../../src/cli/app';
import { copyFolder } from './tempFolders';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEEDS = path.join(ROOT, 'seeds');
const HOSTILE = path.join(ROOT, 'test', 'ui', 'fixtures', 'zz_hostile.txt');

/** Seeds plus the UI tests' hostile article (it shares John Kirby's quote), with hostile metadata too. */
function hostileCorpus(): string {
  const dir = copyFolder(SEEDS, 'cc-html-');
  fs.copyFileSync(HOSTILE, path.join(dir, 'zz_hostile.txt'));
  fs.appendFileSync(
    path.join(dir, 'crosscheck.yaml'),
    '  zz_hostile.txt:\n    outlet: "<script>window.__pwned=20</script>Evil <b>News</b>"\n    date: 2023-06-12\n    url: "javascript:window.__pwned=21"\n    author: "<img src=x onerror=window.__pwned=22>"\n',
  );
  return dir;
}

function analyse(dir: string) {
  const articles = loadCorpus(dir).articles;
  const result = withArticleMeta(analyzeCorpus(articles.map(analysisInputOf)), articles);
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  return { articles, result, ctx: { textOf: (id: string) => texts.get(id) } };
}

const ALLOWED_TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div', 'span', 'section', 'ins', 'del', 'b', 'br', 'a', 'ul', 'li']);

/** Builds the hostile report with a dismissed divergence; shared with the browser test. */
export function hostileReport(): { html: string; dir: string; dismissed: number } {
  const dir = hostileCorpus();
  const { result, ctx } = analyse(dir);
  const first = resolveReview(result, emptyReview(), ctx);
  const touchesHostile = (i: (typeof first.items)[number]) => i.target.match.a.article === 'zz_hostile' || i.target.match.b.article === 'zz_hostile';
  // a substantive divergence of the hostile article when there is one, else its match
  const target = first.items.find((i) => i.target.kind === 'divergence' && touchesHostile(i)) ?? first.items.find(touchesHostile)!;
  assert.ok(target, 'the hostile article has a match or divergence to review');
  const doc = applyDecision({ steps: [] }, emptyReview(), { anchor: target.anchor, verdict: 'dismissed', note: '<script>window.__pwned=30</script> false alarm', now: new Date('2026-01-01T00:00:00Z') });
  const state = resolveReview(result, doc, ctx);
  // a decision holds for every match whose two sides read exactly the same (here: one quote, two identical versions of it)
  const same = first.items.filter((i) => i.key === target.key).length;
  assert.equal(state.counts.dismissed, same);
  return { html: renderHtml(result, { review: state, nonce: 'test-nonce' }), dir, dismissed: same };
}

test('HTML report: every piece of article text and metadata is escaped; no script, only known tags; CSP', () => {
  const { html, dismissed } = hostileReport();
  const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase()));
  for (const t of tags) assert.ok(ALLOWED_TAGS.has(t), `unexpected tag <${t}>`);
  assert.doesNotMatch(html, /<script|<img|<iframe|<svg|<object|<base|<link/i);
  assert.doesNotMatch(html, /<[^>]*\son\w+\s*=/i, 'no event-handler attribute on any tag');
  for (const m of html.matchAll(/<a\s[^>]*href="([^"]*)"/g)) assert.match(m[1], /^https?:\/\//);
  assert.ok(!html.includes('javascript:window.__pwned=21'), 'a javascript: url in the manifest is dropped');
  assert.ok(html.includes('Hostile &lt;img src=x onerror=&quot;window.__pwned=3&quot;&gt; headline &lt;b&gt;bold?&lt;/b&gt;'), 'the title is shown as text');
  assert.ok(html.includes('&lt;script&gt;window.__pwned=20&lt;/script&gt;Evil &lt;b&gt;News&lt;/b&gt;'), 'outlet escaped');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-test-nonce';/);
  assert.match(html, /<style nonce="test-nonce">/);
  // content: provenance, review state, word diffs, timeline
  assert.match(html, /First reported by Minembwe Capital News on Jun 11, 2023/);
  assert.match(html, /<span class="badge dismissed">dismissed: &lt;script&gt;window.__pwned=30&lt;\/script&gt; false alarm<\/span>/);
  assert.match(html, /<ins>|<del>/);
  assert.match(html, /class="timeline"/);
  assert.ok(html.includes(`Review: 0 confirmed · ${dismissed} dismissed · 0 needs re-review`));
});

test('crosscheck report --html --review writes one self-contained file; a corrupt review file is refused', () => {
  const dir = hostileCorpus();
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-html-out-'));
  const out = path.join(outDir, 'report.html');
  let err = '';
  const io = { stdout: () => undefined, stderr: (t: string) => (err += t), isTTY: false };
  assert.equal(main(['report', dir, '--html', '--out', out], io), 0, err);
  const html = fs.readFileSync(out, 'utf8');
  assert.match(html, /^<!doctype html>/);
  assert.doesNotMatch(html, /<script|<[a-z]+[^>]*\ssrc=/i, 'nothing loaded from elsewhere');
  const style = /<style[^>]*>([^<]*)<\/style>/.exec(html)![1];
  assert.doesNotMatch(style, /@import|url\(/, 'the stylesheet loads nothing');
  const review = path.join(outDir, 'review.json');
  fs.writeFileSync(review, '{"version": 1, "decisions": [');
  err = '';
  assert.equal(main(['report', dir, '--review', review], io), 2);
  assert.match(err, /^crosscheck: .*review\.json: not valid JSON .*Nothing was changed/m);
  assert.equal(fs.readFileSync(review, 'utf8'), '{"version": 1, "decisions": [');
});

test('in headless Chromium nothing from an article runs or loads; the nonce’d stylesheet applies; screenshot', { timeout: 120_000 }, async (t) => {
  const chromiumPath = process.env.CROSSCHECK_CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(chromiumPath)) return t.skip(`${chromiumPath} not found`);
  process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
  const { chromium } = createRequire(__filename)('playwright-core') as typeof import('playwright-core');
  const { html } = hostileReport();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cc-html-browser-')), 'report.html');
  fs.writeFileSync(file, html.replace('nonce-test-nonce', 'nonce-b3ZlcmNhc3Q').replace('nonce="test-nonce"', 'nonce="b3ZlcmNhc3Q"'));
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`file://${file}`);
    await page.waitForLoadState('load');
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      title: document.title,
      scripts: document.scripts.length,
      radius: getComputedStyle(document.querySelector('.cluster')!).borderTopLeftRadius,
      hostileTitleShown: document.body.innerText.includes('Hostile <img src=x onerror="window.__pwned=3"> headline <b>bold?</b>'),
    }));
    assert.equal(state.pwned, undefined, 'no article script ran');
    assert.equal(state.title, 'Crosscheck report');
    assert.equal(state.scripts, 0);
    assert.equal(state.radius, '8px', 'the stylesheet with the CSP nonce applies');
    assert.ok(state.hostileTitleShown, 'hostile text is shown as text');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith('file://')), [], 'nothing loaded from the network');
    const outDir = path.join(ROOT, 'test-output');
    fs.mkdirSync(outDir, { recursive: true });
    await page.screenshot({ path: path.join(outDir, 'html-report.png'), fullPage: false });
    await page.evaluate(() => document.querySelector('.dismissed-item')!.closest('section')!.scrollIntoView());
    await page.screenshot({ path: path.join(outDir, 'html-report-dismissed.png') });
    await page.evaluate(() => Array.from(document.querySelectorAll('h2')).find((h) => h.textContent === 'Timeline')!.scrollIntoView());
    await page.screenshot({ path: path.join(outDir, 'html-report-timeline.png') });
  } finally {
    await browser.close();
  }
});

test('word diffs: a run of changed words reads as one deletion and one insertion; text escaped', () => {
  assert.equal(renderWordDiff('Iran sold more than 400 drones', 'Iran sold several hundred drones'), 'Iran sold <del>more than 400</del><ins>several hundred</ins> drones');
  assert.equal(renderWordDiff('a <b> c', 'a <i> c'), 'a &lt;<del>b</del><ins>i</ins>&gt; c');
  const from = 'The quick brown fox jumps over the lazy dog';
  const to = 'A quick red fox leaps over the dog';
  const html = renderWordDiff(from, to);
  assert.equal(html.replace(/<ins>.*?<\/ins>/g, '').replace(/<\/?del>/g, ''), from, 'the old text is the diff without insertions');
  assert.equal(html.replace(/<del>.*?<\/del>/g, '').replace(/<\/?ins>/g, ''), to, 'the new text is the diff without deletions');
});
