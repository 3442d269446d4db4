// A word diff turned into a reviewer's markup. Pure (no DOM).
// The host sends, for each version, the word diff from the reference text to it.
// Word diffs of two different sentences keep tiny common pieces ("the", ".", "S.")
// and interleave the rest ("VincenteVicente Fox … the U may claim.S.-Mexico"): the
// cleanup folds such pieces into the changes around them, so a rewritten stretch
// reads as one deletion and one insertion, and sentences are never interleaved.
import type { DiffSegment } from '../extension/panel/protocol';

/** A stretch both texts share, or one replacement: what the reference had (`del`) and what this version has (`ins`). */
export type DiffItem = { kind: 'eq'; text: string } | { kind: 'change'; del: string; ins: string };

/** One row of the side-by-side view: a sentence (or a few) of the reference and the same stretch of this version. */
export interface SideBySideRow {
  reference: DiffSegment[];
  version: DiffSegment[];
}

/** A change with a deletion or an insertion this long (in characters) is a "long passage". */
export const LONG_PASSAGE_CHARS = 300;

/** Groups a diff into shared stretches and replacements (adjacent del/ins runs become one change). */
export function diffItems(segments: readonly DiffSegment[]): DiffItem[] {
  const out: DiffItem[] = [];
  for (const s of segments) {
    if (!s.text) continue;
    const last = out[out.length - 1];
    if (s.op === 'eq') {
      if (last?.kind === 'eq') last.text += s.text;
      else out.push({ kind: 'eq', text: s.text });
    } else if (last?.kind === 'change') {
      if (s.op === 'del') last.del += s.text;
      else last.ins += s.text;
    } else {
      out.push({ kind: 'change', del: s.op === 'del' ? s.text : '', ins: s.op === 'ins' ? s.text : '' });
    }
  }
  return out;
}

/** Characters that carry meaning (letters, digits, punctuation), ignoring spaces. */
function weight(text: string): number {
  return text.replace(/\s+/g, '').length;
}

/**
 * Folds a shared stretch into the changes around it when it is no longer than the
 * change on either side (as diff-match-patch's semantic cleanup does), until none is.
 */
export function cleanupSemantic(items: readonly DiffItem[]): DiffItem[] {
  const out = items.map((i) => ({ ...i }));
  let merged = true;
  while (merged) {
    merged = false;
    for (let i = 1; i + 1 < out.length; i++) {
      const before = out[i - 1];
      const eq = out[i];
      const after = out[i + 1];
      if (eq.kind !== 'eq' || before.kind !== 'change' || after.kind !== 'change') continue;
      const e = weight(eq.text);
      if (e > Math.max(weight(before.del), weight(before.ins)) || e > Math.max(weight(after.del), weight(after.ins))) continue;
      out.splice(i - 1, 3, { kind: 'change', del: before.del + eq.text + after.del, ins: before.ins + eq.text + after.ins });
      merged = true;
      i = Math.max(0, i - 2);
    }
  }
  return out;
}

/** The markup of this version's own text: shared text, and each replacement as one deletion then one insertion. */
export function inlineMarkup(items: readonly DiffItem[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const it of items) {
    if (it.kind === 'eq') out.push({ op: 'eq', text: it.text });
    else {
      if (it.del) out.push({ op: 'del', text: it.del });
      if (it.ins) out.push({ op: 'ins', text: it.ins });
    }
  }
  return out;
}

/** A sentence ends here: . ! ? or … (closing quotes and brackets may follow), then white space. */
const SENTENCE_END = /[.!?…]["”’')\]]*\s+/g;

/** The piece ends a sentence (and the white space after it). */
const ENDS_SENTENCE = /[.!?…]["”’')\]]*\s+$/;

/** Splits shared text after each sentence end; the pieces concatenate to the text. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const to = (m.index ?? 0) + m[0].length;
    if (to < text.length) {
      out.push(text.slice(from, to));
      from = to;
    }
  }
  out.push(text.slice(from));
  return out.filter((p) => p);
}

/**
 * Rows for the side-by-side view: a row ends where both texts end a sentence in a
 * shared stretch, so each row holds the same sentence of the reference (shared text
 * and deletions) and of this version (shared text and insertions).
 */
export function sideBySideRows(items: readonly DiffItem[]): SideBySideRow[] {
  const rows: SideBySideRow[] = [];
  let row: SideBySideRow = { reference: [], version: [] };
  const close = () => {
    if (row.reference.length || row.version.length) rows.push(row);
    row = { reference: [], version: [] };
  };
  for (const it of items) {
    if (it.kind === 'change') {
      if (it.del) row.reference.push({ op: 'del', text: it.del });
      if (it.ins) row.version.push({ op: 'ins', text: it.ins });
      continue;
    }
    const pieces = splitSentences(it.text);
    pieces.forEach((p, k) => {
      row.reference.push({ op: 'eq', text: p });
      row.version.push({ op: 'eq', text: p });
      if (k < pieces.length - 1 || ENDS_SENTENCE.test(p)) close();
    });
  }
  close();
  return rows;
}

/** The text a markup shows without its deletions (this version's own text) or without its insertions (the reference's). */
export function markupText(markup: readonly DiffSegment[], side: 'version' | 'reference'): string {
  const skip = side === 'version' ? 'del' : 'ins';
  return markup.filter((s) => s.op !== skip).map((s) => s.text).join('');
}

/** True when a diff holds a long passage: the side-by-side view reads better then. */
export function isLongPassage(items: readonly DiffItem[]): boolean {
  let total = 0;
  for (const it of items) total += it.kind === 'eq' ? it.text.length : Math.max(it.del.length, it.ins.length);
  return total >= LONG_PASSAGE_CHARS;
}
