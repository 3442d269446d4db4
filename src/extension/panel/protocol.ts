// Messages between the extension and the corpus panel webview. Pure: no `vscode`
// import. The webview script (src/webview/, bundled into media/panel.js) imports
// these same types, so a change on one side that the other does not follow fails
// the type check. Article text travels as data; the webview builds its DOM with
// textContent.
import type { DivergenceType, Grade, MatchKind } from '../../core/types';
import type { PairComparison } from '../view/pairTypes';
import type { TimelineSource } from '../../core/provenance/provenance';

/** Kind of a word-diff segment: in both texts, only in the later one, only in the earlier one. */
export type DiffOp = 'eq' | 'ins' | 'del';

/** One run of a word-level diff as it travels to the webview (the host's word diff produces it). */
export interface DiffSegment {
  op: DiffOp;
  text: string;
}

/**
 * A panel with more articles than this gets its model without article texts:
 * the webview asks for the texts of the columns it renders (`requestTexts`), so
 * opening the panel on thousands of articles never posts megabytes in one message.
 */
export const INLINE_TEXT_ARTICLES = 8;

/** The model as posted: stamped with its version; texts left out of a large panel's model. */
export function postedModel(model: PanelModel, version: number): PanelModel {
  const lazyText = model.articles.length > INLINE_TEXT_ARTICLES;
  const articles = lazyText ? model.articles.map(({ id, title, file, bodyStart }) => ({ id, title, file, ...(bodyStart !== undefined ? { bodyStart } : {}) })) : model.articles;
  return { ...model, articles, version, lazyText };
}

/** One article column. */
export interface PanelArticle {
  id: string;
  title: string;
  /** The article's name: outlet and date when known, else its id. */
  source?: string;
  file?: string;
  /**
   * The article's text. Left out of the model posted to a large panel
   * (`PanelModel.lazyText`): the webview asks for the texts of the columns it
   * renders with `requestTexts`.
   */
  text?: string;
  /**
   * Offset in `text` where the article's body starts (after its front matter); the
   * column shows the text from here. Absent: 0. Span offsets stay offsets into the whole text.
   */
  bodyStart?: number;
}

/**
 * Where a column's text starts: the article's `bodyStart` when it is an integer within
 * the text (0 to `textLength`), else 0 (the whole text), so a malformed value never hides text.
 */
export function columnStart(article: Pick<PanelArticle, 'bodyStart'>, textLength: number): number {
  const at = article.bodyStart;
  return Number.isInteger(at) && (at as number) >= 0 && (at as number) <= textLength ? (at as number) : 0;
}

/** One member span of a cluster, in one article. */
export interface PanelSpan {
  article: string;
  start: number;
  end: number;
}

/** One match cluster with its palette slot (1…8). */
export interface PanelCluster {
  id: string;
  kind: MatchKind;
  speaker: string | null;
  grade: Grade;
  /** Number of substantive divergences among the cluster's matches. */
  substantive: number;
  slot: number;
  /** Short text for the legend. */
  label: string;
  members: PanelSpan[];
  /** Substantive divergences of the cluster not yet reviewed (or needing re-review), grouped across pairs (main panel only). */
  toReview?: number;
}

/** Everything the panel shows (the pairwise panel gets just two articles). */
export interface PanelModel {
  articles: PanelArticle[];
  clusters: PanelCluster[];
  /** Articles in the whole corpus (for "2 of 5 sources"). */
  totalSources: number;
  /** Set for a pairwise "compare with" panel. */
  pair?: [string, string];
  paletteSize: number;
  /** Stamp of this model (per panel, increasing): `requestTexts` and `texts` name it, so a text never meets another model's spans. */
  version?: number;
  /** True when the articles come without text: the webview requests the texts of the columns it renders. */
  lazyText?: boolean;
  /** Substantive divergences grouped across pairs, as the status bar, Problems and the tree count them (main panel only). */
  divergenceCount?: number;
  /** The corpus's name (the folder opened as a corpus, else the workspace). */
  corpusName?: string;
  /** Review counts, as the status bar, Problems and the tree count them (main panel only). */
  review?: PanelReview;
  /** The sources on a time axis, with the clusters each carried first. */
  timeline?: TimelineModel;
  /** A pairwise panel's aligned rows (shared passages side by side, text found in one article only). */
  comparison?: PairComparison;
}

/** One source's version in the detail view, diffed against the reference version. */
export interface DetailVersion {
  article: string;
  /** The article's name: outlet and date when known, else its id. */
  source?: string;
  title: string;
  start: number;
  end: number;
  text: string;
  /** Grade of the match with the reference (absent for the reference itself). */
  grade?: Grade;
  /** Word-level diff from the reference's text to this text (absent for the reference). */
  diff?: DiffSegment[];
  reference?: boolean;
}

/** One divergence between two versions of the cluster, as the detail view lists it. */
export interface DetailDivergence {
  type: DivergenceType;
  substantive: boolean;
  a: string;
  b: string;
  message: string;
  /** Articles of side a and side b of the match it belongs to. */
  articleA: string;
  articleB: string;
  match: string;
  /** Their names: outlet and date when known, else the ids. */
  sourceA?: string;
  sourceB?: string;
}

/** Detail of one cluster: every version and the divergences, substantive first. */
export interface ClusterDetail {
  cluster: string;
  kind: MatchKind;
  speaker: string | null;
  grade: Grade;
  slot: number;
  reference: string;
  versions: DetailVersion[];
  divergences: DetailDivergence[];
  /** Each substantive divergence (grouped across pairs) with its review state (main panel only). */
  review?: DetailReview[];
  /** Who carried the cluster when, and with which grade. */
  provenance?: DetailProvenance;
}

/** Extension → webview. */
export type ToWebview =
  | { type: 'model'; model: PanelModel; focusCluster?: string }
  | { type: 'detail'; detail: ClusterDetail }
  | { type: 'focusCluster'; cluster: string }
  | { type: 'busy'; busy: boolean; message?: string }
  | { type: 'texts'; version: number; texts: { id: string; text: string }[] }
  | { type: 'review'; review: PanelReview; toReview: Record<string, number> };

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'requestDetail'; cluster: string; article?: string }
  | { type: 'reveal'; article: string; start: number; end: number }
  | { type: 'refresh' }
  | { type: 'requestTexts'; version: number; ids: string[] }
  | { type: 'reviewDecision'; match: string; divergence: number; verdict: ReviewVerdict | null; note?: string }
  | { type: 'reviewUndo' };

/** Most article texts one `requestTexts` may ask for (the webview asks for the columns near the view). */
export const MAX_TEXTS_PER_REQUEST = 64;

/** State the webview persists with setState (restored by the serializer). */
export interface PanelState {
  pair?: [string, string];
  cluster?: string;
  article?: string;
  filters?: { quotes: boolean; passages: boolean; substantiveOnly: boolean; unreviewedOnly?: boolean };
  /** How the detail view shows each version's differences (unset: side by side for long passages). */
  diffView?: DiffView;
  /** Width of the detail pane in CSS pixels, as the user dragged it. */
  detailWidth?: number;
}

/** The detail view's diff layouts: each version's own text marked inline, or the reference and the version in two columns. */
export type DiffView = 'inline' | 'sideBySide';

/** Validates an untrusted message from the webview. */
export function parseFromWebview(msg: unknown): FromWebview | undefined {
  if (!msg || typeof msg !== 'object') return undefined;
  const m = msg as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'refresh':
      return { type: m.type };
    case 'requestDetail':
      if (typeof m.cluster !== 'string') return undefined;
      return { type: 'requestDetail', cluster: m.cluster, article: typeof m.article === 'string' ? m.article : undefined };
    case 'reveal':
      if (typeof m.article !== 'string' || !Number.isInteger(m.start) || !Number.isInteger(m.end)) return undefined;
      return { type: 'reveal', article: m.article, start: m.start as number, end: m.end as number };
    case 'requestTexts':
      if (!Number.isInteger(m.version) || !Array.isArray(m.ids) || m.ids.length > MAX_TEXTS_PER_REQUEST || !m.ids.every((id) => typeof id === 'string')) return undefined;
      return { type: 'requestTexts', version: m.version as number, ids: m.ids as string[] };
    case 'reviewDecision':
      return parseReviewDecision(m);
    case 'reviewUndo':
      return { type: 'reviewUndo' };
    default:
      return undefined;
  }
}

/** A reviewer's verdict (as core/review's Verdict). */
export type ReviewVerdict = 'confirmed' | 'dismissed';

/** Longest review note the panel sends. */
export const MAX_NOTE_CHARS = 2000;

/** Validates a `reviewDecision` message: a match id, a divergence index, a verdict or null, an optional short note. */
function parseReviewDecision(m: Record<string, unknown>): FromWebview | undefined {
  if (typeof m.match !== 'string' || !Number.isInteger(m.divergence) || (m.divergence as number) < 0) return undefined;
  if (m.verdict !== 'confirmed' && m.verdict !== 'dismissed' && m.verdict !== null) return undefined;
  if (m.note !== undefined && (typeof m.note !== 'string' || m.note.length > MAX_NOTE_CHARS)) return undefined;
  const note = typeof m.note === 'string' && m.note.trim() ? { note: m.note } : {};
  return { type: 'reviewDecision', match: m.match, divergence: m.divergence as number, verdict: m.verdict, ...note };
}

/** Review status of an item, as the panel shows it. */
export type PanelReviewStatus = ReviewVerdict | 'needs-re-review' | 'unreviewed';

/** The panel header's review counts (the same counts as the status bar's). */
export interface PanelReview {
  /** "5 sources · 17 passages matched · 8 divergences: 3 reviewed · 5 to review". */
  summary: string;
  /** What each count means (tooltip). */
  detail: string;
  reviewed: number;
  toReview: number;
  /** Decisions are shown but not written (Restricted Mode). */
  readOnly?: boolean;
}

/** One substantive divergence of a cluster, grouped across pairs, with its review state. */
export interface DetailReview {
  /** Identity of the divergence across pairs. */
  key: string;
  type: DivergenceType;
  /** The two wordings ('' for none). */
  wordings: [string, string];
  /** Names of the articles carrying each wording. */
  sides: [string[], string[]];
  status: PanelReviewStatus;
  note?: string;
  /** When the decision was made (ISO 8601). */
  decidedAt?: string;
  /** The pair a decision is recorded on: a match id and the index of the divergence in it. */
  match: string;
  divergence: number;
}

/** One source carrying a cluster, in provenance order. */
export interface DetailCarrier {
  article: string;
  label: string;
  date?: string;
  /** Grade against the first source's version (absent for the first). */
  grade?: Grade;
}

/** Who carried a cluster first, and who followed. */
export interface DetailProvenance {
  /** 'date' when at least one carrier is dated, else 'file' (file order). */
  order: 'date' | 'file';
  carriers: DetailCarrier[];
  summary: string;
}

/** One source on the timeline (the core's type: the panel shows what core/provenance computes). */
export type { TimelineSource } from '../../core/provenance/provenance';

/** The corpus timeline: sources by date (undated ones after, in file order). */
export interface TimelineModel {
  /** 'date' when any source is dated, else 'file'. */
  order: 'date' | 'file';
  sources: TimelineSource[];
}
