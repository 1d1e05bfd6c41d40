// Runs the extension-host suite (dist/test/index.js) inside code-server's VS Code through the
// workbench's `payload` URL, driven by headless Chromium. The suite's run() result comes back
// through window.codeAutomationExit; its log lines through window.codeAutomationLog.
// Env: CS_PORT, WS (workspace folder), EXT_DEV (extension folder), EXT_TESTS (tests module),
// EXT_ENV (JSON object of environment variables for the extension host), OPEN_FILE (a document to open
// with the window), PROFILE_DIR. The caller bounds
// the run (scripts/e2e/run.sh starts it under `timeout`); here the run ends on events only.
'use strict';
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const util = require('node:util');

const port = process.env.CS_PORT;
const ws = process.env.WS;
const extDev = process.env.EXT_DEV;
const testsPath = process.env.EXT_TESTS || `${extDev}/dist/test/index.js`;
if (!port || !ws || !extDev) throw new Error('driver.js needs CS_PORT, WS and EXT_DEV');

const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
const payload = [['extensionDevelopmentPath', remote(extDev)], ['extensionTestsPath', remote(testsPath)]];
if (process.env.EXT_ENV) payload.push(['extensionEnvironment', process.env.EXT_ENV]);
// A document open with the window (OPEN_FILE), as a reopened project restores its editors.
if (process.env.OPEN_FILE) payload.push(['openFile', remote(process.env.OPEN_FILE)]);
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
const NOISE = /AgentHost|ChatModelSelection|copilot|chat\.|\[Extension Host\] (?:Error: )?No such file|onStartupFinished/;

(async () => {
  const t0 = Date.now();
  const profile = process.env.PROFILE_DIR || fs.mkdtempSync('/tmp/proofmark-chromium-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let finish;
  const exited = new Promise((resolve) => (finish = resolve));
  const page = context.pages()[0] || (await context.newPage());
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...(Array.isArray(args) ? args : [args]));
    if (!NOISE.test(line)) console.log(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  page.on('pageerror', (e) => { if (process.env.VERBOSE) console.log('[page error]', e.message); });
  // The suite reports its exit code; a crashed or closed page ends the run too, as a failure.
  page.on('crash', () => finish('page crashed'));
  page.on('close', () => finish('page closed'));
  await page.goto(url);
  const code = await exited;
  console.log(`extension-host suite exit code: ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
  process.exit(code === 0 ? 0 : 1);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
