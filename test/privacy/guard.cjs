// Preload (node -r test/privacy/guard.cjs ...): every network, DNS, child-process and
// file-writing API is wrapped to record the call in the file named by FOI_GUARD_LOG and
// then fail it. The guard writes its own log with the original fs functions, before wrapping.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const log = process.env.FOI_GUARD_LOG;
if (!log) throw new Error('guard.cjs: set FOI_GUARD_LOG to the log file path');
// Captured before wrapping; fs.appendFileSync itself calls the (wrapped) fs.writeFileSync.
const rawOpenSync = fs.openSync;
const rawWriteSync = fs.writeSync;
const rawCloseSync = fs.closeSync;
function appendFileSync(file, text) {
  const fd = rawOpenSync(file, 'a');
  try {
    rawWriteSync(fd, text);
  } finally {
    rawCloseSync(fd);
  }
}
const { isMainThread } = require('node:worker_threads');

appendFileSync(`${log}.loaded`, `${process.pid} ${isMainThread ? 'main' : 'worker'} ${process.argv.slice(1).join(' ')}\n`);

function record(api, args) {
  let detail = '';
  try {
    detail = JSON.stringify(args.map((a) => (typeof a === 'function' ? '[function]' : a)), (_, v) => (typeof v === 'bigint' ? String(v) : v)).slice(0, 300);
  } catch {
    detail = '[unprintable arguments]';
  }
  const stack = (new Error().stack || '').split('\n').slice(3, 8).map((l) => l.trim()).join(' | ');
  appendFileSync(log, `${api} ${detail} :: ${stack}\n`);
}

function blocked(api) {
  return new Error(`blocked by the privacy guard: ${api}`);
}

/** Replaces owner[name] with a function that records and throws (or rejects, for promise APIs). */
function guard(owner, name, label, options = {}) {
  const original = owner && owner[name];
  if (typeof original !== 'function') return;
  const wrapped = function (...args) {
    if (options.allow && options.allow(args)) return original.apply(this, args);
    record(label, args);
    if (options.promise) return Promise.reject(blocked(label));
    throw blocked(label);
  };
  Object.defineProperty(owner, name, { value: wrapped, writable: true, configurable: true, enumerable: true });
}

// ---- network -------------------------------------------------------------------------
const net = require('node:net');
guard(net.Socket.prototype, 'connect', 'net.Socket.connect');
guard(net, 'connect', 'net.connect');
guard(net, 'createConnection', 'net.createConnection');
guard(net.Server.prototype, 'listen', 'net.Server.listen');
const tls = require('node:tls');
guard(tls, 'connect', 'tls.connect');
const dgram = require('node:dgram');
guard(dgram, 'createSocket', 'dgram.createSocket');
for (const moduleName of ['node:http', 'node:https']) {
  const m = require(moduleName);
  guard(m, 'request', `${moduleName}.request`);
  guard(m, 'get', `${moduleName}.get`);
}
const http2 = require('node:http2');
guard(http2, 'connect', 'http2.connect');
if (typeof globalThis.fetch === 'function') guard(globalThis, 'fetch', 'fetch', { promise: true });
if (typeof globalThis.WebSocket === 'function') guard(globalThis, 'WebSocket', 'WebSocket');

const dns = require('node:dns');
for (const name of Object.keys(dns)) {
  if (name === 'lookup' || name === 'lookupService' || name.startsWith('resolve') || name === 'reverse') guard(dns, name, `dns.${name}`);
}
for (const name of Object.keys(dns.promises)) {
  if (name === 'lookup' || name === 'lookupService' || name.startsWith('resolve') || name === 'reverse') guard(dns.promises, name, `dns.promises.${name}`, { promise: true });
}
guard(dns.Resolver.prototype, 'resolve', 'dns.Resolver.resolve');

// ---- other processes -----------------------------------------------------------------
const childProcess = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) guard(childProcess, name, `child_process.${name}`);

// ---- file writes ---------------------------------------------------------------------
const { O_WRONLY, O_RDWR, O_CREAT, O_APPEND, O_TRUNC } = fs.constants;
/** True for open flags that only read: 'r', 'rs', 'sr', or a number without write bits. */
function readOnly(flags) {
  if (flags === undefined || flags === null) return true;
  if (typeof flags === 'number') return (flags & (O_WRONLY | O_RDWR | O_CREAT | O_APPEND | O_TRUNC)) === 0;
  return /^(r|rs|sr)$/.test(String(flags));
}
const WRITERS = [
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream',
  'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync',
  'rename', 'renameSync', 'unlink', 'unlinkSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync',
  'truncate', 'truncateSync', 'ftruncate', 'ftruncateSync', 'symlink', 'symlinkSync', 'link', 'linkSync',
  'chmod', 'chmodSync', 'chown', 'chownSync', 'utimes', 'utimesSync', 'write', 'writeSync', 'writev', 'writevSync',
];
for (const name of WRITERS) {
  // fs.write/writeSync on fd 1 and 2 is how process.stdout/stderr reach a file or terminal: allowed.
  const allow = name.startsWith('write') && !name.startsWith('writeFile') ? (args) => args[0] === 1 || args[0] === 2 : undefined;
  guard(fs, name, `fs.${name}`, { allow });
}
guard(fs, 'open', 'fs.open (write)', { allow: (args) => readOnly(typeof args[1] === 'function' ? undefined : args[1]) });
guard(fs, 'openSync', 'fs.openSync (write)', { allow: (args) => readOnly(args[1]) });
const promises = fs.promises;
for (const name of ['writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rm', 'rmdir', 'rename', 'unlink', 'copyFile', 'cp', 'truncate', 'symlink', 'link', 'chmod', 'chown', 'utimes']) {
  guard(promises, name, `fs.promises.${name}`, { promise: true });
}
guard(promises, 'open', 'fs.promises.open (write)', { promise: true, allow: (args) => readOnly(args[1]) });

module.exports = { log, guardedLog: path.resolve(log) };
