// Shared types of the Crosscheck engine. Nothing here imports `vscode`.
// All offsets are JavaScript string offsets (UTF-16 code units) into an
// article's text exactly as loaded, the same offsets `document.positionAt` takes.

/** One article (one outlet's text) as handed to the engine. */
export interface ArticleInput {
  /** Stable id: path relative to the corpus folder, without extension, `/`-separated. */
  id: string;
  /** The text exactly as loaded (BOM stripped, line endings untouched). */
  text: string;
}

/** An article of a loaded corpus. */
export interface Article extends ArticleInput {
  /** Path relative to the corpus folder, with extension, `/`-separated. */
  file: string;
  /** First non-empty line, trimmed. */
  title: string;
  /** Absolute path on disk, when loaded from disk. */
  path?: string;
  /** Publishing outlet ("Minembwe Capital News"), from front matter or the corpus manifest. */
  outlet?: string;
  /** Publication date, ISO 8601 (`2023-06-11` or a full timestamp), from front matter or the manifest. */
  date?: string;
  /** Canonical address of the article on the web. */
  url?: string;
  /** Byline, as given. */
  author?: string;
  /**
   * Offset where the body starts: just past the closing `---` line of a YAML front matter
   * block, absent when the file has none. The front matter `[0, bodyStart)` is never analysed.
   */
  bodyStart?: number;
}

/** Metadata of an article, as front matter or the corpus manifest (`crosscheck.yaml`) give it. */
export interface ArticleMeta {
  outlet?: string;
  title?: string;
  /** ISO 8601 date or timestamp. */
  date?: string;
  url?: string;
  author?: string;
}

/** A half-open character range `[start, end)` in one article. */
export interface Span {
  /** Article id. */
  article: string;
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** Exactly `articleText.slice(start, end)`. */
  text: string;
}

/** A direct quote found in an article, with its speaker when one is attributed. */
export interface Quote extends Span {
  /** `q1`, `q2`, … in document order across the corpus. */
  id: string;
  /** Canonical speaker name ("John Kirby"), else the attribution phrase ("a White House representative"), else null. */
  speaker: string | null;
  /** True for a partial quote embedded in a sentence (“no special development”). */
  partial?: boolean;
  /** The attribution cue ("said", "told reporters", "according to"), when found. */
  cue?: string;
}

/** How closely two versions of a quote or passage agree. */
export type Grade = 'verbatim' | 'edited' | 'truncated' | 'reworded';

/** Every grade, closest first: the one grade order (a later grade is a looser match). */
export const GRADE_ORDER: readonly Grade[] = ['verbatim', 'edited', 'truncated', 'reworded'];

/** Whether a match is a direct quote or a passage of reporting. */
export type MatchKind = 'quote' | 'passage';

/** Substantive divergence types: they change what the text claims. */
export type SubstantiveDivergenceType =
  | 'number'
  | 'attribution'
  | 'entity'
  | 'negation'
  | 'hedge'
  | 'qualifier'
  | 'truncation'
  | 'omission'
  | 'addition';

/** Cosmetic divergence types: they change how the text looks, not what it says. */
export type CosmeticDivergenceType = 'typography' | 'punctuation' | 'spelling' | 'case' | 'wording';

/** Every divergence type. */
export type DivergenceType = SubstantiveDivergenceType | CosmeticDivergenceType;

/** The substantive types, in the order views list them. */
export const SUBSTANTIVE_TYPES: readonly SubstantiveDivergenceType[] = ['number', 'attribution', 'entity', 'negation', 'hedge', 'qualifier', 'truncation', 'omission', 'addition'];

/** The cosmetic types, in the order views list them. */
export const COSMETIC_TYPES: readonly CosmeticDivergenceType[] = ['wording', 'spelling', 'typography', 'punctuation', 'case'];

/** Every divergence type: substantive first, then cosmetic. */
export const DIVERGENCE_ORDER: readonly DivergenceType[] = [...SUBSTANTIVE_TYPES, ...COSMETIC_TYPES];

/** True when a divergence of this type changes what the text claims. */
export function isSubstantiveType(type: DivergenceType): type is SubstantiveDivergenceType {
  return (SUBSTANTIVE_TYPES as readonly DivergenceType[]).includes(type);
}

/** One typed difference between the two sides of a match. */
export interface Divergence {
  type: DivergenceType;
  /** True when the difference changes the claim (see SubstantiveDivergenceType). */
  substantive: boolean;
  /** Side A's wording of the differing part ('' when absent on that side). */
  a: string;
  /** Side B's wording of the differing part ('' when absent on that side). */
  b: string;
  /** One human-readable sentence. */
  message: string;
  /** Offsets of the differing part in side A's text (relative to the compared string), when it has one. */
  aStart?: number;
  aEnd?: number;
  /** Offsets of the differing part in side B's text (relative to the compared string), when it has one. */
  bStart?: number;
  bEnd?: number;
}

/** A unit the aligner compares: a sentence or quote sentence, with its context. */
export interface Unit extends Span {
  /** `quote` when the unit lies inside a direct quote, else `passage`. */
  kind: MatchKind;
  /** Speaker of the enclosing quote, or the attribution named in the sentence, or null. */
  speaker: string | null;
  /** Id of the enclosing quote, when kind is `quote`. */
  quote?: string;
  /** True for boilerplate (cookie lines, bylines, credits): never matched. */
  boilerplate?: boolean;
  /**
   * The exact text between this unit and the next unit of its article when the two may be read as
   * one (the next sentence of reporting; the next sentence of the quote, or of the same speaker's
   * quote continued after its attribution). See align/adjacent.ts.
   */
  joinNext?: string;
  /** True for a piece of a quote too short to be matched on its own: it is only read with its neighbours (joinNext). */
  joinOnly?: boolean;
}

/** The result of comparing two strings. */
export interface Comparison {
  /** null when the texts do not say the same thing. */
  grade: Grade | null;
  /** Similarity in [0, 1]. */
  score: number;
  divergences: Divergence[];
}

/** One side of a match: a span plus its speaker context. */
export interface MatchSide extends Span {
  /** Speaker of that side, when known. */
  speaker?: string | null;
}

/** A graded pair of spans from two different articles that say the same thing. */
export interface Match {
  /** `m1`, `m2`, … */
  id: string;
  /** Cluster id `c1`, … shared by every match of the same passage. */
  cluster: string;
  kind: MatchKind;
  grade: Grade;
  score: number;
  a: MatchSide;
  b: MatchSide;
  /** Divergence offsets (aStart…) are absolute offsets into the articles' texts. */
  divergences: Divergence[];
}

/** One passage or quote carried by several sources: the transitive closure of its matches. */
export interface Cluster {
  /** `c1`, `c2`, … */
  id: string;
  kind: MatchKind;
  /** Every source's version, at most one span per article, in article order. */
  members: MatchSide[];
  /** Ids of the matches that form this cluster. */
  matches: string[];
  /** Speaker when the members agree on one. */
  speaker: string | null;
  /** Number of substantive divergences over the cluster's matches. */
  substantive: number;
  /** Weakest grade among the cluster's matches. */
  grade: Grade;
}

/** Per-article summary in a report. */
export interface ArticleSummary {
  id: string;
  /** Present when the article came from a file. */
  file?: string;
  title: string;
  /** Length of the text in UTF-16 code units. */
  length: number;
  /** Added, optional: publishing outlet, when known (front matter or manifest). */
  outlet?: string;
  /** Added, optional: publication date (ISO 8601), when known. */
  date?: string;
  /** Added, optional: canonical web address, when known. */
  url?: string;
}

/** The engine's full output; `--json` prints exactly this object. */
export interface AnalysisResult {
  version: 1;
  articles: ArticleSummary[];
  quotes: Quote[];
  matches: Match[];
  /** Added field: match clusters (not part of the frozen v1 field list, but always present). */
  clusters: Cluster[];
  /** Added, optional: files that were not analysed, each with the reason (empty, binary, too large, …). */
  skipped?: LoadProblem[];
  /** Added, optional: files analysed with a remark, e.g. decoded as Windows-1252. */
  notes?: LoadProblem[];
}

/** A problem met while loading a corpus; the other articles are still analysed. */
export interface LoadProblem {
  /** Path of the file (or folder) relative to the corpus, or absolute for a folder. */
  file: string;
  /** One-line explanation. */
  message: string;
}
