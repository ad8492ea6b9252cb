// A minimal LSP client over stdio: spawns dist/server.js and speaks raw JSON-RPC, as an editor would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';

export const SERVER = path.join(__dirname, '..', '..', 'dist', 'server.js');

export type Message = { jsonrpc: '2.0'; id?: number | string | null; method?: string; params?: unknown; result?: unknown; error?: { code: number; message: string } };

export class LspClient {
  readonly process: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: Message) => void }>();
  private readonly listeners: ((m: Message) => void)[] = [];
  private readonly rawListeners: ((m: Message) => void)[] = [];
  readonly notifications: Message[] = [];
  stderr = '';
  /** Answers the server's workspace/configuration requests. */
  configuration: unknown = {};
  /** Server requests left unanswered, as a stuck editor would. */
  unanswered = new Set<string>();

  /** `nodeArgs` go before the script (e.g. `-r` a preload); `args` after it. */
  constructor(args: string[] = ['--stdio'], nodeArgs: string[] = []) {
    this.process = spawn(process.execPath, [...nodeArgs, SERVER, ...args], { stdio: 'pipe' });
    this.process.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  /** Sees every message from the server, responses with unknown ids included. */
  onRawMessage(listener: (m: Message) => void): void {
    this.rawListeners.push(listener);
  }

  private dispatch(message: Message): void {
    for (const listener of this.rawListeners) listener(message);
    if (message.method && message.id !== undefined) {
      // A request from the server.
      if (this.unanswered.has(message.method)) return;
      const result = message.method === 'workspace/configuration' ? ((message.params as { items: unknown[] }).items.map(() => this.configuration)) : null;
      this.write({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    if (message.method) {
      this.notifications.push(message);
      for (const listener of [...this.listeners]) listener(message);
      return;
    }
    const waiter = this.pending.get(message.id as number);
    if (waiter) {
      this.pending.delete(message.id as number);
      waiter.resolve(message);
    }
  }

  writeRaw(text: string): void {
    this.process.stdin.write(`Content-Length: ${Buffer.byteLength(text, 'utf8')}\r\n\r\n${text}`);
  }

  write(message: Message): void {
    this.writeRaw(JSON.stringify(message));
  }

  request<T = unknown>(method: string, params: unknown, timeoutMs = 20_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method} timed out; stderr: ${this.stderr}`)), timeoutMs);
      this.pending.set(id, {
        resolve: (m) => {
          clearTimeout(timer);
          if (m.error) reject(new Error(`${method}: ${m.error.message}`));
          else resolve(m.result as T);
        },
      });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Waits for a notification matching `predicate` (including ones already received, if `fromStart`). */
  waitFor(method: string, predicate: (params: any) => boolean = () => true, timeoutMs = 20_000): Promise<any> {
    return new Promise((resolve, reject) => {
      const listener = (m: Message) => {
        if (m.method === method && predicate(m.params)) {
          clearTimeout(timer);
          this.listeners.splice(this.listeners.indexOf(listener), 1);
          resolve(m.params);
        }
      };
      const timer = setTimeout(() => {
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        reject(new Error(`no ${method} within ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
      this.listeners.push(listener);
    });
  }

  async initialize(capabilities: unknown = { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } }): Promise<any> {
    const result = await this.request('initialize', { processId: process.pid, rootUri: null, capabilities });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1): Promise<any> {
    const diagnostics = this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    return diagnostics;
  }

  async shutdown(): Promise<number | null> {
    try {
      await this.request('shutdown', null, 5000);
      this.notify('exit', null);
    } catch {
      this.process.kill();
    }
    return new Promise((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.once('exit', (code) => resolve(code));
    });
  }
}
