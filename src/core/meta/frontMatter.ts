// YAML front matter at the top of an article (`---` … `---`), parsed with the `yaml`
// package. Offsets are never shifted: the article keeps its text exactly as loaded and
// records where the body starts; analysis sees the front matter blanked out.
import { parse, YAMLParseError } from 'yaml';
import type { ArticleMeta } from '../types';
import { normalizeMeta } from './fields';

/** Front matter is only looked for in the first this-many characters of a file. */
export const MAX_FRONT_MATTER_CHARS = 64 * 1024;

/** What a front matter block gives: metadata, where the body starts, and remarks. */
export interface FrontMatter {
  /** Normalised metadata fields (unknown keys dropped). */
  meta: ArticleMeta;
  /** Offset just past the closing `---` (or `...`) line and its line break. */
  bodyStart: number;
  /** One-line remarks: YAML errors, values dropped. */
  warnings: string[];
}

const OPEN = /^---[ \t]*(?:\r\n|\n|\r)/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r|$)/gm;
/** The first content line of a block that is meant as front matter: `key: value`. */
const KEY_LINE = /^\s*(?:#.*(?:\r\n|\n|\r)\s*)*[A-Za-z_][\w -]*:/;

/**
 * Finds and parses the front matter block at the very start of `text` (after a stripped
 * BOM). Undefined when there is none: no opening `---` line, no closing line, or a block
 * that does not start with a `key:` line (then it is article text between two rules).
 * A block that is meant as front matter but is not valid YAML, or not a mapping, still
 * counts (it is never analysed) and carries a warning.
 */
export function parseFrontMatter(text: string): FrontMatter | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const head = text.slice(0, MAX_FRONT_MATTER_CHARS);
  CLOSE.lastIndex = open[0].length;
  const close = CLOSE.exec(head);
  if (!close) return undefined;
  const yamlText = head.slice(open[0].length, close.index);
  if (!KEY_LINE.test(yamlText)) return undefined;
  const bodyStart = close.index + close[0].length;
  let raw: unknown;
  try {
    raw = parse(yamlText, { schema: 'core', uniqueKeys: false, maxAliasCount: 50 });
  } catch (e) {
    const why = e instanceof YAMLParseError ? e.message.split('\n')[0] : String(e);
    return { meta: {}, bodyStart, warnings: [`front matter is not valid YAML (${why}); its fields are ignored`] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { meta: {}, bodyStart, warnings: ['front matter is not a list of `field: value` lines; its fields are ignored'] };
  const { meta, warnings } = normalizeMeta(raw as Record<string, unknown>);
  return { meta, bodyStart, warnings: warnings.map((w) => `front matter: ${w}`) };
}

/**
 * The text analysis sees: the front matter `[0, bodyStart)` replaced by spaces, line breaks
 * kept, so every offset and line number is the file's own and nothing in it can match.
 */
export function maskFrontMatter(text: string, bodyStart: number | undefined): string {
  if (!bodyStart) return text;
  return text.slice(0, bodyStart).replace(/[^\r\n]/g, ' ') + text.slice(bodyStart);
}
