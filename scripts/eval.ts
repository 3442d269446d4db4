// `npm run eval -- <data folder>`: scores the engine on the development sets in
// shared/data (never shipped, never needed by tests).
//   MSRP training:      accuracy / F1 of "paraphrase = grade not null and no substantive divergence"
//   PolNeAR train+dev:  direct-quote span F1 at 0.8 overlap, and speaker accuracy
import * as fs from 'fs';
import * as path from 'path';
import { evalMsrp } from './eval-msrp';
import { evalPolnear } from './eval-polnear';

function pct(x: number): string {
  return (100 * x).toFixed(1);
}

function main(argv: string[]): number {
  const dataDir = argv[0];
  if (!dataDir) {
    console.error('usage: npm run eval -- <path to shared/data>');
    return 2;
  }
  if (!fs.existsSync(dataDir)) {
    console.error(`eval: folder not found: ${dataDir}`);
    return 2;
  }
  const msrpFile = path.join(dataDir, 'msrp-train', 'msr_paraphrase_train.txt');
  const polnearDir = path.join(dataDir, 'polnear-train-dev');
  let ran = 0;
  if (fs.existsSync(msrpFile)) {
    const t0 = Date.now();
    const m = evalMsrp(msrpFile);
    console.log(`MSRP train (${m.pairs} pairs): accuracy ${pct(m.accuracy)}  F1 ${pct(m.f1)}  precision ${pct(m.precision)}  recall ${pct(m.recall)}  [${((Date.now() - t0) / 1000).toFixed(1)} s]`);
    ran++;
  } else console.log(`MSRP: not found at ${msrpFile}`);
  if (fs.existsSync(polnearDir)) {
    const t0 = Date.now();
    const p = evalPolnear(polnearDir);
    console.log(
      `PolNeAR train+dev (${p.articles} articles, ${p.gold} gold direct quotes): quote P ${pct(p.quoteP)}  R ${pct(p.quoteR)}  F1@0.8 ${pct(p.quoteF1)}  speaker accuracy ${pct(p.speakerAccuracy)}  [${((Date.now() - t0) / 1000).toFixed(1)} s]`,
    );
    ran++;
  } else console.log(`PolNeAR: not found at ${polnearDir}`);
  return ran ? 0 : 2;
}

process.exitCode = main(process.argv.slice(2));
