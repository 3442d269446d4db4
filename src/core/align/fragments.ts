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
import { wordTokens, type WordTokens } from './locate';
import { compareUnits } from './pairs';
import { keepsLink } from './gate';
import { withCut } from './fragmentCut';
import { collectSources, placesOf, SearchState, type ArticleFragment, type FragmentRun, type Place, type Source } from './fragmentPlaces';

export type { ArticleFragment, FragmentRun } from './fragmentPlaces';

/** A sub-sentence link: two spans as units of their own (the fragment and the sub-span), `a` of the lower article number, graded. */
export interface FragmentLink {
  a: Unit;
  b: Unit;
  ai: number;
  aj: number;
  cmp: Comparison;
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
  const nested = new Set<FragmentLink>();
  for (const list of byPair.values()) collectNested(list, nested);
  return links.filter((l) => !nested.has(l));
}

/**
 * Adds to `nested` each link of one article pair whose two spans lie inside another's. Sorted by
 * start (longest first) with a running maximum of ends, the backward scan stops as soon as no
 * earlier span reaches far enough, so disjoint spans (the usual case) cost one step each.
 */
function collectNested(list: FragmentLink[], nested: Set<FragmentLink>): void {
  const sorted = [...list].sort((x, y) => x.a.start - y.a.start || y.a.end - x.a.end);
  const maxEnd: number[] = [];
  for (let i = 0; i < sorted.length; i++) maxEnd.push(Math.max(sorted[i].a.end, i > 0 ? maxEnd[i - 1] : -1));
  const inside = (l: FragmentLink, o: FragmentLink): boolean => o !== l && within(l.a, o.a) && within(l.b, o.b);
  for (let i = 0; i < sorted.length; i++) {
    const l = sorted[i];
    let found = false;
    for (let j = i - 1; !found && j >= 0 && maxEnd[j] >= l.a.end; j--) found = inside(l, sorted[j]);
    for (let j = i + 1; !found && j < sorted.length && sorted[j].a.start === l.a.start && sorted[j].a.end === l.a.end; j++) found = inside(l, sorted[j]);
    if (found) nested.add(l);
  }
}
