// npm test: build, type-check, run every unit/LSP/CLI test, then the browser end-to-end tests.
// The e2e tests run when Chromium is installed; with CI=true a missing browser is a failure.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
process.chdir(root);

function run(command, args, label) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function testFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // The extension-host suite and the browser tests have their own runners.
      if (full === path.join('test', 'vscode') || full === path.join('test', 'e2e')) continue;
      out.push(...testFiles(full));
    } else if (entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out.sort();
}

const skipE2e = process.argv.includes('--no-e2e');
run(process.execPath, ['esbuild.mjs'], 'Build');
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'], 'Type check');
run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...testFiles('test')], 'Unit, LSP and CLI tests');

if (skipE2e) {
  console.log('browser tests skipped: --no-e2e');
} else if (!fs.existsSync('/usr/bin/chromium') && process.env.CI !== 'true') {
  console.log('browser tests skipped: chromium not installed (apt-get install -y chromium libkrb5-dev)');
} else {
  run(process.execPath, ['test/e2e/run.mjs'], 'Browser end-to-end tests');
}
