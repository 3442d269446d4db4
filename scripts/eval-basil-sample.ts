// BASIL sample for reading: a seeded draw of matches written as Markdown with
// judgement lines (pairing / grade / each substantive divergence) a reader fills
// in, and the reader's judgements counted back (scripts/eval.ts shows them).
import * as fs from 'fs';
import * as path from 'path';
import type { Match } from '../src/core/types';
import { makeRandom } from '../bench/corpus';

/** Event of a mixed-folder article id (`<event>__<outlet>`). */
export function eventOf(articleId: string): string {
  const i = articleId.lastIndexOf('__');
  return i < 0 ? articleId : articleId.slice(0, i);
}

/** A small seeded PRNG (mulberry32, the bench's generator): the same seed draws the same sample. */
export const seededRandom = makeRandom;

/** `n` distinct items drawn at random (partial Fisher–Yates), in draw order. */
export function sampleItems<T>(items: readonly T[], n: number, random: () => number): T[] {
  const pool = items.slice();
  const k = Math.min(n, pool.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, k);
}

/** Markdown of sampled matches, each with an empty judgement line for the reader to fill in. */
export function renderSample(matches: Match[], seed: number, source: string, note?: (m: Match) => string): string {
  const lines = [
    `# BASIL sample: ${matches.length} random matches (seed ${seed})`,
    '',
    `Drawn from ${source}. For each match, replace \`?\` on the judgement lines:`,
    '- `pairing:` `yes` (same statement or fact), `partly`, or `no` (only the same topic or common words);',
    '- `grade:` `ok`, or the right grade;',
    '- `divergence N:` `real` or `false` for each substantive divergence.',
    '',
  ];
  matches.forEach((m, i) => {
    const cross = eventOf(m.a.article) !== eventOf(m.b.article);
    lines.push(`## ${i + 1}. ${m.id} · ${m.kind} · ${m.grade} · score ${m.score.toFixed(3)}${cross ? ' · CROSS-STORY' : ''}`, '');
    lines.push(`- **A** \`${m.a.article}\`${m.a.speaker ? ` (speaker: ${m.a.speaker})` : ''}: ${quoteBlock(m.a.text)}`);
    lines.push(`- **B** \`${m.b.article}\`${m.b.speaker ? ` (speaker: ${m.b.speaker})` : ''}: ${quoteBlock(m.b.text)}`);
    const divs = m.divergences;
    if (note) lines.push(`- ${note(m)}`);
    if (!divs.length) lines.push('- divergences: none');
    let k = 0;
    for (const d of divs) {
      const tag = d.substantive ? `**${d.type}** (substantive ${++k})` : `${d.type} (cosmetic)`;
      lines.push(`- ${tag}: ${d.message}`);
    }
    lines.push('', 'pairing: ?', 'grade: ?');
    for (let j = 1; j <= k; j++) lines.push(`divergence ${j}: ?`);
    lines.push('');
  });
  return lines.join('\n');
}

function quoteBlock(text: string): string {
  return '«' + text.replace(/\s+/g, ' ').trim() + '»';
}

/** Judgements read back from a filled-in sample file. */
export interface SampleJudgement {
  matches: number;
  judged: number;
  pairingYes: number;
  pairingPartly: number;
  gradeOk: number;
  substantive: number;
  substantiveReal: number;
}

/** Counts the judgements of a sample file (`?` lines are not judged). */
export function readJudgements(markdown: string): SampleJudgement {
  const j: SampleJudgement = { matches: 0, judged: 0, pairingYes: 0, pairingPartly: 0, gradeOk: 0, substantive: 0, substantiveReal: 0 };
  for (const line of markdown.split(/\r?\n/)) {
    if (/^## \d+\./.test(line)) j.matches++;
    const p = /^pairing:\s*(\S+)/.exec(line);
    if (p && p[1] !== '?') {
      j.judged++;
      if (/^yes/i.test(p[1])) j.pairingYes++;
      else if (/^partly/i.test(p[1])) j.pairingPartly++;
    }
    const g = /^grade:\s*(\S+)/.exec(line);
    if (g && /^ok/i.test(g[1])) j.gradeOk++;
    const d = /^divergence \d+:\s*(\S+)/.exec(line);
    if (d && d[1] !== '?') {
      j.substantive++;
      if (/^real/i.test(d[1])) j.substantiveReal++;
    }
  }
  return j;
}

/** Writes `n` matches drawn with `seed` to `<outDir>/basil-sample-<seed><suffix>.md`; returns the file's path. */
export function writeSample(matches: readonly Match[], n: number, seed: number, source: string, note?: (m: Match) => string, outDir = 'test-output', suffix = ''): string {
  const picked = sampleItems(matches, n, seededRandom(seed));
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `basil-sample-${seed}${suffix}.md`);
  fs.writeFileSync(file, renderSample(picked, seed, source, note));
  return file;
}

