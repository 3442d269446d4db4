// Naming articles by outlet and date ("Minembwe Capital News · Jun 11, 2023") instead of
// file ids, and carrying the metadata into the analysis result. Pure.
import type { AnalysisResult, Article, ArticleInput, ArticleSummary } from '../types';
import { maskFrontMatter } from './frontMatter';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The fields a label is made of. */
export type Labelled = { id: string; outlet?: string; date?: string };

/** "Jun 11, 2023" for an ISO date or timestamp (the calendar day as written); the input when it is not ISO. */
export function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return `${MONTHS[+m[2] - 1] ?? m[2]} ${+m[3]}, ${m[1]}`;
}

/** An article's name in views and reports: outlet and date when known, else its id ("002_f30… · Jun 11, 2023" with a date only). */
export function sourceLabel(a: Labelled): string {
  const name = a.outlet ?? a.id;
  return a.date ? `${name} · ${formatDate(a.date)}` : name;
}

/** Labels for every article, made unique: two articles with the same outlet and date get their ids added. */
export function sourceLabels(articles: Labelled[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const a of articles) counts.set(sourceLabel(a), (counts.get(sourceLabel(a)) ?? 0) + 1);
  return new Map(articles.map((a) => {
    const label = sourceLabel(a);
    return [a.id, (counts.get(label) ?? 0) > 1 && a.outlet ? `${label} (${a.id})` : label];
  }));
}

/** The article as the engine should see it: front matter blanked (same length, same line breaks). */
export function analysisInputOf<T extends ArticleInput & { bodyStart?: number }>(article: T): T {
  return article.bodyStart ? { ...article, text: maskFrontMatter(article.text, article.bodyStart) } : article;
}

/** The summary with the article's outlet, date and url added (only the ones it has), after the contract's fields. */
export function summaryWithMeta(summary: ArticleSummary, article: Partial<Article> | undefined): ArticleSummary {
  if (!article) return summary;
  const out: ArticleSummary = { ...summary };
  if (article.outlet !== undefined) out.outlet = article.outlet;
  if (article.date !== undefined) out.date = article.date;
  if (article.url !== undefined) out.url = article.url;
  return out;
}

/** The result with each article summary carrying its outlet, date and url (optional JSON fields; nothing renamed or removed). */
export function withArticleMeta(result: AnalysisResult, articles: Partial<Article>[]): AnalysisResult {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return { ...result, articles: result.articles.map((s) => summaryWithMeta(s, byId.get(s.id))) };
}
