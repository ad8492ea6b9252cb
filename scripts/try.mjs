#!/usr/bin/env node
// `npm run try`: the packaged extension in VS Code in your browser (code-server), with examples/ open.
// Usage: node scripts/try.mjs [--port 8080] [--host 127.0.0.1]
// Edits you make go straight to examples/ in this repo. Stop with Ctrl+C.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureToolchain, repoRoot } from './e2e-toolchain.mjs';
import { packageExtension } from './package.mjs';
import { prepareCodeServer, quietUserSettings } from '../test/e2e/lib/code-server.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`try: --port must be a TCP port number, not "${values.port}"`);
  process.exit(2);
}

const log = (line) => console.log(`[try] ${line}`);
const toolchain = await ensureToolchain({ log: (line) => log(`toolchain: ${line}`) });
const stateDir = mkdtempSync(path.join(os.tmpdir(), 'foi-try-'));
let codeServer;
let stopping = false;

async function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  log('stopping code-server');
  await codeServer?.stop().catch(() => {});
  rmSync(stateDir, { recursive: true, force: true });
  process.exit(exitCode);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const vsixPath = await packageExtension({ out: path.join(stateDir, 'foi-response-tools.vsix'), log: (line) => log(`package: ${line}`) });
  const folder = path.join(repoRoot, 'examples');
  mkdirSync(folder, { recursive: true });
  // Autosave stays at the editor's default here: this is for trying things out by hand.
  const { 'files.autoSave': _autoSave, ...settings } = quietUserSettings;
  codeServer = await prepareCodeServer({ toolchain, stateDir, vsixPath, userSettings: settings });
  const url = await codeServer.start({ folder, host: values.host, port });
  console.log('');
  console.log(`  VS Code with the FOI extension: ${url}?folder=${encodeURIComponent(folder)}`);
  console.log(`  (code-server log: ${codeServer.logFile})`);
  console.log('  Press Ctrl+C to stop.');
  console.log('');
  // Stay in the foreground until code-server ends or Ctrl+C.
  const exit = await codeServer.exited();
  log(`code-server exited (${exit.signal ?? exit.code})`);
  await stop(exit.code === 0 ? 0 : 1);
} catch (error) {
  console.error(`[try] ${error.message}`);
  if (/EADDRINUSE|did not answer/.test(error.message)) console.error(`[try] is port ${port} in use? Try --port ${port + 1}`);
  await stop(1);
}
