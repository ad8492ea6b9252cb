#!/usr/bin/env node
// Builds a minified bundle and packs the extension into a .vsix (default: ./foi-response-tools.vsix).
// Works on a staged copy of the source tree in .cache/, so the repo's dist/ (and anything
// reading it, such as tests running in parallel) is never touched.
// Usage: node scripts/package.mjs [--out FILE]
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const defaultVsixPath = path.join(repoRoot, 'foi-response-tools.vsix');

// Used when git is unavailable: top-level entries (or paths) that are never source.
const excludedWithoutGit = new Set(['node_modules', '.git', '.cache', 'dist', 'out', 'bench/corpus', 'test/e2e/screenshots']);

/** Source files as git sees them (tracked + untracked, minus ignored), or undefined without git. */
function gitSourceFiles() {
  const result = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0 || result.error) return undefined;
  return [...new Set(result.stdout.split('\0').filter(Boolean))].filter((file) => {
    const full = path.join(repoRoot, file);
    return existsSync(full) && statSync(full).isFile();
  });
}

function stageSources(stageDir) {
  const files = gitSourceFiles();
  if (files) {
    for (const file of files) {
      mkdirSync(path.dirname(path.join(stageDir, file)), { recursive: true });
      cpSync(path.join(repoRoot, file), path.join(stageDir, file));
    }
    return files.length;
  }
  let count = 0;
  const keep = (source) => {
    const relative = path.relative(repoRoot, source).split(path.sep).join('/');
    if (excludedWithoutGit.has(relative) || relative.endsWith('.vsix')) return false;
    if (statSync(source).isFile()) count++;
    return true;
  };
  for (const entry of readdirSync(repoRoot)) {
    const source = path.join(repoRoot, entry);
    if (keep(source)) cpSync(source, path.join(stageDir, entry), { recursive: true, filter: keep });
  }
  return count;
}

/** Runs a command; with `quiet`, its output is shown only if it fails. */
function run(command, args, { quiet = false, ...options } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'], ...options });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} ${args.join(' ')} failed (${signal ?? code})${output ? `:\n${output}` : ''}`)),
    );
  });
}

/** Builds (minified) and packages; returns the .vsix path. */
export async function packageExtension({
  out = defaultVsixPath,
  quiet = false,
  log = (line) => console.log(`[package] ${line}`),
} = {}) {
  const cacheDir = path.join(repoRoot, '.cache');
  mkdirSync(cacheDir, { recursive: true });
  const stageDir = mkdtempSync(path.join(cacheDir, 'package-stage-'));
  const started = Date.now();
  try {
    const fileCount = stageSources(stageDir);
    log(`staged ${fileCount} source files`);
    // Node resolves packages upwards from the stage, so the repo's node_modules serves it.
    await run(process.execPath, ['esbuild.mjs', '--production', '--minify'], { cwd: stageDir, quiet });
    const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    const tempOut = path.join(stageDir, 'out.vsix');
    await run(
      process.execPath,
      [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', tempOut],
      { cwd: stageDir, quiet },
    );
    // Copy next to the target, then rename: readers never see a half-written file.
    const target = path.resolve(out);
    mkdirSync(path.dirname(target), { recursive: true });
    const beside = path.join(path.dirname(target), `.${process.pid}-${path.basename(target)}`);
    copyFileSync(tempOut, beside);
    renameSync(beside, target);
    const size = statSync(out).size;
    const shown = path.relative(process.cwd(), target);
    log(`${shown.startsWith('..') ? target : shown}: ${(size / 1024).toFixed(0)} KiB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return path.resolve(out);
  } finally {
    rmSync(stageDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
  if (outIndex > 0 && !out) {
    console.error('usage: node scripts/package.mjs [--out FILE]');
    process.exit(2);
  }
  try {
    await packageExtension(out ? { out } : {});
  } catch (error) {
    console.error(`[package] ${error.message}`);
    process.exit(1);
  }
}
