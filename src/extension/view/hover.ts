// Hover markdown for a matched span: the cluster, every other version diffed
// against this one, their divergences and command links. Pure: no `vscode` import.
import { sourceLabels } from '../../core/meta/labels';
import { explainSameClaim, sameClaimLine } from '../../core/score/explain';
import type { Cluster, MatchSide } from '../../core/types';
import { Commands, commandUri } from '../commands/ids';
import type { CorpusIndex } from './corpusIndex';
import { deletedHtml, escapeHoverText, insertedHtml } from './markdown';
import { clip, orderByDivergenceType, quotedOrNothing } from './text';
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

/** Hover markdown for a position, or undefined when no match covers it. */
export function hoverMarkdown(index: CorpusIndex, article: string, offset: number): HoverContent | undefined {
  const clusters = index.clustersAt(article, offset);
  if (!clusters.length) return undefined;
  const parts: string[] = [];
  const labels = sourceLabels(index.articles);
  let start = Infinity;
  let end = -Infinity;
  for (const c of clusters) {
    const here = c.members.find((m) => m.article === article)!;
    start = Math.min(start, here.start);
    end = Math.max(end, here.end);
    parts.push(clusterHover(index, c, here, labels));
  }
  return { markdown: parts.join('\n\n---\n\n'), start, end };
}

/** The hover section of one cluster, seen from its member `here`; articles named by `labels` (outlet and date, else id). */
function clusterHover(index: CorpusIndex, c: Cluster, here: MatchSide, labels: Map<string, string>): string {
  const lines: string[] = [];
  const speaker = c.speaker ?? here.speaker ?? null;
  const head = c.kind === 'quote' ? (speaker ? `**Quote** · ${escapeHoverText(speaker)}` : '**Quote** · unattributed') : speaker ? `**Passage** · ${escapeHoverText(speaker)}` : '**Passage**';
  lines.push(`${head} — ${escapeHoverText(carriedText(index, c))} · weakest grade: ${c.grade}`);
  lines.push('');
  for (const other of c.members) {
    if (other.article !== here.article) lines.push(...versionLines(index, c, here, other, labels.get(other.article) ?? other.article));
  }
  lines.push(`[Open in panel](${commandUri(Commands.openInPanel, c.id)})`);
  return lines.join('\n');
}

/** The lines of one other version, named `name`: source, diff, divergences and a link to it. */
function versionLines(index: CorpusIndex, c: Cluster, here: MatchSide, other: MatchSide, name: string): string[] {
  const lines: string[] = [];
  const title = index.article(other.article)?.title ?? '';
  const pair = index.matchBetween(c, here.article, other.article);
  lines.push(`**${escapeHoverText(name)}**${title ? ` — ${escapeHoverText(clip(title, 80))}` : ''}${pair ? ` · ${pair.match.grade}` : ''}`);
  lines.push('');
  lines.push('> ' + renderDiffMarkdown(wordDiff(here.text, other.text)));
  lines.push('');
  // a rewording is linked by the same-claim model: say why
  if (pair?.match.grade === 'reworded') lines.push(`_Why linked:_ ${escapeHoverText(sameClaimLine(explainSameClaim(here.text, other.text, undefined, 3, pair.match.score)))}`, '');
  if (pair) {
    const divs = orderByDivergenceType(pair.match.divergences);
    for (const d of divs) {
      const mine = pair.flipped ? d.b : d.a;
      const theirs = pair.flipped ? d.a : d.b;
      lines.push(
        `- ${d.substantive ? '**' + d.type + '**' : '_' + d.type + '_'}: ${quotedOrNothing(mine, 80, escapeHoverText)} → ${quotedOrNothing(theirs, 80, escapeHoverText)}${d.message ? ' — ' + escapeHoverText(d.message) : ''}`,
      );
    }
    if (divs.length) lines.push('');
  }
  lines.push(`[Go to ${escapeHoverText(name)}](${commandUri(Commands.revealSpan, { article: other.article, start: other.start, end: other.end })})`);
  lines.push('');
  return lines;
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
