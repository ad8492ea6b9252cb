// The language server over stdio against a broken or stuck editor: framing it cannot recover
// from makes it exit (so the editor restarts it), a settings request that is never answered does
// not leave the letter unchecked, and positions outside the letter get no answer, never a wrong one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lspClient';

const uri = pathToFileURL(path.join(__dirname, 'hardening-letter.md')).href;
const LETTER = `Dear Requester,

We hold the report you asked for. We are withholding it under section 43(2) of the Freedom of Information Act 2000.

Yours sincerely,
Information Team
`;
/** A generous hang detector, not a speed bound. */
const HANG = 60_000;

function exited(client: LspClient): Promise<number | null> {
  if (client.process.exitCode !== null) return Promise.resolve(client.process.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not exit; stderr: ${client.stderr}`)), HANG);
    client.process.once('exit', (code) => (clearTimeout(timer), resolve(code)));
  });
}

for (const [label, header, reason] of [
  ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}', /not a number of bytes \("abc"\)/],
  ['a negative Content-Length', 'Content-Length: -5\r\n\r\n{}', /not a number of bytes \("-5"\)/],
  ['an absurd Content-Length', 'Content-Length: 99999999999\r\n\r\n{}', /Content-Length of 99999999999 bytes, over the 268435456-byte limit/],
  ['a header without Content-Length', 'Content-Type: application/vscode-jsonrpc\r\n\r\n{}', /a header without Content-Length/],
  ['a header line without a colon', 'Garbage\r\n\r\n{}', /a header line without a colon/],
  ['a header that never ends', `X-Padding: ${'a'.repeat(9_000)}`, /a header longer than 8192 bytes/],
] as const) {
  test(`framing: ${label} makes the server exit with code 1 and say why`, async () => {
    const client = new LspClient();
    await client.initialize();
    client.process.stdin.write(header);
    assert.equal(await exited(client), 1);
    assert.match(client.stderr, /the message framing on stdin was lost/);
    assert.match(client.stderr, reason);
  });
}

test('framing: a message split into one-byte chunks, and two messages in one chunk, are read as usual', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text: LETTER } } });
    const framed = Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const diagnostics = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, HANG);
    for (let i = 0; i < 200; i++) client.process.stdin.write(framed.subarray(i, i + 1));
    client.process.stdin.write(framed.subarray(200));
    const published = await diagnostics;
    assert.ok(published.diagnostics.some((d: { code: string }) => d.code === 'harm-missing'), JSON.stringify(published.diagnostics));
    const symbols = (id: string) => JSON.stringify({ jsonrpc: '2.0', id, method: 'textDocument/documentSymbol', params: { textDocument: { uri } } });
    const framedTwice = ['s1', 's2'].map((id) => `Content-Length: ${Buffer.byteLength(symbols(id))}\r\n\r\n${symbols(id)}`).join('');
    const answered = new Set<unknown>();
    const both = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`answers seen: ${[...answered]}`)), HANG);
      client.onRawMessage((m) => {
        if (m.id === 's1' || m.id === 's2') answered.add(m.id);
        if (answered.size === 2) (clearTimeout(timer), resolve());
      });
    });
    client.process.stdin.write(framedTwice);
    await both;
    assert.equal(client.process.exitCode, null);
  } finally {
    await client.shutdown();
  }
});

test('a workspace/configuration request the editor never answers: the letter is still checked, and says why settings were not used', async () => {
  const client = new LspClient();
  client.unanswered.add('workspace/configuration');
  try {
    await client.initialize();
    const diagnostics = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, HANG);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: LETTER } });
    const published = await diagnostics;
    const codes = published.diagnostics.map((d: { code: string }) => d.code);
    assert.ok(codes.includes('harm-missing'), JSON.stringify(codes));
    const notice = published.diagnostics.find((d: { code: string }) => d.code === 'config-invalid');
    assert.match(notice?.message ?? '', /^The editor did not send the foi settings within 5 s; this letter was checked with the \.foi\.jsonc files and the defaults\.$/);
  } finally {
    await client.shutdown();
  }
});

test('positions outside the letter: hover and completion at line 10^9 answer nothing; a character past a line\'s end means its end', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    const text = 'Dear Requester,\n\nWe rely on section 4';
    await client.open(uri, text);
    const far = { textDocument: { uri }, position: { line: 1_000_000_000, character: 0 } };
    assert.equal(await client.request('textDocument/hover', far, HANG), null);
    assert.deepEqual(await client.request('textDocument/completion', far, HANG), []);
    const negative = { textDocument: { uri }, position: { line: -1, character: -3 } };
    assert.equal(await client.request('textDocument/hover', negative, HANG), null);
    // Line 2 is 20 characters long: character 5000 is its end, and every edit stays inside the letter.
    const items = await client.request<{ textEdit: { range: { start: { line: number; character: number }; end: { line: number; character: number } } } }[]>(
      'textDocument/completion',
      { textDocument: { uri }, position: { line: 2, character: 5000 } },
      HANG,
    );
    assert.ok(items.length > 0, 'section completions at the end of "section 4"');
    for (const item of items) {
      assert.deepEqual(item.textEdit.range, { start: { line: 2, character: 19 }, end: { line: 2, character: 20 } });
    }
  } finally {
    await client.shutdown();
  }
});
