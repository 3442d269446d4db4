// Hover markdown for a matched span, compact: the cluster, who reported it first,
// one line per other version with only its changed words, substantive divergences
// one line each, and command links (Open in panel for the full versions). With a
// HoverMemo each section and version line is made once per analysis result, and
// hoverWarmSteps makes an article's ahead of its first hover. Pure: no `vscode` import.
import { loadWordNetSteps } from '../../core/lexicon/wordnet';
import { clusterProvenance } from '../../core/provenance/provenance';
import { explainSameClaim, sameClaimLine } from '../../core/score/explain';
import type { ScoreContext } from '../../core/score/tokens';
import type { Cluster, Match, MatchSide } from '../../core/types';
import { Commands, commandUri } from '../commands/ids';
import { elideUnchanged } from './compactDiff';
import type { CorpusIndex } from './corpusIndex';
import type { HoverMemo } from './hoverMemo';
import { deletedHtml, escapeHoverText, insertedHtml } from './markdown';
import { orderByDivergenceType, quotedOrNothing } from './text';
import { wordDiff, type DiffSegment } from './wordDiff';

/** A hover's markdown and the range it covers. */
export interface HoverContent {
  markdown: string;
  start: number;
  end: number;
}

/** "Quoted by 2 of 5 sources" / "Carried by 3 of 5 sources". */
export function carriedText(index: CorpusIndex, cluster: Cluster): string {
  const n = new Set(cluster.members.map((m) => m.article)).size;
  return `${cluster.kind === 'quote' ? 'Quoted' : 'Carried'} by ${n} of ${index.sourceCount} sources`;
}

/**
 * Hover markdown for a position, or undefined when no match covers it. With `memo`,
 * sections and version lines already made are reused and new ones kept; without, all is made afresh.
 */
export function hoverMarkdown(index: CorpusIndex, article: string, offset: number, memo?: HoverMemo): HoverContent | undefined {
  const clusters = index.clustersAt(article, offset);
  if (!clusters.length) return undefined;
  const parts: string[] = [];
  const labels = index.labels();
  let start = Infinity;
  let end = -Infinity;
  for (const c of clusters) {
    const here = c.members.find((m) => m.article === article)!;
    start = Math.min(start, here.start);
    end = Math.max(end, here.end);
    parts.push(memo ? memo.section(c.id, article, () => clusterHover(index, c, here, labels, memo)) : clusterHover(index, c, here, labels));
  }
  return { markdown: parts.join('\n\n---\n\n'), start, end };
}

/**
 * Makes the hover sections of every cluster highlighted in `article` into `memo`, one
 * version line or section per step, so a sliced run keeps each step short; what the
 * memo already holds is skipped. Its first hover there is then a look-up.
 */
export function* hoverWarmSteps(index: CorpusIndex, article: string, memo: HoverMemo): Generator<void> {
  yield* loadWordNetSteps(); // the "why linked" lines score with WordNet: loaded in steps, not on one hover
  const labels = index.labels();
  const seen = new Set<string>();
  for (const h of index.highlightsFor(article)) {
    const c = index.cluster(h.cluster);
    if (!c || seen.has(c.id) || memo.hasSection(c.id, article)) continue;
    seen.add(c.id);
    const here = c.members.find((m) => m.article === article)!;
    for (let i = 0; i < c.members.length; i++) {
      const other = c.members[i];
      if (other.article === article || memo.hasVersion(c.id, article, i)) continue;
      memo.version(c.id, article, i, () => versionLine(index, c, here, other, labels.get(other.article) ?? other.article, memo.score));
      yield;
    }
    memo.section(c.id, article, () => clusterHover(index, c, here, labels, memo));
    yield;
  }
}

/**
 * The hover section of one cluster, seen from its member `here`, kept short: a head line,
 * who reported it first, one line per other version (its grade and only the words that
 * changed), substantive divergences one line each, cosmetic ones summed up, and a link to
 * the panel for every version in full. Articles are named by `labels` (outlet and date, else id).
 */
function clusterHover(index: CorpusIndex, c: Cluster, here: MatchSide, labels: ReadonlyMap<string, string>, memo?: HoverMemo): string {
  const speaker = c.speaker ?? here.speaker ?? null;
  const head = c.kind === 'quote' ? (speaker ? `**Quote** · ${escapeHoverText(speaker)}` : '**Quote** · unattributed') : speaker ? `**Passage** · ${escapeHoverText(speaker)}` : '**Passage**';
  const lines = [`${head} — ${escapeHoverText(carriedText(index, c))} · weakest grade: ${c.grade}`];
  const first = firstReported(index, c, labels);
  if (first) lines.push('', escapeHoverText(first));
  const others = c.members.filter((m) => m.article !== here.article);
  lines.push('');
  c.members.forEach((other, i) => {
    if (other.article === here.article) return;
    const line = () => versionLine(index, c, here, other, labels.get(other.article) ?? other.article, memo?.score);
    lines.push(memo ? memo.version(c.id, here.article, i, line) : line());
  });
  const divergences = divergenceLines(index, c, here, others, labels);
  if (divergences.length) lines.push('', ...divergences);
  lines.push('', `[Open in panel](${commandUri(Commands.openInPanel, c.id)}) for every version in full`);
  return lines.join('\n');
}

/** "First reported by Fox News on Mar 4, 2026" when a carrier has a date (core provenance), else nothing. */
function firstReported(index: CorpusIndex, c: Cluster, labels: ReadonlyMap<string, string>): string | undefined {
  const ids = new Set(c.members.map((m) => m.article));
  if (![...ids].some((id) => index.article(id)?.date)) return undefined; // before a pass over every article
  const articles = index.articles.filter((a) => ids.has(a.id)).map((a) => ({ id: a.id, title: a.title, length: a.text.length, outlet: a.outlet, date: a.date }));
  const matches = c.matches.map((id) => index.match(id)).filter((m): m is Match => !!m);
  const p = clusterProvenance({ ...index.result, articles, matches }, c, labels);
  return p.order === 'date' ? p.summary.split(';')[0].replace(/\.$/, '') : undefined;
}

/** Longest change line (characters of text) a hover shows for one version; a longer one is left to the panel. */
export const HOVER_DIFF_CHARS = 240;

/** Characters of an article's title a version line shows. */
export const HOVER_TITLE_CHARS = 50;

/**
 * One line for another version: its name and title, grade, the words that differ from this one,
 * and a link to it. `score` only keeps sentence analyses (no document frequencies), so the line is the same with or without it.
 */
function versionLine(index: CorpusIndex, c: Cluster, here: MatchSide, other: MatchSide, name: string, score?: ScoreContext): string {
  const pair = index.matchBetween(c, here.article, other.article);
  const changed = elideUnchanged(wordDiff(here.text, other.text));
  const changes = changed.reduce((n, x) => n + x.text.length, 0) > HOVER_DIFF_CHARS ? `_${changed.filter((x) => x.op !== 'eq').length} changes: see the panel_` : changed.length ? renderDiffMarkdown(changed) : '_same words_';
  const go = `[Go to](${commandUri(Commands.revealSpan, { article: other.article, start: other.start, end: other.end })})`;
  const title = index.article(other.article)?.title ?? '';
  const titled = title ? `, ${quotedOrNothing(title, HOVER_TITLE_CHARS, escapeHoverText)}` : '';
  // a rewording is linked by the same-claim model: say why, on the version's line
  const why = pair?.match.grade === 'reworded' ? ` · _why linked:_ ${escapeHoverText(sameClaimLine(explainSameClaim(here.text, other.text, score, 3, pair.match.score)))}` : '';
  return `- **${escapeHoverText(name)}**${titled}${pair ? ` · ${pair.match.grade}` : ''} — ${changes}${why} · ${go}`;
}

/** A source label without its date ("Fox News · Mar 4, 2026" → "Fox News"), for lines that name it again. */
function outletOf(label: string): string {
  return label.replace(/ · [^()]*/, '');
}

/** Cosmetic divergences a hover lists at most (the panel has them all). */
export const HOVER_COSMETIC_LINES = 2;

/**
 * Divergences with the other versions, worded from `here`: every substantive one on a
 * line of its own, then at most HOVER_COSMETIC_LINES cosmetic ones and a count of the rest.
 */
function divergenceLines(index: CorpusIndex, c: Cluster, here: MatchSide, others: MatchSide[], labels: ReadonlyMap<string, string>): string[] {
  const substantive: string[] = [];
  const cosmetic: string[] = [];
  const nameOf = (article: string) => escapeHoverText(outletOf(labels.get(article) ?? article));
  for (const other of others) {
    const direct = index.matchBetween(c, here.article, other.article);
    // a version linked to this one only through another source: its substantive divergences against that source
    const via = direct ? undefined : indirectPair(index, c, here.article, other.article);
    const pair = direct ?? via;
    if (!pair) continue;
    const name = nameOf(other.article) + (via ? ` (against ${nameOf(via.via)})` : '');
    for (const d of orderByDivergenceType(pair.match.divergences)) {
      if (!direct && !d.substantive) continue;
      const mine = pair.flipped ? d.b : d.a;
      const theirs = pair.flipped ? d.a : d.b;
      const line = `- ${d.substantive ? `**${d.type}**` : `_${d.type}_`}: ${quotedOrNothing(mine, 60, escapeHoverText)} → ${quotedOrNothing(theirs, 60, escapeHoverText)} in ${name}`;
      (d.substantive ? substantive : cosmetic).push(d.substantive ? line + reviewLinks(pair.match, pair.match.divergences.indexOf(d)) : line);
    }
  }
  const rest = cosmetic.length - HOVER_COSMETIC_LINES;
  return [...substantive, ...cosmetic.slice(0, HOVER_COSMETIC_LINES), ...(rest > 0 ? [`- _and ${rest} more cosmetic difference${rest === 1 ? '' : 's'}_`] : [])];
}

/** Confirm / Dismiss links for a substantive divergence (the review decision command, as the quick fixes run it). */
function reviewLinks(match: Match, divergence: number): string {
  const link = (label: string, verdict: 'confirmed' | 'dismissed') => `[${label}](${commandUri(Commands.reviewDecision, { match: match.id, divergence, verdict })})`;
  return ` · ${link('Confirm', 'confirmed')} · ${link('Dismiss', 'dismissed')}`;
}

/** A match of cluster `c` between `other` and a member other than `here` (`via`), oriented so `flipped` marks `other` as side a. */
function indirectPair(index: CorpusIndex, c: Cluster, here: string, other: string): { match: Match; flipped: boolean; via: string } | undefined {
  for (const id of c.matches) {
    const m = index.match(id);
    if (!m) continue;
    if (m.a.article === other && m.b.article !== here) return { match: m, flipped: true, via: m.b.article };
    if (m.b.article === other && m.a.article !== here) return { match: m, flipped: false, via: m.a.article };
  }
  return undefined;
}

/** Markdown of a word diff: deletions in <del>, insertions in <ins>, user text escaped. */
export function renderDiffMarkdown(segments: DiffSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (s.op === 'eq') out += escapeHoverText(s.text);
    else if (s.op === 'del') out += deletedHtml(s.text);
    else out += insertedHtml(s.text);
  }
  return out.replace(/\s+/g, ' ').trim();
}
