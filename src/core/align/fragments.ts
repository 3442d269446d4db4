// Sub-sentence alignment: a quoted fragment — a quote sentence, or a partial
// quote's sentence set in the reporter's own words — links to the exact sub-span
// of its longer version in another article of the same story ("not going to talk
// about this anymore" inside "You know I'm not going to talk about this anymore.").
// Runs after the sentence-level alignment. The units a fragment may lie in are
// those sharing its probes in the run's candidate index, in articles of the same
// story (story.ts); its word tokens are located in each near-exactly (locate.ts);
// the best place per other article becomes a link, graded against the sub-span
// and `truncated` when the longer quote goes on beyond it (fragmentCut.ts).
import type { Comparison, Unit } from '../types';
import type { AlignCache, CandidateIndex } from './cache';
import { textEntry } from './keys';
import { contentCount, locateRun, wordTokens, type WordTokens } from './locate';
import { compareUnits, type CompareCounts, type GradedPair } from './pairs';
import type { PreparedUnit } from './prepare';
import { keepsLink } from './gate';
import { sameStory, type StoryContext } from './story';
import { withCut } from './fragmentCut';
import { ArticleSpans } from './articleSpans';
import { spanKey } from './cluster';

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

/** A sub-sentence link: two spans as units of their own (the fragment and the sub-span), `a` of the lower article number, graded. */
export interface FragmentLink {
  a: Unit;
  b: Unit;
  ai: number;
  aj: number;
  cmp: Comparison;
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
  cache: AlignCache;
  counts: CompareCounts;
  /** Probes held by more documents than this look nothing up (AlignOptions.maxProbeDf). */
  maxProbeDf: number;
  check: () => void;
}

/** Fragment units apart from the units aligned sentence by sentence. */
export function splitFragments(units: readonly Unit[]): { units: Unit[]; fragments: Unit[] } {
  const whole: Unit[] = [];
  const fragments: Unit[] = [];
  for (const u of units) (u.fragment ? fragments : whole).push(u);
  return { units: whole, fragments };
}

/** The fragment units of articles the run numbered (an article with no unit cannot hold a longer version). */
export function numberFragments(fragments: readonly Unit[], articleOrder: ReadonlyMap<string, number>): ArticleFragment[] {
  const out: ArticleFragment[] = [];
  for (const unit of fragments) {
    const article = articleOrder.get(unit.article);
    if (article !== undefined && /[\p{L}\p{N}]/u.test(unit.text)) out.push({ unit, article });
  }
  return out;
}

/** A fragment looked up: its unit, article, tokens, probes and the prepared unit it is or lies in (-1: none). */
interface Source {
  unit: Unit;
  article: number;
  probeIds: Int32Array;
  own: number;
  /** Whether the fragment is that prepared unit itself. */
  isUnit: boolean;
}

/** The best place found for a fragment in one other article. */
interface Place {
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
class SearchState {
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
function collectSources(run: FragmentRun, state: SearchState): Source[] {
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
function placesOf(run: FragmentRun, state: SearchState, src: Source): Map<number, Place> {
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

/** A span of an article as a unit of its own (no fragment flag). */
function spanUnit(u: Unit, start: number, end: number, kind = u.kind, speaker = u.speaker, quote = u.quote): Unit {
  const unit: Unit = { article: u.article, start, end, text: u.text.slice(start - u.start, end - u.start), kind, speaker };
  if (quote) unit.quote = quote;
  return unit;
}

/** True when every token lies inside [start, end). */
function allInside(tokens: WordTokens, start: number, end: number): boolean {
  return tokens.start.every((s, k) => s >= start && tokens.end[k] <= end);
}

/**
 * The sub-span a place gives, as a unit, and the quote sentence holding it (its longer
 * version, when the place is inside a quote): the whole quote sentence when the place covers
 * all its words, else the exact stretch of tokens found.
 */
function subSpanUnit(run: FragmentRun, state: SearchState, place: Place): { unit: Unit; context?: Unit } {
  const u = run.prepared[place.j].unit;
  const t = state.tokensOf(place.j);
  const start = t.start[place.from];
  const end = t.end[place.to - 1];
  const context = state.spans.quoteAround(run.prepared[place.j].article, start, end);
  if (context && allInside(wordTokens(context.text, context.start), start, end)) return { unit: spanUnit(context, context.start, context.end), context };
  return { unit: spanUnit(u, start, end, context ? 'quote' : u.kind, context?.speaker ?? u.speaker, context?.quote), context };
}

/** The link of a fragment and its place in another article, graded; undefined when the two do not say the same thing. */
function linkOf(run: FragmentRun, state: SearchState, src: Source, place: Place): FragmentLink | undefined {
  const { unit: sub, context } = subSpanUnit(run, state, place);
  const b = run.prepared[place.j].article;
  const [a, ua, aj, ub] = src.article < b ? [src.article, src.unit, b, sub] : [b, sub, src.article, src.unit];
  const cmp = compareUnits(ua, ub, run.cache, run.counts);
  if (!cmp.grade || !keepsLink(ua.text, ub.text, cmp, a, aj, run.story, run.cache)) return undefined;
  const cut = withCut(cmp, { fragment: src.unit, sub, context, fragmentSide: src.article < b ? 'a' : 'b', around: state.spans.unitsAround(src.article, src.unit.start, src.unit.end) });
  return { a: ua, b: ub, ai: a, aj, cmp: cut };
}

/** The sub-sentence links of a run, and the sentence-level pairs they replace (indices into the accepted pairs). */
export interface FragmentAlignment {
  links: FragmentLink[];
  superseded: Set<number>;
}

/** True when a sentence-level link of a fragment's sentence gives way to the fragment's own link: a reporter's sentence reworded against the quote it quotes from. */
function supersedes(run: FragmentRun, src: Source, pair: number, place: Place): boolean {
  return !src.isUnit && run.prepared[src.own].unit.kind === 'passage' && run.prepared[place.j].unit.kind === 'quote' && run.accepted[pair].cmp.grade === 'reworded';
}

/**
 * Sub-sentence links of an alignment run: each quote unit and fragment unit found near-exactly
 * inside a unit of another article of its story, at most one place per other article. Where the
 * sentences holding the two are linked already, the fragment adds nothing, unless that link is a
 * reporter's sentence reworded against the quote: the fragment's exact link replaces it.
 * Links are in fragment order, one per pair of spans, none nested in another between the same articles.
 */
export function alignFragments(run: FragmentRun, articles: number): FragmentAlignment {
  const state = new SearchState(run, articles);
  const links: FragmentLink[] = [];
  const superseded = new Set<number>();
  const seen = new Set<string>();
  for (const src of collectSources(run, state)) {
    run.check();
    for (const place of [...placesOf(run, state, src).values()].sort((x, y) => run.prepared[x.j].article - run.prepared[y.j].article)) {
      const pair = src.own >= 0 ? state.linkOf(src.own, place.j) : -1;
      if (pair >= 0 && !supersedes(run, src, pair, place)) continue;
      const link = linkOf(run, state, src, place);
      if (!link) continue;
      const key = `${link.ai}:${link.a.start}:${link.a.end}|${link.aj}:${link.b.start}:${link.b.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      links.push(link);
      if (pair >= 0) superseded.add(pair);
    }
  }
  return { links: dropNestedLinks(links), superseded };
}

/** True when span x lies inside span y (or equals it). */
function within(x: Unit, y: Unit): boolean {
  return x.start >= y.start && x.end <= y.end;
}

/** The links without those whose two spans lie inside the two spans of another link between the same articles (it says no more). */
function dropNestedLinks(links: FragmentLink[]): FragmentLink[] {
  const byPair = new Map<string, FragmentLink[]>();
  for (const l of links) {
    const key = `${l.ai},${l.aj}`;
    const list = byPair.get(key);
    if (list) list.push(l);
    else byPair.set(key, [l]);
  }
  return links.filter((l) => !byPair.get(`${l.ai},${l.aj}`)!.some((o) => o !== l && within(l.a, o.a) && within(l.b, o.b)));
}

/** The clusterer's nodes of sub-sentence links: spans equal to a prepared unit's are that unit (its index); others are new nodes numbered after the prepared units. */
export interface FragmentNodes {
  /** The new nodes' spans, as units. */
  units: Unit[];
  /** The new nodes' article numbers. */
  articles: number[];
  /** Per link: its two nodes. */
  endA: number[];
  /** See `endA`. */
  endB: number[];
}

/** The nodes of the links' spans (see FragmentNodes). */
export function fragmentNodes(prepared: readonly PreparedUnit[], links: readonly FragmentLink[]): FragmentNodes {
  const nodes: FragmentNodes = { units: [], articles: [], endA: [], endB: [] };
  if (!links.length) return nodes;
  const byStart = new Map<number, number>();
  prepared.forEach((p, i) => byStart.set(spanKey(p.article, p.unit.start), i));
  const added = new Map<string, number>();
  const nodeOf = (u: Unit, article: number) => {
    const i = byStart.get(spanKey(article, u.start));
    if (i !== undefined && prepared[i].unit.end === u.end) return i;
    const key = `${article}:${u.start}:${u.end}`;
    let n = added.get(key);
    if (n === undefined) {
      added.set(key, (n = prepared.length + nodes.units.length));
      nodes.units.push(u);
      nodes.articles.push(article);
    }
    return n;
  };
  for (const link of links) {
    nodes.endA.push(nodeOf(link.a, link.ai));
    nodes.endB.push(nodeOf(link.b, link.aj));
  }
  return nodes;
}
