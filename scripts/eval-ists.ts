// iSTS headlines evaluation of the divergence flags (SemEval interpretable STS,
// chunk-aligned headline pairs; see the data's README).
//
// Data: <dataDir>/*.wa. The files look like XML but are not well-formed, so
// they are read line by line. Never needed by the tests; nothing is committed.
//
// Choices (documented so numbers are comparable between runs):
// - Each headline is its token list (<source>/<translation>) joined by single
//   spaces, which is exactly the `// headline` line; chunk offsets follow.
// - compareTexts(headline1, headline2) is run whatever the grade; its
//   substantive divergences are the flags.
// - Opposite pairs: pairs with an OPPO alignment (any OPPO* type). Found when a
//   negation, entity or number divergence overlaps one of the OPPO chunks
//   (on either side).
// - Number pairs: pairs with a SIMI alignment whose chunks differ only in
//   numbers (the tokens left after removing shared ones, case-folded, are
//   numerals or number words on both sides). Found when a number divergence
//   overlaps one of those chunks.
// - Equivalent pairs: every alignment is EQUI (EQUI_FACT / EQUI_POL are not
//   plain EQUI), none is NOALI/ALIC or any other type. A false alarm is any
//   substantive divergence at all.
import * as fs from 'fs';
import * as path from 'path';
import { compareTexts } from '../src/core/compare/compare';
import { Divergence, DivergenceType } from '../src/core/types';

/** One aligned (or unaligned) chunk pair of an iSTS sentence pair. */
export interface IstsAlignment {
  /** 1-based token ids in headline 1 (empty when unaligned there). */
  ids1: number[];
  /** 1-based token ids in headline 2 (empty when unaligned there). */
  ids2: number[];
  /** Alignment type as written (EQUI, OPPO, SIMI_FACT, NOALI, ...). */
  type: string;
}

/** One headline pair with its tokens and alignments. */
export interface IstsPair {
  /** `<file>#<sentence id>`. */
  id: string;
  tokens1: string[];
  tokens2: string[];
  alignments: IstsAlignment[];
}

/** A rate of flagged items with its counts. */
export interface IstsRate {
  /** Items in the category. */
  total: number;
  /** Items with the expected flag. */
  flagged: number;
  /** flagged / total (0 when empty). */
  rate: number;
}

/** The figures `evalIsts` reports. */
export interface IstsResult {
  pairs: number;
  /** OPPO and number-SIMI pairs together: share flagged (the target row). */
  changes: IstsRate;
  /** Pairs with an OPPO alignment. */
  opposite: IstsRate;
  /** Pairs with a SIMI alignment differing only in a number. */
  number: IstsRate;
  /** Pairs aligned EQUI throughout: share with any substantive flag (false alarms). */
  equivalent: IstsRate;
  /** The same rates per .wa file (the data comes in two parts): how much they move between them. */
  parts: { file: string; changes: IstsRate; equivalent: IstsRate }[];
  /** Misses and false alarms written. */
  errors: number;
  /** Path of the JSON-lines error file, when written. */
  errorsFile?: string;
}

/** Parses the text of a .wa file line by line. Malformed pairs are skipped. */
export function parseWa(text: string, file = ''): IstsPair[] {
  const pairs: IstsPair[] = [];
  let cur: IstsPair | null = null;
  let section: 'source' | 'translation' | 'alignment' | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const open = /^<sentence\s+id="([^"]*)"/.exec(line);
    if (open) {
      cur = { id: `${file}#${open[1]}`, tokens1: [], tokens2: [], alignments: [] };
      section = null;
      continue;
    }
    if (!cur) continue;
    if (line === '</sentence>') {
      if (cur.tokens1.length && cur.tokens2.length) pairs.push(cur);
      cur = null;
      continue;
    }
    if (line === '<source>' || line === '<translation>' || line === '<alignment>') {
      section = line.slice(1, -1) as 'source' | 'translation' | 'alignment';
      continue;
    }
    if (/^<\/(source|translation|alignment)>$/.test(line)) {
      section = null;
      continue;
    }
    if (section === 'source' || section === 'translation') {
      // "<id> <token> : " (the token itself may be ':' or contain spaces? never: one token a line)
      const m = /^(\d+)\s(.*?)\s:\s*$/.exec(raw.replace(/\r$/, '')) ?? /^(\d+)\s(.*?)\s?:\s*$/.exec(raw);
      if (!m) continue;
      const list = section === 'source' ? cur.tokens1 : cur.tokens2;
      list[Number(m[1]) - 1] = m[2];
    } else if (section === 'alignment') {
      const m = /^([\d ]+)<==>([\d ]+)\/\/\s*([A-Z0-9_]+)\s*\/\//.exec(line);
      if (!m) continue;
      const ids = (s: string) => s.trim().split(/\s+/).map(Number).filter((n) => n > 0);
      cur.alignments.push({ ids1: ids(m[1]), ids2: ids(m[2]), type: m[3] });
    }
  }
  return pairs;
}

const NUMBER_WORD = /^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|hundreds|thousands|millions|billions)$/i;

function isNumberToken(t: string): boolean {
  return /\d/.test(t) || NUMBER_WORD.test(t);
}

/** True when two chunks differ only in numbers ("to 6.1184" vs "to 6.1510"). */
export function differOnlyInNumber(chunk1: string[], chunk2: string[]): boolean {
  const rest2 = chunk2.map((t) => t.toLowerCase());
  const rest1: string[] = [];
  for (const t of chunk1.map((x) => x.toLowerCase())) {
    const k = rest2.indexOf(t);
    if (k >= 0) rest2.splice(k, 1);
    else rest1.push(t);
  }
  return rest1.length > 0 && rest2.length > 0 && rest1.every(isNumberToken) && rest2.every(isNumberToken);
}

/** Character span covered by 1-based token ids in the space-joined headline. */
function chunkSpan(tokens: string[], ids: number[]): [number, number] | null {
  if (!ids.length) return null;
  const starts: number[] = [];
  let off = 0;
  for (const t of tokens) {
    starts.push(off);
    off += (t ?? '').length + 1;
  }
  const lo = Math.min(...ids) - 1;
  const hi = Math.max(...ids) - 1;
  return [starts[lo], starts[hi] + (tokens[hi] ?? '').length];
}

function overlaps(d: Divergence, side: 'a' | 'b', span: [number, number] | null): boolean {
  if (!span) return false;
  const s = side === 'a' ? d.aStart : d.bStart;
  const e = side === 'a' ? d.aEnd : d.bEnd;
  return s !== undefined && e !== undefined && s < span[1] && span[0] < e;
}

/** True when a divergence of one of `types` overlaps one of the alignments' chunks. */
function flagsChunk(divs: Divergence[], types: DivergenceType[], pair: IstsPair, als: IstsAlignment[]): boolean {
  return divs.some(
    (d) => d.substantive && types.includes(d.type) && als.some((al) => overlaps(d, 'a', chunkSpan(pair.tokens1, al.ids1)) || overlaps(d, 'b', chunkSpan(pair.tokens2, al.ids2))),
  );
}

function rate(total: number, flagged: number): IstsRate {
  return { total, flagged, rate: total ? flagged / total : 0 };
}

/** Evaluates the divergence flags on every .wa file of a folder; writes misses and false alarms to `errorsFile` when given. */
export function evalIsts(dataDir: string, errorsFile?: string): IstsResult {
  const files = fs.readdirSync(dataDir).filter((f) => f.endsWith('.wa')).sort();
  const pairs = files.flatMap((f) => parseWa(fs.readFileSync(path.join(dataDir, f), 'utf8'), f));
  const counts = { opp: [0, 0], num: [0, 0], chg: [0, 0], equi: [0, 0] };
  const perFile = new Map<string, { chg: number[]; equi: number[] }>(files.map((f) => [f, { chg: [0, 0], equi: [0, 0] }]));
  const lines: string[] = [];
  for (const p of pairs) {
    const h1 = p.tokens1.join(' ');
    const h2 = p.tokens2.join(' ');
    const oppo = p.alignments.filter((a) => a.type.startsWith('OPPO'));
    const num = p.alignments.filter(
      (a) => a.type.startsWith('SIMI') && differOnlyInNumber(a.ids1.map((i) => p.tokens1[i - 1] ?? ''), a.ids2.map((i) => p.tokens2[i - 1] ?? '')),
    );
    const equi = p.alignments.length > 0 && p.alignments.every((a) => a.type === 'EQUI');
    if (!oppo.length && !num.length && !equi) continue;
    const cmp = compareTexts(h1, h2);
    const subst = cmp.divergences.filter((d) => d.substantive);
    const record = (category: string, error: string) =>
      lines.push(JSON.stringify({ set: 'ists', id: p.id, category, error, grade: cmp.grade, score: cmp.score, substantive: subst.map((d) => ({ type: d.type, a: d.a, b: d.b })), a: h1, b: h2 }));
    if (oppo.length || num.length) {
      const okOpp = oppo.length > 0 && flagsChunk(cmp.divergences, ['negation', 'entity', 'number'], p, oppo);
      const okNum = num.length > 0 && flagsChunk(cmp.divergences, ['number'], p, num);
      if (oppo.length) {
        counts.opp[0]++;
        if (okOpp) counts.opp[1]++;
        else record('opposite', 'missed');
      }
      if (num.length) {
        counts.num[0]++;
        if (okNum) counts.num[1]++;
        else record('number', 'missed');
      }
      const part = perFile.get(p.id.split('#')[0])!;
      counts.chg[0]++;
      part.chg[0]++;
      if (okOpp || okNum) {
        counts.chg[1]++;
        part.chg[1]++;
      }
    }
    if (equi) {
      const part = perFile.get(p.id.split('#')[0])!;
      counts.equi[0]++;
      part.equi[0]++;
      if (subst.length) {
        counts.equi[1]++;
        part.equi[1]++;
        record('equivalent', 'false alarm');
      }
    }
  }
  if (errorsFile) fs.writeFileSync(errorsFile, lines.length ? lines.join('\n') + '\n' : '');
  return {
    pairs: pairs.length,
    changes: rate(counts.chg[0], counts.chg[1]),
    opposite: rate(counts.opp[0], counts.opp[1]),
    number: rate(counts.num[0], counts.num[1]),
    equivalent: rate(counts.equi[0], counts.equi[1]),
    parts: files.map((f) => ({ file: f, changes: rate(perFile.get(f)!.chg[0], perFile.get(f)!.chg[1]), equivalent: rate(perFile.get(f)!.equi[0], perFile.get(f)!.equi[1]) })),
    errors: lines.length,
    errorsFile,
  };
}
