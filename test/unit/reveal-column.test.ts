// Reveal, Find Quote and tree clicks reuse one editor group instead of opening a new split each time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseRevealColumn, type GroupInfo } from '../../src/extension/view/revealColumn';

const g = (viewColumn: number, content: GroupInfo['content'], active = false, hasDocument = false): GroupInfo => ({ viewColumn, content, active, hasDocument });

test('from the panel, the first reveal opens beside it; later reveals go to that same group', () => {
  assert.equal(chooseRevealColumn([g(1, 'panel', true)]), 'beside');
  // the first reveal made group 2; the panel is active again: group 2 is reused, not a third split
  assert.equal(chooseRevealColumn([g(1, 'panel', true), g(2, 'article')]), 2);
  // the panel moved to the right of the articles
  assert.equal(chooseRevealColumn([g(1, 'article'), g(2, 'panel', true)]), 1);
});

test('a group already holding the document wins; otherwise the active group, unless it shows a panel', () => {
  assert.equal(chooseRevealColumn([g(1, 'article', true), g(2, 'other', false, true)]), 2);
  assert.equal(chooseRevealColumn([g(1, 'panel', false, true), g(2, 'other', true)]), 2, "a panel's group never counts as holding the article");
  assert.equal(chooseRevealColumn([g(1, 'other', true), g(2, 'article')]), 1);
  assert.equal(chooseRevealColumn([g(1, 'empty', true)]), 1);
});

test('with a panel active and no article open, any group not showing a panel is used', () => {
  assert.equal(chooseRevealColumn([g(1, 'other'), g(2, 'panel', true), g(3, 'panel')]), 1);
  assert.equal(chooseRevealColumn([g(1, 'panel'), g(2, 'panel', true)]), 'beside');
});
