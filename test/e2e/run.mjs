#!/usr/bin/env node
// Browser end-to-end tests: the packaged .vsix in code-server (real VS Code), driven in
// Debian's Chromium with playwright-core. See ../shared/recipes/vscode-in-browser.md.
//   npm run test:e2e                      all scenarios
//   FOI_E2E_ONLY=hover,snippet npm run test:e2e   a subset (activation always runs first)
//   FOI_E2E_KEEP=1                        keep the temp folder (logs, workspace) for inspection
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { packageExtension } from '../../scripts/package.mjs';
import { CHROMIUM_PATH, chromiumAvailable, ensureToolchain } from '../../scripts/e2e-toolchain.mjs';
import { BROWSER_ARGS, browserEnv, freePort, prepareCodeServer } from './lib/code-server.mjs';
import { Workbench } from './lib/workbench.mjs';
import { recoveryScenarios } from './recoveryScenarios.mjs';
import { plan, scenarios as editorScenarios } from './scenarios.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const screenshotDir = path.join(here, 'screenshots');
const SCENARIO_TIMEOUT_MS = 90_000;
const scenarios = [...editorScenarios, ...recoveryScenarios];

/**
 * @typedef {object} ScenarioContext
 * @property {import('playwright-core').Page} page
 * @property {Workbench} wb
 * @property {string} workspace  temp copy of examples/
 * @property {string} repoRoot
 * @property {Record<string, any>} manifest  package.json
 * @property {string} cliPath  dist/cli.js of the installed extension
 * @property {string} serverPath  dist/server.js of the installed extension (the language server's module)
 * @property {string} userDataDir  code-server's user data (User/settings.json, logs/)
 */

const log = (line) => console.log(`[e2e] ${line}`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function main() {
  const started = Date.now();
  if (!chromiumAvailable()) {
    const inCi = process.env.CI === 'true';
    console.log(inCi ? 'browser tests FAILED: chromium not installed (CI=true)' : 'browser tests skipped: chromium not installed');
    console.log(`(looked for ${CHROMIUM_PATH}; install with: apt-get install -y chromium libkrb5-dev)`);
    return inCi ? 1 : 0;
  }

  const toolchain = await ensureToolchain({ log: (line) => log(`toolchain: ${line}`) });
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'foi-e2e-'));
  const workspace = path.join(stateDir, 'workspace');
  let codeServer;
  let browser;
  let interrupted = false;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await codeServer?.stop().catch(() => {});
    if (process.env.FOI_E2E_KEEP) log(`kept ${stateDir}`);
    else rmSync(stateDir, { recursive: true, force: true });
  };
  const onSignal = (signal) => {
    interrupted = true;
    log(`${signal}: stopping code-server and the browser`);
    cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const results = [];
  try {
    const vsixPath = await packageExtension({
      out: path.join(stateDir, 'foi-response-tools.vsix'),
      quiet: true,
      log: (line) => log(`package: ${line}`),
    });

    // The tests edit files, so they work on a copy of examples/ (the repo stays untouched).
    cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });
    writeFileSync(path.join(workspace, plan.snippet.scratchFile), '');

    codeServer = await prepareCodeServer({ toolchain, stateDir, vsixPath });
    const port = await freePort();
    const url = await codeServer.start({ folder: workspace, port });
    log(`code-server ready at ${url} (${seconds(Date.now() - started)} since start)`);

    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: BROWSER_ARGS,
      env: browserEnv(stateDir),
      headless: true,
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    const wb = new Workbench(page);
    await wb.open(url, workspace);
    log(`workbench loaded (${seconds(Date.now() - started)} since start)`);

    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const installedName = readdirSync(codeServer.extensionsDir).find((name) =>
      name.toLowerCase().startsWith(`${manifest.publisher}.${manifest.name}-`.toLowerCase()),
    );
    if (!installedName) throw new Error(`the extension is not in ${codeServer.extensionsDir}`);
    const installedDir = path.join(codeServer.extensionsDir, installedName);
    /** @type {ScenarioContext} */
    const ctx = {
      page,
      wb,
      workspace,
      repoRoot,
      manifest,
      cliPath: path.join(installedDir, 'dist', 'cli.js'),
      serverPath: path.join(installedDir, 'dist', 'server.js'),
      userDataDir: codeServer.userDataDir,
    };
    mkdirSync(screenshotDir, { recursive: true });
    for (const file of readdirSync(screenshotDir)) if (file.endsWith('.png')) rmSync(path.join(screenshotDir, file));

    const only = process.env.FOI_E2E_ONLY?.split(',').map((name) => name.trim());
    for (const [index, scenario] of scenarios.entries()) {
      if (only && index > 0 && !only.includes(scenario.name)) continue;
      const label = `${String(index + 1).padStart(2, '0')}-${scenario.name}`;
      const scenarioStart = Date.now();
      let error;
      try {
        await withTimeout(scenario.run(ctx), scenario.timeout ?? SCENARIO_TIMEOUT_MS, scenario.name);
      } catch (caught) {
        error = caught;
      }
      // Screenshot before `after` tidies up, so the picture shows what was asserted (or what failed).
      await page.screenshot({ path: path.join(screenshotDir, `${label}.png`) }).catch(() => {});
      try {
        if (scenario.after) await withTimeout(scenario.after(ctx), 30_000, `${scenario.name} (tidy-up)`);
        else await wb.dismissOverlays();
      } catch (caught) {
        error ??= caught;
      }
      results.push({ label, error });
      if (error) {
        log(`FAIL ${label} (${seconds(Date.now() - scenarioStart)}): ${error.message.split('\n').slice(0, 12).join('\n')}`);
        log(`     screenshot: ${path.relative(repoRoot, path.join(screenshotDir, `${label}.png`))}`);
      } else log(`ok   ${label} (${seconds(Date.now() - scenarioStart)})`);
    }
    if (pageErrors.length && results.some((result) => result.error)) {
      log(`page errors:\n  ${pageErrors.slice(0, 10).join('\n  ')}`);
    }
  } catch (error) {
    results.push({ label: 'setup', error });
    log(`FAIL setup: ${error.stack ?? error.message}`);
    if (codeServer) {
      const tail = readFileSync(codeServer.logFile, 'utf8').split('\n').slice(-40).join('\n');
      log(`code-server log (last lines):\n${tail}`);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (!interrupted) await cleanup();
  }

  const failed = results.filter((result) => result.error).length;
  log(`total time ${seconds(Date.now() - started)}`);
  console.log(`e2e: ${results.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
