// Story context (document level, as Passim and Dolos use it): two articles
// tell one story when they share rare content — probes (pairs of consecutive
// stems, numbers, lone rare stems) that few articles of the corpus hold.
// Computed once per alignment run from its prepared units; pairs of articles
// are only looked at when a reworded candidate between them asks.
import type { PreparedUnit } from './prepare';
import { countSharedSorted } from '../util/sorted';

/** Per article: its distinct rare probe ids (sorted); per article pair: the verdict, memoised. */
export interface StoryContext {
  /** Rare probe ids of each article, sorted ascending. */
  rare: Int32Array[];
  /** Verdicts by `ai * articles + aj` (ai < aj). */
  verdicts: Map<number, boolean>;
  /** Number of articles. */
  articles: number;
  /** Distinct probes of each article (rare or not). */
  size: Int32Array;
  /** The unit texts of each article (storyWords.ts counts their words, on demand). */
  texts: string[][];
  /** The text of each article's first unit by position (its headline, or its lede when it has none). */
  opening: (string | undefined)[];
  /** Per article, once asked: how many of its units hold each content lemma (see storyWords.ts). */
  lemmaUnits: Map<number, Map<string, number>>;
}

/** Shared rare probes two long articles need to count as one story. */
export const STORY_MIN_SHARED = 6;

/** Shared rare probes articles ai and aj need: STORY_MIN_SHARED, fewer for short articles (a tenth of the shorter's probes, at least 2). */
function storyNeed(story: StoryContext, ai: number, aj: number): number {
  return Math.min(STORY_MIN_SHARED, Math.max(2, Math.ceil(0.1 * Math.min(story.size[ai], story.size[aj]))));
}

/** The largest article frequency of a rare probe: a few articles, or 2 % of a large corpus. */
export function rareProbeLimit(articles: number): number {
  return Math.max(4, Math.ceil(0.02 * articles));
}

/** Distinct probe ids of each article (in order of first appearance), from typed arrays: no per-article sets. */
function probesPerArticle(prepared: readonly PreparedUnit[], articles: number): Int32Array[] {
  // the units of each article (counting sort by article, input order kept)
  const first = new Int32Array(articles + 1);
  for (const p of prepared) first[p.article + 1]++;
  for (let a = 0; a < articles; a++) first[a + 1] += first[a];
  const fill = first.slice(0, articles);
  const byArticle = new Int32Array(prepared.length);
  prepared.forEach((p, i) => (byArticle[fill[p.article]++] = i));
  let ids = 0;
  for (const p of prepared) for (const k of p.entry.probeIds) ids = Math.max(ids, k + 1);
  const mark = new Int32Array(ids).fill(-1);
  const scratch: number[] = [];
  const per: Int32Array[] = new Array(articles);
  for (let a = 0; a < articles; a++) {
    scratch.length = 0;
    for (let u = first[a]; u < first[a + 1]; u++) {
      for (const k of prepared[byArticle[u]].entry.probeIds) {
        if (mark[k] === a) continue;
        mark[k] = a;
        scratch.push(k);
      }
    }
    per[a] = Int32Array.from(scratch);
  }
  return per;
}

/** The story context of an alignment run's prepared units. */
export function buildStoryContext(prepared: readonly PreparedUnit[], articles: number): StoryContext {
  const per = probesPerArticle(prepared, articles);
  let ids = 0;
  for (const probes of per) for (const k of probes) ids = Math.max(ids, k + 1);
  const df = new Int32Array(ids);
  for (const probes of per) for (const k of probes) df[k]++;
  const limit = rareProbeLimit(articles);
  const rare = per.map((probes) => probes.filter((k) => df[k] >= 2 && df[k] <= limit).sort());
  const texts: string[][] = Array.from({ length: articles }, () => []);
  const opening: (PreparedUnit | undefined)[] = new Array(articles);
  for (const p of prepared) {
    texts[p.article].push(p.unit.text);
    const first = opening[p.article];
    if (!first || p.unit.start < first.unit.start) opening[p.article] = p;
  }
  const size = Int32Array.from(per, (probes) => probes.length);
  return { rare, verdicts: new Map(), articles, size, texts, opening: opening.map((p) => p?.unit.text), lemmaUnits: new Map() };
}

/** True when articles ai and aj share enough rare content to tell one story (memoised per pair). */
export function sameStory(story: StoryContext, ai: number, aj: number): boolean {
  if (ai === aj) return true;
  const key = Math.min(ai, aj) * story.articles + Math.max(ai, aj);
  let verdict = story.verdicts.get(key);
  if (verdict === undefined) {
    verdict = countSharedSorted(story.rare[ai], story.rare[aj]) >= storyNeed(story, ai, aj);
    story.verdicts.set(key, verdict);
  }
  return verdict;
}
