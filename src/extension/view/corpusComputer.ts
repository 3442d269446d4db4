// The pure "computer": the view index of one analysis plus every view the VS
// Code glue shows — hover markdown, diagnostic descriptors, tree models, quick
// pick items and the panel's view model — as methods, each delegating to the
// module of its view. No `vscode` import, so all of it is unit-tested in plain Node.
import type { AnalysisResult, Article, Cluster, Quote } from '../../core/types';
import type { ClusterDetail, PanelModel } from '../panel/protocol';
import { CorpusIndex, type ComputerOptions } from './corpusIndex';
import { diagnosticSteps, diagnostics, divergenceGroupSteps as groupedDivergenceSteps, type DiagnosticDescriptor, type GroupedDivergence } from './diagnostics';
import { carriedText, hoverMarkdown, hoverWarmSteps, type HoverContent } from './hover';
import { HoverMemo } from './hoverMemo';
import { clusterDetail, panelModelSteps } from './panelModel';
import { drain, runSliced, SLICE_MS } from './slicing';
import { divergenceGroupSteps, quoteGroupSteps, quoteItem, quoteItems, type DivergenceGroup, type QuoteGroup, type QuoteItem } from './trees';

/** A CorpusIndex with the views built on it. */
export class CorpusComputer extends CorpusIndex {
  private groups?: GroupedDivergence[];
  /** Hover sections made so far for this result (a new result is a new computer, so a new memo). */
  private readonly hovers = new HoverMemo();

  /**
   * Builds a computer without blocking the event loop for long: the work runs in
   * slices of about `budgetMs`, one per event-loop turn (the extension host's
   * main thread stays responsive at 10,000 articles). Same object as the constructor's.
   * When `isStale` turns true between slices the build stops and resolves with an
   * incomplete computer, which the caller (who made it stale) drops.
   */
  static async build(result: AnalysisResult, articles: Article[], opts: ComputerOptions = {}, budgetMs = SLICE_MS, isStale?: () => boolean): Promise<CorpusComputer> {
    const computer = new CorpusComputer(result, articles, opts, true);
    await runSliced(computer.init(opts), budgetMs, isStale);
    return computer;
  }

  /** Substantive divergences as diagnostics on both articles of each match. */
  diagnostics(): DiagnosticDescriptor[] {
    return diagnostics(this);
  }

  /** The diagnostics one by one (undefined between matches), for a sliced build. */
  diagnosticSteps(): Generator<DiagnosticDescriptor | undefined> {
    return diagnosticSteps(this);
  }

  /** Substantive divergences grouped across pairs (one per divergence, as in Problems); computed once. */
  divergenceGroups(): GroupedDivergence[] {
    return (this.groups ??= drain(groupedDivergenceSteps(this)));
  }

  /** Number of substantive divergences grouped across pairs (one per divergence, as in Problems). */
  divergenceCount(): number {
    return this.divergenceGroups().length;
  }

  /** "Crosscheck: 5 sources · N passages matched · M divergences to review": matched passages are clusters, divergences are grouped across pairs. */
  statusText(): string {
    const s = this.sourceCount;
    const n = this.divergenceCount();
    const m = this.clusters.length;
    return `Crosscheck: ${s} source${s === 1 ? '' : 's'} · ${m} passage${m === 1 ? '' : 's'} matched · ${n} divergence${n === 1 ? '' : 's'} to review`;
  }

  /** "Quoted by 2 of 5 sources" / "Carried by 3 of 5 sources". */
  carriedText(cluster: Cluster): string {
    return carriedText(this, cluster);
  }

  /** Hover markdown for a position, or undefined when no match covers it (sections made once, then looked up). */
  hoverMarkdown(article: string, offset: number): HoverContent | undefined {
    return hoverMarkdown(this, article, offset, this.hovers);
  }

  /** Makes the hovers of every highlighted span of `article` ahead of time, one short step each (run it sliced). */
  hoverWarmSteps(article: string): Generator<void> {
    return hoverWarmSteps(this, article, this.hovers);
  }

  /** Quotes grouped by speaker (named speakers first, alphabetically; unattributed last). */
  quotesBySpeaker(): QuoteGroup[] {
    return drain(quoteGroupSteps(this));
  }

  /** quotesBySpeaker step by step (one step per quote), for a sliced build. */
  quoteGroupSteps(): Generator<void, QuoteGroup[]> {
    return quoteGroupSteps(this);
  }

  /** A quote with the sources and clusters that carry it. */
  quoteItem(q: Quote): QuoteItem {
    return quoteItem(this, q);
  }

  /** All quotes, for "Find Quote Across Sources…". */
  quoteItems(): QuoteItem[] {
    return quoteItems(this);
  }

  /** Divergences grouped by type, substantive types first. */
  divergencesByType(): DivergenceGroup[] {
    return drain(divergenceGroupSteps(this));
  }

  /** divergencesByType step by step (one step per match), for a sliced build. */
  divergenceGroupSteps(): Generator<void, DivergenceGroup[]> {
    return divergenceGroupSteps(this);
  }

  /** The panel's view model; `pair` restricts it to two articles. */
  panelModel(pair?: [string, string]): PanelModel {
    return drain(panelModelSteps(this, pair));
  }

  /** panelModel step by step (one step per cluster), for a sliced build. */
  panelModelSteps(pair?: [string, string]): Generator<void, PanelModel> {
    return panelModelSteps(this, pair);
  }

  /** Detail of a cluster: versions diffed against `reference` (default: the first member). */
  clusterDetail(clusterId: string, reference?: string, only?: Set<string>): ClusterDetail | undefined {
    return clusterDetail(this, clusterId, reference, only);
  }
}
