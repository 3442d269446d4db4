// WordNet loaded a few thousand lines per step (for the extension host, which runs it in
// slices before its first hover scores a rewording) gives what the one-go loaders give.
// Its own file: the test needs a process where nothing has loaded WordNet yet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { ANTONYM_POS, findWordNetDataDir, findWordNetDir, loadAntonyms, loadWordNetIndex, loadWordNetSteps, parseAntonyms, parseIndexLine, WORDNET_POS } from '../../src/core/lexicon/wordnet';

test('WordNet loaded in steps holds what the one-go loaders read from the same files', () => {
  const dir = findWordNetDir();
  const steps = [...loadWordNetSteps()].length;
  if (!dir) return; // no WordNet files: nothing to load
  assert.ok(steps > 10, `${steps} steps`);
  for (const pos of WORDNET_POS) {
    const want = new Map<string, string[]>();
    for (const line of fs.readFileSync(path.join(dir, `index.${pos}`), 'utf8').split('\n')) {
      const e = parseIndexLine(line);
      if (e) want.set(e.lemma, e.offsets);
    }
    assert.deepEqual(loadWordNetIndex(pos), want, pos);
  }
  const data = findWordNetDataDir();
  const antonyms = new Map<string, Set<string>>();
  for (const pos of data ? ANTONYM_POS : []) parseAntonyms(fs.readFileSync(path.join(data!, `data.${pos}`), 'utf8'), antonyms);
  assert.deepEqual(loadAntonyms(), antonyms);
  assert.ok(loadAntonyms().get('good')?.has('bad'), 'good ↔ bad');
  assert.equal([...loadWordNetSteps()].length, 0, 'loaded once');
});
