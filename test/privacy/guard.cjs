// Preloaded with `node -r`: records and refuses any network connection or file write.
// The log path comes from FOI_GUARD_LOG; the guard writes it with the original fs functions.
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const tls = require('node:tls');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const dgram = require('node:dgram');

const log = process.env.FOI_GUARD_LOG;
// Captured before patching: fs.appendFileSync itself goes through fs.writeFileSync.
const rawOpenSync = fs.openSync.bind(fs);
const rawWriteSync = fs.writeSync.bind(fs);
const rawCloseSync = fs.closeSync.bind(fs);
function appendFileSync(file, text) {
  const fd = rawOpenSync(file, 'a');
  try {
    rawWriteSync(fd, text);
  } finally {
    rawCloseSync(fd);
  }
}

function refuse(what) {
  return function guarded(...args) {
    const detail = typeof args[0] === 'string' || typeof args[0] === 'number' ? ` ${args[0]}` : '';
    if (log) appendFileSync(log, `${what}${detail}\n`);
    throw new Error(`blocked by privacy guard: ${what}`);
  };
}

net.Socket.prototype.connect = refuse('net.Socket.connect');
net.connect = net.createConnection = refuse('net.connect');
tls.connect = refuse('tls.connect');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dns[name] = refuse(`dns.${name}`);
http.request = http.get = refuse('http.request');
https.request = https.get = refuse('https.request');
dgram.createSocket = refuse('dgram.createSocket');
if (typeof globalThis.fetch === 'function') globalThis.fetch = refuse('fetch');

const writes = ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'mkdir', 'mkdirSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'rename', 'renameSync', 'unlink', 'unlinkSync', 'copyFile', 'copyFileSync', 'truncate', 'truncateSync'];
for (const name of writes) fs[name] = refuse(`fs.${name}`);
for (const name of ['writeFile', 'appendFile', 'mkdir', 'rm', 'rename', 'unlink', 'copyFile', 'truncate']) fs.promises[name] = refuse(`fs.promises.${name}`);
fs.openSync = function guardedOpenSync(file, flags, ...rest) {
  if (flags !== undefined && flags !== 'r' && flags !== 0) return refuse('fs.openSync for writing')(file);
  return rawOpenSync(file, flags, ...rest);
};
const open = fs.open.bind(fs);
fs.open = function guardedOpen(file, flags, ...rest) {
  if (typeof flags !== 'function' && flags !== undefined && flags !== 'r' && flags !== 0) return refuse('fs.open for writing')(file);
  return open(file, flags, ...rest);
};
