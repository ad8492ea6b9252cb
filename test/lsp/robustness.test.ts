// The language server over stdio, as an editor drives it, survives bad input: malformed
// JSON-RPC, unknown methods, edits to unopened documents, out-of-order versions,
// cancellation, and shuts down with the right exit codes. Its incrementally synced text
// always equals the text the edits produce.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { LspClient } from '../helpers/lspClient';

const ROOT = path.join(__dirname, '..', '..');
const DOCUMENT_TEXT = 'foi/documentText';
const CHECKLIST = 'foi/checklist';
const LETTER = fs.readFileSync(path.join(ROOT, 'examples', 'defective-s31-missing-rights.md'), 'utf8');

type Message = { jsonrpc: '2.0'; id?: number | string | null; method?: string; params?: any; result?: any; error?: { code: number; message: string } };

/** Keeps every message from the server, responses with unknown ids included. */
class Tap {
  readonly messages: Message[] = [];
  private readonly waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];

  constructor(client: LspClient) {
    client.onRawMessage((message) => {
      this.messages.push(message);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(message)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      }
    });
  }

  next(match: (m: Message) => boolean, timeoutMs = 10_000): Promise<Message> {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching message from the server')), timeoutMs);
      this.waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  response(id: number | string, timeoutMs?: number): Promise<Message> {
    return this.next((m) => m.id === id && m.method === undefined, timeoutMs);
  }
}

const uriOf = (name: string) => pathToFileURL(path.join(ROOT, 'test', 'lsp', name)).href;

/** The server is alive if it answers a documentSymbol request on an open letter. */
async function assertAlive(client: LspClient, uri: string, label: string): Promise<void> {
  const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } }, 10_000);
  assert.ok(Array.isArray(symbols) && symbols.length > 0, `${label}: documentSymbol answered ${JSON.stringify(symbols)}`);
  assert.equal(client.process.exitCode, null, `${label}: server exited`);
}

async function withServer(body: (client: LspClient, tap: Tap) => Promise<void>): Promise<void> {
  const client = new LspClient();
  const tap = new Tap(client);
  try {
    await client.initialize();
    await body(client, tap);
  } finally {
    await client.shutdown();
  }
}

test('malformed JSON-RPC: the server logs it and answers the next request', async () => {
  await withServer(async (client) => {
    const uri = uriOf('robustness-malformed.md');
    await client.open(uri, LETTER);
    const bodies: [string, string][] = [
      ['garbage body', 'garbage }{ not json at all'],
      ['invalid JSON', '{"jsonrpc":"2.0","id":9001,"method":'],
      ['binary noise', '\u0000\u0001\u00ff\ufffd'],
      ['JSON that is not JSON-RPC', '{"foo":1}'],
      ['a bare number', '42'],
      ['null', 'null'],
      ['an empty array', '[]'],
      ['a batch (not supported by LSP)', '[{"jsonrpc":"2.0","id":9002,"method":"shutdown"}]'],
      ['an object as id', '{"jsonrpc":"2.0","id":{"x":1},"method":"textDocument/hover","params":{}}'],
      ['a request with no params', '{"jsonrpc":"2.0","id":9003,"method":"textDocument/hover"}'],
      ['params of the wrong type', '{"jsonrpc":"2.0","id":9004,"method":"textDocument/documentSymbol","params":{"textDocument":5}}'],
      ['didOpen with a number for uri', '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":5,"text":7}}}'],
      ['an empty body', ''],
    ];
    for (const [label, body] of bodies) {
      client.writeRaw(body);
      await assertAlive(client, uri, label);
    }
  });
});

test('an unknown request gets MethodNotFound (-32601); unknown notifications are ignored', async () => {
  await withServer(async (client, tap) => {
    const uri = uriOf('robustness-unknown.md');
    await client.open(uri, LETTER);
    client.write({ jsonrpc: '2.0', id: 'unknown-1', method: 'foi/noSuchMethod', params: {} });
    const response = await tap.response('unknown-1');
    assert.equal(response.error?.code, -32601, JSON.stringify(response));
    client.notify('foi/noSuchNotification', { anything: true });
    client.notify('$/noSuchNotification', {});
    client.notify('textDocument/didSomethingOdd', null);
    await assertAlive(client, uri, 'after unknown notifications');
    assert.ok(!tap.messages.some((m) => m.id === null && m.error), 'no error response to a notification');
  });
});

test('edits to a document that was never opened are ignored', async () => {
  await withServer(async (client) => {
    const uri = uriOf('robustness-known.md');
    await client.open(uri, LETTER);
    const ghost = uriOf('robustness-never-opened.md');
    client.notify('textDocument/didChange', {
      textDocument: { uri: ghost, version: 7 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } }, text: 'Section 31(1)(a)' }],
    });
    client.notify('textDocument/didChange', { textDocument: { uri: ghost, version: 8 }, contentChanges: [{ text: 'whole text' }] });
    client.notify('textDocument/didClose', { textDocument: { uri: ghost } });
    client.notify('textDocument/didSave', { textDocument: { uri: ghost } });
    await assertAlive(client, uri, 'after edits to an unopened document');
    assert.equal(await client.request(DOCUMENT_TEXT, { uri: ghost }), null);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: ghost }, position: { line: 0, character: 0 } }), null);
  });
});

test('a change with an older version never leads to diagnostics older than ones already published', async () => {
  await withServer(async (client, tap) => {
    const uri = uriOf('robustness-versions.md');
    await client.open(uri, LETTER, 1);
    const published = () => tap.messages.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri).map((m) => m.params.version as number);
    const change = (version: number, text: string) =>
      client.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text }],
      });
    change(3, 'Newer edit.\n');
    await tap.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === 3);
    change(2, 'Stale edit.\n');
    // Give the server time to lint the stale version (debounce 200 ms) and publish, if it would.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    change(4, 'Newest edit.\n');
    await tap.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === 4);
    const versions = published();
    const afterThree = versions.slice(versions.indexOf(3));
    assert.ok(afterThree.every((v) => v >= 3), `published versions in order: ${versions.join(', ')}`);
    await assertAlive(client, uri, 'after out-of-order versions');
  });
});

test('$/cancelRequest for an in-flight request: the request is answered (result or RequestCancelled) and the server goes on', async () => {
  await withServer(async (client, tap) => {
    const uri = uriOf('robustness-cancel.md');
    // A long letter, so requests on it take a while.
    const long = LETTER + '\n' + LETTER.replace(/^---[\s\S]*?---\n/, '').repeat(400);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: long } });
    const ids = ['cancel-1', 'cancel-2', 'cancel-3'];
    client.write({ jsonrpc: '2.0', id: ids[0], method: 'textDocument/documentSymbol', params: { textDocument: { uri } } });
    client.write({ jsonrpc: '2.0', id: ids[1], method: 'textDocument/codeAction', params: { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, context: { diagnostics: [] } } });
    client.write({ jsonrpc: '2.0', id: ids[2], method: CHECKLIST, params: { uri } });
    for (const id of ids) client.notify('$/cancelRequest', { id });
    client.notify('$/cancelRequest', { id: 'never-sent' });
    for (const id of ids) {
      const response = await tap.response(id, 30_000);
      assert.ok(response.error === undefined ? 'result' in response : response.error.code === -32800, `${id}: ${JSON.stringify(response).slice(0, 200)}`);
    }
    await assertAlive(client, uri, 'after cancellation');
  });
});

test('hostile letters opened in the editor: each gets diagnostics, positions are UTF-16, the server stays up', async () => {
  await withServer(async (client) => {
    const binary = Array.from({ length: 100_000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('') + '\0\0\0';
    const aliases = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(',')}]`)];
    const letters: [string, string][] = [
      ['nested-quotes', '>'.repeat(20_000) + ' Section 31(1)(a) applies.\n'],
      ['nested-lists', Array.from({ length: 1_000 }, (_, i) => '  '.repeat(i) + '- item').join('\n')],
      ['binary', binary],
      ['alias-bomb', `---\n${aliases.join('\n')}\n---\n\nDear requester,\n`],
      ['unclosed-front-matter', '---\rregime: FOIA\rresponse_type: refusal\r\rSection 31(1)(a) applies.\r'],
      ['invalid-date', '---\r\nregime: FOIA\r\nreceived: 2026-02-30\r\n---\r\n'],
    ];
    const normal = uriOf('robustness-hostile-normal.md');
    await client.open(normal, LETTER);
    for (const [name, text] of letters) {
      const uri = uriOf(`robustness-hostile-${name}.md`);
      const published = await client.open(uri, text);
      const lines = text.split(/\r\n|\r|\n/);
      for (const d of published.diagnostics) {
        for (const p of [d.range.start, d.range.end]) assert.ok(p.line < lines.length && p.character <= lines[p.line].length, `${name}: ${JSON.stringify(d.range)}`);
      }
      if (name === 'alias-bomb' || name === 'unclosed-front-matter' || name === 'invalid-date') {
        assert.ok(published.diagnostics.some((d: { code: string }) => d.code === 'frontmatter-invalid'), `${name}: ${JSON.stringify(published.diagnostics)}`);
      }
      await assertAlive(client, normal, name);
    }
    // Two astral characters before a citation: the diagnostic starts at UTF-16 character 5.
    const uri = uriOf('robustness-emoji.md');
    const published = await client.open(uri, '---\nregime: FOIA\nresponse_type: refusal\n---\n\n## Our response\n\n😀😀 Section 31(1)(a) applies to the information.\n');
    const harm = published.diagnostics.find((d: { code: string }) => d.code === 'harm-missing');
    assert.deepEqual(harm?.range, { start: { line: 7, character: 5 }, end: { line: 7, character: 21 } });
  });
});

test('shutdown then exit ends the process with code 0; exit without shutdown with code 1', async () => {
  const polite = new LspClient();
  await polite.initialize();
  assert.equal(await polite.request('shutdown', null), null);
  const exited = new Promise<number | null>((resolve) => polite.process.once('exit', (code) => resolve(code)));
  polite.notify('exit', null);
  assert.equal(await exited, 0);

  const abrupt = new LspClient();
  await abrupt.initialize();
  const abruptExit = new Promise<number | null>((resolve) => abrupt.process.once('exit', (code) => resolve(code)));
  abrupt.notify('exit', null);
  assert.equal(await abruptExit, 1);
});

// ---- incremental sync ----------------------------------------------------------------

/** LSP position (UTF-16 units; \r\n, \r and \n end lines) of an offset. */
function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 && text.charCodeAt(i + 1) === 10) continue; // the \n ends this line
    if (code === 10 || code === 13) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Offsets an editor can put a cursor on: not inside a \r\n pair or a surrogate pair. */
function cursorOffset(text: string, fraction: number): number {
  let offset = Math.floor(fraction * text.length);
  while (offset > 0 && offset < text.length && ((text[offset - 1] === '\r' && text[offset] === '\n') || (/[\uD800-\uDBFF]/.test(text[offset - 1]) && /[\uDC00-\uDFFF]/.test(text[offset])))) offset--;
  return offset;
}

const insertText = fc.oneof(
  fc.constantFrom('', 'x', ' ', '\n', '\r\n', '\r', '\n\n', '😀', '😀😀 ', '👩‍👩‍👧', 'é', '\t', '# Public interest test\n', 'Section 31(1)(a) ', '(a)', '<!-- foi-disable -->', '---\n', '**Harm**\r\n'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const change = fc.record({ from: fc.double({ min: 0, max: 1, noNaN: true }), to: fc.double({ min: 0, max: 1, noNaN: true }), text: insertText, whole: fc.integer({ min: 0, max: 19 }) });

test('incremental sync: the server holds exactly the text the edits produce (random edits with emoji and CRLF)', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    let runs = 0;
    let edits = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(LETTER, LETTER.replace(/\n/g, '\r\n'), '😀 Section 31(1)(a)\r\n\r\nDear 👩‍👩‍👧,\rtext\n', ''),
        fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        async (initial, batches) => {
          runs++;
          const uri = uriOf(`robustness-sync-${runs}.md`);
          client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: initial } });
          let text = initial;
          let version = 1;
          for (const batch of batches) {
            // Several changes in one notification apply in order, each to the result of the last.
            const contentChanges = batch.map((c) => {
              edits++;
              if (c.whole === 0) {
                text = c.text;
                return { text: c.text };
              }
              const a = cursorOffset(text, Math.min(c.from, c.to));
              const b = Math.max(a, cursorOffset(text, Math.max(c.from, c.to)));
              const range = { start: positionOf(text, a), end: positionOf(text, b) };
              text = text.slice(0, a) + c.text + text.slice(b);
              return { range, text: c.text };
            });
            client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges });
            assert.equal(await client.request<string>(DOCUMENT_TEXT, { uri }), text);
          }
          client.notify('textDocument/didClose', { textDocument: { uri } });
        },
      ),
      { numRuns: 150, seed: 4242 },
    );
    console.log(`incremental sync: ${runs} documents, ${edits} edits checked against foi/documentText`);
  } finally {
    await client.shutdown();
  }
});
