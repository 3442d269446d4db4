// The sidebar trees' models: quotes grouped by speaker, divergences grouped by
// type, and the quote items of "Find Quote Across Sources…". Built step by step
// so they can be sliced. Pure: no `vscode` import.
import { sourceLabels } from '../../core/meta/labels';
import type { Divergence, DivergenceType, Quote } from '../../core/types';
import type { RevealTarget } from '../commands/ids';
import type { CorpusIndex } from './corpusIndex';
import { divergenceKey } from './diagnostics';
import { orderByDivergenceType, quotedOrNothing } from './text';

/** The quotes of one speaker. */
export interface QuoteGroup {
  speaker: string;
  quotes: QuoteItem[];
}

/** A quote with the sources and clusters that carry it. */
export interface QuoteItem {
  quote: Quote;
  /** Distinct articles carrying the quote (itself included). */
  sources: number;
  clusters: string[];
  /** The quoting article's name (outlet · date, else its id). */
  source?: string;
}

/** One divergence of a match, ready for a tree row. */
export interface DivergenceItem {
  match: string;
  cluster: string;
  divergence: Divergence;
  /** Where to reveal: side a's span of the divergence (or of the match). */
  target: RevealTarget;
  label: string;
  description: string;
  /** For a substantive divergence: its identity across pairs (divergenceKey), which its review state is kept under. */
  key?: string;
}

/** The divergences of one type. */
export interface DivergenceGroup {
  type: DivergenceType;
  substantive: boolean;
  items: DivergenceItem[];
}

const UNATTRIBUTED = '(unattributed)';

/** Quotes grouped by speaker step by step (one step per quote): named speakers alphabetically, unattributed last. */
export function* quoteGroupSteps(index: CorpusIndex): Generator<void, QuoteGroup[]> {
  const groups = new Map<string, QuoteItem[]>();
  const labels = sourceLabels(index.articles);
  for (const q of index.result.quotes ?? []) {
    yield;
    if (!index.article(q.article)) continue;
    const key = q.speaker ?? UNATTRIBUTED;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push({ ...quoteItem(index, q), source: labels.get(q.article) ?? q.article });
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === UNATTRIBUTED ? 1 : b === UNATTRIBUTED ? -1 : a.localeCompare(b)))
    .map(([speaker, quotes]) => ({ speaker, quotes }));
}

/** A quote with the clusters overlapping it and the number of articles they span. */
export function quoteItem(index: CorpusIndex, q: Quote): QuoteItem {
  const clusters = index
    .highlightsFor(q.article)
    .filter((h) => h.start < q.end && q.start < h.end)
    .map((h) => h.cluster);
  const arts = new Set<string>([q.article]);
  for (const id of clusters) for (const m of index.cluster(id)!.members) arts.add(m.article);
  return { quote: q, sources: arts.size, clusters: [...new Set(clusters)] };
}

/** All quotes of the corpus's articles, for "Find Quote Across Sources…". */
export function quoteItems(index: CorpusIndex): QuoteItem[] {
  return (index.result.quotes ?? []).filter((q) => index.article(q.article)).map((q) => quoteItem(index, q));
}

/** Divergences grouped by type step by step (one step per match), substantive types first; a substantive divergence carried by several pairs is one row. */
export function* divergenceGroupSteps(index: CorpusIndex): Generator<void, DivergenceGroup[]> {
  const groups = new Map<DivergenceType, DivergenceGroup>();
  // a substantive divergence is listed once, however many pairs carry it (as in Problems and the counts)
  const listed = new Set<string>();
  const labels = sourceLabels(index.articles);
  const name = (id: string) => labels.get(id) ?? id;
  for (const m of index.matches) {
    yield;
    for (const d of m.divergences) {
      const key = d.substantive ? divergenceKey(m.cluster, d) : undefined;
      if (key) {
        if (listed.has(key)) continue;
        listed.add(key);
      }
      let g = groups.get(d.type);
      if (!g) groups.set(d.type, (g = { type: d.type, substantive: d.substantive, items: [] }));
      const r = index.divergenceRange(m, d, 'a');
      g.items.push({
        match: m.id,
        cluster: m.cluster,
        divergence: d,
        target: { article: m.a.article, start: r.start, end: r.end },
        label: `${quotedOrNothing(d.a, 40)} → ${quotedOrNothing(d.b, 40)}`,
        description: `${name(m.a.article)} ↔ ${name(m.b.article)}`,
        ...(key ? { key } : {}),
      });
    }
  }
  return orderByDivergenceType([...groups.values()]);
}
