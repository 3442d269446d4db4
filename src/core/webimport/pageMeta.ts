// Metadata of a saved web page: site name, publication date, canonical URL, byline and
// title, from <meta> tags (Open Graph, article:published_time) and JSON-LD. Read from a
// DOM (linkedom); nothing in the page is run.
import type { ArticleMeta } from '../types';
import { cleanMetaText, normalizeDate, normalizeUrl } from '../meta/fields';

/** The small part of the DOM this module reads (linkedom's and the browser's documents both fit). */
export interface MetaDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
}

/** `content` of the first <meta> whose property or name is one of `keys`. */
function metaContent(doc: MetaDocument, keys: string[]): string | undefined {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const v = doc.querySelector(`meta[${attr}="${key}"]`)?.getAttribute('content')?.trim();
      if (v) return v;
    }
  }
  return undefined;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES = /^(?:News|Reportage|Analysis|Opinion|Report|Scholarly|Tech|Satirical|Review|Background)?Article$|^BlogPosting$|^LiveBlogPosting$/;

/** Every object of the page's JSON-LD blocks (arrays and @graph flattened); invalid blocks are skipped. */
export function jsonLdObjects(doc: MetaDocument): Json[] {
  const out: Json[] = [];
  const add = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(add);
    else if (x && typeof x === 'object') {
      out.push(x as Json);
      if (Array.isArray((x as Json)['@graph'])) add((x as Json)['@graph']);
    }
  };
  const blocks = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < blocks.length; i++) {
    try {
      add(JSON.parse(blocks[i].textContent ?? ''));
    } catch {
      // A broken JSON-LD block gives no metadata; the page still imports.
    }
  }
  return out;
}

/** The JSON-LD object describing the article: one typed as an article, else one with datePublished. */
function articleLd(objects: Json[]): Json | undefined {
  const isArticle = (o: Json) => [o['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t));
  return objects.find(isArticle) ?? objects.find((o) => typeof o.datePublished === 'string');
}

/** A name from a JSON-LD value: a string, {name}, or a list of them joined with commas. */
function ldName(x: unknown): string | undefined {
  if (typeof x === 'string') return x;
  if (Array.isArray(x)) {
    const names = x.map(ldName).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : undefined;
  }
  if (x && typeof x === 'object' && typeof (x as Json).name === 'string') return (x as Json).name as string;
  return undefined;
}

/** An address resolved against the page's own, kept only when it is http(s). */
function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return normalizeUrl(new URL(href, base).href);
  } catch {
    return undefined;
  }
}

/** The value unless it is a web address (article:author is often a profile URL, not a name). */
function notUrl(v: string | undefined): string | undefined {
  return v && !/^https?:\/\//i.test(v) ? v : undefined;
}

/**
 * Reads a page's metadata. `sourceUrl` is where the page came from (the fetched URL), used to
 * resolve a relative canonical link and as the url when the page names none.
 */
export function readPageMeta(doc: MetaDocument, sourceUrl?: string): ArticleMeta {
  const ld = articleLd(jsonLdObjects(doc));
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent(doc, ['og:url']);
  const meta: ArticleMeta = {
    title: cleanMetaText(metaContent(doc, ['og:title', 'twitter:title']) ?? ldName(ld?.headline) ?? doc.querySelector('title')?.textContent ?? undefined),
    outlet: cleanMetaText(metaContent(doc, ['og:site_name', 'application-name']) ?? ldName(ld?.publisher)),
    date: normalizeDate(
      metaContent(doc, ['article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'DC.date.issued', 'parsely-pub-date', 'sailthru.date']) ??
        (typeof ld?.datePublished === 'string' ? ld.datePublished : undefined) ??
        doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
        undefined,
    ),
    url: resolveUrl(canonical, sourceUrl) ?? normalizeUrl(sourceUrl),
    author: cleanMetaText(notUrl(metaContent(doc, ['author', 'parsely-author', 'byl'])) ?? ldName(ld?.author) ?? notUrl(metaContent(doc, ['article:author']))),
  };
  for (const k of Object.keys(meta) as (keyof ArticleMeta)[]) if (meta[k] === undefined) delete meta[k];
  return meta;
}
