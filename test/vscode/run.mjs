#!/usr/bin/env node
// `npm run test:vscode`: the mocha suite in test/vscode/suite/ inside a real extension host.
//
// Default: VS Code desktop through @vscode/test-electron. Uses VSCODE_EXECUTABLE_PATH if set,
// otherwise tries a (short) download; offline, it says the suite was NOT run and exits 0.
// On Linux without a display, run it under xvfb-run.
//
// `--code-server`: the same suite in code-server's extension host (Node 24, VS Code 1.139),
// with the packaged .vsix installed, using the browser-test toolchain (scripts/e2e-toolchain.mjs).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const outDir = path.join(repoRoot, 'out', 'vscode', 'suite');
const suiteEntry = path.join(outDir, 'index.js');
const log = (line) => console.log(`[test:vscode] ${line}`);
const NOT_RUN = 'VS Code desktop not available (no download, no VSCODE_EXECUTABLE_PATH): test:vscode NOT run';

async function bundleSuite() {
  await esbuild.build({
    entryPoints: [path.join(here, 'suite', 'index.ts'), path.join(here, 'suite', 'extension.test.ts')],
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'mocha'], // mocha resolves from the repo's node_modules at run time
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

function copyFixtureWorkspace(tempDir) {
  const workspace = path.join(tempDir, 'workspace');
  cpSync(path.join(here, 'fixtures', 'workspace'), workspace, { recursive: true });
  return workspace;
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function runInDesktop(tempDir) {
  const { downloadAndUnzipVSCode, runTests } = await import('@vscode/test-electron');
  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  if (!vscodeExecutablePath) {
    try {
      log('no VSCODE_EXECUTABLE_PATH: trying to download VS Code (30 s limit)');
      vscodeExecutablePath = await withTimeout(
        downloadAndUnzipVSCode({ cachePath: path.join(repoRoot, '.cache', 'vscode-test'), timeout: 15_000 }),
        30_000,
        'VS Code download',
      );
    } catch (error) {
      log(`download failed: ${error.message.split('\n')[0]}`);
      console.log(NOT_RUN);
      console.log('(to run the same suite in code-server instead: npm run test:vscode -- --code-server)');
      return 0;
    }
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    log('warning: no DISPLAY; VS Code desktop needs one (try: xvfb-run -a npm run test:vscode)');
  }
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'esbuild.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  if (run.status !== 0) throw new Error('build failed');
  const workspace = copyFixtureWorkspace(tempDir);
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: suiteEntry,
    launchArgs: [
      workspace,
      '--disable-extensions', // other extensions; the one under development still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${path.join(tempDir, 'user-data')}`,
    ],
  });
  console.log('test:vscode: passed (VS Code desktop)');
  return 0;
}

/** A tiny extension that runs the suite when the extension host starts and writes the outcome to a file. */
function writeRunnerExtension(dir, resultFile) {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    name: 'foi-test-runner',
    displayName: 'FOI test runner (test:vscode only)',
    publisher: 'foi-tools',
    version: '0.0.1',
    license: 'MIT',
    engines: { vscode: '^1.91.0' },
    activationEvents: ['onStartupFinished'],
    main: './runner.js',
  };
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
  writeFileSync(path.join(dir, 'README.md'), 'Runs the FOI extension-host test suite. Not for installation.\n');
  writeFileSync(
    path.join(dir, 'runner.js'),
    `const fs = require('fs');
exports.activate = () => {
  process.env.FOI_VSCODE_TESTS_RESULT = ${JSON.stringify(resultFile)};
  require(${JSON.stringify(suiteEntry)}).run().catch((error) => {
    if (!fs.existsSync(${JSON.stringify(resultFile)})) {
      fs.writeFileSync(${JSON.stringify(resultFile)}, JSON.stringify({ failures: 1, outcomes: [{ title: 'suite', error: String(error && error.stack || error) }] }));
    }
  });
};
`,
  );
}

async function runInCodeServer(tempDir) {
  const { chromiumAvailable, CHROMIUM_PATH, ensureToolchain } = await import('../../scripts/e2e-toolchain.mjs');
  const { packageExtension } = await import('../../scripts/package.mjs');
  const { BROWSER_ARGS, browserEnv, freePort, prepareCodeServer } = await import('../e2e/lib/code-server.mjs');
  if (!chromiumAvailable()) {
    console.log(`test:vscode (--code-server) NOT run: chromium not installed at ${CHROMIUM_PATH}`);
    return process.env.CI === 'true' ? 1 : 0;
  }
  const { chromium } = await import('playwright-core');
  const toolchain = await ensureToolchain({ log: (line) => log(`toolchain: ${line}`) });
  const vsix = await packageExtension({ out: path.join(tempDir, 'foi.vsix'), quiet: true, log: (line) => log(`package: ${line}`) });

  const resultFile = path.join(tempDir, 'result.json');
  const runnerDir = path.join(tempDir, 'runner');
  writeRunnerExtension(runnerDir, resultFile);
  const runnerVsix = path.join(tempDir, 'runner.vsix');
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const packed = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', runnerVsix],
    { cwd: runnerDir, encoding: 'utf8' },
  );
  if (packed.status !== 0) throw new Error(`packing the runner failed:\n${packed.stdout}\n${packed.stderr}`);

  const workspace = copyFixtureWorkspace(tempDir);
  const codeServer = await prepareCodeServer({ toolchain, stateDir: path.join(tempDir, 'code-server'), vsixPath: vsix });
  let browser;
  try {
    await codeServer.install(runnerVsix);

    const url = await codeServer.start({ folder: workspace, port: await freePort() });
    // The remote extension host starts when a window connects.
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: BROWSER_ARGS, env: browserEnv(tempDir) });
    const page = await browser.newPage();
    await page.goto(`${url}?folder=${encodeURIComponent(workspace)}`);
    log('code-server window open; waiting for the suite');
    const deadline = Date.now() + 180_000;
    while (!existsSync(resultFile)) {
      if (Date.now() > deadline) throw new Error(`no result within 180 s (code-server log: ${codeServer.logFile})`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await new Promise((resolve) => setTimeout(resolve, 100)); // the file is written in one call; let it land
    const result = JSON.parse(readFileSync(resultFile, 'utf8'));
    for (const outcome of result.outcomes) {
      console.log(`${outcome.error ? '  ✖' : '  ✔'} ${outcome.title}`);
      if (outcome.error) console.log(outcome.error.replace(/^/gm, '      '));
    }
    const passed = result.outcomes.filter((o) => !o.error).length;
    console.log(`test:vscode (code-server extension host): ${passed} passed, ${result.failures} failed`);
    return result.failures === 0 && passed > 0 ? 0 : 1;
  } finally {
    await browser?.close().catch(() => {});
    await codeServer.stop();
  }
}

async function main() {
  await bundleSuite();
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'foi-vscode-test-'));
  try {
    return process.argv.includes('--code-server') ? await runInCodeServer(tempDir) : await runInDesktop(tempDir);
  } catch (error) {
    console.error(`[test:vscode] ${error.stack ?? error.message}`);
    return 1;
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
