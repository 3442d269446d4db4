// Typed view of the `crosscheck.*` settings. Pure: the caller passes a getter
// (vscode's WorkspaceConfiguration.get), so this module never imports `vscode`.
import { GRADE_ORDER, type Grade } from '../core/types';

/** The configuration section of every Crosscheck setting. */
export const SECTION = 'crosscheck';

/** Default of `crosscheck.maxArticles`: the most article files one corpus analyses. */
export const DEFAULT_MAX_ARTICLES = 5000;
/** Largest value `crosscheck.maxArticles` accepts. */
export const MAX_ARTICLES_LIMIT = 50000;

/** The `crosscheck.diagnostics.severity` values. */
export type DiagnosticSeverityName = 'warning' | 'information';

/** Every `crosscheck.*` setting, read and validated. */
export interface CrosscheckSettings {
  /** Glob of article files in the workspace. */
  include: string;
  /** Glob of files to leave out ('' = VS Code's files.exclude defaults). */
  exclude: string;
  hoverEnabled: boolean;
  highlightsEnabled: boolean;
  diagnosticsEnabled: boolean;
  diagnosticsSeverity: DiagnosticSeverityName;
  /** Delay before re-analysing after an edit, in ms. */
  debounceMs: number;
  /** Weakest grade shown in highlights, hovers and the panel. */
  minGrade: Grade;
  /** Files larger than this are reported and skipped. */
  maxFileSizeKb: number;
  /** The most article files one corpus analyses (a whole number from 1 to MAX_ARTICLES_LIMIT). */
  maxArticles: number;
  /** Keep divergences dismissed as false alarms in the Problems panel. */
  reviewShowDismissed: boolean;
}

/** The value of each setting when it is unset or invalid. */
export const DEFAULTS: CrosscheckSettings = {
  include: '**/*.{txt,md}',
  exclude: '**/{node_modules,.git,.cache,out,dist,.vscode-test}/**',
  hoverEnabled: true,
  highlightsEnabled: true,
  diagnosticsEnabled: true,
  diagnosticsSeverity: 'warning',
  debounceMs: 400,
  minGrade: 'reworded',
  maxFileSizeKb: 1024,
  maxArticles: DEFAULT_MAX_ARTICLES,
  reviewShowDismissed: false,
};

/** Setting keys (relative to `crosscheck.`) of each field. */
export const KEYS: Record<keyof CrosscheckSettings, string> = {
  include: 'include',
  exclude: 'exclude',
  hoverEnabled: 'hover.enabled',
  highlightsEnabled: 'highlights.enabled',
  diagnosticsEnabled: 'diagnostics.enabled',
  diagnosticsSeverity: 'diagnostics.severity',
  debounceMs: 'debounceMs',
  minGrade: 'minGrade',
  maxFileSizeKb: 'maxFileSizeKb',
  maxArticles: 'maxArticles',
  reviewShowDismissed: 'review.showDismissed',
};

/** True when `grade` is at least as strong as `min`. */
export function gradeAtLeast(grade: Grade, min: Grade): boolean {
  const g = GRADE_ORDER.indexOf(grade);
  const m = GRADE_ORDER.indexOf(min);
  return g >= 0 && (m < 0 || g <= m);
}

/** Reads one setting (vscode's WorkspaceConfiguration.get). */
export type SettingGetter = <T>(key: string, defaultValue: T) => T;

/** Reads and validates every setting; bad values fall back to the defaults. */
export function readSettings(get: SettingGetter): CrosscheckSettings {
  const str = (k: keyof CrosscheckSettings) => {
    const v = get<unknown>(KEYS[k], DEFAULTS[k]);
    return typeof v === 'string' ? v : (DEFAULTS[k] as string);
  };
  const bool = (k: keyof CrosscheckSettings) => {
    const v = get<unknown>(KEYS[k], DEFAULTS[k]);
    return typeof v === 'boolean' ? v : (DEFAULTS[k] as boolean);
  };
  const num = (k: keyof CrosscheckSettings, min: number, max: number) => {
    const v = get<unknown>(KEYS[k], DEFAULTS[k]);
    return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : (DEFAULTS[k] as number);
  };
  const severity = str('diagnosticsSeverity');
  const minGrade = str('minGrade') as Grade;
  return {
    include: str('include').trim() || DEFAULTS.include,
    exclude: str('exclude').trim(),
    hoverEnabled: bool('hoverEnabled'),
    highlightsEnabled: bool('highlightsEnabled'),
    diagnosticsEnabled: bool('diagnosticsEnabled'),
    diagnosticsSeverity: severity === 'information' ? 'information' : 'warning',
    debounceMs: num('debounceMs', 0, 10000),
    minGrade: GRADE_ORDER.includes(minGrade) ? minGrade : DEFAULTS.minGrade,
    maxFileSizeKb: num('maxFileSizeKb', 1, 100 * 1024),
    maxArticles: Math.floor(num('maxArticles', 1, MAX_ARTICLES_LIMIT)),
    reviewShowDismissed: bool('reviewShowDismissed'),
  };
}
