// The review file `.crosscheck/review.json`: read strictly, written atomically. A file that
// cannot be read as a review is never overwritten: reading it throws a ReviewFileError that
// says what is wrong, and writing over it is refused; the previous good version is kept as
// `review.json.bak` on every write.
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomicSync } from '../io/atomicWrite';
import { DIVERGENCE_ORDER } from '../types';
import type { ReviewDecision, ReviewDocument } from './decisions';
import { emptyReview } from './decisions';

/** Folder of the review file, in the workspace (or corpus) folder. */
export const REVIEW_DIR = '.crosscheck';

/** Name of the review file in REVIEW_DIR. */
export const REVIEW_FILE = 'review.json';

/** The review file is refused above this size (a decision is well under 10 KB). */
export const MAX_REVIEW_BYTES = 32 * 1024 * 1024;

/** The review file could not be used; its message says why and that nothing was changed. */
export class ReviewFileError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}. Nothing was changed; fix the file or move it aside to start a new review.`);
    this.name = 'ReviewFileError';
  }
}

/** Path of the review file for a folder. */
export function reviewFilePath(folder: string): string {
  return path.join(folder, REVIEW_DIR, REVIEW_FILE);
}

/** Parses and checks a review file's text; throws ReviewFileError naming the first problem. */
export function parseReviewDocument(text: string, file: string): ReviewDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ReviewFileError(file, `not valid JSON (${(e as Error).message})`);
  }
  if (!isObject(raw)) throw new ReviewFileError(file, 'not a review file (expected an object with "version" and "decisions")');
  if (typeof raw.version === 'number' && raw.version > 1) throw new ReviewFileError(file, `written by a newer Crosscheck (version ${raw.version})`);
  if (raw.version !== 1 || !Array.isArray(raw.decisions)) throw new ReviewFileError(file, 'not a review file (expected "version": 1 and a "decisions" list)');
  raw.decisions.forEach((d, i) => {
    const why = decisionProblem(d);
    if (why) throw new ReviewFileError(file, `decision ${i + 1} ${why}`);
  });
  return { version: 1, decisions: raw.decisions as ReviewDecision[] };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return !!x && typeof x === 'object' && !Array.isArray(x);
}

const isString = (x: unknown): x is string => typeof x === 'string';

/** What is wrong with one stored decision, or undefined when it is well-formed. */
function decisionProblem(d: unknown): string | undefined {
  if (!isObject(d)) return 'is not an object';
  if (!isString(d.key)) return 'has no "key"';
  if (d.kind !== 'match' && d.kind !== 'divergence') return 'has a "kind" other than "match" or "divergence"';
  if (d.verdict !== 'confirmed' && d.verdict !== 'dismissed') return 'has a "verdict" other than "confirmed" or "dismissed"';
  if (d.note !== undefined && !isString(d.note)) return 'has a "note" that is not text';
  if (!isString(d.decidedAt)) return 'has no "decidedAt" date';
  if (!Array.isArray(d.sides) || d.sides.length !== 2) return 'needs two "sides"';
  for (const s of d.sides) if (!isObject(s) || !isString(s.hash) || !isString(s.text) || !isString(s.before) || !isString(s.after)) return 'has a side without "hash", "text", "before" and "after"';
  if (d.kind === 'divergence') {
    const v = d.divergence;
    if (!isObject(v) || !(DIVERGENCE_ORDER as readonly unknown[]).includes(v.type) || !isString(v.a) || !isString(v.b)) return 'is about a divergence but has no valid "divergence" {type, a, b}';
  }
  return undefined;
}

/** The file-system calls the store makes; a seam for tests. */
export type ReviewFs = Pick<typeof fs, 'readFileSync' | 'statSync' | 'mkdirSync' | 'writeFileSync' | 'renameSync' | 'rmSync'>;

/** Reads the review file; an empty review when it does not exist. Throws ReviewFileError when it cannot be used. */
export function readReviewFile(file: string, io: ReviewFs = fs): ReviewDocument {
  const text = readExisting(file, io);
  return text === undefined ? emptyReview() : parseReviewDocument(text, file);
}

/** The file's text, or undefined when it does not exist. */
function readExisting(file: string, io: ReviewFs): string | undefined {
  let size: number;
  try {
    size = io.statSync(file).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ReviewFileError(file, `cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (size > MAX_REVIEW_BYTES) throw new ReviewFileError(file, `too large (${Math.ceil(size / 1024 / 1024)} MB)`);
  try {
    return io.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ReviewFileError(file, `cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/** The review document as written: two-space JSON with a final newline. */
export function serializeReview(doc: ReviewDocument): string {
  return JSON.stringify({ version: 1, decisions: doc.decisions }, null, 2) + '\n';
}

/**
 * Writes the review file atomically (its folder is created). The version on disk, when it
 * is a valid review, is first kept as `review.json.bak`; when it is not, the write is refused
 * with a ReviewFileError, so a file a person broke by hand is never lost.
 */
export function writeReviewFile(file: string, doc: ReviewDocument, io: ReviewFs = fs): void {
  const current = readExisting(file, io);
  if (current !== undefined) {
    parseReviewDocument(current, file);
    writeFileAtomicSync(`${file}.bak`, current, io);
  } else {
    io.mkdirSync(path.dirname(file), { recursive: true });
  }
  writeFileAtomicSync(file, serializeReview(doc), io);
}

/** Reads the review file, applies `change`, writes the result; returns it. Throws ReviewFileError, changing nothing, when the file cannot be used. */
export function updateReviewFile(file: string, change: (doc: ReviewDocument) => ReviewDocument, io: ReviewFs = fs): ReviewDocument {
  const next = change(readReviewFile(file, io));
  writeReviewFile(file, next, io);
  return next;
}

/**
 * Starts a new review over an unusable review file: its bytes are first copied, whole, to
 * `review.json.corrupt-<time>` (atomically), then an empty review is written in its place.
 * Returns the path of the copy. Only ever called on a user's explicit request.
 */
export function setAsideReviewFile(file: string, now: Date, io: ReviewFs = fs): string {
  const aside = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  writeFileAtomicSync(aside, io.readFileSync(file), io);
  writeFileAtomicSync(file, serializeReview(emptyReview()), io);
  return aside;
}
