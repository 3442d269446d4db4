// UI tests: click through the real VS Code workbench (served by test/e2e/run-e2e.js)
// with Crosscheck loaded on a scratch copy of seeds/. Half-way through, the tests add
// test/ui/fixtures/zz_hostile.txt to that copy (the open panel must pick the new file up),
// so the README screenshots show the plain seeds corpus.
// playwright-core drives Debian's /usr/bin/chromium; every wait is a locator or a poll
// with a time limit. Every request of the browser is recorded: none may leave a webview
// or reach the hostile fixture's canary.invalid URLs.
// Screenshots: panel.png, hover.png, problems.png, hostile.png, panel-layout.png
// (and fail-<test>.png on failure). The last tests (story-tests.js) open an invented
// three-outlet story as the corpus: story-panel.png, story-hover.png, compare.png, story-reveal.png.
'use strict';
const fs = require('fs');
const path = require('path');
const lib = require('../e2e/lib');
const { storyTests } = require('./story-tests');

const A000 = '000_59f4c67cbd2b93e8';
const A001 = '001_1a31a8fc8b0ace42';
const A002 = '002_f30aaf43ba5361f9';
const A003 = '003_7a0ff5961f60178f';
const HOSTILE = 'zz_hostile';
const NEEDLE = 'Since August';

/**
 * Runs a command through the command palette (F1), choosing the row with exactly this title.
 * Retries the whole open-type-wait cycle: the palette lists only the commands known when it
 * opened, and an extension under development registers its contributions a moment after
 * the workbench appears.
 */
async function runCommand(page, title, { timeoutMs = 45000 } = {}) {
  const input = page.locator('.quick-input-widget input');
  const row = commandRow(page, title);
  await lib.poll(() => showInPalette(page, title), { timeoutMs, intervalMs: 100, what: `"${title}" in the command palette` });
  await row.click();
  await input.waitFor({ state: 'hidden', timeout: 10000 });
}

/** The command palette's row for a command title. */
function commandRow(page, title) {
  return page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
}

/** One try at opening the command palette (F1) filtered to `title`; true once its row shows. */
async function showInPalette(page, title) {
  const input = page.locator('.quick-input-widget input');
  await page.keyboard.press('Escape');
  await input.waitFor({ state: 'hidden', timeout: 2000 }).catch(() => {});
  await page.keyboard.press('F1');
  if (!(await input.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false))) return false;
  await input.fill('>' + title);
  return commandRow(page, title).waitFor({ state: 'visible', timeout: 4000 }).then(() => true, () => false);
}

/** Opens a workspace file with Quick Open (Ctrl+P). */
async function quickOpen(page, file) {
  const input = page.locator('.quick-input-widget input');
  await lib.poll(async () => {
    if (await input.isVisible()) return true;
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    return input.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
  }, { timeoutMs: 20000, intervalMs: 100, what: 'quick open' });
  await input.fill(file);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first();
  await row.waitFor({ state: 'visible', timeout: 20000 });
  await row.click();
  await page.locator('.tabs-container .tab.active', { hasText: file }).waitFor({ state: 'visible', timeout: 20000 });
}

/** The innermost highlight marks of a column that contain `needle`, with their cluster and colour. */
async function marksWith(panel, article, needle) {
  return panel.locator(`section.cc-article[data-article="${article}"] mark.cc-hl`).evaluateAll((els, n) => els
    .filter((e) => e.textContent.includes(n) && ![...e.querySelectorAll('mark.cc-hl')].some((c) => c.textContent.includes(n)))
    .map((e) => ({ cluster: e.dataset.cluster, kind: e.dataset.kind, bg: getComputedStyle(e).backgroundColor, text: e.textContent.slice(0, 80) })), needle);
}

/** The on-screen box of the first occurrence of `needle` in the active editor (Monaco renders spaces as U+00A0). */
function editorWordBox(page, needle) {
  return page.evaluate((n0) => {
    for (const l of document.querySelectorAll('.editor-group-container.active .monaco-editor .view-line')) {
      const walker = document.createTreeWalker(l, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.data.replace(/\u00a0/g, ' ').indexOf(n0);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + n0.length);
        const b = r.getBoundingClientRect();
        return { x: b.x, y: b.y, width: b.width, height: b.height };
      }
    }
    return null;
  }, needle);
}

/** Moves the mouse onto `needle` in the active editor until `hover` shows; resolves with `read(hover)` once it is not null. */
async function hoverOver(page, needle, hover, read) {
  return lib.poll(async () => {
    const box = await editorWordBox(page, needle);
    if (!box) return null;
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
    if (await hover.waitFor({ state: 'visible', timeout: 4000 }).then(() => true, () => false)) {
      const value = await read(hover);
      if (value !== null) return value;
    }
    await page.mouse.move(5, 5);
    return null;
  }, { timeoutMs: 40000, intervalMs: 100, what: `the Crosscheck hover over "${needle}"` });
}

/**
 * Runs a command that answers with a quick pick of its own, then chooses the first row
 * containing `rowText` after typing `filter`. Resolves once the pick has closed.
 */
async function runCommandAndPick(page, title, pickTitle, filter, rowText) {
  const input = page.locator('.quick-input-widget input');
  // the pick is recognised by its title or, for VS Code's own picks, its placeholder
  const header = page.locator(`.quick-input-widget .quick-input-title:has-text("${pickTitle}"), .quick-input-widget input[placeholder*="${pickTitle}"]`).first();
  const rows = page.locator('.quick-input-list .monaco-list-row');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first();
  let all = [];
  // the whole open-run-filter cycle is retried: the pick may be re-rendered while the corpus settles
  await lib.poll(async () => {
    if (!(await showInPalette(page, title))) return false;
    await commandRow(page, title).click();
    if (!(await header.waitFor({ state: 'visible', timeout: 15000 }).then(() => true, () => false))) {
      const seen = await page.locator('.quick-input-widget .quick-input-title').innerText().catch(() => '');
      lib.log(`    (waiting for the "${pickTitle}" pick; the quick input shows ${JSON.stringify(seen)} / ${JSON.stringify(await input.getAttribute('placeholder').catch(() => ''))})`);
      return false;
    }
    if (!(await rows.first().waitFor({ state: 'visible', timeout: 10000 }).then(() => true, () => false))) return false;
    all = await rows.allInnerTexts();
    if (!(await input.fill(filter, { timeout: 5000 }).then(() => true, () => false))) return false;
    return row.waitFor({ state: 'visible', timeout: 10000 }).then(() => true, () => false);
  }, { timeoutMs: 75000, intervalMs: 100, what: `the "${pickTitle}" pick of "${title}" with a row "${rowText}"` });
  const chosen = await row.innerText();
  await row.click();
  await input.waitFor({ state: 'hidden', timeout: 10000 });
  return { rows: all, chosen };
}

/** The webview frames showing Crosscheck columns: for each, the article ids of its columns. */
async function panelFrames(page) {
  const out = [];
  for (const f of page.frames()) {
    const ids = await f.evaluate(() => [...document.querySelectorAll('section.cc-article')].map((e) => e.dataset.article)).catch(() => null);
    if (ids && ids.length) out.push({ frame: f, ids });
  }
  return out;
}

/** The active tabs of the editor groups, and the status bar's selection ("Ln 3, Col 176 (174 selected)"). */
async function activeEditorState(page) {
  const tabs = (await page.locator('.tabs-container .tab.active').allInnerTexts()).map((t) => t.replace(/\s+/g, ''));
  const status = (await page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().innerText().catch(() => '')).trim();
  const m = status.match(/\((\d+) selected\)/);
  return { tabs, status, selected: m ? Number(m[1]) : 0 };
}

/** The article (file id) whose outlet, from the workspace's crosscheck.yaml, is named first in `text`. */
function articleNamedFirst(workspace, text) {
  const manifest = require('yaml').parse(fs.readFileSync(path.join(workspace, 'crosscheck.yaml'), 'utf8'));
  const named = Object.entries(manifest.articles || {})
    .map(([file, meta]) => ({ id: file.replace(/\.[^.]+$/, ''), at: meta && meta.outlet ? text.indexOf(meta.outlet) : -1 }))
    .filter((x) => x.at >= 0)
    .sort((x, y) => x.at - y.at);
  return named[0] && named[0].id;
}

/** CROSSCHECK_UI_GREP as a regular expression (or one that matches nothing when it is not one). */
function grepPattern(grep) {
  try {
    return new RegExp(grep);
  } catch {
    return /(?!)/;
  }
}

async function runUiTests({ url, workspace, hostileFixture, screenshots, logs, grep }) {
  fs.mkdirSync(screenshots, { recursive: true });
  const results = [];
  const browser = await lib.launchBrowser({ viewport: { width: 1600, height: 1000 } });
  const page = browser.context.pages()[0] || (await browser.context.newPage());
  page.setDefaultTimeout(20000);
  const consoleLog = fs.createWriteStream(path.join(logs, 'ui-console.log'));
  page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e.message}\n`));
  // Every request the browser makes (all pages, frames and workers), to prove no request leaves a webview.
  const requests = [];
  browser.context.on('request', (r) => {
    let frameUrl = '';
    try {
      frameUrl = r.frame().url();
    } catch {
      frameUrl = '(worker)';
    }
    requests.push({ url: r.url(), frameUrl, request: r });
  });
  const cspViolations = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text())) cspViolations.push(m.text().slice(0, 300));
  });
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  const panel = page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
  const column = (id) => panel.locator(`section.cc-article[data-article="${id}"]`);
  const shot = (name) => page.screenshot({ path: path.join(screenshots, name) });
  const state = {};
  /** Brings the Crosscheck panel's tab to the front. */
  const showPanel = async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.locator('.tabs-container .tab', { hasText: /^Crosscheck( — .+)?$/ }).first().click();
    await panel.locator('section.cc-article').first().waitFor({ state: 'attached', timeout: 20000 });
  };

  async function test(name, fn) {
    // grep: a substring or a regular expression of test names (the first two tests always run)
    if (grep && !name.includes(grep) && !grepPattern(grep).test(name) && !/workbench|command palette/.test(name)) return;
    const t = Date.now();
    try {
      const info = await lib.withTimeout(Promise.resolve().then(fn), 90000, name);
      results.push({ title: name, state: 'passed', durationMs: Date.now() - t });
      lib.log(`  PASS ui: ${name} (${Date.now() - t} ms)${info ? ' — ' + info : ''}`);
    } catch (e) {
      results.push({ title: name, state: 'failed', durationMs: Date.now() - t, error: e.message });
      lib.log(`  FAIL ui: ${name}\n         ${e.message.split('\n').slice(0, 6).join('\n         ')}`);
      await shot(`fail-${name.replace(/\W+/g, '_').slice(0, 60)}.png`).catch(() => {});
    }
  }

  try {
    await test('workbench loads with the corpus in the explorer', async () => {
      await page.goto(url);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: `${A000}.txt` });
      await row.waitFor({ timeout: 60000 });
      const names = await page.locator('.explorer-folders-view .monaco-list-row').allInnerTexts();
      return `${names.length} files`;
    });

    await test('command palette runs "Crosscheck: Open Corpus Panel"', async () => {
      await runCommand(page, 'Crosscheck: Open Corpus Panel');
      await page.locator('.tabs-container .tab', { hasText: /^Crosscheck( — .+)?$/ }).first().waitFor({ state: 'visible', timeout: 30000 });
      await column(A000).waitFor({ state: 'attached', timeout: 60000 });
      const ids = await panel.locator('section.cc-article').evaluateAll((els) => els.map((e) => e.dataset.article));
      for (const id of [A000, A001, A002]) if (!ids.includes(id)) throw new Error(`no column for ${id}; columns: ${ids.join(', ')}`);
      const title = await column(A000).locator('h2.cc-title').innerText();
      if (!/looking to purchase more attack drones/.test(title)) throw new Error('000 column title: ' + title);
      return `${ids.length} columns`;
    });

    await test("Kirby's quote is highlighted in 000 and 001 in the same cluster and colour", async () => {
      const [m0, m1] = await lib.poll(async () => {
        const a = await marksWith(panel, A000, NEEDLE);
        const b = await marksWith(panel, A001, NEEDLE);
        return a.length && b.length ? [a, b] : null;
      }, { timeoutMs: 30000, what: `mark.cc-hl containing "${NEEDLE}" in both columns` });
      const pair = m0.flatMap((x) => m1.filter((y) => y.cluster === x.cluster).map((y) => [x, y]))[0];
      if (!pair) throw new Error(`different clusters: 000 ${JSON.stringify(m0)} / 001 ${JSON.stringify(m1)}`);
      const [x, y] = pair;
      if (!/^c\d+$/.test(x.cluster)) throw new Error('cluster id ' + x.cluster);
      if (x.bg !== y.bg) throw new Error(`colours differ: ${x.bg} vs ${y.bg}`);
      if (/rgba\(0, 0, 0, 0\)|transparent/.test(x.bg)) throw new Error('highlight has no background colour');
      state.cluster = x.cluster;
      return `cluster ${x.cluster}, kind ${x.kind}, background ${x.bg}`;
    });

    await test('clicking the highlight opens the detail view with every version and a diff', async () => {
      if (!state.cluster) throw new Error('no cluster from the previous test');
      const mark = column(A001).locator(`mark.cc-hl[data-cluster="${state.cluster}"]`, { hasText: NEEDLE }).last();
      await mark.scrollIntoViewIfNeeded();
      await mark.click();
      const detail = panel.locator('#cc-detail');
      await detail.locator('.cc-version').first().waitFor({ state: 'visible', timeout: 20000 });
      const versions = await detail.locator('.cc-version').evaluateAll((els) => els.map((e) => e.dataset.article));
      for (const id of [A000, A001]) if (!versions.includes(id)) throw new Error(`detail lacks the ${id} version; has ${versions.join(', ')}`);
      const ins = await detail.locator('ins').count();
      const del = await detail.locator('del').count();
      const divs = await detail.locator('.cc-div').count();
      if (ins + del === 0) throw new Error('the detail view shows no ins/del diff');
      await detail.scrollIntoViewIfNeeded();
      await shot('panel.png');
      return `${versions.length} versions, ${ins} ins, ${del} del, ${divs} divergences`;
    });

    await test('the detail view is a pane beside the columns: they narrow instead of being covered, and the handle resizes it', async () => {
      const geometry = () => panel.locator('body').evaluate(() => {
        const cols = document.getElementById('cc-columns');
        const detail = document.getElementById('cc-detail');
        const handle = document.getElementById('cc-splitter');
        const c = cols.getBoundingClientRect();
        const d = detail.getBoundingClientRect();
        return { detailHidden: detail.hidden, handleShown: !!handle && handle.getBoundingClientRect().width > 0, colsRight: c.right, colsWidth: c.width, detailLeft: d.left, detailWidth: d.width, overflow: cols.scrollWidth - cols.clientWidth, columns: cols.querySelectorAll('section.cc-article').length };
      });
      const before = await geometry();
      if (before.detailHidden || !before.handleShown) throw new Error('the detail pane or its resize handle is not shown: ' + JSON.stringify(before));
      if (before.detailLeft < before.colsRight - 1) throw new Error('the detail pane overlaps the columns: ' + JSON.stringify(before));
      if (before.overflow > 1) throw new Error(`the ${before.columns} columns do not fit beside the detail pane (${before.overflow} px hidden): ` + JSON.stringify(before));
      const box = await panel.locator('#cc-splitter').boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x - 60, box.y + box.height / 2, { steps: 4 });
      await page.mouse.move(box.x - 120, box.y + box.height / 2, { steps: 4 });
      await page.mouse.up();
      const wider = await geometry();
      if (wider.detailWidth < before.detailWidth + 100) throw new Error(`dragging the handle 120 px left did not widen the pane: ${before.detailWidth} → ${wider.detailWidth}`);
      if (wider.colsWidth > before.colsWidth - 100) throw new Error(`the columns did not narrow: ${before.colsWidth} → ${wider.colsWidth}`);
      if (wider.detailLeft < wider.colsRight - 1) throw new Error('after resizing, the detail pane overlaps the columns: ' + JSON.stringify(wider));
      // the arrow keys resize too (and the width is kept in the panel's state)
      await panel.locator('#cc-splitter').focus();
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
      const back = await geometry();
      if (back.detailWidth > wider.detailWidth - 100) throw new Error(`ArrowRight on the handle did not narrow the pane: ${wider.detailWidth} → ${back.detailWidth}`);
      return `pane ${Math.round(before.detailWidth)} px beside ${before.columns} columns (${Math.round(before.colsWidth)} px, nothing hidden); dragged to ${Math.round(wider.detailWidth)} px (columns ${Math.round(wider.colsWidth)} px); keys back to ${Math.round(back.detailWidth)} px`;
    });

    /** For a cluster: each column's first occurrence, its height below the top of its column's text, and the overview ticks. */
    const occurrenceHeights = (cluster) => panel.locator('#cc-columns').evaluate((root, id) => [...root.querySelectorAll('section.cc-article')].flatMap((s) => {
      const mark = s.querySelector(`mark.cc-hl[data-cluster="${id}"]`);
      const text = s.querySelector('.cc-text');
      if (!mark || !text) return [];
      return [{ article: s.dataset.article, y: Math.round(mark.getBoundingClientRect().top - text.getBoundingClientRect().top), scrollTop: Math.round(text.scrollTop), visible: mark.getBoundingClientRect().top >= text.getBoundingClientRect().top && mark.getBoundingClientRect().top < text.getBoundingClientRect().bottom - 10 }];
    }), cluster);
    const assertAligned = (cluster, heights) => {
      if (heights.length < 2) throw new Error(`${cluster} shows in ${heights.length} column(s) only: ${JSON.stringify(heights)}`);
      const ys = heights.map((h) => h.y);
      if (Math.max(...ys) - Math.min(...ys) > 2) throw new Error(`the occurrences of ${cluster} sit at different heights: ${JSON.stringify(heights)}`);
      if (!heights.every((h) => h.visible)) throw new Error(`an occurrence of ${cluster} is out of view: ${JSON.stringify(heights)}`);
      return `${cluster} at ${ys[0]} px in ${heights.length} columns`;
    };

    await test('selecting a cluster scrolls every column so that its occurrences sit at the same height', async () => {
      // the highlight clicked before: the other columns came to its height
      const clicked = assertAligned(state.cluster, await lib.poll(async () => { const h = await occurrenceHeights(state.cluster); return h.length >= 2 ? h : null; }, { timeoutMs: 10000, what: `the marks of ${state.cluster}` }));
      // stepping with → selects the next cluster and aligns it (the columns scroll independently)
      const steps = [];
      for (let i = 0; i < 3; i++) {
        await panel.locator('#cc-next').click();
        const id = await lib.poll(async () => { const c = await panel.locator('#cc-detail').getAttribute('data-cluster'); return c && c !== steps[steps.length - 1] ? c : null; }, { timeoutMs: 10000, what: 'the next cluster in the detail view' });
        const heights = await occurrenceHeights(id);
        if (heights.length >= 2) steps.push(assertAligned(id, heights));
        else steps.push(`${id} in one column`);
      }
      const scrolled = await occurrenceHeights(state.cluster);
      return `clicked: ${clicked}; stepped: ${steps.join('; ')}; columns scroll on their own (scrollTops ${scrolled.map((h) => h.scrollTop).join(', ')})`;
    });

    await test('each column has an overview strip of its clusters; a tick selects its cluster', async () => {
      const strips = await panel.locator('section.cc-article[data-rendered="1"]').evaluateAll((els) => els.map((s) => ({ article: s.dataset.article, ticks: [...s.querySelectorAll('.cc-minimap .cc-tick')].map((t) => ({ cluster: t.dataset.cluster, top: parseFloat(t.style.top), bg: getComputedStyle(t).backgroundColor })), marks: new Set([...s.querySelectorAll('mark.cc-hl')].map((m) => m.dataset.cluster)).size })));
      for (const s of strips) {
        if (s.marks && !s.ticks.length) throw new Error(`column ${s.article} has marks but no overview ticks`);
        const tops = s.ticks.map((t) => t.top);
        if (tops.some((t, i) => i && t < tops[i - 1])) throw new Error(`ticks of ${s.article} are not in text order: ${tops}`);
        if (tops.some((t) => !(t >= 0 && t <= 100))) throw new Error(`tick outside the strip in ${s.article}: ${tops}`);
      }
      // each strip frames the part of its article the column shows
      const frames = await panel.locator('section.cc-article[data-rendered="1"]').evaluateAll((els) => els.map((s) => { const v = s.querySelector('.cc-minimap-view'); const t = s.querySelector('.cc-text'); return { article: s.dataset.article, top: v ? parseFloat(v.style.top) : NaN, height: v ? parseFloat(v.style.height) : NaN, scrollTop: t.scrollTop }; }));
      for (const f of frames) {
        if (!(f.height > 0 && f.height <= 100 && f.top >= 0 && f.top + f.height <= 100.01)) throw new Error('overview frame out of the strip: ' + JSON.stringify(f));
        if (f.scrollTop > 50 && !(f.top > 0)) throw new Error(`the frame of ${f.article} does not follow its scrolled column: ` + JSON.stringify(f));
      }
      // a click on the strip's lower end scrolls its column there
      const strip = panel.locator(`section.cc-article[data-article="${A003}"] .cc-minimap`);
      const sbox = await strip.boundingBox();
      await panel.locator(`section.cc-article[data-article="${A003}"] .cc-text`).evaluate((t) => { t.scrollTop = 0; });
      await page.mouse.click(sbox.x + sbox.width / 2, sbox.y + sbox.height * 0.9);
      const moved = await lib.poll(async () => { const st = await panel.locator(`section.cc-article[data-article="${A003}"] .cc-text`).evaluate((t) => t.scrollTop); return st > 100 ? st : null; }, { timeoutMs: 5000, what: 'the 003 column scrolled by a click on its strip' });
      const current = await panel.locator('#cc-detail').getAttribute('data-cluster');
      const tick = panel.locator(`section.cc-article[data-article="${A000}"] .cc-minimap .cc-tick:not([data-cluster="${current}"])`).last();
      const target = await tick.getAttribute('data-cluster');
      await tick.click();
      await lib.poll(async () => (await panel.locator('#cc-detail').getAttribute('data-cluster')) === target, { timeoutMs: 10000, what: `the detail of ${target} after clicking its tick` });
      const heights = await occurrenceHeights(target);
      const aligned = heights.length >= 2 ? assertAligned(target, heights) : `${target} in one column, visible: ${heights[0] && heights[0].visible}`;
      if (heights.length === 1 && !heights[0].visible) throw new Error(`clicking the tick did not bring ${target} into view`);
      await shot('panel-layout.png');
      return `${strips.length} strips, ${strips.reduce((n, s) => n + s.ticks.length, 0)} ticks, frames at ${frames.map((f) => Math.round(f.top) + '%').join(' ')}; a click low on the 003 strip scrolled it to ${Math.round(moved)} px; tick → ${aligned}`;
    });

    await test('the palette reaches the panel: eight distinct cluster colours from the theme', async () => {
      const { colours, kind } = await panel.locator('body').evaluate(() => {
        const probe = document.createElement('span');
        document.body.append(probe);
        const out = [];
        for (let slot = 1; slot <= 8; slot++) {
          probe.style.backgroundColor = `var(--vscode-crosscheck-cluster${slot}Background)`;
          out.push(getComputedStyle(probe).backgroundColor);
        }
        probe.remove();
        const kind = ['vscode-high-contrast-light', 'vscode-high-contrast', 'vscode-dark', 'vscode-light'].find((k) => document.body.classList.contains(k));
        return { colours: out, kind };
      });
      const pkg = JSON.parse(fs.readFileSync(path.join(lib.ROOT, 'package.json'), 'utf8'));
      const hex = (c) => { const m = c.match(/rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)/); return m ? '#' + [1, 2, 3].map((i) => Number(m[i]).toString(16).padStart(2, '0')).join('') : c; };
      if (kind !== 'vscode-dark' && kind !== 'vscode-light') throw new Error('the panel is in a ' + kind + ' theme; this test expects a light or dark one');
      const want = pkg.contributes.colors.filter((c) => /Background$/.test(c.id)).map((c) => c.defaults[kind === 'vscode-dark' ? 'dark' : 'light'].slice(0, 7));
      const got = colours.map(hex);
      if (new Set(got).size !== 8) throw new Error('cluster colours are not all distinct: ' + colours.join(' | '));
      if (got.join() !== want.join()) throw new Error(`the panel's cluster colours ${got.join(', ')} are not the contributed ${kind} defaults ${want.join(', ')}`);
      return `${kind}: ${got.join(' ')}`;
    });

    await test('the detail view marks changes inside each version’s own text, or side by side sentence by sentence', async () => {
      const detail = panel.locator('#cc-detail');
      await detail.locator('.cc-version').first().waitFor({ state: 'visible', timeout: 20000 });
      await detail.locator('.cc-diff-view-inline').click();
      await lib.poll(async () => (await detail.getAttribute('data-diff-view')) === 'inline', { timeoutMs: 5000, what: 'the inline layout' });
      const inline = await detail.locator('.cc-version:not(.cc-reference)').evaluateAll((els) => els.map((v) => {
        const body = v.querySelector('.cc-version-text');
        const own = [...body.childNodes].filter((n) => n.nodeName !== 'DEL').map((n) => n.textContent).join('');
        return { article: v.dataset.article, own, marks: body.querySelectorAll('ins, del').length };
      }));
      if (!inline.length) throw new Error('no non-reference version in the detail view');
      for (const v of inline) {
        const columnText = await column(v.article).locator('.cc-text').evaluate((e) => e.textContent);
        if (!columnText.includes(v.own)) throw new Error(`the ${v.article} version without its deletions is not its own text: ${JSON.stringify(v.own.slice(0, 160))}`);
      }
      await detail.locator('.cc-diff-view-sideBySide').click();
      const sbs = await lib.poll(async () => {
        if ((await detail.getAttribute('data-diff-view')) !== 'sideBySide') return null;
        return detail.locator('.cc-version:not(.cc-reference) .cc-sbs').evaluateAll((els) => els.map((t) => ({ rows: t.querySelectorAll('.cc-sbs-row:not(.cc-sbs-head)').length, insLeft: t.querySelectorAll('.cc-sbs-ref ins').length, delRight: t.querySelectorAll('.cc-sbs-ver del').length, marks: t.querySelectorAll('ins, del').length })));
      }, { timeoutMs: 5000, what: 'the side-by-side layout' });
      if (sbs.length !== inline.length) throw new Error(`side by side shows ${sbs.length} tables for ${inline.length} versions`);
      for (const t of sbs) if (!t.rows || t.insLeft || t.delRight) throw new Error('side-by-side rows mix the sides: ' + JSON.stringify(t));
      await detail.locator('.cc-diff-view-inline').click();
      return `inline: ${inline.map((v) => `${v.article.slice(0, 3)} ${v.marks} marks`).join(', ')}; side by side: ${sbs.map((t) => `${t.rows} rows`).join(', ')}`;
    });

    await test('status bar shows the corpus summary', async () => {
      const item = page.locator('.statusbar-item', { hasText: /Crosscheck/ }).first();
      await item.waitFor({ state: 'visible', timeout: 20000 });
      const text = await item.innerText();
      if (!/\d+\s+sources/.test(text)) throw new Error('status bar text: ' + text);
      return JSON.stringify(text.trim());
    });

    await test('hover over the quote in the editor names the other sources', async () => {
      await quickOpen(page, `${A000}.txt`);
      const editor = page.locator('.editor-group-container.active .monaco-editor').first();
      await editor.locator('.view-line', { hasText: 'Iran also continues to provide' }).first().waitFor({ state: 'visible', timeout: 20000 });
      const hover = page.locator('.monaco-hover-content', { hasText: /sources/i }).first();
      const text = await hoverOver(page, NEEDLE, hover, (h) => h.innerText());
      const names001 = [A001, 'The White House said on Monday'];
      if (!names001.some((n) => text.includes(n))) throw new Error('hover does not name 001:\n' + text.slice(0, 600));
      await shot('hover.png');
      const line = text.split('\n').find((l) => /sources/i.test(l)) || text;
      return JSON.stringify(line.replace(/\s+/g, ' ').slice(0, 160));
    });

    await test('Problems panel lists Crosscheck diagnostics for 002', async () => {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await quickOpen(page, `${A002}.txt`);
      const markers = page.locator('.markers-panel');
      await page.keyboard.press('Control+Shift+M');
      if (!(await markers.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false))) {
        await runCommand(page, 'View: Focus on Problems View');
        await markers.waitFor({ state: 'visible', timeout: 15000 });
      }
      const fileRow = markers.locator('.monaco-list-row', { hasText: `${A002}.txt` }).first();
      await fileRow.waitFor({ state: 'visible', timeout: 30000 });
      // Show only 002's problems (the filter box of the Problems view takes a glob).
      const filter = page.getByPlaceholder(/^Filter \(e\.g\./).first();
      if (await filter.isVisible()) {
        await filter.fill(`**/${A002}.txt`);
        await lib.poll(async () => {
          const files = await markers.locator('.monaco-list-row .file-icon, .monaco-list-row .monaco-icon-label').allInnerTexts();
          return !files.some((f) => f.includes(A000));
        }, { timeoutMs: 10000, what: 'the Problems filter' }).catch(() => {});
      }
      const rows = await markers.locator('.monaco-list-row').allInnerTexts();
      const ours = rows.filter((r) => /crosscheck/i.test(r));
      if (!ours.length) throw new Error('no Crosscheck rows in Problems:\n' + rows.join('\n'));
      const number = ours.find((r) => /number/i.test(r));
      if (!number) throw new Error('no number divergence among the Crosscheck problems:\n' + ours.join('\n'));
      await shot('problems.png');
      return `${rows.length} rows, ${ours.length} from Crosscheck; ${JSON.stringify(number.replace(/\s+/g, ' ').slice(0, 140))}`;
    });

    await test('a new article file is picked up by the open panel', async () => {
      fs.copyFileSync(hostileFixture, path.join(workspace, path.basename(hostileFixture)));
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: path.basename(hostileFixture) }).waitFor({ timeout: 30000 });
      await showPanel();
      await column(HOSTILE).waitFor({ state: 'attached', timeout: 30000 });
      const n = await panel.locator('section.cc-article').count();
      return `${n} columns`;
    });

    await test('hostile HTML in an article shows as text and never runs', async () => {
      const col = column(HOSTILE);
      if (!(await col.waitFor({ state: 'attached', timeout: 5000 }).then(() => true, () => false))) {
        await runCommand(page, 'Crosscheck: Refresh');
        await showPanel();
        await col.waitFor({ state: 'attached', timeout: 30000 });
      }
      const text = await col.evaluate((e) => e.textContent);
      const literals = ['<script>window.__pwned=1', '<img src=x onerror="window.__pwned=2">', '<iframe', '<svg onload',
        '<a href="javascript:window.top.__pwned=7">', '[a markdown link](javascript:window.__pwned=8)', 'javascript:window.__pwned=9',
        '</style><script>window.__pwned=10</script>', '</textarea></title><script>', "{{constructor.constructor('window.__pwned=12')()}}",
        '${window.__pwned=13}', '<%= window.__pwned=14 %>', '{{7*7}}', '<link rel="stylesheet" href="http://canary.invalid/evil.css">',
        '<base href="http://canary.invalid/">', '@import url(http://canary.invalid/i.css);'];
      for (const s of literals) {
        if (!text.includes(s)) throw new Error(`column text lacks the literal ${JSON.stringify(s)}`);
      }
      if (text.includes('49')) throw new Error('a {{ }} template was evaluated: "49" appears in the column');
      const title = await col.locator('h2.cc-title').evaluate((e) => e.textContent);
      if (!title.includes('<img src=x onerror')) throw new Error('title not shown literally: ' + title);
      const elements = await col.locator('img, script, iframe, svg, b, i, a, link, meta, base, object, video, style, textarea, title').count();
      if (elements) throw new Error(`${elements} element(s) from the article's HTML exist in the column`);
      // Every text node of the column is text, never markup: no element carries an attribute taken from the article.
      const attrs = await col.evaluate((e) => [...e.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${el.tagName.toLowerCase()}[${a.name}]`)).filter((a) => /\[(on\w+|href|src|style\b.*url)/.test(a)));
      if (attrs.length) throw new Error('article-like attributes in the column: ' + attrs.slice(0, 5).join(', '));
      const inFrame = await panel.locator('body').evaluate(() => ({ pwned: window.__pwned, title: document.title }));
      if (inFrame.pwned !== undefined || inFrame.title === 'PWNED') throw new Error('webview frame: ' + JSON.stringify(inFrame));
      for (const f of page.frames()) {
        const v = await f.evaluate(() => ({ pwned: window.__pwned, title: document.title })).catch(() => null);
        if (v && (v.pwned !== undefined || v.title === 'PWNED')) throw new Error(`frame ${f.url().slice(0, 80)}: ${JSON.stringify(v)}`);
      }
      if (dialogs.length) throw new Error('dialogs were opened: ' + dialogs.join(' | '));
      await col.scrollIntoViewIfNeeded();
      await shot('hostile.png');
      return `window.__pwned is ${inFrame.pwned} in the webview; ${page.frames().length} frames checked`;
    });

    await test('hostile markup inside a matched quote shows as text in the detail view and its word diff', async () => {
      const mark = column(HOSTILE).locator('mark.cc-hl', { hasText: 'Russia has expended' }).last();
      await mark.scrollIntoViewIfNeeded();
      await mark.click();
      const detail = panel.locator('#cc-detail');
      const version = detail.locator(`.cc-version[data-article="${HOSTILE}"]`).first();
      await version.waitFor({ state: 'visible', timeout: 20000 });
      const text = await detail.evaluate((e) => e.textContent);
      for (const s of ['<script>window.__pwned=15</script>', '<b onclick=window.__pwned=16>critical</b>']) {
        if (!text.includes(s)) throw new Error(`the detail view lacks the literal ${JSON.stringify(s)}: ${text.slice(0, 300)}`);
      }
      const inserted = await detail.locator('ins, del').evaluateAll((els) => els.map((e) => e.textContent).join(' '));
      if (!/<script>|<b onclick/.test(inserted)) throw new Error('the word diff does not mark the hostile words: ' + inserted.slice(0, 300));
      const elements = await detail.locator('script, b, img, iframe, svg').count();
      if (elements) throw new Error(`${elements} element(s) from the article's HTML exist in the detail view`);
      const pwned = await panel.locator('body').evaluate(() => window.__pwned);
      if (pwned !== undefined) throw new Error('window.__pwned = ' + pwned);
      return `diff marks: ${JSON.stringify(inserted.slice(0, 100))}`;
    });

    await test("the webview's Content-Security-Policy is strict", async () => {
      const csp = await panel.locator('meta[http-equiv="Content-Security-Policy"]').first().getAttribute('content');
      if (!csp) throw new Error('the panel has no CSP meta tag');
      const directives = Object.fromEntries(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => { const [k, ...v] = d.split(/\s+/); return [k, v]; }));
      if ((directives['default-src'] || []).join(' ') !== "'none'") throw new Error(`default-src is not 'none': ${csp}`);
      const scripts = directives['script-src'] || directives['default-src'];
      if (!scripts.some((v) => /^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(v))) throw new Error('script-src has no nonce: ' + csp);
      for (const v of scripts) if (!/^'nonce-/.test(v)) throw new Error(`script-src allows more than its nonce (${v}): ${csp}`);
      // Other directives may name only the webview's own resource origin (webview.cspSource, the
      // tokens of style-src), never a scheme or host wildcard; images may also be data: URLs.
      const own = new Set(directives['style-src'] || []);
      for (const src of own) if (/^(\*|https?:|wss?:|https?:\/\/\*|data:|'unsafe-inline'|'unsafe-eval')$/.test(src)) throw new Error(`style-src allows ${src}: ${csp}`);
      for (const [k, v] of Object.entries(directives)) {
        if (k === 'script-src' || k === 'default-src') continue;
        for (const src of v) if (!own.has(src) && src !== "'none'" && src !== "'self'" && !(k === 'img-src' && src === 'data:')) throw new Error(`${k} allows ${src} beyond the webview's own origin: ${csp}`);
      }
      // VS Code itself injects #_vscodeApiScript (acquireVsCodeApi) before the page's own content.
      const scriptsWithoutNonce = await panel.locator('script:not([nonce]):not(#_vscodeApiScript)').evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 200)));
      if (scriptsWithoutNonce.length) throw new Error(`script element(s) without the nonce: ${scriptsWithoutNonce.join(' | ')}`);
      return csp.replace(/'nonce-[^']+'/, "'nonce-…'");
    });

    await test('no request leaves the webview, and nothing fetches the hostile URLs', async () => {
      // Let anything the hostile article could have triggered happen first.
      await page.waitForTimeout(1500);
      const server = new URL(url).origin;
      const webviewOrigins = new Set(page.frames().map((f) => f.url()).filter((u) => /webview/i.test(u)).map((u) => { try { return new URL(u).origin; } catch { return ''; } }));
      const isLocal = (u) => /^(data|blob|vscode-resource|vscode-webview|vscode-file|about):/.test(u) || u.startsWith(server + '/') || [...webviewOrigins].some((o) => o && o !== 'null' && u.startsWith(o + '/'));
      // The webview's own resources (asWebviewUri → *.vscode-resource.vscode-cdn.net) are answered by
      // VS Code's service worker from the extension's media/ and dist/ folders: they never leave.
      const isOwnResource = async (r) => {
        if (!/^https:\/\/[^/]+\.vscode-resource\.vscode-cdn\.net\/.*\/(media|dist)\/[^/]+$/.test(r.url)) return false;
        const response = await r.request.response().catch(() => null);
        return !!response && response.fromServiceWorker();
      };
      const canary = requests.filter((r) => r.url.includes('canary.invalid'));
      if (canary.length) throw new Error('requests to the hostile URLs: ' + canary.map((r) => `${r.url} from ${r.frameUrl.slice(0, 80)}`).join(' | '));
      const fromWebviews = requests.filter((r) => /webview/i.test(r.frameUrl));
      const outside = [];
      for (const r of fromWebviews) if (!isLocal(r.url) && !(await isOwnResource(r))) outside.push(r);
      const own = fromWebviews.filter((r) => /vscode-resource\.vscode-cdn\.net/.test(r.url)).length;
      if (outside.length) throw new Error('webview requests to other origins: ' + outside.slice(0, 5).map((r) => r.url.slice(0, 120)).join(' | '));
      const ours = cspViolations.filter((m) => /canary\.invalid|inline script|unsafe-eval/i.test(m));
      if (ours.length) throw new Error('CSP had to block article content (so it reached the DOM as markup): ' + ours.slice(0, 3).join(' | '));
      return `${requests.length} requests in the run, ${fromWebviews.length} from webview frames (${own} to its own media/dist resources, served by the service worker; the rest to ${[server, ...webviewOrigins].join(', ')} or data:/blob:), none to canary.invalid`;
    });

    await test("hovers show the hostile article's title and words as text", async () => {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await quickOpen(page, `${A000}.txt`);
      const editor = page.locator('.editor-group-container.active .monaco-editor').first();
      await editor.locator('.view-line', { hasText: 'Iran also continues to provide' }).first().waitFor({ state: 'visible', timeout: 20000 });
      const hover = page.locator('.monaco-hover-content', { hasText: /sources/i }).first();
      const html = await hoverOver(page, NEEDLE, hover, async (h) => ((await h.innerText()).includes('Hostile')
        ? h.evaluate((e) => ({ text: e.textContent, tags: [...e.querySelectorAll('img, b, script, iframe, svg, a[href^="javascript"]')].map((x) => x.outerHTML.slice(0, 80)) }))
        : null));
      if (!html.text.includes('<img src=x onerror')) throw new Error('hover does not show the title literally: ' + html.text.slice(0, 400));
      if (html.tags.length) throw new Error('hover has elements from the article: ' + html.tags.join(' | '));
      // The hover's word diff (HTML <ins>/<del> marks around escaped text) shows the hostile words as text.
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      const diffHover = page.locator('.monaco-hover-content', { hasText: /sources/i }).first();
      const diff = await hoverOver(page, 'Russia has expended', diffHover, async (h) => ((await h.innerText()).includes('__pwned=15')
        ? h.evaluate((e) => ({ text: e.textContent, marks: [...e.querySelectorAll('ins, del')].map((x) => x.textContent).join(' '), tags: [...e.querySelectorAll('img, b, script, iframe, svg')].map((x) => x.outerHTML.slice(0, 80)) }))
        : null));
      if (!diff.text.includes('<script>window.__pwned=15</script>')) throw new Error('hover diff does not show the script literally: ' + diff.text.slice(0, 400));
      if (!diff.marks.includes('<script>')) throw new Error('hover diff does not mark the hostile words: ' + diff.marks.slice(0, 200));
      if (diff.tags.length) throw new Error('hover diff has elements from the article: ' + diff.tags.join(' | '));
      const pwned = await page.evaluate(() => window.__pwned);
      if (pwned !== undefined) throw new Error('window.__pwned = ' + pwned);
      await page.mouse.move(5, 5);
      return `title shown as text; diff marks ${JSON.stringify(diff.marks.slice(0, 80))}; no img/b/script in the hovers`;
    });

    await test('with 30 articles only the columns near the view have text; scrolling renders the others, highlights still work', async () => {
      // 26 more articles (follow-ups of 001, so every column has matches): past 8 columns the panel renders lazily
      const seed = fs.readFileSync(path.join(workspace, `${A001}.txt`), 'utf8');
      const [head, ...rest] = seed.split('\n');
      const names = [];
      for (let k = 1; k <= 26; k++) {
        const name = `lazy_${String(k).padStart(2, '0')}`;
        names.push(name);
        const body = rest.join('\n').replace(/\b(\d{2,})\b/, (n) => String(Number(n) + k));
        fs.writeFileSync(path.join(workspace, `${name}.txt`), `Follow-up ${k}: ${head}\n${body}\n\nThis is follow-up note number ${k} of the series.\n`);
      }
      await showPanel();
      const last = names[names.length - 1];
      await lib.poll(async () => (await panel.locator('section.cc-article').count()) >= 30 && (await column(last).count()) > 0, { timeoutMs: 90000, what: '30 columns in the panel' });
      const box = panel.locator('#cc-columns');
      /** Every column: rendered flag, characters of text, highlight marks, and where it is relative to the visible part. */
      const layout = () => box.evaluate((root) => {
        const view = root.getBoundingClientRect();
        return [...root.querySelectorAll('section.cc-article')].map((s, index) => {
          const r = s.getBoundingClientRect();
          const text = s.querySelector('.cc-text');
          return { index, id: s.dataset.article, rendered: s.dataset.rendered === '1', chars: text ? text.textContent.length : 0, marks: s.querySelectorAll('mark.cc-hl').length, visible: r.right > view.left && r.left < view.right, distance: r.left >= view.right ? r.left - view.right : r.right <= view.left ? view.left - r.right : 0, viewWidth: view.width };
        });
      });
      const settled = (cols) => cols.filter((c) => c.visible).every((c) => c.rendered && c.chars > 0);
      let cols = await lib.poll(async () => { const c = await layout(); return c.length >= 30 && settled(c) ? c : null; }, { timeoutMs: 20000, what: 'the visible columns rendered' });
      const empty = cols.filter((c) => !c.rendered);
      if (!empty.length) throw new Error(`all ${cols.length} columns have their text rendered (no virtualisation)`);
      for (const c of empty) if (c.chars > 0 || c.marks > 0) throw new Error(`column ${c.id} is not rendered but has ${c.chars} characters, ${c.marks} marks`);
      for (const c of empty) if (c.distance <= c.viewWidth) throw new Error(`column ${c.id} is within a screen width of the view (${Math.round(c.distance)} px) but not rendered`);
      if (!cols.find((c) => c.id === last && !c.rendered)) throw new Error('the last column is rendered before it was scrolled to');
      const before = `${cols.filter((c) => c.rendered).length} of ${cols.length} rendered at first`;
      // scroll to the far right: the last columns render (with their highlights), far-left lazy ones are dropped
      await box.evaluate((root) => { root.scrollLeft = root.scrollWidth; });
      cols = await lib.poll(async () => { const c = await layout(); return settled(c) && c.find((x) => x.id === last && x.rendered) ? c : null; }, { timeoutMs: 20000, what: 'the last column rendered after scrolling' });
      const lastCol = cols.find((c) => c.id === last);
      if (!lastCol.marks) throw new Error('the last column has no highlight marks after rendering');
      const dropped = cols.filter((c) => c.index >= 8 && !c.visible && !c.rendered && c.distance > c.viewWidth);
      if (!dropped.length) throw new Error('no far-away column had its text dropped after scrolling');
      // highlights in a lazily rendered column still open the detail view
      const mark = column(last).locator('mark.cc-hl').first();
      const cluster = await mark.getAttribute('data-cluster');
      await mark.scrollIntoViewIfNeeded();
      await mark.click();
      const detail = panel.locator('#cc-detail');
      await lib.poll(async () => (await detail.getAttribute('data-cluster')) === cluster && (await detail.locator(`.cc-version[data-article="${last}"]`).count()) > 0, { timeoutMs: 20000, what: `the detail view of ${cluster} with the ${last} version` });
      const versions = await detail.locator('.cc-version').count();
      for (const n of names) fs.rmSync(path.join(workspace, `${n}.txt`), { force: true });
      return `${before}; after scrolling right: ${cols.filter((c) => c.rendered).length} rendered, ${dropped.length} far-left columns dropped, last column ${lastCol.marks} marks; detail of ${cluster} with ${versions} versions`;
    });

    await test('a 300-article corpus: the panel stays small (capped legend, no giant grid, texts fetched per column)', async () => {
      const big = path.join(workspace, 'big');
      const made = require('child_process').spawnSync(process.execPath, [path.join(lib.ROOT, 'out/scripts/make-corpus.js'), '300', big], { encoding: 'utf8' });
      if (made.status !== 0) throw new Error('make-corpus failed: ' + made.stderr);
      try {
        await showPanel();
        await lib.poll(async () => (await panel.locator('section.cc-article').count()) >= 305, { timeoutMs: 90000, what: '305 columns in the panel' });
        const box = panel.locator('#cc-columns');
        const view = await lib.poll(async () => {
          const v = await panel.locator('body').evaluate(() => {
            const root = document.getElementById('cc-columns');
            const r = root.getBoundingClientRect();
            const cols = [...root.querySelectorAll('section.cc-article')].map((s) => { const b = s.getBoundingClientRect(); return { rendered: s.dataset.rendered === '1', chars: s.querySelector('.cc-text').textContent.length, visible: b.right > r.left && b.left < r.right }; });
            return {
              elements: document.body.querySelectorAll('*').length,
              legend: document.querySelectorAll('.cc-legend-item').length,
              more: (document.getElementById('cc-legend-more') || {}).textContent || '',
              grid: !!document.getElementById('cc-grid'),
              note: (document.getElementById('cc-grid-note') || {}).textContent || '',
              status: document.getElementById('cc-status').textContent,
              rendered: cols.filter((c) => c.rendered).length,
              visibleWithText: cols.filter((c) => c.visible && c.rendered && c.chars > 0).length,
              visible: cols.filter((c) => c.visible).length,
              unrenderedWithText: cols.filter((c) => !c.rendered && c.chars > 0).length,
            };
          });
          return v.visible && v.visibleWithText === v.visible ? v : null;
        }, { timeoutMs: 30000, what: 'the visible columns filled with their (requested) texts' });
        if (view.grid || !/grid is drawn up to/.test(view.note)) throw new Error('the sources × clusters grid was drawn for 305 sources: ' + JSON.stringify(view));
        if (view.legend > 200 || !/more clusters/.test(view.more)) throw new Error(`legend: ${view.legend} items, note ${JSON.stringify(view.more)}`);
        if (view.unrenderedWithText) throw new Error(`${view.unrenderedWithText} unrendered columns have text`);
        if (view.rendered > 40) throw new Error(`${view.rendered} of 305 columns rendered at once`);
        if (view.elements > 20000) throw new Error(`${view.elements} elements in the panel`);
        // stepping to a cluster far away fills the columns that hold it and opens its detail
        await box.evaluate((root) => { root.scrollLeft = Math.floor(root.scrollWidth / 2); });
        const detail = panel.locator('#cc-detail');
        await panel.locator('#cc-prev').click();
        await lib.poll(async () => (await detail.locator('.cc-version').count()) >= 2, { timeoutMs: 20000, what: 'the detail view of the last cluster' });
        const cluster = await detail.getAttribute('data-cluster');
        const active = await lib.poll(async () => { const n = await panel.locator(`mark.cc-hl.cc-active[data-cluster="${cluster}"]`).count(); return n >= 2 ? n : null; }, { timeoutMs: 20000, what: `the marks of ${cluster} in the columns that hold it` });
        // deleting the folder (reported by the watcher as one folder, not 300 files) takes its articles out
        fs.rmSync(big, { recursive: true, force: true });
        const t1 = Date.now();
        await lib.poll(async () => (await panel.locator('section.cc-article').count()) < 300, { timeoutMs: 30000, what: 'the panel back to the small corpus after deleting the folder' });
        return `${view.status}; ${view.elements} elements; legend ${view.legend} items + "${view.more.slice(0, 40)}…"; grid replaced by a note; ${view.rendered} columns rendered (${view.visible} visible, all with their texts); ← opened ${cluster} with ${active} active marks; folder deleted → small corpus again after ${Date.now() - t1} ms`;
      } finally {
        fs.rmSync(big, { recursive: true, force: true });
      }
    });

    await test('Find Quote Across Sources lists quotes with speaker and sources, and opens the chosen one', async () => {
      await page.mouse.move(5, 5);
      const { rows, chosen } = await runCommandAndPick(page, 'Crosscheck: Find Quote Across Sources…', 'Find Quote', 'Sullivan', 'Our information indicates');
      if (!rows.some((r) => /John Kirby/.test(r) && /Quoted by \d+ of \d+ sources/.test(r))) throw new Error('no row with Kirby and a "Quoted by N of M sources" detail:\n' + rows.slice(0, 6).join('\n---\n'));
      if (!/Jake Sullivan/.test(chosen) || !/003_7a0ff5961f60178f/.test(chosen)) throw new Error('chosen row: ' + chosen);
      const quote = 'Our information indicates that the Iranian government is preparing to provide Russia with up to several hundred UAVs, including weapons-capable UAVs, on an expedited timeline';
      let last;
      const state = await lib.poll(async () => { const s = (last = await activeEditorState(page)); return s.tabs.some((t) => t.startsWith('003_7a0ff5961f60178f.txt')) && s.selected === quote.length ? s : null; }, { timeoutMs: 20000, what: `the 003 editor with the ${quote.length}-character quote selected` }).catch((e) => { throw new Error(`${e.message}; last seen ${JSON.stringify(last)}`); });
      const line = await page.locator('.monaco-editor .view-line', { hasText: 'Our information indicates' }).count();
      if (!line) throw new Error('the quote is not on screen in the 003 editor');
      return `${rows.length} quote rows shown; opened 003 with the quote selected (${state.status})`;
    });

    await test('Compare Active Article With… opens a two-column panel of the pair', async () => {
      await quickOpen(page, `${A000}.txt`);
      const { chosen } = await runCommandAndPick(page, 'Crosscheck: Compare Active Article With…', `Compare ${A000} With`, A002, A002);
      if (!chosen.includes(A002)) throw new Error('chosen row: ' + chosen);
      const tab = page.locator('.tabs-container .tab', { hasText: `${A000} ↔ ${A002}` }).first();
      await tab.waitFor({ state: 'visible', timeout: 30000 });
      const pair = await lib.poll(async () => (await panelFrames(page)).find((p) => p.ids.length === 2) || null, { timeoutMs: 30000, what: 'a webview with exactly two columns' });
      if (pair.ids.join(',') !== `${A000},${A002}`) throw new Error('pair panel columns: ' + pair.ids.join(', '));
      const marks = await pair.frame.evaluate(() => document.querySelectorAll('mark.cc-hl').length);
      if (!marks) throw new Error('the pair panel has no highlights');
      // close it (the pair panel is the active editor), so later tests see only the corpus panel
      await tab.click();
      await runCommand(page, 'View: Close Editor');
      await tab.waitFor({ state: 'detached', timeout: 10000 });
      return `columns ${pair.ids.join(' ↔ ')}, ${marks} highlight marks`;
    });

    await test('clicking a divergence in the Crosscheck sidebar opens the article at it', async () => {
      await page.mouse.move(5, 5);
      await runCommand(page, 'Crosscheck: Show Divergences');
      const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Divergences/i }) }).first();
      await pane.waitFor({ state: 'visible', timeout: 20000 });
      // substantive groups are expanded: their items are the rows without a twistie that can collapse
      const item = pane.locator('.monaco-list-row[aria-level="2"]').first();
      await item.waitFor({ state: 'visible', timeout: 30000 });
      const label = (await item.innerText()).replace(/\s+/g, ' ').trim();
      // the row names its articles by outlet (from the corpus manifest), else by file id: the first one named is revealed
      const article = (label.match(/\b(00\d_[0-9a-f]{16})\b/) || [])[1] || articleNamedFirst(workspace, label.slice(label.lastIndexOf('”') + 1));
      await quickOpen(page, `${A001}.txt`); // start from another article, so the click must switch
      await page.mouse.move(5, 5);
      await runCommand(page, 'Crosscheck: Show Divergences');
      await item.click();
      if (!article) throw new Error('the divergence row names no article: ' + label);
      const state = await lib.poll(async () => { const s = await activeEditorState(page); return s.tabs.some((t) => t.startsWith(article)) && s.selected > 0 ? s : null; }, { timeoutMs: 20000, what: `the editor of ${article} with the divergence "${label.slice(0, 80)}" selected` });
      return `clicked "${label.slice(0, 90)}" → ${article} (${state.status})`;
    });

    await test('high contrast theme: highlights are drawn as coloured borders', async () => {
      await page.mouse.move(5, 5);
      const { chosen } = await runCommandAndPick(page, 'Preferences: Color Theme', 'Select Color Theme', 'Dark High Contrast', 'Dark High Contrast');
      await page.locator('body.hc-black, .monaco-workbench.hc-black').first().waitFor({ state: 'attached', timeout: 20000 });
      await showPanel();
      const style = await lib.poll(async () => {
        const body = await panel.locator('body').getAttribute('class');
        if (!/vscode-high-contrast/.test(body || '')) return null;
        const marks = await panel.locator('mark.cc-hl').evaluateAll((els) => els.slice(0, 20).map((e) => { const cs = getComputedStyle(e); return { border: cs.borderTopColor, width: cs.borderTopWidth, bg: cs.backgroundColor }; }));
        return marks.length ? { body, marks } : null;
      }, { timeoutMs: 20000, what: 'the panel in high contrast' });
      for (const m of style.marks) {
        if (m.width !== '2px') throw new Error('high-contrast highlight border width ' + m.width);
        if (/rgba\(0, 0, 0, 0\)|transparent/.test(m.border)) throw new Error('high-contrast highlight without a border colour: ' + JSON.stringify(m));
      }
      const colours = new Set(style.marks.map((m) => m.border));
      await shot('high-contrast.png');
      // back to the default theme for the tests that follow
      await runCommandAndPick(page, 'Preferences: Color Theme', 'Select Color Theme', 'Dark Modern', 'Dark Modern').catch(() => undefined);
      return `${chosen.split('\n')[0]}: ${style.marks.length} marks checked, ${colours.size} border colours, 2px`;
    });

    await test('review in the panel: dismiss a divergence from the detail view; header, status bar and filter follow; the timeline marks who carried it', async () => {
      await showPanel();
      // a legend entry with divergences to review (its badge counts them)
      const item = panel.locator('.cc-legend-item', { has: panel.locator('.cc-badge:not(.cc-badge-reviewed)') }).first();
      await item.waitFor({ state: 'attached', timeout: 20000 });
      const cluster = await item.getAttribute('data-cluster');
      await item.click();
      const detail = panel.locator('#cc-detail');
      const row = detail.locator('.cc-review-item').first();
      await row.waitFor({ state: 'visible', timeout: 20000 });
      if ((await row.getAttribute('data-status')) !== 'unreviewed') throw new Error('the divergence starts as ' + (await row.getAttribute('data-status')));
      const header = async () => (await panel.locator('#cc-status').innerText()).trim();
      const before = await header();
      if (!/divergences? to review/.test(before)) throw new Error('panel header: ' + before);
      // the timeline: sources on a time axis, the cluster's carriers marked
      const timeline = await panel.locator('#cc-timeline').evaluate((t) => ({ note: t.querySelector('.cc-tl-note')?.textContent || '', sources: t.querySelectorAll('.cc-tl-source').length, carriers: t.querySelectorAll('.cc-tl-source.cc-tl-carries').length, origin: t.querySelectorAll('.cc-tl-source.cc-tl-origin').length, labels: [...t.querySelectorAll('.cc-tl-label')].map((l) => l.textContent) }));
      if (timeline.sources < 3 || !timeline.carriers || timeline.origin !== 1) throw new Error('timeline: ' + JSON.stringify(timeline));
      if (!timeline.labels.some((l) => /Minembwe Capital News/.test(l))) throw new Error('the timeline does not name outlets: ' + timeline.labels.join(' | '));
      const prov = await detail.locator('.cc-prov-item').count();
      if (!prov) throw new Error('no provenance list in the detail view');
      await row.locator('.cc-review-note').fill('checked against the original release');
      await row.locator('.cc-review-dismiss').click();
      await lib.poll(async () => (await detail.locator('.cc-review-item').first().getAttribute('data-status')) === 'dismissed' || null, { timeoutMs: 20000, what: 'the divergence marked dismissed' });
      const note = await detail.locator('.cc-review-item').first().locator('.cc-review-state').innerText();
      if (!/dismissed as a false alarm — checked against the original release/.test(note)) throw new Error('review state: ' + note);
      const after = await lib.poll(async () => { const h = await header(); return /1 reviewed/.test(h) ? h : null; }, { timeoutMs: 20000, what: 'the header counting 1 reviewed' });
      const bar = await lib.poll(async () => { const t = await page.locator('.statusbar-item', { hasText: /Crosscheck/ }).first().innerText(); return /1 reviewed/.test(t) ? t : null; }, { timeoutMs: 20000, what: 'the status bar counting 1 reviewed' });
      await shot('review.png');
      // "Not yet reviewed": the cluster leaves the legend when it has nothing left to review
      await panel.locator('#cc-filter-unreviewed').check();
      const left = await panel.locator(`.cc-legend-item[data-cluster="${cluster}"]`).count();
      const toReview = await panel.locator('.cc-legend-item').count();
      await panel.locator('#cc-filter-unreviewed').uncheck();
      state.reviewedCluster = cluster;
      return `${cluster}: ${JSON.stringify(before)} → ${JSON.stringify(after)}; status bar ${JSON.stringify(bar.trim())}; timeline ${timeline.sources} sources (${timeline.note}); ${prov} carriers listed; filter: ${toReview} clusters to review${left ? ` (${cluster} still there: more divergences)` : `, ${cluster} hidden`}`;
    });

    await test('the panel is restored after the window reloads', async () => {
      await showPanel();
      await page.reload({ waitUntil: 'domcontentloaded', timeout: 120000 }); // a loaded 2-core machine takes 30–65 s to reload the workbench
      await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
      const tab = page.locator('.tabs-container .tab', { hasText: /^Crosscheck( — .+)?$/ }).first();
      await tab.waitFor({ state: 'visible', timeout: 60000 });
      await tab.click();
      const ids = await lib.poll(async () => { const p = (await panelFrames(page)).find((x) => x.ids.includes(A000)); return p && p.ids.length >= 5 ? p.ids : null; }, { timeoutMs: 60000, what: 'the restored panel with its columns' });
      const marks = await panel.locator('mark.cc-hl').count();
      if (!marks) throw new Error('the restored panel has no highlights');
      return `${ids.length} columns and ${marks} highlight marks after the reload`;
    });

    await test('the review decision persists across the window reload', async () => {
      if (!state.reviewedCluster) throw new Error('no decision from the review test');
      const bar = await lib.poll(async () => { const t = await page.locator('.statusbar-item', { hasText: /Crosscheck/ }).first().innerText().catch(() => ''); return /1 reviewed/.test(t) ? t : null; }, { timeoutMs: 60000, what: 'the status bar counting 1 reviewed after the reload' });
      await showPanel();
      const item = panel.locator(`.cc-legend-item[data-cluster="${state.reviewedCluster}"]`).first();
      await item.click();
      const row = panel.locator('#cc-detail .cc-review-item[data-status="dismissed"]').first();
      await row.waitFor({ state: 'visible', timeout: 20000 });
      return `status bar ${JSON.stringify(bar.trim())}; ${state.reviewedCluster} still dismissed`;
    });

    // Last: the invented three-outlet story, opened as the corpus (it replaces the seeds corpus).
    await storyTests({ test, shot, page, url, panel, workspace, showPanel, runCommand, runCommandAndPick, quickOpen, hoverOver, panelFrames, showInPalette, commandRow });
  } finally {
    consoleLog.end();
    await browser.close();
  }
  const passed = results.filter((r) => r.state === 'passed').length;
  return { passed, failed: results.length - passed, tests: results };
}

module.exports = { runUiTests };
