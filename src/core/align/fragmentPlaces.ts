// Where a quoted fragment lies in other articles of its story: the units sharing
// its probes in the run's candidate index (articles of the same story only), each
// searched near-exactly for the fragment's word tokens (locate.ts); the best place
// per other article wins (fewest edits, then inside a quote, then the shorter unit).
// Short title-case runs (names, titles, mottos) are no fragments.
import type { Unit } from '../types';
import type { CandidateIndex, AlignCache } from './cache';
import { textEntry } from './keys';
import { contentCount, locateRun, wordTokens, type WordTokens } from './locate';
import type { CompareCounts, GradedPair } from './pairs';
import type { PreparedUnit } from './prepare';
import { sameStory, type StoryContext } from './story';
import { ArticleSpans } from './articleSpans';

/** Fewest content words (not function words) a fragment needs to be looked up. */
export const MIN_FRAGMENT_CONTENT = 2;

/** A fragment of this many tokens or fewer must be found exactly; longer ones may differ by one token in FRAGMENT_TOKENS_PER_EDIT. */
export const EXACT_FRAGMENT_TOKENS = 7;

/** Tokens of a fragment per edit it may differ by from the stretch it is found in. */
export const FRAGMENT_TOKENS_PER_EDIT = 8;

/** A fragment unit of a run, with its article's number. */
export interface ArticleFragment {
  unit: Unit;
  article: number;
}

/** What the fragment search reads from an alignment run. */
export interface FragmentRun {
  /** The run's prepared units (sentence level). */
  prepared: readonly PreparedUnit[];
  /** The run's fragment units. */
  fragments: readonly ArticleFragment[];
  /** The run's candidate index (probe postings over the prepared units' texts). */
  index: CandidateIndex;
  /** The run's story context. */
  story: StoryContext;
  /** The sentence-level pairs accepted. */
  accepted: readonly GradedPair[];
  /** The run's memo tables (comparisons, text entries). */
  cache: AlignCache;
  /** The run's comparison counters. */
  counts: CompareCounts;
  /** Probes held by more documents than this look nothing up (AlignOptions.maxProbeDf). */
  maxProbeDf: number;
  /** The run's cancellation check. */
  check: () => void;
}

/** A fragment looked up: its unit, article, probes and the prepared unit it is or lies in (-1: none). */
export interface Source {
  unit: Unit;
  article: number;
  probeIds: Int32Array;
  own: number;
  /** Whether the fragment is that prepared unit itself. */
  isUnit: boolean;
}

/** The best place found for a fragment in one other article. */
export interface Place {
  j: number;
  cost: number;
  from: number;
  to: number;
}

/** A fragment of this many tokens or fewer written in title case is a name or title ("In God We Trust"), not a statement: never looked up. */
export const NAME_MAX_TOKENS = 6;

/** True for a short run of tokens whose content words all start with a capital (a name, title or motto). */
function nameLike(unit: Unit, tokens: WordTokens, from = 0, to = tokens.norm.length): boolean {
  if (to - from > NAME_MAX_TOKENS) return false;
  let content = 0;
  for (let k = from; k < to; k++) {
    const at = tokens.start[k] - unit.start;
    // a part of a hyphenated word counts with its head ("Chick-fil-A")
    if (contentCount(tokens, k, k + 1) === 0 || /[-\u2011]/.test(unit.text[at - 1] ?? '')) continue;
    content++;
    if (!/^\p{Lu}/u.test(unit.text.slice(at, tokens.end[k] - unit.start))) return false;
  }
  return content > 0;
}

/** Edits a fragment of n tokens may differ by. */
function allowedEdits(n: number): number {
  return n <= EXACT_FRAGMENT_TOKENS ? 0 : Math.floor(n / FRAGMENT_TOKENS_PER_EDIT);
}

/** Per-run scratch: unit tokens (memoised), shared-probe tallies, accepted pairs and each unit's counterpart articles. */
export class SearchState {
  private readonly tokens = new Map<number, WordTokens>();
  readonly stamp: Int32Array;
  readonly shared: Int32Array;
  now = 0;
  private readonly pairs = new Map<number, number>();
  private readonly counterparts = new Set<number>();
  readonly spans: ArticleSpans;

  constructor(
    private readonly run: FragmentRun,
    private readonly articles: number,
  ) {
    const n = run.prepared.length;
    this.stamp = new Int32Array(n).fill(-1);
    this.shared = new Int32Array(n);
    run.accepted.forEach((g, k) => {
      this.pairs.set(Math.min(g.i, g.j) * n + Math.max(g.i, g.j), k);
      this.counterparts.add(g.i * articles + g.aj);
      this.counterparts.add(g.j * articles + g.ai);
    });
    this.spans = new ArticleSpans(run.prepared, run.fragments, articles);
  }

  /** Tokens of prepared unit j. */
  tokensOf(j: number): WordTokens {
    let t = this.tokens.get(j);
    if (!t) {
      const u = this.run.prepared[j].unit;
      this.tokens.set(j, (t = wordTokens(u.text, u.start)));
    }
    return t;
  }

  /** The index (in the accepted pairs) of the sentence-level link of prepared units i and j, or -1. */
  linkOf(i: number, j: number): number {
    const n = this.run.prepared.length;
    return this.pairs.get(Math.min(i, j) * n + Math.max(i, j)) ?? -1;
  }

  /** True when prepared unit i has a sentence-level counterpart in article b. */
  hasCounterpart(i: number, b: number): boolean {
    return this.counterparts.has(i * this.articles + b);
  }
}

/** The fragments to look up: quote units and fragment units (tokens not yet taken). */
export function collectSources(run: FragmentRun, state: SearchState): Source[] {
  const sources: Source[] = [];
  run.prepared.forEach((p, i) => {
    if (p.unit.kind === 'quote') sources.push({ unit: p.unit, article: p.article, probeIds: p.entry.probeIds, own: i, isUnit: true });
  });
  for (const f of run.fragments) {
    const own = state.spans.unitAt(f.article, f.unit.start, f.unit.end);
    sources.push({ unit: f.unit, article: f.article, probeIds: textEntry(f.unit.text, run.cache).probeIds, own, isUnit: false });
  }
  return sources;
}

/** A source's tokens when it is worth looking up (MIN_FRAGMENT_CONTENT content words, not a name or title), else undefined. */
function sourceTokens(state: SearchState, src: Source): WordTokens | undefined {
  const tokens = src.isUnit ? state.tokensOf(src.own) : wordTokens(src.unit.text, src.unit.start);
  return contentCount(tokens) >= MIN_FRAGMENT_CONTENT && !nameLike(src.unit, tokens) ? tokens : undefined;
}

/** Prepared units of other articles sharing at least half the fragment's usable probes, in index order. */
function candidateUnits(run: FragmentRun, state: SearchState, src: Source): number[] {
  const { start, postingData, docUnits, unitArticle } = run.index;
  const np = start.length - 1;
  const now = state.now++;
  const hit: number[] = [];
  let usable = 0;
  for (const k of src.probeIds) {
    if (k >= np || start[k + 1] === start[k] || start[k + 1] - start[k] > run.maxProbeDf) continue;
    usable++;
    for (let p = start[k]; p < start[k + 1]; p++) {
      for (const j of docUnits[postingData[p]]) {
        if (unitArticle[j] === src.article) continue;
        if (state.stamp[j] !== now) {
          state.stamp[j] = now;
          state.shared[j] = 0;
          hit.push(j);
        }
        state.shared[j]++;
      }
    }
  }
  const need = Math.max(1, Math.ceil(usable / 2));
  return hit.filter((j) => state.shared[j] >= need).sort((x, y) => x - y);
}

/** True when place p is better than q: fewer edits, then in a quote unit, then in a shorter unit, then earlier. */
function betterPlace(run: FragmentRun, p: Place, q: Place | undefined): boolean {
  if (!q) return true;
  if (p.cost !== q.cost) return p.cost < q.cost;
  const up = run.prepared[p.j].unit;
  const uq = run.prepared[q.j].unit;
  if ((up.kind === 'quote') !== (uq.kind === 'quote')) return up.kind === 'quote';
  return up.text.length < uq.text.length;
}

/** The best place of a fragment in each other article of its story (by article number). */
export function placesOf(run: FragmentRun, state: SearchState, src: Source): Map<number, Place> {
  const places = new Map<number, Place>();
  const candidates = candidateUnits(run, state, src).filter((j) => {
    const b = run.prepared[j].article;
    return sameStory(run.story, src.article, b) && !(src.isUnit && state.hasCounterpart(src.own, b));
  });
  const own = candidates.length ? sourceTokens(state, src) : undefined;
  if (!own) return places;
  const maxCost = allowedEdits(own.norm.length);
  for (const j of candidates) {
    const b = run.prepared[j].article;
    const tokens = state.tokensOf(j);
    const found = locateRun(own.norm, tokens.norm, maxCost);
    if (!found || nameLike(run.prepared[j].unit, tokens, found.from, found.to)) continue;
    const place = { j, ...found };
    if (betterPlace(run, place, places.get(b))) places.set(b, place);
  }
  return places;
}
