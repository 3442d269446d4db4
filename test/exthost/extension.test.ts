// The extension-host suite: runs inside a real VS Code with the workspace set
// to a scratch copy of seeds/ (never the repo's seeds/ themselves).
// Runners: test/e2e/run-e2e.js (offline) and test/e2e/run-electron.js (online).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor, workspaceRoot } from './helpers';

const EXTENSION_ID = 'newsroom-tools.crosscheck';
const A000 = '000_59f4c67cbd2b93e8';
const A001 = '001_1a31a8fc8b0ace42';
const A002 = '002_f30aaf43ba5361f9';
/** Inside John Kirby's quote, carried by 000 and 001. */
const KIRBY = 'Since August, Iran has provided Russia';

const COMMANDS = [
  'crosscheck.openPanel',
  'crosscheck.openDemoCorpus',
  'crosscheck.openFolderAsCorpus',
  'crosscheck.compareWith',
  'crosscheck.findQuote',
  'crosscheck.nextMatch',
  'crosscheck.previousMatch',
  'crosscheck.showDivergences',
  'crosscheck.exportReport',
  'crosscheck.refresh',
  'crosscheck.revealSpan',
  'crosscheck.openInPanel',
];


function articleUri(id: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), `${id}.txt`);
}

async function openArticle(id: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(articleUri(id));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value ?? ''))
    .join('\n');
}

async function hoverAt(doc: vscode.TextDocument, needle: string, delta = 3): Promise<string> {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not found in ${path.basename(doc.uri.fsPath)}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + delta));
  return hoverText(hovers);
}

function crosscheckDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => !d.source || /crosscheck/i.test(d.source));
}

function allTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs);
}

function describeTabs(): string {
  return allTabs().map((t) => `${t.label}[${t.input?.constructor?.name}]`).join(', ');
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('crosscheck').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Whatever activate() returned; the analysis of the workspace corpus once ready. */
let api: any;
let ready: any;
const articleTitles: Record<string, string> = {};

suite('Crosscheck in the extension host', () => {
  suiteSetup(async function () {
    this.timeout(120000);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (extensionDevelopmentPath wrong?)`);
    api = await ext.activate();
    if (api && typeof api.whenReady === 'function') ready = await api.whenReady();
    for (const a of ready?.articles ?? []) articleTitles[a.id] = a.title;
  });

  suiteTeardown(async () => {
    for (const k of ['hover.enabled', 'diagnostics.enabled']) await setSetting(k, undefined).then(undefined, () => undefined);
  });

  test('activates and analyses the workspace corpus', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.strictEqual(ext.isActive, true);
    assert.ok(api && typeof api.whenReady === 'function', 'activate() should return an API with whenReady()');
    assert.ok(ready, 'whenReady() resolved to nothing');
    assert.strictEqual(ready.version, 1);
    const ids = (ready.articles as { id: string }[]).map((a) => a.id).sort();
    assert.deepStrictEqual(ids, [A000, A001, A002, '003_7a0ff5961f60178f', '004_79255525fecf7e3f']);
    assert.ok(ready.matches.length > 0, 'no matches in the seeds corpus');
  });

  test('every command in docs/TEAM.md is registered', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = COMMANDS.filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, [], `commands not registered: ${missing.join(', ')}`);
  });

  test('user-facing commands are contributed under the Crosscheck category', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const contributed = new Map<string, any>((pkg.contributes?.commands ?? []).map((c: any) => [c.command, c]));
    for (const id of COMMANDS.slice(0, 10)) {
      const c = contributed.get(id);
      assert.ok(c, `${id} missing from contributes.commands`);
      assert.strictEqual(c.category, 'Crosscheck', `${id} has category ${c.category}`);
    }
    const events: string[] = pkg.activationEvents ?? [];
    assert.ok(!events.includes('*'), 'activation must be lazy (no "*")');
  });

  test(`hover on Kirby's quote in ${A001} names the other source`, async () => {
    const doc = await openArticle(A001);
    const other = [A000, articleTitles[A000]].filter(Boolean) as string[];
    const text = await waitFor(async () => {
      const t = await hoverAt(doc, KIRBY, 5);
      return other.some((o) => t.includes(o)) ? t : '';
    }, 30000, 250);
    assert.ok(text, `hover did not name ${other.join(' / ')}; got:\n${await hoverAt(doc, KIRBY, 5)}`);
  });

  test('no hover outside any match', async () => {
    const doc = await openArticle(A001);
    // First non-blank character of 001 that no match or cluster member covers.
    const sides = [
      ...(ready.matches ?? []).flatMap((m: any) => [m.a, m.b]),
      ...(ready.clusters ?? []).flatMap((c: any) => c.members ?? []),
    ].filter((x: any) => x && x.article === A001);
    const text = doc.getText();
    let at = -1;
    for (let i = 0; i < text.length && at < 0; i++) {
      if (/\S/.test(text[i]) && !sides.some((x: any) => i >= x.start - 1 && i <= x.end)) at = i;
    }
    assert.ok(at >= 0, '001 is covered by matches from start to end');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at));
    assert.ok(!/sources?/i.test(hoverText(hovers)), `unexpected hover at offset ${at}: ${hoverText(hovers)}`);
  });

  test('crosscheck.hover.enabled=false turns hovers off', async () => {
    const doc = await openArticle(A001);
    try {
      await setSetting('hover.enabled', false);
      const gone = await waitFor(async () => (await hoverAt(doc, KIRBY, 5)).trim() === '', 10000, 200);
      assert.ok(gone, `hover still shown: ${await hoverAt(doc, KIRBY, 5)}`);
    } finally {
      await setSetting('hover.enabled', undefined);
    }
    const back = await waitFor(async () => (await hoverAt(doc, KIRBY, 5)).includes(A000) || (articleTitles[A000] && (await hoverAt(doc, KIRBY, 5)).includes(articleTitles[A000])), 10000, 200);
    assert.ok(back, 'hover did not come back after re-enabling');
  });

  test(`diagnostics on ${A002} report a number divergence`, async () => {
    const doc = await openArticle(A002);
    const isNumber = (d: vscode.Diagnostic) => {
      const code = typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code ?? '');
      return /number/i.test(code) || /number|\d/i.test(d.message);
    };
    const diags = await waitFor(() => {
      const all = crosscheckDiagnostics(doc.uri);
      return all.some(isNumber) ? all : undefined;
    }, 30000, 200);
    const seen = crosscheckDiagnostics(doc.uri).map((d) => `${d.code}: ${d.message}`).join('\n');
    assert.ok(diags, `no number-divergence diagnostic on ${A002}; diagnostics:\n${seen}`);
    for (const d of diags) {
      assert.ok(
        d.severity === vscode.DiagnosticSeverity.Warning || d.severity === vscode.DiagnosticSeverity.Information,
        `diagnostic severity ${d.severity} should be Warning or Information`,
      );
      assert.ok(d.range.start.isBefore(d.range.end), 'diagnostic range is empty');
    }
  });

  test('crosscheck.diagnostics.enabled=false clears diagnostics', async () => {
    const uri = articleUri(A002);
    try {
      await setSetting('diagnostics.enabled', false);
      const cleared = await waitFor(() => crosscheckDiagnostics(uri).length === 0, 15000, 200);
      assert.ok(cleared, `still ${crosscheckDiagnostics(uri).length} diagnostics`);
    } finally {
      await setSetting('diagnostics.enabled', undefined);
    }
    const back = await waitFor(() => crosscheckDiagnostics(uri).length > 0, 20000, 200);
    assert.ok(back, 'diagnostics did not come back after re-enabling');
  });

  test('crosscheck.nextMatch moves the selection to a match', async () => {
    const doc = await openArticle(A000);
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('crosscheck.nextMatch');
    const moved = await waitFor(() => !editor.selection.active.isEqual(new vscode.Position(0, 0)), 5000, 50);
    assert.ok(moved, 'selection did not move');
    assert.ok(editor.selection.active.line < doc.lineCount);
  });

  test('crosscheck.openPanel opens the Crosscheck webview', async () => {
    await vscode.commands.executeCommand('crosscheck.openPanel');
    const tab = await waitFor(() => allTabs().find((t) => t.input instanceof vscode.TabInputWebview && /^Crosscheck( — .+)?$/.test(t.label)), 20000);
    assert.ok(tab, `no "Crosscheck" webview tab; tabs: ${describeTabs()}`);
    assert.match((tab.input as vscode.TabInputWebview).viewType, /crosscheck\.corpus$/);
  });

  test('crosscheck.exportReport (uri, "json") writes the JSON report', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-export-'));
    const target = vscode.Uri.file(path.join(dir, 'report.json'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('crosscheck.exportReport', target, 'json');
    assert.ok(written, 'exportReport returned nothing');
    assert.strictEqual(written.fsPath, target.fsPath);
    const report = JSON.parse(fs.readFileSync(target.fsPath, 'utf8'));
    assert.strictEqual(report.version, 1);
    assert.ok(Array.isArray(report.articles) && report.articles.length === 5, 'articles');
    assert.ok(Array.isArray(report.quotes) && report.quotes.length > 0, 'quotes');
    assert.ok(Array.isArray(report.matches) && report.matches.length > 0, 'matches');
    const kirby = report.matches.find((m: any) => [m.a, m.b].some((s: any) => s.article === A000) && [m.a, m.b].some((s: any) => s.article === A001) && [m.a.text, m.b.text].some((t: string) => t.includes('Since August')));
    assert.ok(kirby, "the report has no 000/001 match on Kirby's quote");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('crosscheck.exportReport (uri, "markdown") writes Markdown', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-export-'));
    const target = vscode.Uri.file(path.join(dir, 'report.md'));
    await vscode.commands.executeCommand('crosscheck.exportReport', target, 'markdown');
    const md = fs.readFileSync(target.fsPath, 'utf8');
    assert.match(md, /^#/m, 'no Markdown heading');
    assert.ok(md.includes('Kirby'), 'Markdown report does not mention Kirby');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("hover command links are trusted only for Crosscheck's own commands, and link only to them", async () => {
    const doc = await openArticle(A001);
    const at = doc.getText().indexOf(KIRBY);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 5));
    const ours = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString && /Quoted by|sources/i.test(c.value));
    assert.ok(ours.length, 'no Crosscheck hover');
    for (const md of ours) {
      const trusted = md.isTrusted;
      assert.ok(trusted && trusted !== true, `the hover's isTrusted is ${JSON.stringify(trusted)}`);
      assert.deepStrictEqual([...trusted.enabledCommands].sort(), ['crosscheck.openInPanel', 'crosscheck.revealSpan', 'crosscheck.reviewDecision']);
      const links = [...md.value.matchAll(/\]\(([a-z-]+):([^)\s?]*)/gi)].map((m) => `${m[1]}:${m[2]}`);
      for (const link of links) assert.match(link, /^command:crosscheck\.(revealSpan|openInPanel|reviewDecision)$/, `hover links to ${link}`);
    }
    // the Dismiss link of a substantive divergence records a decision (then undone, leaving the workspace as it was)
    const dismiss = ours.map((m) => /\[Dismiss\]\(command:crosscheck\.reviewDecision\?([^)]*)\)/.exec(m.value)).find((m) => m);
    assert.ok(dismiss, 'no Dismiss link on a substantive divergence in the hover');
    const args = JSON.parse(decodeURIComponent(dismiss[1])) as unknown[];
    assert.strictEqual(await vscode.commands.executeCommand('crosscheck.reviewDecision', ...args), 'written');
    assert.strictEqual(await vscode.commands.executeCommand('crosscheck.undoReviewDecision'), true);
  });

  // Runs only in the 'restricted' e2e run (workspace trust on, the workspace untrusted).
  test('Restricted Mode: the corpus is analysed read-only and exporting writes nothing', async function () {
    if (vscode.workspace.isTrusted) this.skip();
    const result = await api.whenReady();
    assert.strictEqual(result.articles.length, 5, 'analysis still runs in Restricted Mode');
    assert.ok(result.matches.length > 0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-restricted-'));
    const target = vscode.Uri.file(path.join(dir, 'report.json'));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('crosscheck.exportReport', target, 'json');
    assert.strictEqual(written, undefined, 'the export went ahead in Restricted Mode');
    assert.deepStrictEqual(fs.readdirSync(dir), [], 'a file was written in Restricted Mode');
    assert.ok((await hoverAt(await openArticle(A001), KIRBY, 5)).length > 0, 'no hover in Restricted Mode');
  });

  test('exportReport replaces an existing report atomically and leaves no temporary file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-export-'));
    const target = vscode.Uri.file(path.join(dir, 'report.json'));
    fs.writeFileSync(target.fsPath, 'an older report');
    const written = await vscode.commands.executeCommand<vscode.Uri>('crosscheck.exportReport', target, 'json');
    assert.strictEqual(written?.fsPath, target.fsPath);
    assert.strictEqual(JSON.parse(fs.readFileSync(target.fsPath, 'utf8')).version, 1);
    assert.deepStrictEqual(fs.readdirSync(dir), ['report.json'], 'a temporary file was left behind');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('exportReport never writes over an article of the corpus', async function () {
    if (typeof api?.uriOf !== 'function') this.skip();
    const article = api.uriOf(A002);
    assert.ok(article, 'no uri for 002');
    const before = fs.readFileSync(article.fsPath);
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('crosscheck.exportReport', article, 'markdown');
    assert.strictEqual(written, undefined, 'the export went ahead');
    assert.ok(fs.readFileSync(article.fsPath).equals(before), 'the article file changed');
  });

  test('an edit re-analyses the corpus (debounced) and undoing it restores the result', async function () {
    this.timeout(90000);
    if (typeof api?.getResult !== 'function') this.skip();
    const doc = await openArticle(A001);
    const from = 'more than 400 UAVs';
    const at = doc.getText().indexOf(from);
    assert.ok(at >= 0, `"${from}" not in 001`);
    const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, range, 'more than 900 UAVs');
    assert.ok(await vscode.workspace.applyEdit(edit), 'edit not applied');
    const sees900 = () => (api.getResult()?.matches ?? []).some((m: any) => [m.a, m.b].some((x: any) => x.article === A001 && x.text.includes('900')));
    try {
      assert.ok(await waitFor(sees900, 30000, 200), 'the analysis never saw the edited text (more than 900)');
      const diag = await waitFor(() => crosscheckDiagnostics(doc.uri).find((d) => d.message.includes('900')), 20000, 200);
      assert.ok(diag, 'no diagnostic mentions the edited number 900');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.ok(await waitFor(() => !sees900(), 30000, 200), 'the analysis still has 900 after reverting');
  });

  test('deleting an article re-analyses without it; restoring brings it back', async function () {
    this.timeout(90000);
    if (typeof api?.getResult !== 'function') this.skip();
    const uri = articleUri('004_79255525fecf7e3f');
    const bytes = await vscode.workspace.fs.readFile(uri);
    const has004 = () => (api.getResult()?.articles ?? []).some((a: any) => a.id === '004_79255525fecf7e3f');
    await vscode.workspace.fs.delete(uri);
    try {
      assert.ok(await waitFor(() => !has004(), 30000, 200), '004 still in the analysis after deleting its file');
    } finally {
      await vscode.workspace.fs.writeFile(uri, bytes);
    }
    assert.ok(await waitFor(() => has004(), 30000, 200), '004 not back after restoring its file');
    assert.strictEqual((api.getResult()?.articles ?? []).length, 5);
  });

  test('crosscheck.refresh re-analyses and whenReady() resolves', async () => {
    await vscode.commands.executeCommand('crosscheck.refresh');
    const r = await api.whenReady();
    assert.strictEqual(r.version, 1);
    assert.strictEqual(r.articles.length, 5);
  });
  // Keep these tests last: they switch the corpus to folders of bad files.
  test('a folder of bad files: each is skipped with a message naming it, the rest is analysed with offsets matching the editor', async function () {
    this.timeout(90000);
    if (typeof api?.getProblems !== 'function') this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-bad-'));
    const quote = '"Since August, Iran has provided Russia with more than 400 UAVs primarily of the Shahed variety," John Kirby said.';
    fs.writeFileSync(path.join(dir, 'crlf.txt'), `Headline one\r\n\r\nIntro line.\r\n${quote}\r\nMore.\r\n`);
    fs.writeFileSync(path.join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Headline two 🚀\n\nIntro é.\n${quote}\n`, 'utf16le')]));
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'blank.md'), '  \n\t\n');
    fs.writeFileSync(path.join(dir, 'photo.txt'), Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'));
    fs.writeFileSync(path.join(dir, 'cp1252.txt'), Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x73, 0x61, 0x69, 0x64, 0x20, 0x68, 0x65, 0x2e]));
    fs.writeFileSync(path.join(dir, 'huge.txt'), 'x'.repeat(1100 * 1024));
    await vscode.commands.executeCommand('crosscheck.openFolderAsCorpus', vscode.Uri.file(dir));
    const result = await api.whenReady();
    assert.deepStrictEqual(result.articles.map((a: any) => a.id).sort(), ['crlf', 'utf16']);
    const problems = Object.fromEntries(api.getProblems().map((p: any) => [p.file, p.message]));
    assert.deepStrictEqual(Object.keys(problems).sort(), ['blank.md', 'cp1252.txt', 'empty.txt', 'huge.txt', 'photo.txt']);
    assert.match(problems['empty.txt'], /empty/);
    assert.match(problems['blank.md'], /empty/);
    assert.match(problems['photo.txt'], /binary/);
    assert.match(problems['cp1252.txt'], /not valid UTF-8.*Windows-1252/);
    assert.match(problems['huge.txt'], /1100 KB is larger than the 1024 KB limit \(crosscheck\.maxFileSizeKb\)/);
    // Offsets are what VS Code shows: the quote's offsets select the quote in the opened document.
    for (const id of ['crlf', 'utf16']) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(dir, `${id}.txt`)));
      const r = await api.whenReady();
      const q = r.quotes.find((x: any) => x.article === id && x.text.startsWith('Since August'));
      assert.ok(q, `no Kirby quote in ${id}: ${JSON.stringify(r.quotes.map((x: any) => x.text))}`);
      assert.strictEqual(doc.getText(new vscode.Range(doc.positionAt(q.start), doc.positionAt(q.end))), q.text, id);
    }
    const match = result.matches.find((m: any) => m.kind === 'quote');
    assert.ok(match, 'the quote is not matched across crlf and utf16');
  });
  test('a 300-article folder updates in two phases: a preview first, then the exact result, equal to the CLI on the saved files', async function () {
    this.timeout(180000);
    if (typeof api?.onDidUpdate !== 'function') this.skip();
    const root = path.resolve(__dirname, '..', '..', '..');
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-300-')), 'corpus');
    const node = (args: string[]) => {
      const r = require('child_process').spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
      assert.strictEqual(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
      return r.stdout as string;
    };
    node([path.join(root, 'out/scripts/make-corpus.js'), '300', dir]);
    const updates: boolean[] = [];
    const sub = api.onDidUpdate((u: { preview: boolean }) => updates.push(u.preview));
    try {
      await vscode.commands.executeCommand('crosscheck.openFolderAsCorpus', vscode.Uri.file(dir));
      const before = await api.whenReady();
      assert.strictEqual(before.articles.length, 300);
      // append to one article a paragraph of an article of another story: a new match between them
      const [target, donor] = [before.articles[0].id, before.articles[before.articles.length - 1].id];
      const donorText = fs.readFileSync(path.join(dir, `${donor}.txt`), 'utf8');
      const paragraph = donorText.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.split(/\s+/).length >= 12).slice(-1)[0];
      assert.ok(paragraph, `no long paragraph in ${donor}`);
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(dir, `${target}.txt`)));
      await vscode.window.showTextDocument(doc, { preview: false });
      updates.length = 0;
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, doc.positionAt(doc.getText().length), `\n\n${paragraph}\n`);
      assert.ok(await vscode.workspace.applyEdit(edit), 'edit not applied');
      assert.ok(await waitFor(() => updates.includes(false), 60000, 50), `no exact result after the edit (updates: ${JSON.stringify(updates)})`);
      assert.deepStrictEqual(updates.slice(0, 2), [true, false], 'expected the preview, then the exact result');
      const exact = await api.whenReady();
      const links = (r: any) => r.matches.some((m: any) => [m.a.article, m.b.article].sort().join() === [target, donor].sort().join());
      assert.ok(!links(before) && links(exact), `the edit's new match ${target} ↔ ${donor} is not in the exact result`);
      // the exact result (sent as a delta against the previous one) equals the CLI's analysis of the same texts
      await doc.save();
      const fromCli = JSON.parse(node([path.join(root, 'dist/cli.js'), 'report', dir, '--json']));
      const settled = await api.whenReady();
      for (const field of ['articles', 'quotes', 'matches', 'clusters']) assert.deepStrictEqual(settled[field], fromCli[field], `${field} differ from the CLI's`);
    } finally {
      sub.dispose();
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });

  test('a folder of 50,000 files: the first 5,000 articles (crosscheck.maxArticles default) are analysed, the cap is reported', async function () {
    this.timeout(180000);
    if (typeof api?.getProblems !== 'function') this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-50k-'));
    const words = ['amber', 'basalt', 'cobalt', 'delta', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'juniper', 'kelp', 'lumen'];
    for (let d = 0; d < 50; d++) {
      fs.mkdirSync(path.join(dir, `d${String(d).padStart(2, '0')}`));
      for (let i = 0; i < 1000; i++) {
        const n = d * 1000 + i;
        const text = `Note ${n}: ${words[n % 12]} ${words[(n >> 4) % 12]} ${words[(n >> 8) % 12]} ${n * 7919}.`;
        fs.writeFileSync(path.join(dir, `d${String(d).padStart(2, '0')}`, `f${String(i).padStart(4, '0')}.txt`), text);
      }
    }
    try {
      await vscode.commands.executeCommand('crosscheck.openFolderAsCorpus', vscode.Uri.file(dir));
      const result = await api.whenReady();
      assert.strictEqual(result.articles.length, 5000);
      const cap = api.getProblems().find((p: any) => /only the first 5000 article files are analysed/.test(p.message));
      assert.ok(cap, `no cap message among ${JSON.stringify(api.getProblems().slice(0, 3))}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a symlink loop in a folder corpus neither hangs nor duplicates articles', async function () {
    this.timeout(90000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-loop-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Headline A\n\n"Since August, Iran has provided Russia with more than 400 UAVs," John Kirby said.\n');
    fs.writeFileSync(path.join(dir, 'b.txt'), 'Headline B\n\n"Since August, Iran has provided Russia with several hundred drones," a spokesman said.\n');
    fs.symlinkSync(dir, path.join(dir, 'loop'));
    await vscode.commands.executeCommand('crosscheck.openFolderAsCorpus', vscode.Uri.file(dir));
    const result = await api.whenReady();
    const ids = result.articles.map((a: any) => a.id);
    // The folder walk (core walkArticleFiles, read through vscode.workspace.fs) never follows a symbolic link to a folder.
    assert.deepStrictEqual(ids, ['a', 'b'], `the folder walk followed the symlink loop: ${ids.length} articles (${ids.slice(0, 4).join(', ')}, …)`);
  });
});
