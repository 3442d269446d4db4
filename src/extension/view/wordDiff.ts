// Word-level diff (jsdiff's diffWordsWithSpace) turned into plain segments. Pure: no `vscode`.
import { diffWordsWithSpace } from 'diff';

import type { DiffOp, DiffSegment } from '../panel/protocol';

export type { DiffOp, DiffSegment };

/** Word-level diff from `from` to `to`: `del` is only in `from`, `ins` only in `to`. */
export function wordDiff(from: string, to: string): DiffSegment[] {
  if (from === to) return from ? [{ op: 'eq', text: from }] : [];
  const raw: DiffSegment[] = [];
  for (const c of diffWordsWithSpace(from, to)) {
    if (c.value) raw.push({ op: c.added ? 'ins' : c.removed ? 'del' : 'eq', text: c.value });
  }
  // Coalesce a run of changes separated only by whitespace into one deletion
  // followed by one insertion ("more than 400" → "several hundred").
  const out: DiffSegment[] = [];
  const push = (op: DiffOp, text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  while (i < raw.length) {
    if (raw[i].op === 'eq') {
      push('eq', raw[i].text);
      i++;
      continue;
    }
    let del = '';
    let ins = '';
    let realDel = false;
    let realIns = false;
    let j = i;
    for (;;) {
      const s = raw[j];
      if (s.op === 'del') {
        del += s.text;
        realDel = true;
      } else if (s.op === 'ins') {
        ins += s.text;
        realIns = true;
      }
      j++;
      if (j >= raw.length) break;
      const next = raw[j];
      if (next.op === 'eq') {
        const after = raw[j + 1];
        if (/^\s+$/.test(next.text) && after && after.op !== 'eq') {
          del += next.text;
          ins += next.text;
          j++;
          continue;
        }
        break;
      }
    }
    if (realDel && realIns) {
      push('del', del);
      push('ins', ins);
    } else {
      for (let k = i; k < j; k++) push(raw[k].op, raw[k].text);
    }
    i = j;
  }
  return out;
}

/** True when the diff has any insertion or deletion. */
export function hasChanges(segments: DiffSegment[]): boolean {
  return segments.some((s) => s.op !== 'eq');
}
