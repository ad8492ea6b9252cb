// The language server and foi-lint open no network connection, start no other process and
// write no file. Both run under a preload (guard.cjs) that records and refuses every socket,
// DNS, HTTP, UDP, fetch, child-process and file-write call; the log must stay empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lspClient';

const ROOT = path.join(__dirname, '..', '..');
const GUARD = path.join(__dirname, 'guard.cjs');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function guardLog(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'foi-guard-')), 'log.txt');
  fs.writeFileSync(file, '');
  return file;
}

const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
/** The processes (and worker threads) the guard was loaded into. */
const loadedInto = (log: string) => read(`${log}.loaded`).split('\n').filter(Boolean);

test('self-check: the guard catches and refuses deliberate network, process and file-write calls', () => {
  const log = guardLog();
  const target = path.join(path.dirname(log), 'must-not-exist.txt');
  const attempts = [
    `require('node:net').connect(9, '127.0.0.1')`,
    `new (require('node:net').Socket)().connect(9, '127.0.0.1')`,
    `require('node:tls').connect(443, 'example.invalid')`,
    `require('node:dns').lookup('example.invalid', () => {})`,
    `require('node:dns').resolve4('example.invalid', () => {})`,
    `require('node:http').request('http://example.invalid/')`,
    `require('node:https').get('https://example.invalid/')`,
    `require('node:dgram').createSocket('udp4')`,
    `require('node:child_process').execSync('true')`,
    `require('node:fs').writeFileSync(${JSON.stringify(target)}, 'x')`,
    `require('node:fs').appendFileSync(${JSON.stringify(target)}, 'x')`,
    `require('node:fs').createWriteStream(${JSON.stringify(target)})`,
    `require('node:fs').openSync(${JSON.stringify(target)}, 'w')`,
    `require('node:fs').mkdirSync(${JSON.stringify(target + '.d')})`,
    `require('node:fs').renameSync(${JSON.stringify(log)}, ${JSON.stringify(target)})`,
    `require('node:fs').unlinkSync(${JSON.stringify(log)})`,
  ];
  const script = [
    ...attempts.map((a) => `try { ${a}; console.log('NOT BLOCKED: ' + ${JSON.stringify(a)}); } catch {}`),
    `fetch('https://example.invalid/').then(() => console.log('NOT BLOCKED: fetch'), () => {})`,
    `require('node:fs').promises.writeFile(${JSON.stringify(target)}, 'x').then(() => console.log('NOT BLOCKED: fs.promises.writeFile'), () => {})`,
    // Reading is allowed, and so is writing to stdout.
    `require('node:fs').readFileSync(${JSON.stringify(GUARD)}); console.log('read ok')`,
  ].join('\n');
  const result = spawnSync(process.execPath, ['-r', GUARD, '-e', script], { env: { ...process.env, FOI_GUARD_LOG: log }, encoding: 'utf8' });
  assert.doesNotMatch(result.stdout, /NOT BLOCKED/);
  assert.match(result.stdout, /read ok/);
  const entries = read(log);
  for (const api of ['net.connect', 'net.Socket.connect', 'tls.connect', 'dns.lookup', 'dns.resolve4', 'node:http.request', 'node:https.get', 'dgram.createSocket', 'child_process.execSync', 'fs.writeFileSync', 'fs.appendFileSync', 'fs.createWriteStream', 'fs.openSync (write)', 'fs.mkdirSync', 'fs.renameSync', 'fs.unlinkSync', 'fetch', 'fs.promises.writeFile']) {
    assert.ok(entries.split('\n').some((line) => line.startsWith(api + ' ')), `${api} not recorded in:\n${entries}`);
  }
  assert.ok(!fs.existsSync(target), 'the refused write did not happen');
  assert.ok(fs.existsSync(log), 'the refused rename/unlink did not happen');
  assert.equal(loadedInto(log).length, 1);
});

test('a full LSP session makes no network call, starts no process and writes no file', async () => {
  const log = guardLog();
  // A letter in a folder with its own .foi.jsonc, so the server reads configuration from disk.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'foi-guard-letters-'));
  fs.writeFileSync(path.join(folder, '.foi.jsonc'), '// settings\n{ "rules": { "pit-unnecessary": "hint" } }\n');
  const file = path.join(folder, 'letter.md');
  const text = fs.readFileSync(path.join(ROOT, 'examples', 'defective-s31-missing-rights.md'), 'utf8');
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;

  const previous = process.env.FOI_GUARD_LOG;
  process.env.FOI_GUARD_LOG = log;
  const client = new LspClient(['--stdio'], ['-r', GUARD]);
  let exitCode: number | null = null;
  try {
    await client.initialize();
    const published = await client.open(uri, text);
    assert.ok(published.diagnostics.length > 0, 'the server linted the letter');
    const changed = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 3);
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: 'Section 43(2) also applies 😀.\n' }],
    });
    client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: text + '\nMore text.\r\n' }] });
    await changed;
    const position = { line: 25, character: 5 };
    await client.request('textDocument/hover', { textDocument: { uri }, position });
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 12 } }); // front matter
    await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 25, character: 11 } });
    const actions = await client.request<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range: published.diagnostics[0].range, context: { diagnostics: published.diagnostics } });
    assert.ok(Array.isArray(actions));
    await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    await client.request('textDocument/foldingRange', { textDocument: { uri } });
    await client.request('foi/checklist', { uri });
    await client.request('foi/documentText', { uri });
    client.notify('textDocument/didSave', { textDocument: { uri } });
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(folder, '.foi.jsonc')).href, type: 2 }] });
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    client.notify('textDocument/didClose', { textDocument: { uri } });
  } finally {
    exitCode = await client.shutdown();
    if (previous === undefined) delete process.env.FOI_GUARD_LOG;
    else process.env.FOI_GUARD_LOG = previous;
  }
  assert.equal(exitCode, 0, client.stderr);
  assert.equal(loadedInto(log).length, 1, 'the guard ran inside the server');
  assert.match(loadedInto(log)[0], /server\.js/);
  assert.equal(read(log), '', 'the server tried a network call, a process or a file write');
  assert.deepEqual(fs.readdirSync(folder).sort(), ['.foi.jsonc', 'letter.md'], 'nothing new in the letter folder');
  fs.rmSync(folder, { recursive: true });
});

test('foi-lint (text, JSON, SARIF; with worker threads) makes no network call and writes no file', () => {
  const log = guardLog();
  const examples = fs.existsSync(path.join(ROOT, 'examples')) ? 'examples' : 'test/fixtures';
  for (const args of [[examples], ['--format', 'json', examples], ['--format', 'sarif', examples, 'test/fixtures'], ['--jobs', '2', examples, 'test/fixtures']]) {
    const result = spawnSync(process.execPath, ['-r', GUARD, CLI, ...args], { cwd: ROOT, env: { ...process.env, FOI_GUARD_LOG: log }, encoding: 'utf8', timeout: 120_000 });
    assert.ok(result.status === 0 || result.status === 1, `${args.join(' ')}: exit ${result.status}: ${result.stderr}`);
    assert.ok(result.stdout.length > 0);
  }
  const loaded = loadedInto(log);
  assert.ok(loaded.filter((l) => / main /.test(l)).length === 4, loaded.join('\n'));
  assert.ok(loaded.some((l) => / worker /.test(l)), `the guard also ran in the worker threads of --jobs 2:\n${loaded.join('\n')}`);
  assert.equal(read(log), '', 'foi-lint tried a network call, a process or a file write');
});
