#!/usr/bin/env node
// npm run bench [-- --quick]: engine, editor latency, batch, start-up, size and memory in one
// run. Prints tables and writes bench/results.json. Method: docs/performance.md.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { CORPUS, generateCorpus } from './generate.mjs';
import { LspClient, readMemory } from './lib/lsp.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const BUILD = path.join(CORPUS, 'build');
const quick = process.argv.includes('--quick');
const CONFIG = quick
  ? { engineRuns: { '6k': 15, '100k': 7, '1m': 3 }, shapeLines: 25_000, edits: 60, burstEdits: 30, logLetters: 500, batchRuns: 1, startupRuns: 5, debouncedEdits: 8 }
  : { engineRuns: { '6k': 40, '100k': 15, '1m': 7 }, shapeLines: 100_000, edits: 300, burstEdits: 60, logLetters: 5000, batchRuns: 3, startupRuns: 10, debouncedEdits: 20 };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message) => process.stderr.write(`${message}\n`);
const round = (value, digits = 1) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const median = (values) => percentile(values, 50);
const stats = (values) => ({ p50: round(percentile(values, 50)), p95: round(percentile(values, 95)), p99: round(percentile(values, 99)), max: round(Math.max(...values)), n: values.length });

// ---- build ------------------------------------------------------------------

/**
 * Production bundles (`node esbuild.mjs --production`) built in a staging folder outside the
 * repository, so the repo's dist/ (and tests running from it) is left alone.
 */
async function build() {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'foi-bench-build-'));
  for (const entry of ['client', 'server', 'schemas', 'docs', 'snippets', 'package.json']) {
    if (fs.existsSync(path.join(ROOT, entry))) fs.symlinkSync(path.join(ROOT, entry), path.join(staging, entry));
  }
  const result = spawnSync(process.execPath, [path.join(ROOT, 'esbuild.mjs'), '--production'], { cwd: staging, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('production build failed');
  fs.rmSync(path.join(BUILD, 'dist'), { recursive: true, force: true });
  fs.mkdirSync(path.join(BUILD, 'dist'), { recursive: true });
  for (const file of fs.readdirSync(path.join(staging, 'dist'))) fs.copyFileSync(path.join(staging, 'dist', file), path.join(BUILD, 'dist', file));
  fs.rmSync(staging, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(BENCH, 'lib', 'engine-entry.ts')],
    outfile: path.join(BUILD, 'engine.cjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    minify: true,
    logLevel: 'warning',
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
  return { server: path.join(BUILD, 'dist', 'server.js'), cli: path.join(BUILD, 'dist', 'cli.js'), engine: path.join(BUILD, 'engine.cjs') };
}

// ---- engine -----------------------------------------------------------------

function engine(bundle, manifest) {
  const rows = [];
  for (const [name, file] of Object.entries(manifest.files.engine)) {
    log(`engine: ${name}`);
    const child = spawnSync(process.execPath, [path.join(BENCH, 'lib', 'engine-bench.mjs'), bundle, file, String(CONFIG.engineRuns[name])], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`engine bench failed: ${child.stderr}`);
    const raw = JSON.parse(child.stdout);
    const lintMs = median(raw.lintMs);
    const remarkMs = median(raw.remarkMs);
    rows.push({ size: name, bytes: raw.bytes, runs: raw.lintMs.length, lintMs: round(lintMs), remarkParseMs: round(remarkMs), ourParseMs: round(median(raw.parseMs)), ratio: round(lintMs / remarkMs, 2), findings: raw.findings });
  }
  return rows;
}

// ---- editor -----------------------------------------------------------------

const TYPED = ' The figures for each quarter are summarised in the annex to this letter.';

/** Where typing happens: the end of a paragraph near the middle of the letter. */
function cursorIn(text) {
  const offset = text.indexOf('\n\n', text.length >> 1);
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - before.lastIndexOf('\n') - 1 };
}

async function openServer(server, env) {
  const client = new LspClient(server, env);
  await client.initialize();
  return client;
}

/** Single-character edits, each sent once the previous one's diagnostics are published. */
async function typingLatency(server, file, edits, env) {
  const client = await openServer(server, env);
  const timings = new Map();
  client.on('$/foi/timing', (params) => timings.set(params.version, params));
  const uri = pathToFileURL(file).href;
  const text = fs.readFileSync(file, 'utf8');
  await client.open(uri, text, 1);
  const cursor = cursorIn(text);
  const latency = [];
  for (let i = 0; i < edits; i++) {
    const version = i + 2;
    const position = { line: cursor.line, character: cursor.character + i };
    const published = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version);
    const sent = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: position, end: position }, text: TYPED[i % TYPED.length] }] });
    const { at } = await published;
    latency.push(at - sent);
  }
  await sleep(100);
  const compute = [];
  const parsed = [];
  const longestStep = [];
  for (let version = 2; version < edits + 2; version++) {
    const timing = timings.get(version);
    if (timing) {
      compute.push(timing.computeMs);
      parsed.push(timing.parsedChars);
      longestStep.push(timing.longestStepMs);
    }
  }
  const memory = client.memory();
  await client.shutdown();
  return { latency, compute, longestStep, parsedChars: median(parsed), rssMb: memory.rssMb };
}

/**
 * The 1 MB letter under load: requests on another letter while it opens, then a burst of
 * fast typing (edits 15 ms apart, faster than a check) with hovers on the big letter.
 */
async function responsiveness(server, bigFile, smallFile, burstEdits) {
  const client = await openServer(server, { FOI_DEBOUNCE_MS: '0', FOI_TIMING: '1' });
  const smallUri = pathToFileURL(smallFile).href;
  const bigUri = pathToFileURL(bigFile).href;
  const small = fs.readFileSync(smallFile, 'utf8');
  const big = fs.readFileSync(bigFile, 'utf8');
  await client.open(smallUri, small, 1);
  const hoverAt = { line: cursorIn(small).line, character: 2 };

  // 1. Hovers on the small letter while the big one is parsed for the first time.
  const opened = client.open(bigUri, big, 1);
  let openDone = false;
  const openStart = performance.now();
  void opened.then(() => (openDone = true));
  const duringOpen = [];
  while (!openDone) {
    const { ms } = await client.request('textDocument/hover', { textDocument: { uri: smallUri }, position: hoverAt });
    duringOpen.push(ms);
    await sleep(20);
  }
  const openMs = (await opened).at - openStart;

  // 2. A burst of typing on the big letter, with hovers on it and documentText requests.
  const published = new Set();
  const off = client.on('textDocument/publishDiagnostics', (p) => p.uri === bigUri && published.add(p.version));
  const cursor = cursorIn(big);
  const hovers = [];
  const texts = [];
  let typing = true;
  const hoverLoop = (async () => {
    while (typing) {
      const hover = client.request('textDocument/hover', { textDocument: { uri: bigUri }, position: cursor });
      const echo = client.request('foi/documentText', { uri: smallUri });
      texts.push((await echo).ms);
      hovers.push((await hover).ms);
      await sleep(30);
    }
  })();
  let lastSent = 0;
  const finalVersion = burstEdits + 1;
  const final = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === bigUri && p.version === finalVersion);
  for (let i = 0; i < burstEdits; i++) {
    const position = { line: cursor.line, character: cursor.character + i };
    client.notify('textDocument/didChange', { textDocument: { uri: bigUri, version: i + 2 }, contentChanges: [{ range: { start: position, end: position }, text: TYPED[i % TYPED.length] }] });
    lastSent = performance.now();
    await sleep(15);
  }
  const finalAt = (await final).at;
  typing = false;
  await hoverLoop;
  off();
  await client.shutdown();
  return {
    openMs: round(openMs),
    hoverOtherLetterWhileOpening: stats(duringOpen),
    burstEdits,
    versionsPublished: [...published].filter((v) => v >= 2).length,
    lastEditToDiagnosticsMs: round(finalAt - lastSent),
    hoverOnBigLetterWhileTyping: stats(hovers),
    documentTextWhileTyping: stats(texts),
  };
}

async function editor(server, manifest) {
  const rows = [];
  for (const [name, file] of Object.entries(manifest.files.editor)) {
    log(`editor: ${name}, ${CONFIG.edits} edits`);
    const run = await typingLatency(server, file, CONFIG.edits, { FOI_DEBOUNCE_MS: '0', FOI_TIMING: '1' });
    rows.push({ size: name, edits: CONFIG.edits, endToEnd: stats(run.latency), compute: stats(run.compute), longestStep: stats(run.longestStep), parsedChars: run.parsedChars });
  }
  log('editor: default debounce');
  const debounced = await typingLatency(server, manifest.files.editor['10k'], CONFIG.debouncedEdits, { FOI_TIMING: '1' });
  log('editor: 1 MB responsiveness');
  const busy = await responsiveness(server, manifest.files.editor['1m'], manifest.files.editor['10k'], CONFIG.burstEdits);
  return { rows, debounceMs: 200, withDefaultDebounce: { size: '10k', edits: CONFIG.debouncedEdits, endToEnd: stats(debounced.latency), compute: stats(debounced.compute) }, responsiveness: busy };
}

// ---- batch ------------------------------------------------------------------

function timeAvailable() {
  return spawnSync('/usr/bin/time', ['-v', 'true'], { stdio: 'ignore' }).status === 0;
}

/** Wall time and peak RSS of a command: /usr/bin/time -v when present, else polling /proc. */
async function measureCommand(command, args, cwd) {
  if (timeAvailable()) {
    const report = path.join(os.tmpdir(), `foi-bench-time-${process.pid}.txt`);
    const started = performance.now();
    const result = spawnSync('/usr/bin/time', ['-v', '-o', report, command, ...args], { cwd, stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 1 << 26 });
    const wallMs = performance.now() - started;
    const text = fs.readFileSync(report, 'utf8');
    fs.rmSync(report, { force: true });
    const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1]);
    const seconds = (label) => Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(text)?.[1]);
    return { wallMs, cpuS: seconds('User') + seconds('System'), peakMb: peakKb / 1024, exitCode: result.status, via: '/usr/bin/time -v' };
  }
  const started = performance.now();
  const child = spawn(command, args, { cwd, stdio: 'ignore' });
  let peakMb = 0;
  const poll = setInterval(() => {
    try {
      peakMb = Math.max(peakMb, readMemory(child.pid).rssMb);
    } catch {
      // Exited.
    }
  }, 20);
  const exitCode = await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  return { wallMs: performance.now() - started, cpuS: NaN, peakMb, exitCode, via: '/proc polling (main process only)' };
}

async function batch(cli, manifest) {
  const logDir = path.join(CORPUS, 'log');
  const folders = fs.readdirSync(logDir).sort().slice(0, Math.ceil(CONFIG.logLetters / 100));
  const letters = folders.reduce((sum, folder) => sum + fs.readdirSync(path.join(logDir, folder)).length, 0);
  const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
  const tools = [
    { tool: 'foi-lint', command: process.execPath, args: [cli, ...folders] },
    { tool: 'markdownlint-cli2', command: bin('markdownlint-cli2'), args: folders.map((folder) => `${folder}/**/*.md`) },
    { tool: 'remark-cli', command: bin('remark'), args: ['--no-config', '--no-ignore', '--quiet', '--no-stdout', '--no-color', ...folders] },
  ];
  const rows = [];
  for (const { tool, command, args } of tools) {
    const runs = [];
    for (let i = 0; i < CONFIG.batchRuns; i++) {
      log(`batch: ${tool} run ${i + 1}/${CONFIG.batchRuns}`);
      runs.push(await measureCommand(command, args, logDir));
    }
    const wall = runs.map((r) => r.wallMs);
    rows.push({
      tool,
      letters,
      wallS: round(median(wall) / 1000, 2),
      cpuS: round(median(runs.map((r) => r.cpuS)), 2),
      peakMb: round(median(runs.map((r) => r.peakMb))),
      exitCodes: runs.map((r) => r.exitCode),
      via: runs[0].via,
    });
  }
  const ours = rows[0];
  for (const row of rows) {
    row.foiLintRatio = round(ours.wallS / row.wallS, 2);
    row.foiLintCpuRatio = round(ours.cpuS / row.cpuS, 2);
  }
  return { letters, bytes: manifest.logBytes * (letters / manifest.files.log.length), rows };
}

// ---- start-up, size, memory -------------------------------------------------

async function startup(server, manifest) {
  const file = manifest.files.engine['6k'];
  const text = fs.readFileSync(file, 'utf8');
  const times = [];
  for (let i = 0; i < CONFIG.startupRuns; i++) {
    const client = new LspClient(server, {});
    await client.initialize();
    const { at } = await client.open(pathToFileURL(file).href, text, 1);
    times.push(at - client.spawnedAt);
    await client.shutdown();
  }
  return { runs: times.length, p50Ms: round(median(times)), maxMs: round(Math.max(...times)) };
}

function sizes(built) {
  const kb = (file) => (fs.existsSync(file) ? round(fs.statSync(file).size / 1024) : null);
  const vsix = fs.readdirSync(ROOT).find((name) => name.endsWith('.vsix'));
  return {
    serverKb: kb(built.server),
    clientKb: kb(path.join(BUILD, 'dist', 'client.js')),
    cliKb: kb(built.cli),
    vsix: vsix ? { file: vsix, kb: kb(path.join(ROOT, vsix)), note: 'as left by npm run package (not rebuilt by the bench)' } : { note: 'no .vsix found: run npm run package first' },
  };
}

async function memory(server, manifest) {
  const client = await openServer(server, {});
  const opened = manifest.files.memory.map((file) => client.open(pathToFileURL(file).href, fs.readFileSync(file, 'utf8'), 1));
  await Promise.all(opened);
  // Steady state: the server collects garbage once it has been idle for a second.
  await sleep(3000);
  const { rssMb, peakMb } = client.memory();
  await client.shutdown();
  return { letters: manifest.files.memory.length, letterKb: 100, rssMb: round(rssMb), peakRssMb: round(peakMb) };
}

// ---- hostile shapes ------------------------------------------------------------

/** The language server's time slice (server/src/lsp/server.ts SLICE_MS). */
const SLICE_MS = 8;
const SHAPES = ['short lines, one paragraph', 'one paragraph, no line breaks', 'hard-wrapped prose', 'list items', 'quoted lines', 'headings and text', 'front matter keys'];

/** Cost per line and the longest step between yields, per letter shape, each in its own process. */
function shapes(bundle) {
  return SHAPES.map((shape) => {
    log(`shape: ${shape}`);
    const child = spawnSync(process.execPath, [path.join(BENCH, 'lib', 'shape-bench.mjs'), bundle, shape, String(CONFIG.shapeLines)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`shape bench failed: ${child.stderr}`);
    const raw = JSON.parse(child.stdout);
    return {
      shape,
      lines: raw.lines,
      chars: raw.chars,
      totalMs: round(raw.totalMs),
      microsecondsPerLine: round((raw.totalMs * 1000) / raw.lines, 1),
      microsecondsPerKb: round((raw.totalMs * 1000 * 1000) / raw.chars, 1),
      ratioToRemark: round(raw.totalMs / raw.remarkMs, 2),
      longestStepMs: round(raw.longestStepMs),
      longestStepInSlices: round(raw.longestStepMs / SLICE_MS, 1),
      peakRssMb: round(raw.peakRssMb),
    };
  });
}

// ---- report -----------------------------------------------------------------

function targets(results) {
  const engineRow = (size) => results.engine.find((r) => r.size === size);
  const editorRow = (size) => results.editor.rows.find((r) => r.size === size);
  const batchRow = (tool) => results.batch.rows.find((r) => r.tool === tool);
  const remark100k = engineRow('100k').remarkParseMs;
  const check = (name, value, limit, unit = '') => ({ name, value, limit, unit, met: value !== null && value <= limit });
  return [
    check('lint ÷ remark-parse at 100 KB', engineRow('100k').ratio, 1.25, '×'),
    check('lint ÷ remark-parse at 1 MB', engineRow('1m').ratio, 1.25, '×'),
    check('edit compute p95 at 10 KB', editorRow('10k').compute.p95, 20, ' ms'),
    check('edit compute p95 at 100 KB (limit: one remark parse of the 100 KB letter)', editorRow('100k').compute.p95, remark100k, ' ms'),
    check('1 MB: hover on the letter while typing, p95', results.editor.responsiveness.hoverOnBigLetterWhileTyping.p95, 250, ' ms'),
    check('batch: foi-lint ÷ markdownlint-cli2', batchRow('markdownlint-cli2').foiLintRatio, 0.5, '×'),
    check('batch: foi-lint ÷ remark-cli', batchRow('remark-cli').foiLintRatio, 1.0, '×'),
    check('server start to first diagnostics', results.startup.p50Ms, 300, ' ms'),
    check('server bundle (minified)', results.sizes.serverKb, 1536, ' KB'),
    check('server RSS with 50 open 100 KB letters', results.memory.rssMb, 150, ' MB'),
  ];
}

function table(headers, rows) {
  const lines = [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

function report(results) {
  const out = [];
  out.push(`Machine: ${results.machine.cpus}× ${results.machine.cpuModel}, ${results.machine.memoryGb} GB, ${results.machine.os}, Node ${results.machine.node}, load average at start ${results.machine.loadAverage.join(' ')}${results.quick ? ' — QUICK run' : ''}`);
  out.push('', 'Engine (median of warm runs, ms):', table(
    ['letter', 'lint()', 'remark-parse alone', 'ratio', 'our block parse', 'runs'],
    results.engine.map((r) => [`${r.size} (${(r.bytes / 1024).toFixed(0)} KB)`, r.lintMs, r.remarkParseMs, `${r.ratio}×`, r.ourParseMs, r.runs]),
  ));
  out.push('', `Hostile shapes (${CONFIG.shapeLines.toLocaleString('en-GB')} lines each, lintSteps as the server runs it; slice ${SLICE_MS} ms):`, table(
    ['shape', 'lines', 'characters', 'total ms', 'µs per line', 'µs per 1,000 characters', '÷ remark-parse', 'longest step ms', 'longest step in slices', 'peak RSS MB'],
    results.shapes.map((r) => [r.shape, r.lines, r.chars, r.totalMs, r.microsecondsPerLine, r.microsecondsPerKb, `${r.ratioToRemark}×`, r.longestStepMs, `${r.longestStepInSlices}×`, r.peakRssMb]),
  ));
  out.push('', `Editor latency over LSP stdio, single-character edits, debounce 0 (ms; compute = server's own time, from $/foi/timing):`, table(
    ['letter', 'edits', 'didChange→diagnostics p50 / p95 / p99', 'compute p50 / p95 / p99', 'longest step without yielding, p95', 'chars re-parsed (median)'],
    results.editor.rows.map((r) => [r.size, r.edits, `${r.endToEnd.p50} / ${r.endToEnd.p95} / ${r.endToEnd.p99}`, `${r.compute.p50} / ${r.compute.p95} / ${r.compute.p99}`, r.longestStep.p95, r.parsedChars]),
  ));
  const d = results.editor.withDefaultDebounce;
  out.push('', `With the default ${results.editor.debounceMs} ms debounce (10 KB, ${d.edits} edits): didChange→diagnostics p50 ${d.endToEnd.p50} ms, p95 ${d.endToEnd.p95} ms.`);
  const b = results.editor.responsiveness;
  out.push(
    `1 MB letter: first diagnostics ${b.openMs} ms after didOpen; meanwhile hover on another letter p50 ${b.hoverOtherLetterWhileOpening.p50} / max ${b.hoverOtherLetterWhileOpening.max} ms. ` +
      `Burst of ${b.burstEdits} edits 15 ms apart: ${b.versionsPublished} versions published (the rest cancelled as stale), last version's diagnostics ${b.lastEditToDiagnosticsMs} ms after the last edit; ` +
      `hover on the 1 MB letter p50 ${b.hoverOnBigLetterWhileTyping.p50} / p95 ${b.hoverOnBigLetterWhileTyping.p95} ms; foi/documentText p95 ${b.documentTextWhileTyping.p95} ms.`,
  );
  out.push('', `Batch: ${results.batch.letters} letters (${(results.batch.bytes / 1e6).toFixed(1)} MB), median of ${CONFIG.batchRuns} run(s):`, table(
    ['tool', 'wall (s)', 'CPU user+sys (s)', 'peak RSS (MB)', 'foi-lint ÷ tool (wall)', 'foi-lint ÷ tool (CPU)'],
    results.batch.rows.map((r) => [r.tool, r.wallS, r.cpuS, r.peakMb, `${r.foiLintRatio}×`, `${r.foiLintCpuRatio}×`]),
  ));
  out.push('', `Start-up: spawn → first publishDiagnostics p50 ${results.startup.p50Ms} ms (max ${results.startup.maxMs}, ${results.startup.runs} runs).`);
  const s = results.sizes;
  out.push(`Sizes (minified): server.js ${s.serverKb} KB, client.js ${s.clientKb} KB, cli.js ${s.cliKb} KB; .vsix ${s.vsix.kb ? `${s.vsix.kb} KB (${s.vsix.note})` : s.vsix.note}.`);
  out.push(`Memory: server RSS ${results.memory.rssMb} MB (peak ${results.memory.peakRssMb} MB) with ${results.memory.letters} open ${results.memory.letterKb} KB letters.`);
  out.push('', 'Targets:', table(['target', 'measured', 'limit', 'met'], results.targets.map((t) => [t.name, `${t.value}${t.unit}`, `${t.limit}${t.unit}`, t.met ? 'yes' : 'NO'])));
  return out.join('\n');
}

async function main() {
  const started = performance.now();
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: round(os.totalmem() / 2 ** 30, 0),
    os: `${os.type()} ${os.release()}`,
    node: process.versions.node,
    loadAverage: os.loadavg().map((v) => round(v, 2)),
  };
  log('generating corpus');
  const manifest = generateCorpus();
  log('building production bundles');
  const built = await build();
  const results = { date: new Date().toISOString(), quick, config: CONFIG, machine };
  results.engine = engine(built.engine, manifest);
  results.shapes = shapes(built.engine);
  results.editor = await editor(built.server, manifest);
  results.batch = await batch(built.cli, manifest);
  log('start-up');
  results.startup = await startup(built.server, manifest);
  results.sizes = sizes(built);
  log('memory');
  results.memory = await memory(built.server, manifest);
  results.targets = targets(results);
  results.durationS = round((performance.now() - started) / 1000);
  results.machine.loadAverageAtEnd = os.loadavg().map((v) => round(v, 2));
  const output = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : path.join(BENCH, quick ? 'results-quick.json' : 'results.json');
  fs.writeFileSync(output, JSON.stringify(results, null, 2) + '\n');
  console.log(report(results));
  console.log(`\n${path.relative(ROOT, output)} written in ${results.durationS} s.`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
