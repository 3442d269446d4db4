// Messages between the extension and the corpus panel webview (media/panel.js
// mirrors these as JSDoc typedefs). Pure: no `vscode` import.
// Article text travels as data; the webview builds its DOM with textContent.
import type { DivergenceType, Grade, MatchKind } from '../core/types';
import type { DiffSegment } from './wordDiff';

/** One article column. */
export interface PanelArticle {
  id: string;
  title: string;
  file?: string;
  text: string;
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
}

/** One source's version in the detail view, diffed against the reference version. */
export interface DetailVersion {
  article: string;
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
}

/** Extension → webview. */
export type ToWebview =
  | { type: 'model'; model: PanelModel; focusCluster?: string }
  | { type: 'detail'; detail: ClusterDetail }
  | { type: 'focusCluster'; cluster: string }
  | { type: 'busy'; busy: boolean; message?: string };

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'requestDetail'; cluster: string; article?: string }
  | { type: 'reveal'; article: string; start: number; end: number }
  | { type: 'refresh' };

/** State the webview persists with setState (restored by the serializer). */
export interface PanelState {
  pair?: [string, string];
  cluster?: string;
  article?: string;
  filters?: { quotes: boolean; passages: boolean; substantiveOnly: boolean };
}

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
    default:
      return undefined;
  }
}
