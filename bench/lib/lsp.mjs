// A minimal LSP client over stdio (raw JSON-RPC), as an editor would speak to the server.
import { spawn } from 'node:child_process';

export class LspClient {
  constructor(serverPath, env = {}) {
    this.spawnedAt = performance.now();
    this.process = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...env } });
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    this.stderr = '';
    this.configuration = {};
    this.process.stdout.on('data', (chunk) => this.onData(chunk));
    this.process.stderr.on('data', (chunk) => (this.stderr += chunk.toString()));
  }

  onData(chunk) {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body), performance.now());
    }
  }

  dispatch(message, at) {
    if (message.method && message.id !== undefined) {
      const result = message.method === 'workspace/configuration' ? message.params.items.map(() => this.configuration) : null;
      this.write({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    if (message.method) {
      for (const listener of [...this.listeners]) listener(message, at);
      return;
    }
    const waiter = this.pending.get(message.id);
    if (waiter) {
      this.pending.delete(message.id);
      waiter(message, at);
    }
  }

  write(message) {
    const text = JSON.stringify(message);
    this.process.stdin.write(`Content-Length: ${Buffer.byteLength(text, 'utf8')}\r\n\r\n${text}`);
  }

  /** Resolves to { result, ms } where ms is the round trip. */
  request(method, params, timeoutMs = 120_000) {
    const id = this.nextId++;
    const sent = performance.now();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method} timed out; stderr: ${this.stderr}`)), timeoutMs);
      this.pending.set(id, (m, at) => {
        clearTimeout(timer);
        if (m.error) reject(new Error(`${method}: ${m.error.message}`));
        else resolve({ result: m.result, ms: at - sent });
      });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Calls `listener(params, at)` for every notification `method`; returns a function that stops it. */
  on(method, listener) {
    const wrapped = (m, at) => m.method === method && listener(m.params, at);
    this.listeners.push(wrapped);
    return () => this.listeners.splice(this.listeners.indexOf(wrapped), 1);
  }

  waitFor(method, predicate = () => true, timeoutMs = 120_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no ${method} within ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
      const off = this.on(method, (params, at) => {
        if (!predicate(params)) return;
        clearTimeout(timer);
        off();
        resolve({ params, at });
      });
    });
  }

  async initialize() {
    await this.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    this.notify('initialized', {});
  }

  open(uri, text, version = 1) {
    const published = this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    return published;
  }

  /** VmRSS and VmHWM of the server process, in MB. */
  memory() {
    return readMemory(this.process.pid);
  }

  async shutdown() {
    try {
      await this.request('shutdown', null, 5000);
      this.notify('exit', null);
    } catch {
      this.process.kill();
    }
    if (this.process.exitCode === null) await new Promise((resolve) => this.process.once('exit', resolve));
  }
}

import * as fs from 'node:fs';
export function readMemory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}
