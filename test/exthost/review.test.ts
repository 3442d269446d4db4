// Extension-host tests of the reviewer's workflow: outlets from the corpus manifest, the
// import command, and review decisions recorded by the quick fixes (and undone).
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { sleep, waitFor, workspaceRoot } from './helpers';

const EXTENSION_ID = 'newsroom-tools.crosscheck';
const A002 = '002_f30aaf43ba5361f9';


const reviewFile = () => path.join(workspaceRoot().fsPath, '.crosscheck', 'review.json');

/** The first Crosscheck diagnostic of any article, with its document, once diagnostics are there. */
async function someDiagnostic(): Promise<{ doc: vscode.TextDocument; diag: vscode.Diagnostic }> {
  const found = await waitFor(() => {
    for (const [uri, diags] of vscode.languages.getDiagnostics()) {
      const diag = diags.find((d) => d.source === 'Crosscheck');
      if (diag) return { uri, diag };
    }
    return undefined;
  });
  assert.ok(found, 'no Crosscheck diagnostic in the seeds corpus');
  const doc = await vscode.workspace.openTextDocument(found.uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, diag: found.diag };
}

/** The review quick fix of a diagnostic whose title starts with `title`. */
async function quickFix(doc: vscode.TextDocument, diag: vscode.Diagnostic, title: string): Promise<vscode.CodeAction> {
  const actions = await waitFor(async () => {
    const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    return (all ?? []).filter((a) => a.title.startsWith(title)).length ? all : undefined;
  });
  const action = (actions ?? []).find((a) => a.title.startsWith(title));
  assert.ok(action?.command, `no "${title}" quick fix on ${diag.message}`);
  return action;
}

/** Crosscheck's diagnostics of one file. */
const crosscheckDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Crosscheck');

/** Whether a file has a Crosscheck diagnostic at `range` whose message starts with `message`. */
function hasDiagnostic(uri: vscode.Uri, range: vscode.Range, message: string): vscode.Diagnostic | undefined {
  return crosscheckDiagnostics(uri).find((d) => d.range.isEqual(range) && d.message.startsWith(message));
}

async function setReviewSetting(value: boolean | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('crosscheck').update('review.showDismissed', value, vscode.ConfigurationTarget.Global);
}

/** Runs a quick fix's command. */
async function runFix(fix: vscode.CodeAction): Promise<unknown> {
  return vscode.commands.executeCommand(fix.command!.command, ...(fix.command!.arguments ?? []));
}

/** A local web server on 127.0.0.1 serving an article, a redirect loop, a JSON answer and a page that never answers. */
async function withPageServer(run: (base: string) => Promise<void>): Promise<void> {
  const body = '<p>The ministry said the new bridge over the river would open to traffic on the first of June after two years of work.</p>'.repeat(6);
  const hanging: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    switch (req.url) {
      case '/article':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html><head><title>Bridge opens in June</title><meta property="og:site_name" content="Riverside Gazette"><meta property="article:published_time" content="2024-05-20T08:00:00Z"></head><body><article><h1>Bridge opens in June</h1>${body}<script>document.title='pwned'</script></article></body></html>`);
        return;
      case '/loop-a':
        res.writeHead(302, { location: '/loop-b' }).end();
        return;
      case '/loop-b':
        res.writeHead(302, { location: '/loop-a' }).end();
        return;
      case '/data':
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"headline":"not a page"}');
        return;
      case '/slow':
        hanging.push(res); // never answers
        return;
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    for (const r of hanging) r.destroy();
    server.closeAllConnections?.();
    await new Promise((resolve) => server.close(resolve));
  }
}

let api: any;

suite('Crosscheck review workflow', () => {
  suiteSetup(async function () {
    this.timeout(120000);
    api = await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    // other suites may have left another folder as the corpus: analyse the workspace's copy of seeds/ again
    await vscode.commands.executeCommand('crosscheck.openFolderAsCorpus', workspaceRoot());
    await api.whenReady();
  });

  suiteTeardown(() => fs.rmSync(path.join(workspaceRoot().fsPath, '.crosscheck'), { recursive: true, force: true }));

  test('the corpus manifest gives articles their outlet and date', async () => {
    const result = await api.whenReady();
    const a = result.articles.find((x: { id: string }) => x.id === A002);
    assert.ok(a, 'article 002 missing');
    assert.strictEqual(a.outlet, 'Minembwe Capital News');
    assert.strictEqual(a.date, '2023-06-11');
  });

  test('Import Web Page writes a Markdown article with front matter', async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-import-'));
    const page = path.join(dir, 'page.html');
    const body = 'The minister said the bridge would reopen in March after repairs. '.repeat(12);
    fs.writeFileSync(
      page,
      `<!doctype html><html><head><title>Bridge to reopen</title><meta property="og:site_name" content="Daily Example">` +
        `<meta property="article:published_time" content="2024-03-01T10:00:00Z"></head><body><article><h1>Bridge to reopen</h1>` +
        `<p>${body}</p><p>${body}</p><script>document.title='x'</script></article></body></html>`,
    );
    const out = path.join(dir, 'corpus');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('crosscheck.importWebPage', vscode.Uri.file(page), vscode.Uri.file(out));
    assert.ok(written, 'nothing was imported');
    const text = fs.readFileSync(written.fsPath, 'utf8');
    assert.match(text, /^---\n/, 'no front matter');
    assert.match(text, /outlet: .*Daily Example/);
    assert.match(text, /date: .*2024-03-01/);
    assert.match(text, /bridge would reopen in March/);
    assert.doesNotMatch(text, /document\.title/, 'a script made it into the article');
    assert.ok(written.fsPath.endsWith('.md'));
  });

  test('Import Article from URL reports a clear error and writes nothing for a non-web address', async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-import-url-'));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('crosscheck.importFromUrl', 'ftp://example.invalid/a', vscode.Uri.file(dir));
    assert.strictEqual(written, undefined);
    assert.deepStrictEqual(fs.readdirSync(dir), []);
  });

  test('the dismiss quick fix records a decision in .crosscheck/review.json, and undo removes it', async function () {
    this.timeout(60000);
    if (!vscode.workspace.isTrusted) this.skip();
    const { doc, diag } = await someDiagnostic();
    const fix = await quickFix(doc, diag, 'Dismiss as false alarm');
    const outcome = await vscode.commands.executeCommand(fix.command!.command, ...(fix.command!.arguments ?? []));
    assert.strictEqual(outcome, 'written');
    const saved = JSON.parse(fs.readFileSync(reviewFile(), 'utf8'));
    assert.strictEqual(saved.decisions.length, 1);
    assert.strictEqual(saved.decisions[0].verdict, 'dismissed');
    assert.strictEqual(saved.decisions[0].kind, 'divergence');
    // a dismissed divergence leaves Problems; with crosscheck.review.showDismissed it is back, and its quick fix shows the verdict
    await setReviewSetting(true);
    try {
      assert.ok(await waitFor(() => hasDiagnostic(doc.uri, diag.range, diag.message)), 'showDismissed did not show the dismissed divergence');
      const again = await quickFix(doc, diag, 'Dismissed as false alarm');
      assert.ok(again, 'the quick fix does not show the recorded verdict');
    } finally {
      await setReviewSetting(undefined);
    }
    assert.strictEqual(await vscode.commands.executeCommand('crosscheck.undoReviewDecision'), true);
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(reviewFile(), 'utf8')).decisions, []);
    assert.strictEqual(await vscode.commands.executeCommand('crosscheck.undoReviewDecision'), false, 'a second undo found something to undo');
  });

  test('Import Article from URL (local server): the page becomes an article; a redirect loop, a non-HTML answer and a timeout write nothing', async function () {
    this.timeout(60000);
    if (!vscode.workspace.isTrusted) this.skip();
    await withPageServer(async (base) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-url-'));
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('crosscheck.importFromUrl', `${base}/article`, vscode.Uri.file(dir));
      assert.ok(written, 'the article page was not imported');
      const text = fs.readFileSync(written.fsPath, 'utf8');
      assert.match(text, /^---\n/);
      assert.match(text, /outlet: .*Riverside Gazette/);
      assert.match(text, /date: .*2024-05-20/);
      assert.match(text, new RegExp(`url: .*${base.replace(/[.:/]/g, '.')}/article`));
      assert.match(text, /bridge over the river would open/);
      assert.doesNotMatch(text, /pwned/, 'a script made it into the article');
      const before = fs.readdirSync(dir);
      for (const route of ['/loop-a', '/data', '/slow']) {
        const t0 = Date.now();
        const r = await vscode.commands.executeCommand<vscode.Uri | undefined>('crosscheck.importFromUrl', `${base}${route}`, vscode.Uri.file(dir), { timeoutMs: 1500 });
        assert.strictEqual(r, undefined, `${route} was imported`);
        assert.ok(Date.now() - t0 < 15000, `${route} took ${Date.now() - t0} ms (the timeout is 1.5 s)`);
        assert.deepEqual(fs.readdirSync(dir), before, `${route} left a file behind`);
      }
    });
  });

  test('a dismissed divergence leaves Problems, stays out after re-analysis, comes back with showDismissed; a confirmed one stays, marked', async function () {
    this.timeout(120000);
    if (!vscode.workspace.isTrusted) this.skip();
    const { doc, diag } = await someDiagnostic();
    const uri = doc.uri;
    const message = diag.message;
    const total = () => vscode.languages.getDiagnostics().reduce((n, [, ds]) => n + ds.filter((d) => d.source === 'Crosscheck').length, 0);
    const shownBefore = total();
    assert.strictEqual(await runFix(await quickFix(doc, diag, 'Dismiss as false alarm')), 'written');
    assert.ok(await waitFor(() => !hasDiagnostic(uri, diag.range, message)), 'the dismissed divergence is still in Problems');
    assert.strictEqual(total(), shownBefore - 1, 'other diagnostics changed too');
    // re-analysis: the decision is found again by its texts
    await vscode.commands.executeCommand('crosscheck.refresh');
    await api.whenReady();
    await sleep(1500);
    assert.ok(await waitFor(() => total() === shownBefore - 1), `after re-analysis: ${total()} diagnostics, expected ${shownBefore - 1}`);
    assert.ok(!hasDiagnostic(uri, diag.range, message), 'the dismissed divergence came back after re-analysis');
    // the setting shows it again, marked
    try {
      await setReviewSetting(true);
      const back = await waitFor(() => hasDiagnostic(uri, diag.range, message));
      assert.ok(back, 'crosscheck.review.showDismissed did not show it again');
      assert.match(back.message, /\[dismissed as a false alarm\]$/);
    } finally {
      await setReviewSetting(undefined);
    }
    assert.ok(await waitFor(() => !hasDiagnostic(uri, diag.range, message)), 'hidden again once the setting is off');
    // confirmed: it stays, marked as confirmed (the quick fix reads "Confirm" on the shown diagnostic)
    await setReviewSetting(true);
    try {
      const shown = await waitFor(() => hasDiagnostic(uri, diag.range, message));
      assert.strictEqual(await runFix(await quickFix(doc, shown!, 'Confirm divergence')), 'written');
    } finally {
      await setReviewSetting(undefined);
    }
    const confirmed = await waitFor(() => crosscheckDiagnostics(uri).find((d) => d.range.isEqual(diag.range) && /\[confirmed\]$/.test(d.message)));
    assert.ok(confirmed, 'a confirmed divergence is not in Problems, marked as confirmed');
    assert.strictEqual(total(), shownBefore);
    // undo twice: back to unmarked
    assert.strictEqual(await vscode.commands.executeCommand('crosscheck.undoReviewDecision'), true);
    assert.ok(await waitFor(() => !hasDiagnostic(uri, diag.range, message)), 'undoing the confirmation should restore the dismissal');
    assert.strictEqual(await vscode.commands.executeCommand('crosscheck.undoReviewDecision'), true);
    assert.ok(await waitFor(() => crosscheckDiagnostics(uri).find((d) => d.range.isEqual(diag.range) && d.message === message)), 'undo did not bring the unmarked diagnostic back');
  });

  test('decisions persist: a fresh session reads them back from .crosscheck/review.json', async function () {
    this.timeout(120000);
    if (!vscode.workspace.isTrusted) this.skip();
    const { doc, diag } = await someDiagnostic();
    const fix = await quickFix(doc, diag, 'Dismiss as false alarm');
    assert.strictEqual(await runFix(fix), 'written');
    assert.ok(await waitFor(() => !hasDiagnostic(doc.uri, diag.range, diag.message)));
    // another folder as the corpus, then this one again: the review state starts over from the file on disk
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-other-'));
    fs.writeFileSync(path.join(other, 'a.txt'), 'Elsewhere\nNothing to see here, the mayor said on Monday.\n');
    await vscode.commands.executeCommand('crosscheck.openFolderAsCorpus', vscode.Uri.file(other));
    await api.whenReady();
    await vscode.commands.executeCommand('crosscheck.openFolderAsCorpus', workspaceRoot());
    await api.whenReady();
    await sleep(1500);
    // shown again with the setting: the analysis is back, and the decision read from disk marks it
    await setReviewSetting(true);
    try {
      const shown = await waitFor(() => hasDiagnostic(doc.uri, diag.range, diag.message));
      assert.ok(shown, 'the divergence is missing from the re-opened corpus');
      assert.match(shown.message, /\[dismissed as a false alarm\]$/, 'the dismissal was lost when the corpus was opened again');
    } finally {
      await setReviewSetting(undefined);
    }
    assert.ok(await waitFor(() => !hasDiagnostic(doc.uri, diag.range, diag.message)), 'the dismissed divergence is in Problems after the corpus was opened again');
    assert.strictEqual(JSON.parse(fs.readFileSync(reviewFile(), 'utf8')).decisions[0].verdict, 'dismissed');
    assert.strictEqual(await vscode.commands.executeCommand('crosscheck.undoReviewDecision'), false, 'a fresh session has no undo history');
    // clear it (the match ids of the re-analysis are the same texts' ids)
    const cleared = await vscode.commands.executeCommand(fix.command!.command, { ...(fix.command!.arguments?.[0] as object), verdict: null });
    assert.strictEqual(cleared, 'written');
    assert.ok(await waitFor(() => hasDiagnostic(doc.uri, diag.range, diag.message)), 'clearing the decision did not bring the diagnostic back');
  });

  // Runs only in the 'restricted' e2e run (workspace trust on, the workspace untrusted).
  test('Restricted Mode: review quick fixes are offered but write nothing', async function () {
    this.timeout(60000);
    if (vscode.workspace.isTrusted) this.skip();
    const { doc, diag } = await someDiagnostic();
    const fix = await quickFix(doc, diag, 'Confirm divergence');
    const outcome = await vscode.commands.executeCommand(fix.command!.command, ...(fix.command!.arguments ?? []));
    assert.strictEqual(outcome, 'read-only');
    assert.ok(!fs.existsSync(reviewFile()), 'a review file was written in Restricted Mode');
  });
});
