// Workbench-DOM checks on the corpus skeleton (insurance_navigator, 1,584 Markdown documents), with
// the packaged .vsix installed: TODO003.md opened first, the Proofmark view focused while the
// workspace is indexed (a MutationObserver records every "Indexing… N/M" it shows and any "No
// initiative found"), then the Phase 8 handoff panel and the traceability report. Saves
// corpus-tree.png, corpus-handoff.png and corpus-traceability.png. Env: CS_URL, OUT, RESULT.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { checks, finish, launch, palette, quickOpen, webviewBody } = require('./uiKit');

const URL = process.env.CS_URL;
const OUT = process.env.OUT || 'test-output/e2e';
const RESULT = process.env.RESULT;
if (!URL) throw new Error('uiCorpus.js needs CS_URL');
const { check, log, results } = checks();
const INITIATIVE = /Worker Refactor/;

/** Runs in the workbench page before its scripts: records what the DOM shows while indexing. */
function recordIndexing() {
  if (window.top !== window) return;
  const seen = { indexing: [], empty: 0 };
  window.__proofmarkSeen = seen;
  const look = (node) => {
    const text = node && node.textContent;
    if (!text) return;
    if (text.includes('No initiative found')) seen.empty++;
    const count = /Indexing… [\d,]+\/[\d,]+/.exec(text);
    if (count && seen.indexing[seen.indexing.length - 1] !== count[0]) seen.indexing.push(count[0]);
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') look(r.target);
      else r.addedNodes.forEach(look);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

const treePane = (page) => page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Completion/i }) }).first();

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const { page, close } = await launch();
  await page.addInitScript(recordIndexing);
  const shots = {};
  let seen = null;
  try {
    await page.goto(URL);
    await check('corpus: the workbench opens TODO003.md and the Proofmark view while indexing', async () => {
      await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
      await page.locator('.activitybar [aria-label^="Proofmark"]').first().waitFor({ timeout: 60000 });
      await quickOpen(page, 'TODO003.md');
      await palette(page, 'Proofmark: Focus on Completion View');
      await treePane(page).waitFor({ timeout: 30000 });
      // A wider side bar, so that the screenshots show the rows' labels and descriptions.
      const bar = await page.locator('.part.sidebar').boundingBox();
      if (bar) {
        await page.mouse.move(bar.x + bar.width + 1, bar.y + bar.height / 2);
        await page.mouse.down();
        await page.mouse.move(bar.x + bar.width + 280, bar.y + bar.height / 2, { steps: 5 });
        await page.mouse.up();
      }
    });

    await check('corpus: the view counts "Indexing… N/M" up, never shows "No initiative found", then lists initiative 003', async () => {
      const pane = treePane(page);
      await pane.locator('.monaco-list-row', { hasText: INITIATIVE }).first().waitFor({ timeout: 120000 });
      await page.waitForFunction(() => !/Indexing…/.test(document.querySelector('.part.sidebar')?.innerText || ''), null, { timeout: 120000 });
      seen = await page.evaluate(() => window.__proofmarkSeen);
      log('indexing counts seen in the DOM:', seen.indexing.length, seen.indexing.slice(0, 3).join(' | '), '…', seen.indexing.slice(-2).join(' | '));
      if (seen.empty > 0) throw new Error('"No initiative found" was shown');
      const numbers = seen.indexing.map((s) => Number(/… ([\d,]+)\//.exec(s)[1].replace(/,/g, '')));
      if (numbers.length < 2 || numbers[numbers.length - 1] <= numbers[0]) throw new Error(`the count did not advance: ${seen.indexing.join(' | ')}`);
      // Two initiatives are named "Worker Refactor Implementation" (002 and 003): reveal the active
      // document's (TODO003's) row, which focuses the tree on it, expand it and walk down its phases,
      // collapsing the expanded current phase (9, which comes before 8 in TODO003.md), until Phase 8 shows.
      await palette(page, 'Proofmark: Reveal Active Document in the Proofmark Tree');
      const selected = pane.locator('.monaco-list-row.selected', { hasText: INITIATIVE }).first();
      await selected.waitFor({ timeout: 30000 });
      if ((await selected.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
      const phase8 = pane.locator('.monaco-list-row', { hasText: 'Phase 8:' }).first();
      const focused = pane.locator('.monaco-list-row.focused').first();
      for (let i = 0; i < 20 && !(await phase8.isVisible()); i++) {
        if (/^\s*Phase /.test(await focused.innerText()) && (await focused.getAttribute('aria-expanded')) === 'true') await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('ArrowDown');
      }
      await phase8.waitFor({ timeout: 30000 });
      const rows = await pane.locator('.monaco-list-row').allInnerTexts();
      log('tree rows:', rows.slice(0, 14).map((r) => r.replace(/\s+/g, ' ')).join(' | '));
      shots.tree = path.resolve(OUT, 'corpus-tree.png');
      await page.screenshot({ path: shots.tree });
    });

    await check('corpus: "Generate Phase Handoff…" opens the Phase 8 handoff of TODO003', async () => {
      await palette(page, 'Proofmark: Generate Phase Handoff…');
      const input = page.locator('.quick-input-widget input');
      const first = page.locator('.quick-input-list .monaco-list-row', { hasText: /Generate Phase [\d.]+ handoff —/ }).first();
      await first.waitFor({ timeout: 30000 });
      await input.fill('Generate Phase 8 handoff');
      // The active initiative's phases come first: the focused row is TODO003's Phase 8.
      const pick = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: /Generate Phase 8 handoff —/ }).first();
      await pick.waitFor({ timeout: 30000 });
      log('pick:', (await pick.innerText()).replace(/\s+/g, ' '));
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: 'Phase 8 handoff' }).first().waitFor({ timeout: 30000 });
      const body = webviewBody(page);
      await body.locator('h2', { hasText: 'Open checklist items' }).waitFor({ timeout: 30000 });
      const text = await body.innerText();
      if (!/Files \(\d of 4 exist\)/.test(text)) throw new Error(`the panel shows no file list:\n${text.slice(0, 400)}`);
      if (!/TODO003_phase8_/.test(text)) throw new Error(`the panel is not TODO003's Phase 8:\n${text.slice(0, 400)}`);
      shots.handoff = path.resolve(OUT, 'corpus-handoff.png');
      await page.screenshot({ path: shots.handoff });
    });

    await check('corpus: the traceability report of initiative 003 renders its matrix', async () => {
      // The report traces the active document's initiative: make TODO003.md active again.
      await page.locator('.tabs-container .tab', { hasText: 'TODO003.md' }).first().click();
      await palette(page, 'Proofmark: Show Traceability Report');
      await page.locator('.tabs-container .tab', { hasText: 'Proofmark Traceability' }).first().waitFor({ timeout: 30000 });
      const body = webviewBody(page);
      await body.locator('h2', { hasText: INITIATIVE }).waitFor({ timeout: 30000 });
      const rows = await body.locator('tbody tr').count();
      log('traceability rows:', rows);
      if (rows === 0) throw new Error('no requirement rows');
      shots.traceability = path.resolve(OUT, 'corpus-traceability.png');
      await page.screenshot({ path: shots.traceability });
    });
  } finally {
    if (results.some((r) => !r.ok)) await page.screenshot({ path: path.resolve(OUT, 'corpus-ui-failure.png') }).catch(() => {});
    await close();
    finish(results, RESULT, { screenshots: shots, indexingCountsSeen: seen ? seen.indexing.length : 0 }, log);
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
