// An article's text as DOM nodes: plain text nodes, and one <mark> per piece covered
// by a cluster (its most specific one). Text goes in as text nodes only.
import { carriedText, type ArticleSpan } from './clusterIndex';
import { el, paint } from './dom';
import { textPieces, type TextPiece } from './segments';

/** The nodes of one article's text from `start` (default 0; a column starts after the front matter) with its spans marked. */
export function highlightedText(article: string, text: string, spans: readonly ArticleSpan[], totalSources: number, start = 0): Node[] {
  return textPieces(text.length, spans, start).map((p) => (p.covering.length ? markOf(article, text, p, totalSources) : document.createTextNode(text.slice(p.from, p.to))));
}

function markOf(article: string, text: string, piece: TextPiece, totalSources: number): HTMLElement {
  const top = piece.covering[0];
  const c = top.cluster;
  const mark = el('mark', 'cc-hl', text.slice(piece.from, piece.to));
  mark.dataset.cluster = c.id;
  mark.dataset.kind = c.kind;
  mark.dataset.article = article;
  mark.dataset.start = String(top.start);
  mark.dataset.end = String(top.end);
  if (piece.covering.length > 1) {
    mark.classList.add('cc-multi');
    mark.dataset.clusters = piece.covering.map((s) => s.cluster.id).join(' ');
  }
  if (c.substantive) mark.classList.add('cc-subst');
  paint(mark, c.slot);
  mark.tabIndex = 0;
  mark.title = `${c.id} · ${c.kind}${c.speaker ? ' · ' + c.speaker : ''} · ${carriedText(c, totalSources)}`;
  return mark;
}
