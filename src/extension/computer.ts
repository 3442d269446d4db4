// The pure "computer": turns an AnalysisResult plus the articles into what the
// VS Code glue shows — highlight ranges, hover markdown, diagnostic
// descriptors, tree models, quick-pick items and the panel's view model.
// No `vscode` import, so everything here is unit-tested in plain Node.
import type { AnalysisResult, Article, Cluster, Divergence, DivergenceType, Grade, Match, MatchKind, MatchSide, Quote } from '../core/types';
import { Commands, commandUri, type RevealTarget } from './commands';
import { bold, escapeMarkdown, strike } from './markdown';
import { PALETTE_SIZE, slotOf } from './palette';
import type { ClusterDetail, DetailDivergence, DetailVersion, PanelModel } from './panel/protocol';
import { gradeAtLeast } from './settings';
import { wordDiff, type DiffSegment } from './wordDiff';
import { SpanTable } from '../core/util/spanTable';

export interface HighlightRange {
  cluster: string;
  kind: MatchKind;
  slot: number;
  start: number;
  end: number;
}

export type SeverityName = 'warning' | 'information';

export interface DiagnosticDescriptor {
  article: string;
  start: number;
  end: number;
  message: string;
  type: DivergenceType;
  /** The other side of the match. */
  related: RevealTarget & { message: string };
}

export interface QuoteGroup {
  speaker: string;
  quotes: QuoteItem[];
}

export interface QuoteItem {
  quote: Quote;
  /** Distinct articles carrying the quote (itself included). */
  sources: number;
  clusters: string[];
}

export interface DivergenceItem {
  match: string;
  cluster: string;
  divergence: Divergence;
  /** Where to reveal: side a's span of the divergence (or of the match). */
  target: RevealTarget;
  label: string;
  description: string;
}

export interface DivergenceGroup {
  type: DivergenceType;
  substantive: boolean;
  items: DivergenceItem[];
}

const SUBSTANTIVE_ORDER: DivergenceType[] = ['number', 'attribution', 'entity', 'negation', 'hedge', 'qualifier', 'truncation', 'omission', 'addition'];
const COSMETIC_ORDER: DivergenceType[] = ['wording', 'spelling', 'typography', 'punctuation', 'case'];
export const DIVERGENCE_ORDER: DivergenceType[] = [...SUBSTANTIVE_ORDER, ...COSMETIC_ORDER];

/** Divergences with substantive ones first, in a stable type order. */
export function sortDivergences<T extends { type: DivergenceType; substantive: boolean }>(list: T[]): T[] {
  return list
    .map((d, i) => ({ d, i }))
    .sort((x, y) => {
      if (x.d.substantive !== y.d.substantive) return x.d.substantive ? -1 : 1;
      const tx = DIVERGENCE_ORDER.indexOf(x.d.type);
      const ty = DIVERGENCE_ORDER.indexOf(y.d.type);
      return tx !== ty ? tx - ty : x.i - y.i;
    })
    .map((e) => e.d);
}

/** Text on one line (whitespace runs collapsed), cut to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

/**
 * One side of a divergence for display: the text in quotation marks, or "(nothing)"
 * when that side has none (an em dash in quotes read as if the text were a dash).
 */
export function quotedOrNothing(text: string, max: number, escape: (s: string) => string = (s) => s): string {
  const t = clip(text, max);
  return t ? `“${escape(t)}”` : escape('(nothing)');
}

function cap(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** Longest stretch (ms) sliced work runs before giving the event loop a turn. */
export const SLICE_MS = 12;

/** Resolves on the next event-loop turn (after pending I/O and timers). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs a generator's steps in slices of about `budgetMs`, giving the event loop
 * a turn between slices; `isStale` returning true stops it early (returns false).
 */
export async function runSliced(steps: Iterator<unknown>, budgetMs = SLICE_MS, isStale?: () => boolean): Promise<boolean> {
  return (await stepSliced(steps, budgetMs, isStale)).done === true;
}

/** The loop of runSliced and sliced: the generator's final result, or `{ done: false }` when stopped as stale. */
async function stepSliced<T>(steps: Iterator<unknown, T>, budgetMs: number, isStale?: () => boolean): Promise<IteratorResult<unknown, T> | { done: false; value?: undefined }> {
  for (;;) {
    const until = Date.now() + budgetMs;
    do {
      const r = steps.next();
      if (r.done) return r;
    } while (Date.now() < until);
    await nextTurn();
    if (isStale?.()) return { done: false };
  }
}

/** Runs a generator's steps to the end at once and returns its value (the synchronous form of a sliced build). */
export function drain<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs a generator's steps in slices of about `budgetMs` across event-loop turns and returns its value. */
export async function sliced<T>(steps: Generator<unknown, T>, budgetMs = SLICE_MS): Promise<T> {
  return (await stepSliced(steps, budgetMs)).value as T;
}

/**
 * A Map from string keys split over 64 smaller Maps. A JS Map grows by rehashing all
 * of its entries in one go: at 524,288 entries one `set` takes 25–35 ms, which alone
 * broke the 50 ms main-thread budget while a 570,000-match result was indexed. Shards
 * rehash 64 times less at once.
 */
export class ShardedMap<V> {
  private readonly shards: Map<string, V>[] = Array.from({ length: 64 }, () => new Map<string, V>());

  private shard(key: string): Map<string, V> {
    let h = key.length;
    for (let i = Math.max(0, key.length - 4); i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
    return this.shards[h & 63];
  }

  get(key: string): V | undefined {
    return this.shard(key).get(key);
  }

  has(key: string): boolean {
    return this.shard(key).has(key);
  }

  set(key: string, value: V): this {
    this.shard(key).set(key, value);
    return this;
  }

  get size(): number {
    let n = 0;
    for (const m of this.shards) n += m.size;
    return n;
  }
}

export interface ComputerOptions {
  minGrade?: Grade;
}

export class CorpusComputer {
  readonly articles: Article[];
  readonly clusters!: Cluster[];
  readonly matches!: Match[];
  private readonly byId = new Map<string, Article>();
  private readonly clusterById = new Map<string, Cluster>();
  private readonly matchById = new ShardedMap<Match>();
  private readonly highlights = new Map<string, SpanTable<HighlightRange>>();
  /** Substantive divergences over all matches (counted once). */
  private substantive: number | undefined;

  /** Builds the computer at once; `CorpusComputer.build` passes `deferInit` and runs the same steps in slices. */
  constructor(readonly result: AnalysisResult, articles: Article[], opts: ComputerOptions = {}, deferInit = false) {
    this.articles = articles;
    if (!deferInit) drain(this.init(opts));
  }

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

  /** The constructor's work as steps; yields every few hundred items so it can be sliced. */
  private *init(opts: ComputerOptions): Generator<void> {
    const min = opts.minGrade ?? 'reworded';
    const result = this.result;
    for (const a of this.articles) this.byId.set(a.id, a);
    yield;
    const matches: Match[] = [];
    let n = 0;
    let substantive = 0;
    for (const m of result.matches ?? []) {
      if (gradeAtLeast(m.grade, min) && this.byId.has(m.a.article) && this.byId.has(m.b.article)) {
        matches.push(m);
        this.matchById.set(m.id, m);
        for (const d of m.divergences) if (d.substantive) substantive++;
      }
      if ((++n & 511) === 0) yield;
    }
    (this as { matches: Match[] }).matches = matches;
    this.substantive = substantive;
    const clusters: Cluster[] = [];
    const spans = new Map<string, HighlightRange[]>();
    for (const c of result.clusters ?? []) {
      if ((++n & 511) === 0) yield;
      if (!c.matches.some((id) => this.matchById.has(id))) continue;
      clusters.push(c);
      this.clusterById.set(c.id, c);
      const slot = slotOf(c.id);
      for (const m of c.members) {
        if (!this.byId.has(m.article) || m.end <= m.start) continue;
        let list = spans.get(m.article);
        if (!list) spans.set(m.article, (list = []));
        list.push({ cluster: c.id, kind: c.kind, slot, start: m.start, end: m.end });
      }
    }
    (this as { clusters: Cluster[] }).clusters = clusters;
    // per-article span tables: hover and next/previous look-ups are binary searches
    for (const [article, list] of spans) {
      this.highlights.set(article, new SpanTable(list));
      if ((++n & 63) === 0) yield;
    }
  }

  get sourceCount(): number {
    return this.articles.length;
  }

  article(id: string): Article | undefined {
    return this.byId.get(id);
  }

  cluster(id: string): Cluster | undefined {
    return this.clusterById.get(id);
  }

  /** Short label of a source: its id (file name without extension). */
  sourceName(id: string): string {
    return id;
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
  divergenceRange(match: Match, d: Divergence, side: 'a' | 'b'): { start: number; end: number } {
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

  /** Substantive divergences as diagnostics on both articles of each match. */
  diagnostics(): DiagnosticDescriptor[] {
    const out: DiagnosticDescriptor[] = [];
    for (const d of this.diagnosticSteps()) if (d) out.push(d);
    return out;
  }

  /**
   * The same diagnostics one by one (undefined between matches, so a caller can
   * slice the work with runSliced without blocking the event loop).
   */
  *diagnosticSteps(): Generator<DiagnosticDescriptor | undefined> {
    const seen = new Set<string>();
    for (const m of this.matches) {
      yield undefined;
      for (const d of m.divergences) {
        if (!d.substantive) continue;
        const ra = this.divergenceRange(m, d, 'a');
        const rb = this.divergenceRange(m, d, 'b');
        const sides: ['a' | 'b', { start: number; end: number }, { start: number; end: number }][] = [
          ['a', ra, rb],
          ['b', rb, ra],
        ];
        for (const [side, here, there] of sides) {
          const otherSide = side === 'a' ? 'b' : 'a';
          const article = m[side].article;
          const other = m[otherSide].article;
          const mine = side === 'a' ? d.a : d.b;
          const theirs = side === 'a' ? d.b : d.a;
          const name = this.sourceName(other);
          const versions = !theirs.trim()
            ? `${name} lacks “${clip(mine, 80)}”`
            : !mine.trim()
              ? `${name} adds “${clip(theirs, 80)}”`
              : `this article has “${clip(mine, 80)}”, ${name} has “${clip(theirs, 80)}”`;
          const message = `${cap(d.type)}: ${versions}` + (d.message ? ` — ${d.message}` : '');
          const key = `${article}|${here.start}|${here.end}|${other}|${d.type}|${mine}|${theirs}`;
          if (seen.has(key)) continue;
          seen.add(key);
          yield {
            article,
            start: here.start,
            end: here.end,
            message,
            type: d.type,
            related: { article: other, start: there.start, end: there.end, message: `${this.sourceName(other)}: “${clip(theirs || m[otherSide].text, 120)}”` },
          };
        }
      }
    }
  }

  /** Number of substantive divergences over all matches. */
  substantiveCount(): number {
    if (this.substantive === undefined) {
      let n = 0;
      for (const m of this.matches) for (const d of m.divergences) if (d.substantive) n++;
      this.substantive = n;
    }
    return this.substantive;
  }

  statusText(): string {
    const s = this.sourceCount;
    const n = this.substantiveCount();
    return `Crosscheck: ${s} source${s === 1 ? '' : 's'} · ${this.matches.length} match${this.matches.length === 1 ? '' : 'es'} · ${n} divergence${n === 1 ? '' : 's'}`;
  }

  /** "Quoted by 2 of 5 sources" / "Carried by 3 of 5 sources". */
  carriedText(cluster: Cluster): string {
    const n = new Set(cluster.members.map((m) => m.article)).size;
    return `${cluster.kind === 'quote' ? 'Quoted' : 'Carried'} by ${n} of ${this.sourceCount} sources`;
  }

  /** Hover markdown for a position, or undefined when no match covers it. */
  hoverMarkdown(article: string, offset: number): { markdown: string; start: number; end: number } | undefined {
    const clusters = this.clustersAt(article, offset);
    if (!clusters.length) return undefined;
    const parts: string[] = [];
    let start = Infinity;
    let end = -Infinity;
    for (const c of clusters) {
      const here = c.members.find((m) => m.article === article)!;
      start = Math.min(start, here.start);
      end = Math.max(end, here.end);
      parts.push(this.clusterHover(c, here));
    }
    return { markdown: parts.join('\n\n---\n\n'), start, end };
  }

  private clusterHover(c: Cluster, here: MatchSide): string {
    const lines: string[] = [];
    const speaker = c.speaker ?? here.speaker ?? null;
    const head = c.kind === 'quote' ? (speaker ? `**Quote** · ${escapeMarkdown(speaker)}` : '**Quote** · unattributed') : speaker ? `**Passage** · ${escapeMarkdown(speaker)}` : '**Passage**';
    lines.push(`${head} — ${escapeMarkdown(this.carriedText(c))} · weakest grade: ${c.grade}`);
    lines.push('');
    for (const other of c.members) {
      if (other.article === here.article) continue;
      const name = this.sourceName(other.article);
      const title = this.byId.get(other.article)?.title ?? '';
      const pair = this.matchBetween(c, here.article, other.article);
      lines.push(`**${escapeMarkdown(name)}**${title ? ` — ${escapeMarkdown(clip(title, 80))}` : ''}${pair ? ` · ${pair.match.grade}` : ''}`);
      lines.push('');
      lines.push('> ' + renderDiffMarkdown(wordDiff(here.text, other.text)));
      lines.push('');
      if (pair) {
        const divs = sortDivergences(pair.match.divergences);
        for (const d of divs) {
          const mine = pair.flipped ? d.b : d.a;
          const theirs = pair.flipped ? d.a : d.b;
          lines.push(
            `- ${d.substantive ? '**' + d.type + '**' : '_' + d.type + '_'}: ${quotedOrNothing(mine, 80, escapeMarkdown)} → ${quotedOrNothing(theirs, 80, escapeMarkdown)}${d.message ? ' — ' + escapeMarkdown(d.message) : ''}`,
          );
        }
        if (divs.length) lines.push('');
      }
      lines.push(`[Go to ${escapeMarkdown(name)}](${commandUri(Commands.revealSpan, { article: other.article, start: other.start, end: other.end })})`);
      lines.push('');
    }
    lines.push(`[Open in panel](${commandUri(Commands.openInPanel, c.id)})`);
    return lines.join('\n');
  }

  /** Quotes grouped by speaker (named speakers first, alphabetically; unattributed last). */
  quotesBySpeaker(): QuoteGroup[] {
    return drain(this.quoteGroupSteps());
  }

  /** quotesBySpeaker step by step (one step per quote), for a sliced build. */
  *quoteGroupSteps(): Generator<void, QuoteGroup[]> {
    const groups = new Map<string, QuoteItem[]>();
    for (const q of this.result.quotes ?? []) {
      yield;
      if (!this.byId.has(q.article)) continue;
      const key = q.speaker ?? '(unattributed)';
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(this.quoteItem(q));
    }
    return [...groups.entries()]
      .sort(([a], [b]) => (a === '(unattributed)' ? 1 : b === '(unattributed)' ? -1 : a.localeCompare(b)))
      .map(([speaker, quotes]) => ({ speaker, quotes }));
  }

  quoteItem(q: Quote): QuoteItem {
    const clusters = this.highlightsFor(q.article)
      .filter((h) => h.start < q.end && q.start < h.end)
      .map((h) => h.cluster);
    const arts = new Set<string>([q.article]);
    for (const id of clusters) for (const m of this.clusterById.get(id)!.members) arts.add(m.article);
    return { quote: q, sources: arts.size, clusters: [...new Set(clusters)] };
  }

  /** All quotes, for "Find Quote Across Sources…". */
  quoteItems(): QuoteItem[] {
    return (this.result.quotes ?? []).filter((q) => this.byId.has(q.article)).map((q) => this.quoteItem(q));
  }

  /** Divergences grouped by type, substantive types first. */
  divergencesByType(): DivergenceGroup[] {
    return drain(this.divergenceGroupSteps());
  }

  /** divergencesByType step by step (one step per match), for a sliced build. */
  *divergenceGroupSteps(): Generator<void, DivergenceGroup[]> {
    const groups = new Map<DivergenceType, DivergenceGroup>();
    for (const m of this.matches) {
      yield;
      for (const d of m.divergences) {
        let g = groups.get(d.type);
        if (!g) groups.set(d.type, (g = { type: d.type, substantive: d.substantive, items: [] }));
        const r = this.divergenceRange(m, d, 'a');
        g.items.push({
          match: m.id,
          cluster: m.cluster,
          divergence: d,
          target: { article: m.a.article, start: r.start, end: r.end },
          label: `${quotedOrNothing(d.a, 40)} → ${quotedOrNothing(d.b, 40)}`,
          description: `${this.sourceName(m.a.article)} ↔ ${this.sourceName(m.b.article)}`,
        });
      }
    }
    return sortDivergences([...groups.values()]);
  }

  /** The panel's view model; `pair` restricts it to two articles. */
  panelModel(pair?: [string, string]): PanelModel {
    return drain(this.panelModelSteps(pair));
  }

  /** panelModel step by step (one step per cluster), for a sliced build. */
  *panelModelSteps(pair?: [string, string]): Generator<void, PanelModel> {
    const keep = pair ? new Set(pair) : undefined;
    const articles = this.articles.filter((a) => !keep || keep.has(a.id)).map((a) => ({ id: a.id, title: a.title, file: a.file, text: a.text }));
    if (pair) articles.sort((x, y) => pair.indexOf(x.id) - pair.indexOf(y.id));
    yield;
    const clusters: PanelModel['clusters'] = [];
    for (const c of this.clusters) {
      yield;
      const members = c.members.filter((m) => (!keep || keep.has(m.article)) && this.byId.has(m.article)).map((m) => ({ article: m.article, start: m.start, end: m.end }));
      if (members.length < (keep ? 2 : 1)) continue;
      clusters.push({
        id: c.id,
        kind: c.kind,
        speaker: c.speaker,
        grade: c.grade,
        substantive: keep ? this.pairSubstantive(c, keep) : c.substantive,
        slot: slotOf(c.id),
        label: clip(c.members[0]?.text ?? '', 60),
        members,
      });
    }
    return { articles, clusters, totalSources: this.sourceCount, pair, paletteSize: PALETTE_SIZE };
  }

  private pairSubstantive(c: Cluster, keep: Set<string>): number {
    let n = 0;
    for (const id of c.matches) {
      const m = this.matchById.get(id);
      if (m && keep.has(m.a.article) && keep.has(m.b.article)) n += m.divergences.filter((d) => d.substantive).length;
    }
    return n;
  }

  /** Detail of a cluster: versions diffed against `reference` (default: the first member). */
  clusterDetail(clusterId: string, reference?: string, only?: Set<string>): ClusterDetail | undefined {
    const c = this.clusterById.get(clusterId);
    if (!c) return undefined;
    const members = c.members.filter((m) => this.byId.has(m.article) && (!only || only.has(m.article)));
    if (!members.length) return undefined;
    const ref = members.find((m) => m.article === reference) ?? members[0];
    const versions: DetailVersion[] = members.map((m) => {
      const v: DetailVersion = { article: m.article, title: this.byId.get(m.article)?.title ?? m.article, start: m.start, end: m.end, text: m.text };
      if (m === ref) v.reference = true;
      else {
        v.diff = wordDiff(ref.text, m.text);
        const pair = this.matchBetween(c, ref.article, m.article);
        if (pair) v.grade = pair.match.grade;
      }
      return v;
    });
    versions.sort((x, y) => (x.reference ? -1 : y.reference ? 1 : 0));
    const divergences: DetailDivergence[] = [];
    for (const id of c.matches) {
      const m = this.matchById.get(id);
      if (!m) continue;
      if (only && !(only.has(m.a.article) && only.has(m.b.article))) continue;
      for (const d of m.divergences) {
        divergences.push({ type: d.type, substantive: d.substantive, a: d.a, b: d.b, message: d.message, articleA: m.a.article, articleB: m.b.article, match: m.id });
      }
    }
    return {
      cluster: c.id,
      kind: c.kind,
      speaker: c.speaker,
      grade: c.grade,
      slot: slotOf(c.id),
      reference: ref.article,
      versions,
      divergences: sortDivergences(divergences),
    };
  }
}

/** Markdown of a word diff: deletions struck through, insertions bold, user text escaped. */
export function renderDiffMarkdown(segments: DiffSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (s.op === 'eq') out += escapeMarkdown(s.text);
    else if (s.op === 'del') out += strike(s.text);
    else out += bold(s.text);
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** An empty result, for an empty corpus. */
export function emptyResult(articles: Article[]): AnalysisResult {
  return {
    version: 1,
    articles: articles.map((a) => ({ id: a.id, file: a.file, title: a.title, length: a.text.length })),
    quotes: [],
    matches: [],
    clusters: [],
  };
}
