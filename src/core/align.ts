// Cross-source alignment: finds units (sentences, quote sentences) of
// different articles that say the same thing. Candidates come from an
// inverted index over IDF-weighted keys (stems, news-domain concepts,
// WordNet synsets, numbers); only candidates are graded with compareTexts.
// Matches are then clustered transitively (union-find).
import { Cluster, Divergence, Grade, Match, MatchSide, Unit } from './types';
import { tokenize, normalizeText } from './normalize';
import { stemWord, lemmatize, domainConcepts, synsetsOf } from './lexicon';
import { compareTexts, weakerGrade } from './compare';
import { Comparison } from './types';

/** Tuning of the candidate search. */
export interface AlignOptions {
  /** At least this many of a unit's rarest keys probe the index (prefix filtering; more for long units). */
  probeKeys?: number;
  /** Minimum IDF-weighted key overlap (share of the lighter unit) for a candidate. */
  minOverlap?: number;
  /** Candidates graded per (unit, other article). */
  perArticle?: number;
  /** Candidates graded per unit overall (the best by key overlap). */
  perUnit?: number;
  /** Keys held by more units than this do not probe the index (they still weigh in the overlap). */
  maxProbeDf?: number;
}

const DEFAULTS: Required<AlignOptions> = { probeKeys: 8, minOverlap: 0.35, perArticle: 2, perUnit: 24, maxProbeDf: 600 };

const STOP = new Set('a an the and or but of to in on at by for with from as is are was were be been has have had it its this that these those he she they we i you his her their our which who will would can could not no said says also than then there'.split(' '));

/** Index keys of a text: stems, domain concepts, top WordNet synsets and numbers of its content words. */
export function unitKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const t of tokenize(text)) {
    if (t.kind === 'number') {
      keys.add(`#${t.norm.replace(/[$,]/g, '')}`);
      continue;
    }
    if (t.kind !== 'word' || STOP.has(t.norm) || t.norm.length < 2) continue;
    keys.add(stemWord(t.norm));
    const lemma = lemmatize(t.norm);
    for (const d of domainConcepts(lemma)) keys.add(d);
    let n = 0;
    for (const s of synsetsOf(t.norm)) {
      keys.add(s);
      if (++n >= 2) break;
    }
  }
  return keys;
}

/** A text's identity key within one article (typography, case, whitespace and edge punctuation folded). */
export function identityKey(text: string): string {
  return normalizeText(text).text.replace(/[^\p{L}\p{N} ]+/gu, '').replace(/\s+/g, ' ').trim();
}

interface Prepared {
  unit: Unit;
  index: number;
  article: number;
  keys: string[];
  weight: number;
}

/** Simple union-find over integer ids. */
class UnionFind {
  private parent: number[] = [];
  find(x: number): number {
    while (this.parent[x] !== undefined && this.parent[x] !== x) {
      const p = this.parent[x];
      this.parent[x] = this.parent[p] ?? p;
      x = p;
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Prepares the matchable units: no boilerplate, no empty ones, one copy of a sentence repeated in an article. */
function prepareUnits(units: Unit[]): { prepared: Prepared[]; articleOrder: Map<string, number> } {
  const articleOrder = new Map<string, number>();
  const seen = new Set<string>();
  const prepared: Prepared[] = [];
  units.forEach((unit, index) => {
    if (!articleOrder.has(unit.article)) articleOrder.set(unit.article, articleOrder.size);
    if (unit.boilerplate || !/[\p{L}\p{N}]/u.test(unit.text)) return;
    const id = `${unit.article}\u0000${identityKey(unit.text)}`;
    if (seen.has(id)) return;
    seen.add(id);
    prepared.push({ unit, index, article: articleOrder.get(unit.article)!, keys: [...unitKeys(unit.text)], weight: 0 });
  });
  return { prepared, articleOrder };
}

/** Candidate pairs (indices into prepared, i < j, different articles) from the inverted index. */
function findCandidates(prepared: Prepared[], opts: Required<AlignOptions>): [number, number][] {
  const df = new Map<string, number>();
  for (const p of prepared) for (const k of p.keys) df.set(k, (df.get(k) ?? 0) + 1);
  const n = prepared.length;
  const idf = (k: string) => Math.log(1 + n / (df.get(k) ?? 1));
  for (const p of prepared) p.weight = p.keys.reduce((s, k) => s + idf(k), 0);
  const postings = new Map<string, number[]>();
  for (let i = 0; i < n; i++) for (const k of prepared[i].keys) {
    let list = postings.get(k);
    if (!list) postings.set(k, (list = []));
    list.push(i);
  }
  const keySets = prepared.map((p) => new Set(p.keys));
  const out: [number, number][] = [];
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const p = prepared[i];
    // prefix filtering: a pair reaching minOverlap shares at least one of the rarest (1 - minOverlap) share of keys
    const probeCount = Math.max(opts.probeKeys, Math.ceil(p.keys.length * (1 - opts.minOverlap)) + 1);
    const probes = [...p.keys].filter((k) => (df.get(k) ?? 0) <= opts.maxProbeDf).sort((x, y) => idf(y) - idf(x)).slice(0, probeCount);
    const hits = new Set<number>();
    for (const k of probes) for (const j of postings.get(k)!) if (j !== i && prepared[j].article !== p.article) hits.add(j);
    // verify: IDF-weighted overlap, best few per other article
    const byArticle = new Map<number, [number, number][]>();
    for (const j of hits) {
      const q = prepared[j];
      let shared = 0;
      const [small, big] = p.keys.length <= q.keys.length ? [p.keys, keySets[j]] : [q.keys, keySets[i]];
      for (const k of small) if (big.has(k)) shared += idf(k);
      const overlap = shared / Math.max(1e-9, Math.min(p.weight, q.weight));
      if (overlap < opts.minOverlap) continue;
      const list = byArticle.get(q.article) ?? [];
      list.push([j, overlap]);
      byArticle.set(q.article, list);
    }
    const best: [number, number][] = [];
    for (const list of byArticle.values()) {
      list.sort((x, y) => y[1] - x[1]);
      best.push(...list.slice(0, opts.perArticle));
    }
    best.sort((x, y) => y[1] - x[1]);
    for (const [j] of best.slice(0, opts.perUnit)) seen.add(i < j ? i * n + j : j * n + i);
  }
  for (const key of seen) out.push([Math.floor(key / n), key % n]);
  out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return out;
}

function shiftDivergence(d: Divergence, aOffset: number, bOffset: number): Divergence {
  const out = { ...d };
  if (out.aStart !== undefined) out.aStart += aOffset;
  if (out.aEnd !== undefined) out.aEnd += aOffset;
  if (out.bStart !== undefined) out.bStart += bOffset;
  if (out.bEnd !== undefined) out.bEnd += bOffset;
  return out;
}

function sideOf(u: Unit): MatchSide {
  return { article: u.article, start: u.start, end: u.end, text: u.text, speaker: u.speaker ?? null };
}

const GRADE_RANK: Record<Grade, number> = { verbatim: 0, edited: 1, truncated: 2, reworded: 3 };

/**
 * Aligns units across articles: candidates from an index, graded with
 * compareTexts (speakers as context), at most one counterpart per (unit,
 * other article), clustered transitively. Divergence offsets are absolute.
 */
export function alignUnits(units: Unit[], options: AlignOptions = {}): { matches: Match[]; clusters: Cluster[] } {
  const opts = { ...DEFAULTS, ...options };
  const { prepared } = prepareUnits(units);
  const candidates = findCandidates(prepared, opts);
  const cache = new Map<string, Comparison>();
  const graded: { i: number; j: number; cmp: Comparison }[] = [];
  for (const [i, j] of candidates) {
    const a = prepared[i].unit;
    const b = prepared[j].unit;
    const key = `${a.text}\u0000${b.text}\u0000${a.speaker ?? ''}\u0000${b.speaker ?? ''}`;
    let cmp = cache.get(key);
    if (!cmp) {
      cmp = compareTexts(a.text, b.text, { speakerA: a.speaker, speakerB: b.speaker });
      cache.set(key, cmp);
    }
    if (cmp.grade) graded.push({ i, j, cmp });
  }
  // one best counterpart per (unit, other article), best pairs first
  graded.sort((x, y) => y.cmp.score - x.cmp.score || GRADE_RANK[x.cmp.grade!] - GRADE_RANK[y.cmp.grade!] || x.i - y.i || x.j - y.j);
  const taken = new Set<string>();
  const accepted: typeof graded = [];
  for (const g of graded) {
    const ka = `${g.i}:${prepared[g.j].article}`;
    const kb = `${g.j}:${prepared[g.i].article}`;
    if (taken.has(ka) || taken.has(kb)) continue;
    taken.add(ka);
    taken.add(kb);
    accepted.push(g);
  }
  return buildClusters(prepared, accepted);
}

/** Union-find clusters, ordered by first appearance; assigns `c<n>` and `m<n>` ids. */
function buildClusters(prepared: Prepared[], accepted: { i: number; j: number; cmp: Comparison }[]): { matches: Match[]; clusters: Cluster[] } {
  const uf = new UnionFind();
  for (const g of accepted) uf.union(g.i, g.j);
  const position = (i: number) => [prepared[i].article, prepared[i].unit.start] as const;
  const before = (x: number, y: number) => {
    const [pa, sa] = position(x);
    const [pb, sb] = position(y);
    return pa - pb || sa - sb;
  };
  const groups = new Map<number, typeof accepted>();
  for (const g of accepted) {
    const root = uf.find(g.i);
    const list = groups.get(root) ?? [];
    list.push(g);
    groups.set(root, list);
  }
  const ordered = [...groups.values()].map((list) => {
    const members = [...new Set(list.flatMap((g) => [g.i, g.j]))].sort(before);
    return { list, members };
  });
  ordered.sort((x, y) => before(x.members[0], y.members[0]));
  const matches: Match[] = [];
  const clusters: Cluster[] = [];
  ordered.forEach(({ list, members }, ci) => {
    const clusterId = `c${ci + 1}`;
    const sortedMatches = list
      .map((g) => (before(g.i, g.j) <= 0 ? g : { i: g.j, j: g.i, cmp: g.cmp, swapped: true }))
      .sort((x, y) => before(x.i, y.i) || before(x.j, y.j));
    const ids: string[] = [];
    let grade: Grade = 'verbatim';
    let substantive = 0;
    let kind: 'quote' | 'passage' = 'passage';
    for (const g of sortedMatches) {
      const ua = prepared[g.i].unit;
      const ub = prepared[g.j].unit;
      let cmp = g.cmp;
      if ((g as { swapped?: boolean }).swapped) cmp = compareTexts(ua.text, ub.text, { speakerA: ua.speaker, speakerB: ub.speaker });
      const id = `m${matches.length + 1}`;
      const matchKind = ua.kind === 'quote' || ub.kind === 'quote' ? 'quote' : 'passage';
      if (matchKind === 'quote') kind = 'quote';
      const m: Match = {
        id,
        cluster: clusterId,
        kind: matchKind,
        grade: cmp.grade!,
        score: cmp.score,
        a: sideOf(ua),
        b: sideOf(ub),
        divergences: cmp.divergences.map((d) => shiftDivergence(d, ua.start, ub.start)),
      };
      matches.push(m);
      ids.push(id);
      grade = weakerGrade(grade, m.grade);
      substantive += m.divergences.filter((d) => d.substantive).length;
    }
    // at most one span per article: the first one
    const perArticle = new Map<number, number>();
    for (const i of members) if (!perArticle.has(prepared[i].article)) perArticle.set(prepared[i].article, i);
    const memberSides = [...perArticle.values()].sort(before).map((i) => sideOf(prepared[i].unit));
    const speakers = [...new Set(memberSides.map((s) => s.speaker).filter((s): s is string => !!s))];
    clusters.push({ id: clusterId, kind, members: memberSides, matches: ids, speaker: speakers.length === 1 ? speakers[0] : null, substantive, grade });
  });
  return { matches, clusters };
}
