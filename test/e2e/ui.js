// A few checks through code-server's workbench DOM, with the packaged .vsix installed: the Problems
// panel lists Proofmark findings, the palette command opens the handoff panel, the Proofmark view
// shows the phases. Saves two screenshots. Env: CS_URL, OUT (folder for screenshots), RESULT (JSON file).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { checks, finish, launch, palette, quickOpen, webviewBody } = require('./uiKit');

const URL = process.env.CS_URL;
const OUT = process.env.OUT || 'test-output/e2e';
const RESULT = process.env.RESULT;
if (!URL) throw new Error('ui.js needs CS_URL');
const { check, log, results } = checks();

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const { page, close } = await launch();
  const shots = {};
  try {
    await page.goto(URL);
    await check('the workbench opens the workspace and activates Proofmark', async () => {
      await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'TODO001.md' }).first().waitFor({ timeout: 60000 });
      await page.locator('.activitybar [aria-label^="Proofmark"]').first().waitFor({ timeout: 60000 });
    });

    await check('the Problems panel lists Proofmark findings for the opened TODO', async () => {
      await quickOpen(page, 'TODO001.md');
      await palette(page, 'View: Focus Problems');
      await page.waitForFunction(() => {
        const text = (document.querySelector('.markers-panel') || {}).innerText || '';
        return text.includes('TODO001.md') && /proofmark/.test(text);
      }, null, { timeout: 60000 });
      const text = await page.locator('.markers-panel').innerText();
      log('problems:', text.replace(/\s+/g, ' ').slice(0, 300));
    });

    await check('the palette command opens the handoff panel', async () => {
      await palette(page, 'Proofmark: Generate Phase Handoff…');
      // Wait for the phase list itself (not the palette row that opened it).
      const first = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: /Generate Phase [\d.]+ handoff —/ }).first();
      await first.waitFor({ timeout: 30000 });
      log('first pick:', (await first.innerText()).replace(/\s+/g, ' '));
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: /Phase .* handoff/ }).first().waitFor({ timeout: 30000 });
      const body = webviewBody(page);
      await body.locator('h2', { hasText: 'Open checklist items' }).waitFor({ timeout: 30000 });
      const text = await body.innerText();
      if (!/Files \(\d of \d exist\)/.test(text)) throw new Error(`the panel shows no file list:\n${text.slice(0, 400)}`);
      shots.panel = path.resolve(OUT, 'handoff-panel.png');
      await page.screenshot({ path: shots.panel });
    });

    await check('the Proofmark view shows the phases', async () => {
      await palette(page, 'Proofmark: Focus on Completion View');
      // The example holds three initiatives (the TODO, a spec-kit folder and a Kiro spec), none of them
      // expanded until the user opens one: open the TODO's.
      await page.locator('.pane-body .monaco-list-row', { hasText: '002-field-export' }).first().waitFor({ timeout: 30000 });
      await page.locator('.pane-body .monaco-list-row', { hasText: 'conflict-review' }).first().waitFor({ timeout: 30000 });
      // Its row's twistie expands it (a click on the label opens the TODO instead).
      await page.locator('.pane-body .monaco-list-row', { hasText: 'Orbit Offline Sync' }).first().locator('.monaco-tl-twistie').click();
      const phase = page.locator('.monaco-list-row', { hasText: 'Phase 1:' }).first();
      await phase.waitFor({ timeout: 30000 });
      await page.locator('.monaco-list-row', { hasText: 'Phase 4:' }).first().waitFor({ timeout: 30000 });
      const rows = await page.locator('.pane-body .monaco-list-row').allInnerTexts();
      log('tree rows:', rows.slice(0, 12).map((r) => r.replace(/\s+/g, ' ')).join(' | '));
      shots.tree = path.resolve(OUT, 'tree.png');
      await page.screenshot({ path: shots.tree });
    });
  } finally {
    if (results.some((r) => !r.ok)) await page.screenshot({ path: path.resolve(OUT, 'ui-failure.png') }).catch(() => {});
    await close();
    finish(results, RESULT, { screenshots: shots }, log);
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
