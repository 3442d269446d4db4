// UI tests on a real-looking story (test/ui/fixtures/harbor-bridge: three outlets in the
// style of Fox News, the NYT and HuffPost on one invented event, with a shared quote, a
// truncated quote, a reworded passage with changed numbers and a changed attribution).
// They copy the story beside the workspace, open the workbench on it (a new window on the
// story's folder), and check the highlights, a compact hover, the two-article
// "Compare With…" mode and that revealing spans reuses one editor group.
// Screenshots: story-panel.png, story-hover.png, compare.png, story-reveal.png.
'use strict';
const fs = require('fs');
const path = require('path');
const lib = require('../e2e/lib');

const STORY = 'harbor-bridge';
const SHARED = 'We will not let a single family be left behind';
const TRUNCATED = 'The state has already set aside 40 million dollars';
const REWORDED = 'The closure is expected to last';
const REATTRIBUTED = 'This was the only responsible decision we could make';

/** Copies the fixture story into a folder beside the workspace; returns that folder. */
function copyStory(workspace) {
  const from = path.join(__dirname, 'fixtures', STORY);
  const to = path.join(path.dirname(workspace), STORY);
  fs.mkdirSync(to, { recursive: true });
  for (const f of fs.readdirSync(from)) fs.copyFileSync(path.join(from, f), path.join(to, f));
  return to;
}

/** Opens the workbench on another folder (the same server and extension under development): a new window on the story. */
async function openWorkbenchOn(page, url, folder) {
  const next = new URL(url);
  next.searchParams.set('folder', folder);
  await page.goto(next.toString(), { waitUntil: 'domcontentloaded', timeout: 120000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 90000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'fox.md' }).waitFor({ timeout: 90000 });
}

/** The marks of a column whose text contains `needle`: cluster and colour. */
function marksWith(panel, article, needle) {
  return panel.locator(`section.cc-article[data-article="${article}"] mark.cc-hl`).evaluateAll((els, n) => els
    .filter((e) => e.textContent.includes(n.slice(0, 20)))
    .map((e) => ({ cluster: e.dataset.cluster, bg: getComputedStyle(e).backgroundColor, text: e.textContent })), needle);
}

/** Number of editor groups, and the articles of their active tabs. */
async function editorGroups(page) {
  return page.locator('.editor-group-container').evaluateAll((els) => els.map((g) => (g.querySelector('.tab.active') || {}).textContent || '').map((t) => t.replace(/\s+/g, ' ').trim()));
}

/**
 * Registers the story tests. `h` holds the suite's helpers and state: test, shot, page, url,
 * panel (the webview frame locator), workspace, showPanel, runCommand, runCommandAndPick,
 * quickOpen, hoverOver, panelFrames, showInPalette, commandRow.
 */
async function storyTests(h) {
  const { test, shot, page, panel } = h;
  const column = (id) => panel.locator(`section.cc-article[data-article="${id}"]`);
  const story = {};

  await test('a three-outlet story opened in a window of its own: its shared, truncated, reworded and reattributed passages are highlighted', async () => {
    const folder = copyStory(h.workspace);
    await openWorkbenchOn(page, h.url, folder);
    await runPanel(h);
    const ids = await lib.poll(async () => {
      const list = await panel.locator('section.cc-article').evaluateAll((els) => els.map((e) => e.dataset.article));
      return list.length === 3 && ['fox', 'huffpost', 'nyt'].every((id) => list.includes(id)) ? list : null;
    }, { timeoutMs: 60000, what: 'the story panel with the fox, huffpost and nyt columns' });
    const tab = await page.locator('.tabs-container .tab.active').innerText();
    if (!tab.includes(STORY)) throw new Error(`the panel's tab does not name the corpus folder: ${tab}`);
    const title = await column('fox').locator('h2.cc-title').innerText();
    if (!/^Fox News · Mar 4, 2026 — Governor shuts down/.test(title)) throw new Error('fox column title: ' + title);
    const found = {};
    for (const [name, needle, where] of [['shared', SHARED, ['fox', 'huffpost', 'nyt']], ['truncated', TRUNCATED, ['fox', 'huffpost', 'nyt']], ['reworded', REWORDED, ['fox', 'huffpost', 'nyt']], ['reattributed', REATTRIBUTED, ['fox', 'huffpost', 'nyt']]]) {
      const marks = await lib.poll(async () => {
        const per = await Promise.all(where.map((id) => marksWith(panel, id, needle)));
        return per.every((m) => m.length) ? per : null;
      }, { timeoutMs: 20000, what: `the ${name} passage highlighted in ${where.join(', ')}` });
      const clusters = new Set(marks.map((m) => m[0].cluster));
      if (clusters.size !== 1) throw new Error(`the ${name} passage is in different clusters: ${JSON.stringify(marks)}`);
      const colours = new Set(marks.map((m) => m[0].bg));
      if (colours.size !== 1) throw new Error(`the ${name} passage has different colours: ${[...colours].join(' | ')}`);
      found[name] = marks[0][0].cluster;
    }
    story.clusters = found;
    // the panel's detail of the reworded passage flags the changed numbers
    await column('huffpost').locator(`mark.cc-hl[data-cluster="${found.reworded}"]`).first().click();
    const detail = panel.locator('#cc-detail');
    await lib.poll(async () => (await detail.getAttribute('data-cluster')) === found.reworded && (await detail.locator('.cc-version').count()) === 3, { timeoutMs: 20000, what: `the detail of ${found.reworded} with three versions` });
    const divs = await detail.locator('.cc-div').allInnerTexts();
    if (!divs.some((d) => /number/i.test(d) && /80,000/.test(d))) throw new Error('no number divergence about 80,000 in the detail: ' + divs.join(' | '));
    await shot('story-panel.png');
    return `columns ${ids.join(', ')}; clusters ${JSON.stringify(found)}; ${divs.length} divergences in ${found.reworded}`;
  });

  await test('the story: a hover is a compact summary with the first report and Open in panel', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await h.quickOpen(page, 'huffpost.md');
    const editor = page.locator('.editor-group-container.active .monaco-editor').first();
    await editor.locator('.view-line', { hasText: 'set aside' }).first().waitFor({ state: 'visible', timeout: 20000 });
    const hover = page.locator('.monaco-hover-content', { hasText: /sources/i }).first();
    const info = await h.hoverOver(page, 'set aside 40 million', hover, async (x) => {
      // the Crosscheck part of the hover (a Problems diagnostic may share the hover widget)
      return x.evaluate((e) => {
        const ours = [...e.querySelectorAll('.rendered-markdown')].find((m) => /Open in panel/.test(m.innerText));
        if (!ours) return null;
        const s = e.closest('.monaco-scrollable-element') || e;
        return { text: ours.innerText, box: { scroll: s.scrollHeight, client: s.clientHeight, height: ours.getBoundingClientRect().height } };
      });
    });
    const t = info.text;
    for (const want of [/Quoted by 3 of 3 sources/, /First reported by Fox News on Mar 4, 2026/, /truncation/, /Open in panel/, /Fox News/, /The New York Times/]) {
      if (!want.test(t)) throw new Error(`the hover lacks ${want}:\n${t}`);
    }
    if (info.box.scroll > info.box.client + 2) throw new Error(`the hover needs scrolling (${info.box.scroll} px of content in ${info.box.client} px): ${t}`);
    const lines = t.split('\n').filter((l) => l.trim());
    if (lines.length > 12) throw new Error(`the hover is not compact: ${lines.length} lines\n${t}`);
    await shot('story-hover.png');
    await page.mouse.move(5, 5);
    return `${lines.length} lines, ${Math.round(info.box.height)} px, no scrolling: ${JSON.stringify(lines.slice(0, 2).join(' / '))}`;
  });

  await test('Compare Active Article With… shows the two articles in aligned rows, text found in one only marked, legend and grid of the two', async () => {
    await page.keyboard.press('Escape');
    await h.quickOpen(page, 'nyt.md');
    await h.runCommandAndPick(page, 'Crosscheck: Compare Active Article With…', 'Compare nyt With', 'fox', 'fox');
    const tab = page.locator('.tabs-container .tab', { hasText: 'nyt ↔ fox' }).first();
    await tab.waitFor({ state: 'visible', timeout: 30000 });
    const pair = await lib.poll(async () => {
      for (const f of page.frames()) {
        const v = await f.evaluate(() => {
          const root = document.getElementById('cc-pair');
          if (!root || root.hidden || !root.querySelector('.cc-pair-row')) return null;
          const rows = [...root.querySelectorAll('.cc-pair-row')].map((r) => ({
            kind: r.dataset.kind,
            cluster: r.dataset.cluster || '',
            gutter: r.querySelector('.cc-pair-gutter').textContent,
            left: (r.querySelector('.cc-pair-left .cc-pair-text') || {}).textContent || '',
            right: (r.querySelector('.cc-pair-right .cc-pair-text') || {}).textContent || '',
            captions: [...r.querySelectorAll('.cc-pair-caption')].map((c) => c.textContent),
            gaps: r.querySelectorAll('.cc-pair-gap').length,
            top: [...r.children].map((c) => Math.round(c.getBoundingClientRect().top)),
          }));
          const legend = [...document.querySelectorAll('.cc-legend-item')].map((e) => e.textContent);
          const gridSources = [...document.querySelectorAll('.cc-grid-source')].map((e) => e.textContent);
          const timeline = [...document.querySelectorAll('#cc-overview-box .cc-tl-axis')].length;
          return { rows, legend, gridSources, timeline, columnsHidden: document.getElementById('cc-columns').hidden, summary: (document.getElementById('cc-pair-summary') || {}).textContent };
        }).catch(() => null);
        if (v) return { frame: f, ...v };
      }
      return null;
    }, { timeoutMs: 30000, what: 'the comparison rows of nyt ↔ fox' });
    const { rows } = pair;
    if (!pair.columnsHidden) throw new Error('the column view is shown beside the comparison');
    const matched = rows.filter((r) => r.kind === 'matched');
    const shared = matched.find((r) => r.left.includes(SHARED) && r.right.includes(SHARED));
    if (!shared) throw new Error('the shared quote is not side by side in one row: ' + JSON.stringify(matched.map((r) => [r.left.slice(0, 40), r.right.slice(0, 40)])));
    const cut = matched.find((r) => r.left.includes(TRUNCATED) && r.right.includes(TRUNCATED));
    if (!cut) throw new Error('the truncated quote has no aligned row');
    for (const r of matched) if (new Set(r.top).size !== 1) throw new Error(`the sides of row ${r.cluster} start at different heights: ${r.top}`);
    const onlyNyt = rows.find((r) => r.kind === 'only' && /Transit officials/.test(r.left));
    if (!onlyNyt || !onlyNyt.captions.some((c) => /^Only in The New York Times/.test(c))) throw new Error('the NYT-only paragraph is not marked: ' + JSON.stringify(onlyNyt));
    const onlyFox = rows.find((r) => r.kind === 'only' && /Critics say/.test(r.right));
    if (!onlyFox || !onlyFox.captions.some((c) => /^Only in Fox News/.test(c)) || !onlyFox.gaps) throw new Error('the Fox-only paragraph is not marked with a gap opposite: ' + JSON.stringify(onlyFox));
    if (pair.legend.some((l) => /low-income|80,000|two years/.test(l))) throw new Error("the legend quotes HuffPost's text: " + pair.legend.join(' | '));
    if (pair.timeline) throw new Error("the pair panel draws the whole corpus's timeline");
    if (pair.gridSources.length !== 2 || !/New York Times|^nyt$/.test(pair.gridSources[0]) || !/Fox News|^fox$/.test(pair.gridSources[1])) throw new Error('the grid has other sources: ' + pair.gridSources.join(', '));
    // a click on the reattributed quote's gutter opens its detail with the two versions only
    const frame = pair.frame;
    await frame.locator(`.cc-pair-row[data-kind="matched"][data-cluster="${story.clusters.reattributed}"] .cc-pair-gutter`).click();
    const versions = await lib.poll(async () => {
      const v = await frame.evaluate(() => [...document.querySelectorAll('#cc-detail .cc-version')].map((e) => e.dataset.article));
      return v.length ? v : null;
    }, { timeoutMs: 15000, what: 'the detail of the reattributed quote' });
    if (versions.sort().join(',') !== 'fox,nyt') throw new Error('the pair detail shows ' + versions.join(', '));
    const divs = await frame.evaluate(() => [...document.querySelectorAll('#cc-detail .cc-div')].map((e) => e.textContent).join(' | '));
    if (!/Okafor/.test(divs)) throw new Error('the attribution divergence is not in the pair detail: ' + divs);
    await frame.evaluate(() => document.getElementById('cc-pair').scrollTo(0, 0));
    await shot('compare.png');
    return `${pair.summary}; ${rows.length} rows (${matched.length} aligned); legend ${pair.legend.length} items; grid ${pair.gridSources.join(' ↔ ')}; detail ${versions.join(', ')}`;
  });

  await test('Reveal from the panel, Find Quote and the comparison reuse one editor group', async () => {
    const before = await editorGroups(page);
    const reveals = [];
    // 1) the comparison's detail: Reveal in editor (the pair panel is active)
    const pairTab = page.locator('.tabs-container .tab', { hasText: 'nyt ↔ fox' }).first();
    await pairTab.click();
    const pairFrame = (await lib.poll(async () => {
      for (const f of page.frames()) if (await f.evaluate(() => !!document.querySelector('#cc-pair .cc-pair-row')).catch(() => false)) return f;
      return null;
    }, { timeoutMs: 10000, what: 'the comparison frame' }));
    await pairFrame.locator('#cc-detail .cc-version[data-article="fox"] .cc-reveal').click();
    reveals.push(await waitForArticle(page, 'fox.md'));
    // 2) the corpus panel: a highlight's Reveal in editor
    await h.showPanel();
    await panel.locator(`section.cc-article[data-article="huffpost"] mark.cc-hl[data-cluster="${story.clusters.truncated}"]`).first().click();
    await panel.locator('#cc-detail .cc-version[data-article="huffpost"] .cc-reveal').click();
    reveals.push(await waitForArticle(page, 'huffpost.md'));
    // 3) the corpus panel again, then Find Quote
    await h.showPanel();
    await page.mouse.move(5, 5);
    await h.runCommandAndPick(page, 'Crosscheck: Find Quote Across Sources…', 'Find Quote', 'responsible decision', 'responsible decision');
    reveals.push(await waitForArticle(page, '.md'));
    const after = await editorGroups(page);
    if (after.length > Math.max(2, before.length)) throw new Error(`the reveals opened new editor groups: ${before.length} before, ${after.length} after (${after.join(' | ')})`);
    const groups = new Set(reveals.map((r) => r.group));
    if (groups.size !== 1) throw new Error('the articles opened in different groups: ' + JSON.stringify(reveals));
    await shot('story-reveal.png');
    return `${before.length} group(s) before, ${after.length} after; articles opened in group ${[...groups][0]}: ${reveals.map((r) => r.tab).join(', ')}`;
  });
}

/** Opens the corpus panel through the palette (it may have been closed) and waits for its columns. */
async function runPanel(h) {
  await h.runCommand(h.page, 'Crosscheck: Open Corpus Panel');
  await h.panel.locator('section.cc-article').first().waitFor({ state: 'attached', timeout: 60000 });
}

/** Waits until a text editor whose tab names `file` is active with a selection; returns its group's index and tab. */
async function waitForArticle(page, file) {
  return lib.poll(async () => page.evaluate((f) => {
    const groups = [...document.querySelectorAll('.editor-group-container')];
    const i = groups.findIndex((g) => g.classList.contains('active'));
    const tab = i >= 0 ? ((groups[i].querySelector('.tab.active') || {}).textContent || '').replace(/\s+/g, ' ').trim() : '';
    return tab.includes(f) && groups[i].querySelector('.monaco-editor .selected-text') ? { group: i, tab } : null;
  }, file), { timeoutMs: 20000, what: `the ${file} editor with a selection` });
}

module.exports = { storyTests, STORY };
