// Report and export: the JSON contract, a Markdown report and a terminal report.
// Pure functions over an AnalysisResult; never imports vscode.
import type { AnalysisResult, ArticleSummary, Cluster, Divergence, Match, MatchSide } from './types';
import { formatDate, sourceLabels } from './meta/labels';
import { computeProvenance, type ClusterProvenance } from './provenance/provenance';
import type { ReviewState } from './review/decisions';
import { describeReview, formatReviewCounts, reviewLookup, type ReviewLookup } from './review/format';
import { streamJson, type TextSink } from './report/jsonStream';

/** Options of the terminal renderer. */
export interface TerminalOptions {
  /** Use ANSI colours (only when writing to a TTY). */
  color: boolean;
  /** Wrap width; 0 for none. */
  width?: number;
  /** Review decisions to show beside matches and divergences. */
  review?: ReviewState;
}

/** Options of the Markdown renderer. */
export interface MarkdownOptions {
  /** Heading for the report; defaults to "Crosscheck report". */
  title?: string;
  /** Review decisions to show beside matches and divergences. */
  review?: ReviewState;
}

/** What the renderers share: article names (outlet · date, else id), provenance by cluster, review look-up. */
interface RenderContext {
  labels: Map<string, string>;
  provenance: Map<string, ClusterProvenance>;
  review?: ReviewLookup;
}

function renderContext(result: AnalysisResult, review?: ReviewState): RenderContext {
  return {
    labels: sourceLabels(result.articles),
    provenance: new Map(computeProvenance(result).map((p) => [p.cluster, p])),
    review: review ? reviewLookup(review) : undefined,
  };
}

function nameOf(ctx: RenderContext, id: string): string {
  return ctx.labels.get(id) ?? id;
}

/** " [dismissed — note]" after a match or divergence, when a review is given. */
function reviewSuffix(ctx: RenderContext, match: Match, d?: Divergence): string {
  if (!ctx.review) return '';
  const text = describeReview(d ? ctx.review.ofDivergence(match, d) : ctx.review.ofMatch(match));
  return text ? ` [${text}]` : '';
}

/** A divergence together with the match it belongs to. */
export interface LocatedDivergence {
  /** The match the divergence was found in. */
  match: Match;
  /** The divergence. */
  divergence: Divergence;
}

/** Returns the JSON report object (the frozen v1 shape plus added fields). */
export function toJsonReport(result: AnalysisResult): AnalysisResult {
  return {
    version: 1,
    articles: result.articles,
    quotes: result.quotes,
    matches: result.matches,
    clusters: result.clusters,
    ...(result.skipped?.length ? { skipped: result.skipped } : {}),
    ...(result.notes?.length ? { notes: result.notes } : {}),
  };
}

/** Serialises the JSON report, pretty-printed (as one string: writeJsonReport for large results). */
export function renderJson(result: AnalysisResult): string {
  return JSON.stringify(toJsonReport(result), null, 2) + '\n';
}

/**
 * Writes the text of renderJson to `sink` in chunks, never as one string, so a report beyond
 * the longest string V8 holds (about 512 MB, 10,000 articles and more) is still written.
 * `extra` fields are added after the report's own (e.g. the CLI's `review`).
 */
export function writeJsonReport(result: AnalysisResult, sink: TextSink, extra: Record<string, unknown> = {}): void {
  streamJson({ ...toJsonReport(result), ...extra }, sink);
  sink('\n');
}

/** Every substantive divergence, in match order. */
export function listSubstantiveDivergences(result: AnalysisResult): LocatedDivergence[] {
  return result.matches.flatMap((match) => match.divergences.filter((d) => d.substantive).map((divergence) => ({ match, divergence })));
}

/** Counts shown in every report's summary line. */
export function summarizeResult(result: AnalysisResult): { sources: number; matches: number; clusters: number; substantive: number; quotes: number } {
  return {
    sources: result.articles.length,
    matches: result.matches.length,
    clusters: result.clusters.length,
    substantive: listSubstantiveDivergences(result).length,
    quotes: result.quotes.length,
  };
}

/** One-line summary: "5 sources · 12 matches in 7 clusters · 4 substantive divergences". */
export function formatSummary(result: AnalysisResult): string {
  const s = summarizeResult(result);
  return `${plural(s.sources, 'source')} · ${plural(s.quotes, 'quote')} · ${plural(s.matches, 'match', 'matches')} in ${plural(s.clusters, 'cluster')} · ${plural(s.substantive, 'substantive divergence')}`;
}

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Matches of a cluster, in id order. */
function matchesOf(result: AnalysisResult, cluster: Cluster): Match[] {
  const ids = new Set(cluster.matches);
  return result.matches.filter((m) => ids.has(m.id));
}

/**
 * The report's list of a match's divergences: duplicates (same type and wording) dropped, then
 * substantive ones first and cosmetic after (stable otherwise). Not the views' order by type.
 */
export function uniqueDivergencesSubstantiveFirst(divergences: Divergence[]): Divergence[] {
  const seen = new Set<string>();
  const unique = divergences.filter((d) => {
    const key = `${d.type}\u0000${d.a}\u0000${d.b}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((x, y) => Number(y.substantive) - Number(x.substantive));
}

function titleOfArticle(articles: ArticleSummary[], id: string): string {
  return articles.find((a) => a.id === id)?.title ?? id;
}

function describeDivergence(d: Divergence, match: Match, ctx: RenderContext): string {
  const a = d.a ? `“${d.a}”` : '(nothing)';
  const b = d.b ? `“${d.b}”` : '(nothing)';
  return `${d.type}${d.substantive ? '' : ' (cosmetic)'}: ${nameOf(ctx, match.a.article)} ${a} vs ${nameOf(ctx, match.b.article)} ${b}${d.message ? ` — ${d.message}` : ''}${reviewSuffix(ctx, match, d)}`;
}

// ---------------------------------------------------------------- Markdown

/**
 * Escapes text for one line of a Markdown report: every Markdown punctuation character
 * (including `<` and `>`) gets a backslash, and line breaks become spaces.
 */
export function escapeMarkdownLine(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => '\\' + c).replace(/\r\n?|\n/g, ' ');
}

/** "empty", "binary" and the like, for files that were not analysed (and files analysed with a remark). */
function renderLoadProblemsMarkdown(heading: string, problems: AnalysisResult['skipped']): string[] {
  if (!problems?.length) return [];
  return [`## ${heading}`, '', ...problems.map((p) => `- ${escapeMarkdownLine(p.file)}: ${escapeMarkdownLine(p.message)}`), ''];
}

/** Renders the whole analysis as a Markdown report. */
export function renderMarkdown(result: AnalysisResult, options: MarkdownOptions = {}): string {
  const out: string[] = [];
  const ctx = renderContext(result, options.review);
  out.push(`# ${options.title ?? 'Crosscheck report'}`, '', formatSummary(result), '');
  if (options.review) out.push(formatReviewCounts(options.review.counts), '');
  const meta = result.articles.some((a) => a.outlet || a.date);
  out.push('## Sources', '', `| # |${meta ? ' Outlet | Date |' : ''} Article | Title | Quotes | Clusters |`, `|---|${meta ? '---|---|' : ''}---|---|---|---|`);
  result.articles.forEach((a, i) => {
    const quotes = result.quotes.filter((q) => q.article === a.id).length;
    const clusters = result.clusters.filter((c) => c.members.some((m) => m.article === a.id)).length;
    const cols = meta ? ` ${escapeMarkdownLine(a.outlet ?? '')} | ${a.date ? escapeMarkdownLine(formatDate(a.date)) : ''} |` : '';
    out.push(`| ${i + 1} |${cols} ${escapeMarkdownLine(a.file ?? a.id)} | ${escapeMarkdownLine(a.title)} | ${quotes} | ${clusters} |`);
  });
  out.push('', '## Shared quotes and passages', '');
  if (result.clusters.length === 0) out.push('_No quote or passage is shared by two sources._', '');
  for (const cluster of result.clusters) out.push(...renderClusterMarkdown(result, cluster, ctx));
  if (options.review?.unplaced.length) {
    out.push('## Decisions that no longer fit', '', '_Their texts are no longer in the corpus._', '');
    for (const d of options.review.unplaced) out.push(`- ${d.verdict} ${d.kind}: “${escapeMarkdownLine(d.sides[0].text.slice(0, 120))}”${d.note ? ` — ${escapeMarkdownLine(d.note)}` : ''}`);
    out.push('');
  }
  out.push(...renderLoadProblemsMarkdown('Files not analysed', result.skipped), ...renderLoadProblemsMarkdown('Notes on files', result.notes));
  out.push('## Quotes by speaker', '');
  for (const [speaker, quotes] of groupQuotesBySpeaker(result)) {
    out.push(`### ${escapeMarkdownLine(speaker)}`, '');
    for (const q of quotes) out.push(`- ${escapeMarkdownLine(nameOf(ctx, q.article))}: “${escapeMarkdownLine(q.text)}”`);
    out.push('');
  }
  return out.join('\n');
}

function renderClusterMarkdown(result: AnalysisResult, cluster: Cluster, ctx: RenderContext): string[] {
  const out: string[] = [];
  const who = cluster.speaker ? ` · ${escapeMarkdownLine(cluster.speaker)}` : '';
  out.push(`### ${cluster.id} · ${cluster.kind}${who} · ${cluster.grade} · carried by ${cluster.members.length} of ${result.articles.length} sources`, '');
  for (const m of cluster.members) {
    const label = nameOf(ctx, m.article);
    const source = label !== m.article ? `${escapeMarkdownLine(label)} · ` : '';
    out.push(`> **${source}${escapeMarkdownLine(titleOfArticle(result.articles, m.article))}** (${escapeMarkdownLine(m.article)}, ${m.start}–${m.end})  `);
    out.push(`> ${escapeMarkdownLine(m.text)}`, '>');
  }
  out.pop();
  out.push('');
  const provenance = ctx.provenance.get(cluster.id);
  if (provenance) out.push(`Provenance: ${escapeMarkdownLine(provenance.summary)}`, '');
  if (ctx.review) {
    const reviewed = matchesOf(result, cluster).map((m) => [m, reviewSuffix(ctx, m)] as const).filter(([, r]) => r);
    for (const [m, r] of reviewed) out.push(`- Match ${escapeMarkdownLine(nameOf(ctx, m.a.article))} / ${escapeMarkdownLine(nameOf(ctx, m.b.article))}:${escapeMarkdownLine(r)}`);
    if (reviewed.length) out.push('');
  }
  const divs = matchesOf(result, cluster).flatMap((match) => uniqueDivergencesSubstantiveFirst(match.divergences).map((d) => ({ match, d })));
  const substantive = divs.filter((x) => x.d.substantive);
  const cosmetic = divs.filter((x) => !x.d.substantive);
  if (substantive.length) {
    out.push('**Substantive divergences**', '');
    for (const { match, d } of substantive) out.push(`- ⚠ ${escapeMarkdownLine(describeDivergence(d, match, ctx))}`);
    out.push('');
  }
  if (cosmetic.length) out.push(`Cosmetic differences: ${[...new Set(cosmetic.map((x) => x.d.type))].join(', ')}.`, '');
  return out;
}

/** Quotes grouped by speaker ("(no speaker)" last), speakers sorted by quote count. */
export function groupQuotesBySpeaker(result: AnalysisResult): [string, AnalysisResult['quotes']][] {
  const groups = new Map<string, AnalysisResult['quotes']>();
  for (const q of result.quotes) {
    const key = q.speaker ?? '(no speaker)';
    groups.set(key, [...(groups.get(key) ?? []), q]);
  }
  return [...groups.entries()].sort((x, y) => {
    if (x[0] === '(no speaker)') return 1;
    if (y[0] === '(no speaker)') return -1;
    return y[1].length - x[1].length || x[0].localeCompare(y[0]);
  });
}

// ---------------------------------------------------------------- Terminal

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', yellow: '\x1b[33m', cyan: '\x1b[36m', green: '\x1b[32m', inverse: '\x1b[7m' };
type Style = keyof typeof ANSI;

function styler(color: boolean): (text: string, ...styles: Style[]) => string {
  return (text, ...styles) => (color && styles.length ? styles.map((s) => ANSI[s]).join('') + text + ANSI.reset : text);
}

/** Character ranges (relative to the member's text) where substantive divergences fall. */
export function substantiveRangesOf(result: AnalysisResult, cluster: Cluster, member: MatchSide): [number, number][] {
  const ranges: [number, number][] = [];
  for (const match of matchesOf(result, cluster)) {
    for (const d of match.divergences) {
      if (!d.substantive) continue;
      for (const side of ['a', 'b'] as const) {
        const s = match[side];
        const start = side === 'a' ? d.aStart : d.bStart;
        const end = side === 'a' ? d.aEnd : d.bEnd;
        if (s.article !== member.article || start === undefined || end === undefined || end <= start) continue;
        const rs = Math.max(start, member.start) - member.start;
        const re = Math.min(end, member.end) - member.start;
        if (re > rs) ranges.push([rs, re]);
      }
    }
  }
  return ranges.sort((x, y) => x[0] - y[0]);
}

function highlightRanges(text: string, ranges: [number, number][], paint: (t: string) => string): string {
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    if (e <= at) continue;
    const from = Math.max(s, at);
    out += text.slice(at, from) + paint(text.slice(from, e));
    at = e;
  }
  return out + text.slice(at);
}

/** "wording ×3, punctuation" — the cosmetic divergence types of a match, counted. */
export function summarizeCosmetic(divergences: Divergence[]): string {
  const counts = new Map<string, number>();
  for (const d of divergences) if (!d.substantive) counts.set(d.type, (counts.get(d.type) ?? 0) + 1);
  return [...counts].map(([type, n]) => (n > 1 ? `${type} ×${n}` : type)).join(', ');
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut--; // never split a surrogate pair
  return text.slice(0, cut) + '…';
}

/** C0/C1 control characters other than tab and newline: an article must never drive the terminal (titles, clipboard, screen clears). */
const TERMINAL_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** Replaces control characters in article-derived text with U+FFFD (same length, so offsets still hold). */
export function sanitizeForTerminal(text: string): string {
  return text.replace(TERMINAL_CONTROL, '\uFFFD');
}

/** Renders the readable terminal report, grouped by cluster. */
export function renderTerminal(result: AnalysisResult, options: TerminalOptions): string {
  const st = styler(options.color);
  const safe = sanitizeForTerminal;
  const ctx = renderContext(result, options.review);
  const out: string[] = [];
  out.push(st('Crosscheck report', 'bold'), formatSummary(result), ...(options.review ? [formatReviewCounts(options.review.counts)] : []), '');
  result.articles.forEach((a, i) => {
    const label = nameOf(ctx, a.id);
    const name = label !== a.id ? `${st(safe(label), 'cyan')} (${safe(a.file ?? a.id)})` : st(safe(a.file ?? a.id), 'cyan');
    out.push(`  [${i + 1}] ${name}  ${safe(truncate(a.title, 90))}`);
  });
  for (const d of options.review?.unplaced ?? []) out.push(st(`  decision no longer fits (text gone): ${d.verdict} ${d.kind} “${safe(truncate(d.sides[0].text, 60))}”`, 'dim'));
  for (const p of result.skipped ?? []) out.push(st(`  skipped ${safe(p.file)}: ${safe(p.message)}`, 'dim'));
  for (const p of result.notes ?? []) out.push(st(`  note ${safe(p.file)}: ${safe(p.message)}`, 'dim'));
  out.push('');
  if (result.clusters.length === 0) out.push('No quote or passage is shared by two sources.');
  for (const cluster of result.clusters) {
    const who = cluster.speaker ? ` · ${safe(cluster.speaker)}` : '';
    const flag = cluster.substantive ? st(` · ${plural(cluster.substantive, 'substantive divergence')}`, 'red', 'bold') : '';
    out.push(st(`${cluster.id} · ${cluster.kind}${who} · ${cluster.grade} · ${cluster.members.length}/${result.articles.length} sources`, 'bold') + flag);
    for (const m of cluster.members) {
      const ranges = substantiveRangesOf(result, cluster, m);
      const flat = safe(m.text.replace(/\s+/g, ' '));
      const text = highlightRanges(flat, ranges, (t) => st(t, 'red', 'bold'));
      out.push(`  ${st(safe(nameOf(ctx, m.article)), 'cyan')}: ${options.color ? text : flat}`);
    }
    const provenance = ctx.provenance.get(cluster.id);
    if (provenance) out.push(st(`    ${safe(provenance.summary)}`, 'dim'));
    for (const match of matchesOf(result, cluster)) {
      const divergences = uniqueDivergencesSubstantiveFirst(match.divergences);
      const matchReview = reviewSuffix(ctx, match);
      if (matchReview) out.push(`    = ${safe(nameOf(ctx, match.a.article))} vs ${safe(nameOf(ctx, match.b.article))}: ${match.grade}${safe(matchReview)}`);
      for (const d of divergences.filter((x) => x.substantive)) out.push(st(`    ! ${safe(describeDivergence(d, match, ctx))}`, 'yellow'));
      const cosmetic = summarizeCosmetic(divergences);
      const label = divergences.some((x) => x.substantive) ? 'also cosmetic' : 'cosmetic only';
      if (cosmetic) out.push(st(`    ~ ${safe(nameOf(ctx, match.a.article))} vs ${safe(nameOf(ctx, match.b.article))}: ${match.grade}; ${label}: ${cosmetic}`, 'dim'));
    }
    out.push('');
  }
  return out.join('\n');
}
