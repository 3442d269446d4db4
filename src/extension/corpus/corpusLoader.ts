// Reading a corpus through VS Code: which files form it (a folder, walked with
// core's walk, or the workspace's include glob), capped at maxArticles, and
// their texts (open documents give their live, possibly unsaved, text).
import * as vscode from 'vscode';
import { articleIdFor, isArticleFile, walkArticleFiles, type FolderEntry, type FolderListing } from '../../core/io/corpus';
import { manifestMetaFor, unusedManifestKeys, type Manifest } from '../../core/meta/manifest';
import type { Article, ArticleMeta, LoadProblem } from '../../core/types';
import type { CrosscheckSettings } from '../settings';
import { articleFromText, decodeArticle, dedupeArticles } from './corpusFiles';
import { readManifestAt } from './corpusManifest';

/** Where the corpus comes from: the workspace (include/exclude globs) or one folder. */
export type CorpusSource = { kind: 'workspace' } | { kind: 'folder'; uri: vscode.Uri; label?: string };

/** A loaded corpus: its articles, the files skipped, and each article's file. */
export interface LoadedFiles {
  articles: Article[];
  problems: LoadProblem[];
  uris: Map<string, vscode.Uri>;
  /** The corpus manifest (`crosscheck.yaml`) when there is one: outlets and dates by file. */
  manifest?: Manifest;
  /** Remarks about the manifest (its problems, entries naming no article); the articles still loaded. */
  notes: LoadProblem[];
}

/** A file of the corpus and its path relative to the corpus (or workspace) folder. */
interface CorpusFile {
  uri: vscode.Uri;
  rel: string;
}

/** Lists and reads the corpus files; open documents contribute their live (possibly unsaved) text. */
export async function loadCorpusFiles(source: CorpusSource, settings: CrosscheckSettings): Promise<LoadedFiles> {
  const problems: LoadProblem[] = [];
  const cap = settings.maxArticles;
  const files = source.kind === 'folder' ? await walkFolder(source.uri, problems) : await findWorkspaceFiles(settings);
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  if (files.length > cap) {
    problems.push({ file: files[cap].rel, message: `skipped: only the first ${cap} article files are analysed (${files.length} found; crosscheck.maxArticles)` });
    files.length = cap;
  }
  const manifest = await manifestOf(source);
  const open = new Map<string, vscode.TextDocument>();
  for (const d of vscode.workspace.textDocuments) open.set(d.uri.toString(), d);
  const loaded: Article[] = [];
  const uriByFile = new Map<string, vscode.Uri>();
  await Promise.all(
    files.map(async (file) => {
      const r = await readCorpusFile(file, open.get(file.uri.toString()), settings.maxFileSizeKb, manifest);
      if ('problem' in r) return void problems.push(r.problem);
      loaded.push(r.article);
      uriByFile.set(file.rel.replace(/\\/g, '/'), file.uri);
    }),
  );
  const { articles, problems: dupes } = dedupeArticles(loaded);
  problems.push(...dupes);
  const uris = new Map<string, vscode.Uri>();
  for (const a of articles) {
    const u = uriByFile.get(a.file);
    if (u) uris.set(a.id, u);
  }
  problems.sort((a, b) => (a.file < b.file ? -1 : 1));
  const notes = manifest ? manifestNotes(manifest, articles) : [];
  return { articles, problems, uris, notes, ...(manifest ? { manifest } : {}) };
}

/** The manifest of the corpus folder, or of the (first) workspace folder. */
async function manifestOf(source: CorpusSource): Promise<Manifest | undefined> {
  const root = source.kind === 'folder' ? source.uri : vscode.workspace.workspaceFolders?.[0]?.uri;
  return root ? readManifestAt(root) : undefined;
}

/** The manifest's problems and the keys that name no article, as remarks on the manifest file. */
function manifestNotes(manifest: Manifest, articles: Article[]): LoadProblem[] {
  const unused = unusedManifestKeys(manifest, articles).map((k) => `no article named ${k}`);
  return [...manifest.problems, ...unused].map((message) => ({ file: manifest.file, message }));
}

/** The manifest's metadata for a corpus file (by path or id), if any. */
export function manifestMetaOf(manifest: Manifest | undefined, rel: string): ArticleMeta | undefined {
  const file = rel.replace(/\\/g, '/');
  return manifestMetaFor(manifest, file, articleIdFor(file));
}

/** The workspace's article files matching crosscheck.include (and not crosscheck.exclude). */
async function findWorkspaceFiles(settings: CrosscheckSettings): Promise<CorpusFile[]> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) return [];
  const exclude = settings.exclude ? settings.exclude : undefined;
  const found = await vscode.workspace.findFiles(settings.include, exclude, settings.maxArticles * 4);
  return found.filter((uri) => isArticleFile(uri.path)).map((uri) => ({ uri, rel: vscode.workspace.asRelativePath(uri, folders.length > 1) }));
}

/** The article files under a folder: core's walk, reading folders through vscode.workspace.fs. */
async function walkFolder(root: vscode.Uri, problems: LoadProblem[]): Promise<CorpusFile[]> {
  const steps = walkArticleFiles(problems);
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value.map((rel) => ({ uri: uriUnder(root, rel), rel: rel.replace(/\\/g, '/') }));
    step = steps.next(await readFolder(uriUnder(root, step.value)));
  }
}

/** The URI of a path relative to `root` ('' is the root itself). */
function uriUnder(root: vscode.Uri, rel: string): vscode.Uri {
  return rel ? vscode.Uri.joinPath(root, ...rel.split(/[\\/]/)) : root;
}

/** A folder's entries as the walk reads them (a symbolic link to a folder is not a folder: it is never followed). */
async function readFolder(dir: vscode.Uri): Promise<FolderListing> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(dir);
    return entries.map(([name, type]): FolderEntry => {
      const link = (type & vscode.FileType.SymbolicLink) !== 0;
      return {
        name,
        isDirectory: () => !link && (type & vscode.FileType.Directory) !== 0,
        isFile: () => !link && (type & vscode.FileType.File) !== 0,
        isSymbolicLink: () => link,
      };
    });
  } catch (error) {
    return { error };
  }
}

/** One file as an article: an open document's text, else the file's bytes decoded; or the problem that skips it. */
async function readCorpusFile({ uri, rel }: CorpusFile, doc: vscode.TextDocument | undefined, maxFileSizeKb: number, manifest?: Manifest): Promise<{ article: Article } | { problem: LoadProblem }> {
  const maxBytes = maxFileSizeKb * 1024;
  const manifestMeta = manifestMetaOf(manifest, rel);
  const abs = uri.scheme === 'file' ? uri.fsPath : undefined;
  try {
    if (doc && !doc.isClosed) {
      const text = doc.getText();
      if (text.length > maxBytes) return { problem: { file: rel, message: `skipped: larger than the ${maxFileSizeKb} KB limit (crosscheck.maxFileSizeKb)` } };
      if (!text.trim()) return { problem: { file: rel, message: text ? 'skipped: file is empty (whitespace only)' : 'skipped: file is empty' } };
      return { article: articleFromText(rel, text, abs, manifestMeta) };
    }
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > maxBytes) {
      return { problem: { file: rel, message: `skipped: ${Math.ceil(stat.size / 1024)} KB is larger than the ${maxFileSizeKb} KB limit (crosscheck.maxFileSizeKb)` } };
    }
    return decodeArticle(rel, await vscode.workspace.fs.readFile(uri), { maxBytes, absPath: abs, manifestMeta });
  } catch (e) {
    return { problem: { file: rel, message: `could not be read: ${(e as Error).message}` } };
  }
}
