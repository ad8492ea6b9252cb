#!/usr/bin/env node
// Writes the benchmark corpus to bench/corpus/ (git-ignored). Deterministic: the same
// files every time. Usage: node bench/generate.mjs [--quick]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeLetter, REGIMES, STYLES } from './lib/letters.mjs';

export const CORPUS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus');
const VERSION = 3;

/** Sizes of the single letters the engine and editor measurements use. */
export const ENGINE_SIZES = { '6k': 6_000, '100k': 100_000, '1m': 1_000_000 };
export const EDITOR_SIZES = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
export const LOG_LETTERS = 5_000;
export const MEMORY_LETTERS = 50;

function write(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** A disclosure log letter: mostly 2–12 KB, a few up to 60 KB, every style and regime. */
function logLetterSize(i) {
  const bucket = i % 20;
  if (bucket === 0) return 20_000 + ((i * 7919) % 40_000);
  if (bucket < 5) return 2_000 + ((i * 104729) % 2_000);
  return 4_000 + ((i * 1299709) % 8_000);
}

export function generateCorpus({ log = LOG_LETTERS } = {}) {
  const manifestFile = path.join(CORPUS, 'manifest.json');
  const wanted = { version: VERSION, log };
  try {
    const existing = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    if (existing.version === VERSION && existing.log >= log) return existing;
  } catch {
    // No corpus yet.
  }
  fs.rmSync(CORPUS, { recursive: true, force: true });
  const files = { engine: {}, editor: {}, memory: [], log: [] };
  let seed = 1;
  for (const [name, size] of Object.entries(ENGINE_SIZES)) {
    const file = path.join(CORPUS, 'engine', `letter-${name}.md`);
    write(file, makeLetter({ seed: seed++, size, style: STYLES[seed % STYLES.length], regime: 'FOIA' }));
    files.engine[name] = file;
  }
  for (const [name, size] of Object.entries(EDITOR_SIZES)) {
    const file = path.join(CORPUS, 'editor', `letter-${name}.md`);
    write(file, makeLetter({ seed: seed++, size, style: STYLES[seed % STYLES.length], regime: REGIMES[seed % REGIMES.length] }));
    files.editor[name] = file;
  }
  for (let i = 0; i < MEMORY_LETTERS; i++) {
    const file = path.join(CORPUS, 'memory', `letter-${String(i).padStart(2, '0')}.md`);
    write(file, makeLetter({ seed: 10_000 + i, size: 100_000, style: STYLES[i % STYLES.length], regime: REGIMES[i % REGIMES.length] }));
    files.memory.push(file);
  }
  let bytes = 0;
  for (let i = 0; i < log; i++) {
    // 50 folders of 100 letters, as a disclosure log might be kept by month.
    const file = path.join(CORPUS, 'log', `batch-${String(Math.floor(i / 100)).padStart(2, '0')}`, `response-${String(i).padStart(4, '0')}.md`);
    const text = makeLetter({ seed: 100_000 + i, size: logLetterSize(i), style: STYLES[i % STYLES.length], regime: REGIMES[(i >> 2) % REGIMES.length], frontMatter: i % 3 !== 0 });
    bytes += Buffer.byteLength(text);
    write(file, text);
    files.log.push(file);
  }
  const manifest = { ...wanted, logBytes: bytes, files };
  write(manifestFile, JSON.stringify(manifest, null, 2));
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const manifest = generateCorpus();
  console.log(`corpus: ${manifest.files.log.length} log letters (${(manifest.logBytes / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
