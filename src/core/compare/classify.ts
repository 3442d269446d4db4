// The token-level classification passes: typography, case and spelling between tokens the diff
// paired; the attribution change between the two sides' sources; punctuation in changed stretches.
import { Divergence, DivergenceType } from '../types';
import { foldTypographyText } from '../text/normalize';
import { isSpellingVariant } from '../text/spelling';
import { SPEECH_VERBS } from '../text/wordLists';
import { DivergenceContext, Pair, makeDivergence } from './sides';
import { quote, vs } from './messages';
import { attributionChange, plausibleSource } from './sources';

/** A speech verb as a whole word. */
const SPEECH_VERB_WORD_RE = new RegExp(`^(?:${SPEECH_VERBS.join('|')})$`, 'i');

/** The type and message of a difference between two tokens the diff found equal. */
function describeTokenChange(p: Pair, a: string, b: string): { type: DivergenceType; message: string } {
  const fa = foldTypographyText(a);
  const fb = foldTypographyText(b);
  if (fa === fb) return { type: 'typography', message: `Typography differs: ${vs(p, a, b)}.` };
  if (fa.toLowerCase() === fb.toLowerCase()) return { type: 'case', message: `Capitalisation differs: ${vs(p, a, b)}.` };
  if (isSpellingVariant(fa, fb)) return { type: 'spelling', message: `Spelling variant: ${vs(p, a, b)}.` };
  return { type: 'spelling', message: `House style: ${vs(p, a, b)}.` };
}

/** Typography, case and spelling differences between tokens the diff found equal (adjacent typography or case changes merged). */
export function classifyEqualTokens(p: Pair, out: Divergence[]): void {
  const { A, B } = p;
  for (let i = 0; i < A.tokens.length; i++) {
    const j = A.pair[i];
    if (j < 0) continue;
    const ta = A.tokens[i];
    const tb = B.tokens[j];
    if (ta.text === tb.text) continue;
    const { type, message } = describeTokenChange(p, ta.text, tb.text);
    const last = out[out.length - 1];
    if (last && last.type === type && type !== 'spelling' && last.aEnd !== undefined && A.text.slice(last.aEnd, ta.start).trim() === '' && last.bEnd !== undefined && B.text.slice(last.bEnd, tb.start).trim() === '') {
      last.a = A.text.slice(last.aStart, ta.end);
      last.b = B.text.slice(last.bStart, tb.end);
      last.aEnd = ta.end;
      last.bEnd = tb.end;
      continue;
    }
    out.push(makeDivergence(type, A, i, i + 1, B, j, j + 1, message));
  }
}

/** Attribution: compares the two sides' sources (context speakers first, else phrases in the texts). */
export function classifyAttribution(p: Pair, ctx: DivergenceContext, out: Divergence[]): void {
  const { A, B } = p;
  // consume the attribution phrase, but leave its verb for the hedge check ("said" vs "claimed")
  const verb = SPEECH_VERB_WORD_RE;
  for (const s of [A, B]) for (const at of s.attributions) for (let k = at.from; k < at.to; k++) if (s.pair[k] < 0 && !verb.test(s.tokens[k].text)) s.used[k] = true;
  const srcA = plausibleSource(ctx.speakerA) || A.attributions[0]?.source || null;
  const srcB = plausibleSource(ctx.speakerB) || B.attributions[0]?.source || null;
  // attribution on one side only is neither a different speaker nor named-vs-anonymous: not reported
  if (!srcA || !srcB) return;
  const kind = attributionChange(srcA, srcB);
  if (!kind) return;
  const atA = A.attributions[0];
  const atB = B.attributions[0];
  const d = makeDivergence('attribution', A, atA ? atA.from : 0, atA ? atA.to : 0, B, atB ? atB.from : 0, atB ? atB.to : 0, '');
  out.push({ ...d, a: srcA, b: srcB, message: `Attribution differs (${kind}): ${vs(p, quote(srcA), quote(srcB))}.` });
}

/** Punctuation-only changes (commas, quote marks, brackets present on one side only). */
export function classifyPunctuation(p: Pair, out: Divergence[]): void {
  const { A, B } = p;
  for (const h of p.hunks) {
    const pa = A.tokens.slice(h.aFrom, h.aTo).map((t, k) => [t, h.aFrom + k] as const).filter(([t]) => t.kind === 'punct');
    const pb = B.tokens.slice(h.bFrom, h.bTo).map((t, k) => [t, h.bFrom + k] as const).filter(([t]) => t.kind === 'punct');
    if (pa.length === 0 && pb.length === 0) continue;
    const fa = pa.length ? pa[0][1] : 0;
    const ta = pa.length ? pa[pa.length - 1][1] + 1 : 0;
    const fb = pb.length ? pb[0][1] : 0;
    const tb = pb.length ? pb[pb.length - 1][1] + 1 : 0;
    const d = makeDivergence('punctuation', A, fa, ta, B, fb, tb, '');
    d.a = pa.map(([t]) => t.text).join(' ');
    d.b = pb.map(([t]) => t.text).join(' ');
    d.message = `Punctuation differs: ${vs(p, quote(d.a), quote(d.b))}.`;
    out.push(d);
  }
}
