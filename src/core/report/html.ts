// `crosscheck report --html`: one self-contained HTML file an editor can open in a browser:
// sources with outlets and dates, a timeline, every cluster with its versions (word diffs
// against the first source), divergences, provenance and review state. All article text is
// escaped; the page has no script, and a Content-Security-Policy allowing only its own
// nonce'd stylesheet (no script, no remote loads).
import * as crypto from 'crypto';
import { diffWordsWithSpace } from 'diff';
import type { AnalysisResult, Cluster, Divergence, Match } from '../types';
import { formatSummary, uniqueDivergencesSubstantiveFirst } from '../report';
import { formatDate, sourceLabels } from '../meta/labels';
import { normalizeUrl, dateValue } from '../meta/fields';
import { computeProvenance, sourceTimeline, type ClusterProvenance, type TimelineSource } from '../provenance/provenance';
import type { ReviewItem, ReviewState } from '../review/decisions';
import { formatReviewCounts, reviewLookup, STATUS_LABEL, type ReviewLookup } from '../review/format';
import { REPORT_CSS } from './htmlStyle';

/** Options of the HTML report. */
export interface HtmlOptions {
  /** Page heading (default "Crosscheck report"). */
  title?: string;
  /** Review decisions to show. */
  review?: ReviewState;
  /** CSP nonce of the stylesheet (default: random). */
  nonce?: string;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

interface Ctx {
  result: AnalysisResult;
  labels: Map<string, string>;
  provenance: Map<string, ClusterProvenance>;
  review?: ReviewLookup;
}

const name = (ctx: Ctx, id: string): string => escapeHtml(ctx.labels.get(id) ?? id);

/** Renders the whole report as one HTML document. */
export function renderHtml(result: AnalysisResult, options: HtmlOptions = {}): string {
  const nonce = options.nonce ?? crypto.randomBytes(16).toString('base64');
  const provenance = computeProvenance(result);
  const ctx: Ctx = { result, labels: sourceLabels(result.articles), provenance: new Map(provenance.map((p) => [p.cluster, p])), review: options.review ? reviewLookup(options.review) : undefined };
  const timeline = sourceTimeline(result, provenance);
  const { css, html: timelineHtml } = renderTimeline(timeline);
  const title = escapeHtml(options.title ?? 'Crosscheck report');
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; img-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style nonce="${nonce}">${REPORT_CSS}${css}</style>`,
    '</head><body>',
    `<h1>${title}</h1>`,
    `<p class="summary">${escapeHtml(formatSummary(result))}</p>`,
    options.review ? `<p class="summary">${escapeHtml(formatReviewCounts(options.review.counts))}</p>` : '',
    renderSources(ctx),
    '<h2>Timeline</h2>',
    timelineHtml,
    '<h2>Shared quotes and passages</h2>',
    result.clusters.length ? result.clusters.map((c) => renderCluster(ctx, c)).join('\n') : '<p class="muted">No quote or passage is shared by two sources.</p>',
    renderUnplaced(options.review),
    renderProblems('Files not analysed', result.skipped),
    '</body></html>',
    '',
  ].join('\n');
}

function renderSources(ctx: Ctx): string {
  const rows = ctx.result.articles.map((a, i) => {
    const url = normalizeUrl(a.url);
    const link = url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer nofollow">${escapeHtml(url)}</a>` : '';
    return `<tr><td>${i + 1}</td><td>${escapeHtml(a.outlet ?? '')}</td><td class="nowrap">${a.date ? escapeHtml(formatDate(a.date)) : '<span class="muted">no date</span>'}</td><td>${escapeHtml(a.title)}</td><td>${escapeHtml(a.file ?? a.id)}${link ? `<br>${link}` : ''}</td></tr>`;
  });
  return `<h2>Sources</h2><table><thead><tr><th>#</th><th>Outlet</th><th>Date</th><th>Title</th><th>File</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Outlets on a time axis (dated ones; each marked with how many clusters it carried first), undated ones listed below. */
function renderTimeline(sources: TimelineSource[]): { css: string; html: string } {
  const dated = sources.filter((s) => s.date);
  const undated = sources.filter((s) => !s.date);
  const note = (s: TimelineSource) => `${s.first.length} first · ${s.carries.length} carried`;
  const undatedHtml = undated.length
    ? `<p class="muted">Without a date (in file order): ${undated.map((s) => `${escapeHtml(s.label)} (${note(s)})`).join(', ')}.</p>`
    : '';
  if (!dated.length) return { css: '', html: `<p class="muted">No source has a date: provenance falls back to file order.</p>${undatedHtml}` };
  const values = dated.map((s) => dateValue(s.date));
  const min = Math.min(...values);
  const span = Math.max(...values) - min;
  const css = dated.map((s, i) => `.tl${i}{left:${span ? (((dateValue(s.date) - min) / span) * 80 + 10).toFixed(1) : 50}%}`).join('');
  const ticks = dated.map((s, i) => `<div class="tick tl${i}" title="${escapeHtml(s.label)}"><span class="lbl${s.first.length ? ' first' : ''}">${escapeHtml(s.label.replace(/ · [^·]*$/, ''))} (${note(s)})</span><span class="date">${escapeHtml(formatDate(s.date!))}</span></div>`);
  return { css, html: `<div class="timeline">${ticks.join('')}</div>${undatedHtml}` };
}

function badge(item: ReviewItem | undefined): string {
  if (!item) return '';
  const note = item.decision?.note ? `: ${escapeHtml(item.decision.note)}` : '';
  return `<span class="badge ${item.status}">${STATUS_LABEL[item.status]}${note}</span>`;
}

/**
 * A word diff from the reference version to this one: deletions struck, insertions marked.
 * A run of changes separated only by spaces reads as one deletion and one insertion
 * ("more than 400" → "several hundred"), not word-by-word alternation.
 */
export function renderWordDiff(from: string, to: string): string {
  const out: string[] = [];
  let del = '';
  let ins = '';
  let gap = '';
  const flush = (): void => {
    const tail = del && ins ? commonSpaceSuffix(del, ins) : '';
    if (tail) [del, ins] = [del.slice(0, -tail.length), ins.slice(0, -tail.length)];
    if (del) out.push(`<del>${escapeHtml(del)}</del>`);
    if (ins) out.push(`<ins>${escapeHtml(ins)}</ins>`);
    if (tail) out.push(escapeHtml(tail));
    del = ins = '';
  };
  for (const c of diffWordsWithSpace(from, to)) {
    if (c.added || c.removed) {
      if (gap) [del, ins, gap] = [del + (del ? gap : ''), ins + (ins ? gap : ''), ''];
      if (c.added) ins += c.value;
      else del += c.value;
    } else if (/^\s+$/.test(c.value) && (del || ins)) gap += c.value;
    else {
      flush();
      out.push(escapeHtml(gap + c.value));
      gap = '';
    }
  }
  flush();
  if (gap) out.push(escapeHtml(gap));
  return out.join('');
}

/** Whitespace both strings end with (kept outside the marks). */
function commonSpaceSuffix(x: string, y: string): string {
  const sx = /\s+$/.exec(x)?.[0] ?? '';
  const sy = /\s+$/.exec(y)?.[0] ?? '';
  let n = 0;
  while (n < sx.length && n < sy.length && sx[sx.length - 1 - n] === sy[sy.length - 1 - n]) n++;
  return n && n < x.length && n < y.length ? x.slice(-n) : '';
}

function renderCluster(ctx: Ctx, cluster: Cluster): string {
  const prov = ctx.provenance.get(cluster.id);
  const order = prov ? prov.carriers.map((c) => c.article) : cluster.members.map((m) => m.article);
  const members = order.map((id) => cluster.members.find((m) => m.article === id)!).filter(Boolean);
  const ref = members[0];
  const versions = members.map((m, i) => {
    const text = i === 0 ? escapeHtml(m.text) : renderWordDiff(ref.text, m.text);
    const grade = prov?.carriers.find((c) => c.article === m.article)?.grade;
    return `<div class="version"><span class="who">${name(ctx, m.article)}</span>${grade ? ` <span class="muted">${grade}</span>` : i === 0 ? ' <span class="muted">first</span>' : ''}<span class="text">${text}</span></div>`;
  });
  const ids = new Set(cluster.matches);
  const matches = ctx.result.matches.filter((m) => ids.has(m.id));
  const speaker = cluster.speaker ? ` · ${escapeHtml(cluster.speaker)}` : '';
  return [
    `<section class="cluster" id="${escapeHtml(cluster.id)}">`,
    `<h3>${escapeHtml(cluster.id)} · ${cluster.kind}${speaker} · ${cluster.grade} · carried by ${cluster.members.length} of ${ctx.result.articles.length} sources</h3>`,
    prov ? `<p class="meta">${escapeHtml(prov.summary)}</p>` : '',
    ...versions,
    matches.map((m) => renderMatch(ctx, m)).join(''),
    '</section>',
  ].join('\n');
}

function renderMatch(ctx: Ctx, match: Match): string {
  const divs = uniqueDivergencesSubstantiveFirst(match.divergences);
  const substantive = divs.filter((d) => d.substantive).map((d) => renderDivergence(ctx, match, d));
  const cosmetic = [...new Set(divs.filter((d) => !d.substantive).map((d) => d.type))];
  const matchItem = ctx.review?.ofMatch(match);
  const dim = matchItem?.status === 'dismissed' ? ' dismissed-item' : '';
  return `<div class="match${dim}"><div class="meta">${name(ctx, match.a.article)} ↔ ${name(ctx, match.b.article)}: ${match.grade}${badge(matchItem)}${cosmetic.length ? ` · cosmetic: ${cosmetic.join(', ')}` : ''}</div>${substantive.join('')}</div>`;
}

function renderDivergence(ctx: Ctx, match: Match, d: Divergence): string {
  const item = ctx.review?.ofDivergence(match, d);
  const side = (t: string) => (t ? `“${escapeHtml(t)}”` : '<span class="muted">(nothing)</span>');
  const dim = item?.status === 'dismissed' ? ' dismissed-item' : '';
  return `<div class="div substantive${dim}"><b>${d.type}</b>: ${name(ctx, match.a.article)} ${side(d.a)} vs ${name(ctx, match.b.article)} ${side(d.b)}${d.message ? ` — ${escapeHtml(d.message)}` : ''}${badge(item)}</div>`;
}

function renderUnplaced(review: ReviewState | undefined): string {
  if (!review?.unplaced.length) return '';
  const rows = review.unplaced.map((d) => `<li>${d.verdict} ${d.kind}: “${escapeHtml(d.sides[0].text.slice(0, 160))}”${d.note ? ` — ${escapeHtml(d.note)}` : ''}</li>`);
  return `<h2>Decisions that no longer fit</h2><p class="muted">Their texts are no longer in the corpus.</p><ul>${rows.join('')}</ul>`;
}

function renderProblems(heading: string, problems: AnalysisResult['skipped']): string {
  if (!problems?.length) return '';
  return `<h2>${heading}</h2><ul>${problems.map((p) => `<li>${escapeHtml(p.file)}: ${escapeHtml(p.message)}</li>`).join('')}</ul>`;
}
