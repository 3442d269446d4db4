// Article metadata fields (outlet, title, date, url, author): checking and normalising the
// values front matter or a manifest give. Pure; never imports vscode.
import type { ArticleMeta } from '../types';

/** The metadata fields, in the order they are documented and written. */
export const META_FIELDS = ['title', 'outlet', 'date', 'url', 'author'] as const;

/** One metadata field name. */
export type MetaField = (typeof META_FIELDS)[number];

/** Longest value kept for a text field; longer ones are cut (a title is never a whole page). */
export const MAX_META_CHARS = 300;

/** Normalised metadata and one-line remarks about values that were dropped. */
export interface NormalizedMeta {
  meta: ArticleMeta;
  warnings: string[];
}

/** Control characters never kept in a metadata value (they could drive a terminal). */
const CONTROL = /[\x00-\x1f\x7f-\x9f]/g;

/** A metadata text value: control characters removed, whitespace collapsed, cut at MAX_META_CHARS; undefined when empty. */
export function cleanMetaText(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const t = String(value).replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  return t.length > MAX_META_CHARS ? t.slice(0, MAX_META_CHARS - 1).replace(/[\uD800-\uDBFF]$/, '') + '…' : t;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A date as ISO 8601: `YYYY-MM-DD` when it has no time of day, else the full timestamp.
 * Accepts ISO dates and timestamps, JS Dates and what Date.parse reads ("Jun 11, 2023",
 * RFC 2822). Undefined when it is not a real date.
 */
export function normalizeDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (ymd) {
    const d = new Date(Date.UTC(+ymd[1], +ymd[2] - 1, +ymd[3]));
    return d.getUTCMonth() === +ymd[2] - 1 && d.getUTCDate() === +ymd[3] ? t : undefined;
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(t)) return Number.isNaN(Date.parse(t.replace(' ', 'T'))) ? undefined : t.replace(' ', 'T');
  if (!/[A-Za-z]{3}|\d{4}/.test(t)) return undefined; // "5" or "12/3" are not dates
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) return undefined;
  const d = new Date(ms);
  if (/\d{1,2}:\d{2}/.test(t)) return d.toISOString();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Milliseconds since the epoch of a normalised date, for ordering; NaN when absent. */
export function dateValue(date: string | undefined): number {
  return date ? Date.parse(date) : NaN;
}

/** A web address when it is an absolute http(s) URL (never `javascript:` or `file:`), else undefined. */
export function normalizeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const u = new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a parsed YAML mapping and keeps the known metadata fields, normalised. Unknown
 * keys are ignored; values that cannot be used (a date that is not a date, a non-http URL,
 * a list where text belongs) are dropped with a warning.
 */
export function normalizeMeta(raw: Record<string, unknown>): NormalizedMeta {
  const meta: ArticleMeta = {};
  const warnings: string[] = [];
  const get = (field: MetaField): unknown => raw[field] ?? raw[field[0].toUpperCase() + field.slice(1)];
  for (const field of META_FIELDS) {
    const value = get(field);
    if (value === undefined || value === null || value === '') continue;
    const kept = field === 'date' ? normalizeDate(value) : field === 'url' ? normalizeUrl(value) : cleanMetaText(value);
    if (kept === undefined) warnings.push(`${field} ignored: ${describeBad(field, value)}`);
    else meta[field] = kept;
  }
  return { meta, warnings };
}

function describeBad(field: MetaField, value: unknown): string {
  const shown = typeof value === 'string' ? `"${cleanMetaText(value)?.slice(0, 60) ?? ''}"` : Array.isArray(value) ? 'a list' : typeof value;
  if (field === 'date') return `${shown} is not a date (use 2023-06-11 or 2023-06-11T09:30:00Z)`;
  if (field === 'url') return `${shown} is not an http(s) address`;
  return `${shown} is not text`;
}

/** Field-by-field merge: each field from `first` when it has it, else from `second`. */
export function mergeMeta(first: ArticleMeta, second: ArticleMeta): ArticleMeta {
  const out: ArticleMeta = {};
  for (const field of META_FIELDS) {
    const v = first[field] ?? second[field];
    if (v !== undefined) out[field] = v;
  }
  return out;
}
