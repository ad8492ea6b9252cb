// The server and foi-lint open no network connections and write no files.
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

function guardLog(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'foi-guard-')), 'log.txt');
  fs.writeFileSync(file, '');
  return file;
}

test('the guard itself catches a connection attempt and a file write (so this test can fail)', () => {
  const log = guardLog();
  const script = "try { require('node:net').connect(9, '127.0.0.1'); } catch {} try { require('node:fs').writeFileSync('/tmp/x', 'y'); } catch {}";
  spawnSync(process.execPath, ['-r', GUARD, '-e', script], { env: { ...process.env, FOI_GUARD_LOG: log } });
  assert.equal(fs.readFileSync(log, 'utf8'), 'net.connect 9\nfs.writeFileSync /tmp/x\n');
});

test('a full LSP session makes no network call and writes no file', async () => {
  const log = guardLog();
  process.env.FOI_GUARD_LOG = log;
  const client = new LspClient(['--stdio'], ['-r', GUARD]);
  try {
    await client.initialize();
    const file = path.join(ROOT, 'examples', 'defective-s31-missing-rights.md');
    const text = fs.readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).href;
    const published = await client.open(uri, text);
    assert.ok(published.diagnostics.length > 0);
    const changed = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }, { text: text + '\nMore text.\n' }] });
    await changed;
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 25, character: 5 } });
    await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 25, character: 11 } });
    await client.request('textDocument/codeAction', { textDocument: { uri }, range: published.diagnostics[0].range, context: { diagnostics: published.diagnostics } });
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    await client.request('foi/checklist', { uri });
  } finally {
    await client.shutdown();
    delete process.env.FOI_GUARD_LOG;
  }
  assert.equal(fs.readFileSync(log, 'utf8'), '', 'the server tried a network call or a file write');
});

test('foi-lint over the examples and fixtures makes no network call and writes no file', () => {
  const log = guardLog();
  const result = spawnSync(process.execPath, ['-r', GUARD, path.join(ROOT, 'dist', 'cli.js'), '--jobs', '2', 'examples', 'test/fixtures'], {
    cwd: ROOT,
    env: { ...process.env, FOI_GUARD_LOG: log },
    encoding: 'utf8',
  });
  assert.equal(result.status, 1, result.stderr);
  assert.equal(fs.readFileSync(log, 'utf8'), '', 'foi-lint tried a network call or a file write');
});
