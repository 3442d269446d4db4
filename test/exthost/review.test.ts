// Extension-host tests of the reviewer's workflow: outlets from the corpus manifest, the
// import command, and review decisions recorded by the quick fixes (and undone).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor, workspaceRoot } from './helpers';

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
    const again = await quickFix(doc, diag, 'Dismissed as false alarm');
    assert.ok(again, 'the quick fix does not show the recorded verdict');
    assert.strictEqual(await vscode.commands.executeCommand('crosscheck.undoReviewDecision'), true);
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(reviewFile(), 'utf8')).decisions, []);
    assert.strictEqual(await vscode.commands.executeCommand('crosscheck.undoReviewDecision'), false, 'a second undo found something to undo');
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
