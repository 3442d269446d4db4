// The panel's timeline: the sources on a time axis (outlets by publication date, or in
// file order when no dates are known), each with the clusters it carried first marked
// in the cluster's colour; selecting a cluster marks who carried it. Built with DOM APIs
// only (createElement, textContent, CSSOM); colours come from the theme.
import type { PanelCluster, TimelineModel } from '../extension/panel/protocol';
import { attr, el, paint } from './dom';
import { shortDate, timelineLayout } from './timelineLayout';

/** Row height of the drawing, in pixels. */
const ROW_PX = 46;

/** Draws the timeline into `box` (emptied first); `select` opens a cluster. */
export function renderTimeline(box: HTMLElement, model: TimelineModel | undefined, clusters: Map<string, PanelCluster>, select: (cluster: string) => void): void {
  box.replaceChildren();
  if (!model || !model.sources.length) return;
  const layout = timelineLayout(model);
  const head = el('div', 'cc-tl-note', layout.note);
  head.id = 'cc-timeline-note';
  const axis = el('div', 'cc-tl-axis');
  axis.style.setProperty('height', `${layout.rows * ROW_PX + 28}px`);
  axis.append(el('div', 'cc-tl-line'));
  for (const t of layout.ticks) {
    const tick = el('div', 'cc-tl-tick', t.label);
    tick.style.setProperty('left', `${(t.x * 100).toFixed(2)}%`);
    if (t.x > 0.7) tick.classList.add('cc-tl-end');
    axis.append(tick);
  }
  for (const p of layout.points) {
    const s = p.source;
    const node = el('div', 'cc-tl-source');
    node.dataset.article = s.article;
    node.dataset.carries = s.carries.join(' ');
    node.classList.toggle('cc-tl-undated', !p.dated);
    node.classList.toggle('cc-tl-end', p.x > 0.7); // near the right end: label to the left of its dot
    node.style.setProperty('left', `${(p.x * 100).toFixed(2)}%`);
    node.style.setProperty('bottom', `${p.row * ROW_PX + 24}px`);
    node.title = `${s.label}${s.date ? '' : ' (no date)'}\ncarries ${s.carries.length} cluster${s.carries.length === 1 ? '' : 's'}, ${s.first.length} of them first`;
    const label = el('div', 'cc-tl-label', s.label);
    const firsts = el('div', 'cc-tl-firsts');
    for (const id of s.first) firsts.append(firstMark(id, clusters.get(id), select));
    node.append(el('span', 'cc-tl-dot'), label, firsts);
    axis.append(node);
  }
  box.append(head, axis);
}

/** A small swatch for a cluster a source carried first; a click opens the cluster. */
function firstMark(id: string, cluster: PanelCluster | undefined, select: (cluster: string) => void): HTMLElement {
  const b = el('button', 'cc-tl-first');
  b.dataset.cluster = id;
  b.title = `${id} first appeared here${cluster ? `: ${cluster.label}` : ''}`;
  b.setAttribute('aria-label', `${id}, first appearance`);
  if (cluster) paint(b, cluster.slot);
  b.addEventListener('click', () => select(id));
  return b;
}

/** Marks the sources carrying a cluster (and the one that carried it first); none when `cluster` is undefined. */
export function markTimeline(box: HTMLElement, cluster: string | undefined): void {
  for (const n of box.querySelectorAll<HTMLElement>('.cc-tl-source')) {
    const carries = !!cluster && (n.dataset.carries ?? '').split(' ').includes(cluster);
    n.classList.toggle('cc-tl-carries', carries);
    n.classList.toggle('cc-tl-origin', carries && !!n.querySelector(`.cc-tl-first${attr('data-cluster', cluster!)}`));
  }
  for (const b of box.querySelectorAll('.cc-tl-first.cc-active')) b.classList.remove('cc-active');
  if (cluster) for (const b of box.querySelectorAll(`.cc-tl-first${attr('data-cluster', cluster)}`)) b.classList.add('cc-active');
}

/** The detail view's provenance: one line per carrier in order (who, when, with which grade), and the summary sentence. */
export function provenanceSection(p: { order: 'date' | 'file'; summary: string; carriers: { article: string; label: string; date?: string; grade?: string }[] }): HTMLElement {
  const box = el('div', 'cc-provenance');
  box.append(el('div', 'cc-prov-summary', p.summary));
  const list = el('ol', 'cc-prov-list');
  p.carriers.forEach((c, i) => {
    const li = el('li', 'cc-prov-item');
    li.dataset.article = c.article;
    const when = c.date ? shortDate(c.date) : 'no date';
    const how = i === 0 ? (p.order === 'date' ? 'first' : 'first in file order') : c.grade ?? '';
    li.append(el('span', 'cc-prov-when', when), el('span', 'cc-prov-who', c.label.replace(/ · [A-Z][a-z]{2} \d{1,2}, \d{4}$/, '')), el('span', 'cc-prov-grade', how));
    list.append(li);
  });
  box.append(list);
  return box;
}
