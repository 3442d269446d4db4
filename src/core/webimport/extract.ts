// A saved web page becomes an article: Mozilla's Readability over a linkedom DOM finds the
// article; only its text is kept (never HTML), as Markdown paragraphs under YAML front
// matter. Scripts, styles, frames, embeds and event-handler attributes are dropped before
// Readability runs; nothing in the page is ever executed.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { stringify } from 'yaml';
import type { ArticleMeta } from '../types';
import { cleanMetaText, META_FIELDS, normalizeDate } from '../meta/fields';
import { readPageMeta, type MetaDocument } from './pageMeta';

/** Why an import failed, in one line a user can act on. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** An article extracted from a page: its metadata and its text as Markdown (without front matter). */
export interface ExtractedArticle {
  meta: ArticleMeta;
  /** Paragraphs separated by blank lines, the title as a `#` heading first. */
  body: string;
}

/** Elements removed before Readability runs: active or embedded content, never article text. */
const DROPPED = 'script, style, noscript, template, iframe, frame, frameset, object, embed, applet, link, base, form, svg, canvas, video, audio, dialog';

/** Elements whose text is one paragraph of the article. */
const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'DT', 'DD', 'TD', 'TH', 'CAPTION']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  attributes?: ArrayLike<{ name: string }>;
  removeAttribute?(name: string): void;
  remove?(): void;
}

/** Removes active content and every `on…` attribute (and javascript: links) from a document. */
export function neutralizeDocument(document: { querySelectorAll(s: string): ArrayLike<DomNode> }): void {
  const dropped = document.querySelectorAll(DROPPED);
  for (let i = dropped.length - 1; i >= 0; i--) dropped[i].remove?.();
  const all = document.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    const names = Array.from(el.attributes ?? [], (a) => a.name);
    for (const name of names) if (/^on/i.test(name) || name.toLowerCase() === 'srcdoc') el.removeAttribute?.(name);
  }
}

/** `<` that would start a tag or comment in Markdown is written as `&lt;`, so the text is never rendered as HTML. */
export function escapeTagStarts(text: string): string {
  return text.replace(/<(?=[A-Za-z/!?])/g, '&lt;');
}

function collapse(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The article's paragraphs, in order: one per block element, loose text runs joined into one. */
function paragraphsOf(root: DomNode): { text: string; heading?: number }[] {
  const out: { text: string; heading?: number }[] = [];
  let loose = '';
  const flush = (): void => {
    const t = collapse(loose);
    if (t) out.push({ text: t });
    loose = '';
  };
  const hasBlock = (n: DomNode): boolean => Array.from(n.childNodes).some((c) => c.nodeType === 1 && (BLOCKS.has(c.nodeName.toUpperCase()) || hasBlock(c)));
  const walk = (n: DomNode): void => {
    for (const c of Array.from(n.childNodes)) {
      if (c.nodeType === 3) loose += c.textContent ?? '';
      if (c.nodeType !== 1) continue;
      const tag = c.nodeName.toUpperCase();
      if (tag === 'BR') loose += ' ';
      else if (BLOCKS.has(tag) && !hasBlock(c)) {
        flush();
        const text = collapse(c.textContent);
        const h = /^H([1-6])$/.exec(tag);
        if (text) out.push(h ? { text, heading: +h[1] } : { text });
      } else if (BLOCKS.has(tag) || /^(DIV|SECTION|ARTICLE|MAIN|HEADER|FOOTER|ASIDE|UL|OL|DL|TABLE|TBODY|THEAD|TR|FIGURE|BODY|HTML|DETAILS|SUMMARY|NAV)$/.test(tag)) {
        flush();
        walk(c);
        flush();
      } else walk(c);
    }
  };
  walk(root);
  flush();
  return out;
}

/**
 * Extracts the article from a page's HTML. `sourceUrl`: where it came from (for relative
 * links and as the url when the page names none). Throws ImportError when the page holds no
 * article text.
 */
export function extractArticle(html: string, sourceUrl?: string): ExtractedArticle {
  const { document } = parseHTML(html);
  const meta = readPageMeta(document as unknown as MetaDocument, sourceUrl);
  neutralizeDocument(document as unknown as { querySelectorAll(s: string): ArrayLike<DomNode> });
  const reader = new Readability<DomNode>(document as unknown as Document, { charThreshold: 200, serializer: (node) => node as unknown as DomNode });
  const found = reader.parse();
  const paragraphs = found?.content ? paragraphsOf(found.content) : [];
  if (!paragraphs.length) throw new ImportError('no article text found on the page (is it an article, or a page that needs JavaScript to show its text?)');
  fillFromReadability(meta, found);
  const title = meta.title;
  const lines = title ? [`# ${escapeTagStarts(title)}`] : [];
  for (const p of paragraphs) {
    if (title && p.text === title) continue;
    lines.push(`${p.heading ? '#'.repeat(Math.max(2, p.heading)) + ' ' : ''}${escapeTagStarts(p.text)}`);
  }
  return { meta, body: lines.join('\n\n') + '\n' };
}

/** Fields the page's tags left out, from what Readability found (title, byline, site name, date). */
function fillFromReadability(meta: ArticleMeta, found: { title?: string | null; byline?: string | null; siteName?: string | null; publishedTime?: string | null } | null): void {
  if (!found) return;
  meta.title ??= cleanMetaText(found.title ?? undefined);
  meta.author ??= cleanMetaText(found.byline?.replace(/^by\s+/i, '') ?? undefined);
  meta.outlet ??= cleanMetaText(found.siteName ?? undefined);
  meta.date ??= normalizeDate(found.publishedTime ?? undefined);
  for (const k of Object.keys(meta) as (keyof ArticleMeta)[]) if (meta[k] === undefined) delete meta[k];
}

/** The article file's text: YAML front matter (written with the `yaml` package) and the body. */
export function renderArticleFile(article: ExtractedArticle): string {
  const ordered: Record<string, string> = {};
  for (const f of META_FIELDS) if (article.meta[f] !== undefined) ordered[f] = article.meta[f]!;
  const yaml = Object.keys(ordered).length ? stringify(ordered, { lineWidth: 0 }) : '';
  return `---\n${yaml}---\n\n${article.body}`;
}
