// Packs the extension (scripts/package.mjs, on a staged copy: the repo's dist/ is untouched)
// and checks what the .vsix contains, then runs the shipped CLI bundle on its own.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

const repoRoot = path.resolve(__dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** Lists a zip's entries from its central directory (no zip64: a .vsix is small). */
function zipEntries(zip: Buffer): ZipEntry[] {
  const endSignature = 0x06054b50;
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== endSignature) end--;
  assert.ok(end >= 0, 'zip end-of-central-directory record found');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(offset), 0x02014b50, 'central directory entry signature');
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      localHeaderOffset: zip.readUInt32LE(offset + 42),
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function zipRead(zip: Buffer, entry: ZipEntry): Buffer {
  const local = entry.localHeaderOffset;
  assert.equal(zip.readUInt32LE(local), 0x04034b50, 'local file header signature');
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data);
  assert.equal(entry.method, 8, `${entry.name}: deflate or stored`);
  return inflateRawSync(data);
}

// A refusal citing a qualified exemption, without review or complaint rights.
const refusalWithoutRights = [
  '---',
  'reference: TEST-PKG-0001',
  'regime: FOIA',
  'response_type: refusal',
  '---',
  '',
  '# Response to request TEST-PKG-0001',
  '',
  '## Our decision',
  '',
  'We hold the figures you asked for but are withholding them under section 31(1)(a).',
  '',
].join('\n');

/** Sends LSP messages to a server over stdio and collects what it sends back until `done` says so. */
function lspSession(serverPath: string, messages: object[], done: (received: any[]) => boolean, timeoutMs = 20_000): Promise<any[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { cwd: path.dirname(serverPath), stdio: ['pipe', 'pipe', 'pipe'] });
    const received: any[] = [];
    let buffer = Buffer.alloc(0);
    let stderr = '';
    const finish = (error?: Error) => {
      clearTimeout(timer);
      child.kill();
      if (error) reject(error);
      else resolve(received);
    };
    const timer = setTimeout(
      () => finish(new Error(`no complete answer within ${timeoutMs} ms; got ${JSON.stringify(received).slice(0, 2000)}\n${stderr}`)),
      timeoutMs,
    );
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => {
      if (!done(received)) finish(new Error(`server exited (${code}) early:\n${stderr}`));
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
        if (buffer.length < headerEnd + 4 + length) return;
        received.push(JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')));
        buffer = buffer.subarray(headerEnd + 4 + length);
        if (done(received)) return finish();
      }
    });
    for (const message of messages) {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
      child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      child.stdin.write(body);
    }
  });
}

describe('extension package (.vsix)', { timeout: 180_000 }, () => {
  let tempDir: string;
  let vsixPath: string;
  let zip: Buffer;
  let names: string[];
  let unpackedDir: string;
  const shipped = (relative: string) => names.includes(`extension/${relative.replace(/^\.\//, '')}`);

  before(() => {
    tempDir = mkdtempSync(path.join(os.tmpdir(), 'foi-package-test-'));
    vsixPath = path.join(tempDir, 'foi-response-tools.vsix');
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/package.mjs'), '--out', vsixPath], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, `npm run package failed:\n${result.stdout}\n${result.stderr}`);
    zip = readFileSync(vsixPath);
    names = zipEntries(zip).map((entry) => entry.name);
    // Unpacked under the OS temp dir, where no node_modules can be found upwards.
    unpackedDir = path.join(tempDir, 'unpacked');
    for (const entry of zipEntries(zip).filter((e) => !e.name.endsWith('/'))) {
      const target = path.join(unpackedDir, entry.name);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, zipRead(zip, entry));
    }
  });

  after(() => rmSync(tempDir, { recursive: true, force: true }));

  test('is a VSIX with a manifest and the extension package.json', () => {
    assert.ok(names.includes('extension.vsixmanifest'));
    const packed = JSON.parse(zipRead(zip, zipEntries(zip).find((e) => e.name === 'extension/package.json')!).toString('utf8'));
    assert.equal(packed.name, manifest.name);
    assert.equal(packed.version, manifest.version);
  });

  test('ships the three bundles and no source maps', () => {
    for (const bundle of ['client', 'server', 'cli']) assert.ok(shipped(`dist/${bundle}.js`), `dist/${bundle}.js`);
    assert.ok(shipped(manifest.main), `main ${manifest.main}`);
    assert.deepEqual(names.filter((name) => name.endsWith('.map')), []);
  });

  test('ships the snippets, schemas, rule docs and icon the manifest refers to', () => {
    for (const snippet of manifest.contributes?.snippets ?? []) assert.ok(shipped(snippet.path), snippet.path);
    for (const validation of manifest.contributes?.jsonValidation ?? []) {
      if (!/^https?:/.test(validation.url)) assert.ok(shipped(validation.url), validation.url);
    }
    assert.ok(readdirSync(path.join(repoRoot, 'snippets')).length > 0);
    for (const file of readdirSync(path.join(repoRoot, 'snippets'))) assert.ok(shipped(`snippets/${file}`), file);
    for (const file of readdirSync(path.join(repoRoot, 'schemas')).filter((f) => f.endsWith('.json'))) {
      assert.ok(shipped(`schemas/${file}`), `schemas/${file}`);
    }
    const ruleDocs = readdirSync(path.join(repoRoot, 'docs/rules')).filter((f) => f.endsWith('.md'));
    assert.ok(ruleDocs.length > 0, 'the repo has rule pages');
    for (const file of ruleDocs) assert.ok(shipped(`docs/rules/${file}`), `docs/rules/${file}`);
    assert.ok(shipped(manifest.icon), `icon ${manifest.icon}`);
  });

  test('ships README, CHANGELOG and LICENSE (vsce lower-cases and renames some)', () => {
    const lower = names.map((name) => name.toLowerCase());
    assert.ok(lower.includes('extension/readme.md'), 'README');
    assert.ok(lower.includes('extension/changelog.md'), 'CHANGELOG');
    assert.ok(lower.some((name) => /^extension\/license(\.txt|\.md)?$/.test(name)), 'LICENSE');
  });

  test('ships no sources, tests, examples or node_modules', () => {
    const unwanted = names.filter(
      (name) =>
        /\.tsx?$/.test(name) ||
        /^extension\/(test|client|server|scripts|bench|examples|out|\.cache)\//.test(name) ||
        name.includes('node_modules/') ||
        /^extension\/(tsconfig\.json|esbuild\.mjs|package-lock\.json|\.vscodeignore|\.gitignore)$/.test(name),
    );
    assert.deepEqual(unwanted, []);
  });

  test('is smaller than 3 MB', () => {
    const size = statSync(vsixPath).size;
    assert.ok(size < 3 * 1024 * 1024, `${(size / 1024 / 1024).toFixed(2)} MB`);
  });

  test('the client bundle needs only Node built-ins and vscode', () => {
    // The server and CLI bundles are run below instead: their text holds code templates
    // (ajv's) that mention require() without ever calling it.
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'vscode']);
    const code = zipRead(zip, zipEntries(zip).find((e) => e.name === 'extension/dist/client.js')!).toString('utf8');
    const required = new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
    assert.ok(required.has('vscode'), 'the client uses the vscode API');
    assert.deepEqual([...required].filter((name) => !builtins.has(name)), []);
  });

  test('the shipped CLI runs on its own, away from node_modules', () => {
    const letter = path.join(tempDir, 'letter.md');
    writeFileSync(letter, refusalWithoutRights);
    const result = spawnSync(process.execPath, [path.join(unpackedDir, 'extension/dist/cli.js'), '--format', 'json', letter], {
      cwd: tempDir,
      encoding: 'utf8',
    });
    assert.equal(result.error, undefined);
    let report: unknown;
    assert.doesNotThrow(() => (report = JSON.parse(result.stdout)), `JSON output:\n${result.stdout}\n${result.stderr}`);
    const rules: string[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'rule' && typeof inner === 'string') rules.push(inner);
          else collect(inner);
        }
      }
    };
    collect(report);
    assert.ok(rules.includes('rights-missing'), `rights-missing reported: ${rules.join(', ')}\n${result.stderr}`);
    assert.notEqual(result.status, 0, 'problems found give a non-zero exit code');
  });

  test('the shipped language server runs on its own and reports a missing rights section', async () => {
    const uri = 'file:///tmp/foi-package-test/letter.md';
    const received = await lspSession(
      path.join(unpackedDir, 'extension/dist/server.js'),
      [
        { id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } },
        { method: 'initialized', params: {} },
        { method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text: refusalWithoutRights } } },
      ],
      (messages) =>
        messages.some((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.diagnostics.length > 0),
    );
    const init = received.find((m) => m.id === 1);
    assert.ok(init?.result?.capabilities, 'initialize answered with capabilities');
    const published = received.find((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
    const codes = published.params.diagnostics.map((d: { code?: unknown }) => d.code);
    assert.ok(codes.includes('rights-missing'), `codes: ${codes.join(', ')}`);
    assert.ok(published.params.diagnostics.every((d: { source?: string }) => d.source === 'foi'));
  });
});
