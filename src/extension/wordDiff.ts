// Word-level diff (jsdiff) turned into plain segments. Pure: no `vscode`.
import { diffWordsWithSpace } from 'diff';

export type DiffOp = 'eq' | 'ins' | 'del';

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

/** Word-level diff from `from` to `to`: `del` is only in `from`, `ins` only in `to`. */
export function wordDiff(from: string, to: string): DiffSegment[] {
  if (from === to) return from ? [{ op: 'eq', text: from }] : [];
  const out: DiffSegment[] = [];
  for (const c of diffWordsWithSpace(from, to)) {
    const op: DiffOp = c.added ? 'ins' : c.removed ? 'del' : 'eq';
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += c.value;
    else if (c.value) out.push({ op, text: c.value });
  }
  return out;
}

/** True when the diff has any insertion or deletion. */
export function hasChanges(segments: DiffSegment[]): boolean {
  return segments.some((s) => s.op !== 'eq');
}
