// Putting an article's metadata together: front matter first, then the corpus manifest
// for the fields front matter leaves out, then a headline guessed from the body. Pure.
import type { Article, ArticleMeta } from '../types';
import { parseFrontMatter } from './frontMatter';
import { mergeMeta } from './fields';
import { headlineOf } from './headline';

/** What an article's text and its manifest entry say about it. */
export interface ArticleDescription {
  /** The merged metadata; `title` is always set (front matter, manifest or headline). */
  meta: ArticleMeta & { title: string };
  /** Offset where the body starts, when the text has front matter. */
  bodyStart?: number;
  /** One-line remarks about the front matter (YAML errors, values dropped). */
  warnings: string[];
}

/** Describes an article's text: front matter fields, manifest fields, and the title. */
export function describeArticle(text: string, manifestMeta: ArticleMeta | undefined): ArticleDescription {
  const front = parseFrontMatter(text);
  const merged = mergeMeta(front?.meta ?? {}, manifestMeta ?? {});
  const title = merged.title ?? headlineOf(text, front?.bodyStart ?? 0);
  const out: ArticleDescription = { meta: { ...merged, title }, warnings: front?.warnings ?? [] };
  if (front) out.bodyStart = front.bodyStart;
  return out;
}

/** Copies the optional metadata fields (outlet, date, url, author) and bodyStart onto an article; absent ones stay absent. */
export function assignArticleMeta(article: Article, d: ArticleDescription): Article {
  for (const field of ['outlet', 'date', 'url', 'author'] as const) {
    const v = d.meta[field];
    if (v !== undefined) article[field] = v;
  }
  if (d.bodyStart !== undefined) article.bodyStart = d.bodyStart;
  return article;
}
