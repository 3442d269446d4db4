// Shared assertions for tests over spans: offsets are JS string offsets that must lie in
// their article, never split a surrogate pair, and slice out exactly the reported text.
import assert from 'node:assert/strict';
import { renderJson } from '../../src/core/report';
import type { AnalysisResult } from '../../src/core/types';

/** True when offset `i` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const hi = text.charCodeAt(i - 1);
  const lo = text.charCodeAt(i);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/** Asserts a span is inside the text and starts and ends on code-point boundaries. */
export function assertSpan(text: string, start: number, end: number, what: string): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length, `${what}: [${start}, ${end}) outside 0..${text.length}`);
  assert.ok(!splitsSurrogatePair(text, start), `${what}: starts inside a surrogate pair at ${start}`);
  assert.ok(!splitsSurrogatePair(text, end), `${what}: ends inside a surrogate pair at ${end}`);
}

/** Every quote, match side and divergence offset of a result lies in its article and splits no surrogate pair; quote and JSON texts are the slices. */
export function assertResultSpans(result: AnalysisResult, articles: { id: string; text: string }[]): void {
  const textOf = new Map(articles.map((a) => [a.id, a.text]));
  for (const q of result.quotes) {
    const t = textOf.get(q.article)!;
    assertSpan(t, q.start, q.end, `quote ${q.id}`);
    assert.equal(t.slice(q.start, q.end), q.text);
  }
  for (const m of result.matches) {
    for (const side of [m.a, m.b]) assertSpan(textOf.get(side.article)!, side.start, side.end, `match ${m.id}`);
    for (const d of m.divergences) {
      if (d.aStart !== undefined) assertSpan(textOf.get(m.a.article)!, d.aStart, d.aEnd!, `divergence of ${m.id} (a)`);
      if (d.bStart !== undefined) assertSpan(textOf.get(m.b.article)!, d.bStart, d.bEnd!, `divergence of ${m.id} (b)`);
    }
  }
  const json = JSON.parse(renderJson(result)) as { matches: { a: { article: string; start: number; end: number; text: string }; b: { article: string; start: number; end: number; text: string } }[] };
  for (const m of json.matches) {
    assert.equal(textOf.get(m.a.article)!.slice(m.a.start, m.a.end), m.a.text);
    assert.equal(textOf.get(m.b.article)!.slice(m.b.start, m.b.end), m.b.text);
  }
}
