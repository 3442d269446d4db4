// The view index of one analysis: the articles, the matches and clusters kept
// at the minimum grade, and per-article span tables for hover and navigation
// look-ups. Built in slices (see slicing.ts). Pure: no `vscode` import.
import { sourceLabels } from '../../core/meta/labels';
import type { AnalysisResult, Article, Cluster, Divergence, Grade, Match, MatchKind, MatchSide } from '../../core/types';
import { SpanTable } from '../../core/util/spanTable';
import { slotOf } from '../palette';
import { gradeAtLeast } from '../settings';
import { ShardedMap } from './shardedMap';
import { drain } from './slicing';

/** A highlighted span of one article: a member of a cluster. */
export interface HighlightRange {
  cluster: string;
  kind: MatchKind;
  /** Palette slot of the cluster. */
  slot: number;
  start: number;
  end: number;
}

/** How the index is built. */
export interface ComputerOptions {
  /** Weakest grade kept (default 'reworded': every match). */
  minGrade?: Grade;
}

/** A start and end offset in an article. */
export interface OffsetRange {
  start: number;
  end: number;
}

/**
 * The index: look-ups by id and by offset over one result. A source is labelled
 * by its article id (the file name without extension) everywhere in the views.
 */
export class CorpusIndex {
  readonly articles: Article[];
  readonly clusters: Cluster[] = [];
  readonly matches: Match[] = [];
  private readonly byId = new Map<string, Article>();
  private readonly clusterById = new Map<string, Cluster>();
  private readonly matchById = new ShardedMap<Match>();
  private readonly highlights = new Map<string, SpanTable<HighlightRange>>();
  /** Substantive divergences over all matches (counted once). */
  private substantive = 0;
  private sourceNames?: ReadonlyMap<string, string>;

  /** Builds the index at once; a subclass's `build` passes `deferInit` and runs the same steps in slices. */
  constructor(readonly result: AnalysisResult, articles: Article[], opts: ComputerOptions = {}, deferInit = false) {
    this.articles = articles;
    if (!deferInit) drain(this.init(opts));
  }

  /** The constructor's work as steps; yields every few hundred items so it can be sliced. */
  protected *init(opts: ComputerOptions): Generator<void> {
    for (const a of this.articles) this.byId.set(a.id, a);
    yield;
    yield* this.indexMatches(opts.minGrade ?? 'reworded');
    const spans = new Map<string, HighlightRange[]>();
    yield* this.indexClusters(spans);
    // per-article span tables: hover and next/previous look-ups are binary searches
    let n = 0;
    for (const [article, list] of spans) {
      this.highlights.set(article, new SpanTable(list));
      if ((++n & 63) === 0) yield;
    }
  }

  /** Keeps the matches at least as strong as `min` between articles of the corpus. */
  private *indexMatches(min: Grade): Generator<void> {
    let n = 0;
    for (const m of this.result.matches ?? []) {
      if (gradeAtLeast(m.grade, min) && this.byId.has(m.a.article) && this.byId.has(m.b.article)) {
        this.matches.push(m);
        this.matchById.set(m.id, m);
        for (const d of m.divergences) if (d.substantive) this.substantive++;
      }
      if ((++n & 511) === 0) yield;
    }
  }

  /** Keeps the clusters with a kept match, collecting their members' spans per article. */
  private *indexClusters(spans: Map<string, HighlightRange[]>): Generator<void> {
    let n = 0;
    for (const c of this.result.clusters ?? []) {
      if ((++n & 511) === 0) yield;
      if (!c.matches.some((id) => this.matchById.has(id))) continue;
      this.clusters.push(c);
      this.clusterById.set(c.id, c);
      const slot = slotOf(c.id);
      for (const m of c.members) {
        if (!this.byId.has(m.article) || m.end <= m.start) continue;
        let list = spans.get(m.article);
        if (!list) spans.set(m.article, (list = []));
        list.push({ cluster: c.id, kind: c.kind, slot, start: m.start, end: m.end });
      }
    }
  }

  /** Number of sources (articles) in the corpus. */
  get sourceCount(): number {
    return this.articles.length;
  }

  /** Every article's name (outlet and date, else id; core/meta/labels sourceLabels), made once. */
  labels(): ReadonlyMap<string, string> {
    return (this.sourceNames ??= sourceLabels(this.articles));
  }

  /** An article of the corpus by id. */
  article(id: string): Article | undefined {
    return this.byId.get(id);
  }

  /** A kept cluster by id. */
  cluster(id: string): Cluster | undefined {
    return this.clusterById.get(id);
  }

  /** A kept match by id. */
  match(id: string): Match | undefined {
    return this.matchById.get(id);
  }

  /** Highlighted spans of one article, sorted by start. */
  highlightsFor(article: string): readonly HighlightRange[] {
    return this.highlights.get(article)?.spans ?? [];
  }

  /** Clusters whose member in `article` contains `offset` (end inclusive, so a hover at the last character's edge counts). */
  clustersAt(article: string, offset: number): Cluster[] {
    const ids = (this.highlights.get(article)?.at(offset) ?? []).map((h) => h.cluster);
    return ids.map((id) => this.clusterById.get(id)!).filter(Boolean);
  }

  /** Next (dir 1) or previous (dir -1) highlighted span from an offset, wrapping around. */
  nextSpan(article: string, offset: number, dir: 1 | -1): HighlightRange | undefined {
    const table = this.highlights.get(article);
    return dir === 1 ? table?.next(offset) : table?.previous(offset);
  }

  /** The match of a cluster between two articles, with the side that belongs to `here`. */
  matchBetween(cluster: Cluster, here: string, other: string): { match: Match; flipped: boolean } | undefined {
    for (const id of cluster.matches) {
      const m = this.matchById.get(id);
      if (!m) continue;
      if (m.a.article === here && m.b.article === other) return { match: m, flipped: false };
      if (m.b.article === here && m.a.article === other) return { match: m, flipped: true };
    }
    return undefined;
  }

  /** Absolute range of a divergence on one side of a match (checked against the text; falls back to the side's span). */
  divergenceRange(match: Match, d: Divergence, side: 'a' | 'b'): OffsetRange {
    const s: MatchSide = match[side];
    const text = this.byId.get(s.article)?.text ?? '';
    const ds = side === 'a' ? d.aStart : d.bStart;
    const de = side === 'a' ? d.aEnd : d.bEnd;
    const want = side === 'a' ? d.a : d.b;
    if (typeof ds === 'number' && typeof de === 'number' && de > ds) {
      const absOk = ds >= s.start && de <= s.end;
      const relOk = s.start + de <= s.end;
      if (absOk && (!want || text.slice(ds, de) === want)) return { start: ds, end: de };
      // Offsets relative to the compared string (the contract says absolute; be lenient).
      if (relOk && want && text.slice(s.start + ds, s.start + de) === want) return { start: s.start + ds, end: s.start + de };
      if (absOk) return { start: ds, end: de };
    }
    if (want) {
      const i = text.slice(s.start, s.end).indexOf(want);
      if (i >= 0) return { start: s.start + i, end: s.start + i + want.length };
    }
    return { start: s.start, end: s.end };
  }

  /** Number of substantive divergences over all kept matches. */
  substantiveCount(): number {
    return this.substantive;
  }
}
