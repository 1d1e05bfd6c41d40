// Shared steps of the workbench-DOM checks (ui.js, uiCorpus.js): a headless Chromium, named checks
// with their results, the command palette, quick open, and the body of the newest webview.
'use strict';
const { chromium } = require('playwright-core');
const fs = require('node:fs');

/** Named checks: each runs once, is timed, and its result kept for the RESULT file. */
function checks() {
  const t0 = Date.now();
  const results = [];
  const log = (...a) => console.log(`[ui ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
  async function check(name, fn) {
    const start = Date.now();
    try {
      await fn();
      results.push({ name, ok: true, ms: Date.now() - start });
      log(`✔ ${name}`);
    } catch (error) {
      results.push({ name, ok: false, ms: Date.now() - start, error: String((error && error.stack) || error) });
      log(`✘ ${name}\n${String((error && error.message) || error)}`);
    }
  }
  return { check, log, results };
}

/** Chromium with a fresh profile; `close()` also removes the profile. */
async function launch() {
  const profile = fs.mkdtempSync('/tmp/proofmark-chromium-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] || (await context.newPage());
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { page, close };
}

/** Runs a palette command: waits until the focused row shows the title before pressing Enter. */
async function palette(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 30000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first().waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
}

/** Opens a file through quick open (Ctrl+P) and waits for its tab. */
async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: name }).first().waitFor({ timeout: 30000 });
}

/** The body of the newest webview: VS Code nests each webview's page in iframe.webview > iframe#active-frame. */
function webviewBody(page) {
  return page.frameLocator('iframe.webview').last().frameLocator('iframe#active-frame').locator('body');
}

/** Writes the counts and results; exits non-zero when a check failed or none ran. */
function finish(results, resultFile, extra, log) {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  if (resultFile) fs.writeFileSync(resultFile, JSON.stringify({ passed, failed, results, ...extra }, null, 2));
  log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

module.exports = { checks, launch, palette, quickOpen, webviewBody, finish };
