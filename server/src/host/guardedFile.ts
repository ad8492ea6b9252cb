// The one way the tool reads a file from disk (letters and `.foi.jsonc` alike): regular files
// only, opened without blocking, and never more than a cap. A named pipe, /dev/zero or a huge
// file planted in a workspace (a symlink survives git clone) must not hang or flood the tool.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigHost } from '../engine/config/configFile';

/** Settings files are small: anything larger is refused rather than read. */
export const MAX_CONFIG_BYTES = 256 * 1024;
/** No letter comes near this; a larger file is refused before it is read. */
export const MAX_LETTER_BYTES = 32 * 1024 * 1024;

export type GuardedRead = { ok: true; bytes: Buffer } | { ok: false; missing: boolean; reason: string };

const describeCap = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`);

function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read (permission denied)';
  return `cannot read (${code ?? String(error)})`;
}

/** Reads a regular file of at most `maxBytes`; anything else comes back with a one-line reason. */
export function readGuarded(file: string, maxBytes: number): GuardedRead {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT' || code === 'ENOTDIR', reason: code === 'ENOENT' ? 'no such file' : errorReason(error) };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, missing: false, reason: 'is a folder, not a file' };
    if (!stat.isFile()) return { ok: false, missing: false, reason: 'not a regular file' };
    const tooLarge = { ok: false, missing: false, reason: `larger than ${describeCap(maxBytes)}` } as const;
    if (stat.size > maxBytes) return tooLarge;
    // Read to the end, not to the stated size: /proc files say 0 bytes, and a file may grow meanwhile.
    let bytes = Buffer.alloc(Math.max(stat.size, 64 * 1024) + 1);
    let read = 0;
    for (;;) {
      if (read === bytes.length) bytes = Buffer.concat([bytes, Buffer.alloc(bytes.length)]);
      const n = fs.readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
      if (read > maxBytes) return tooLarge;
    }
    return { ok: true, bytes: bytes.subarray(0, read) };
  } catch (error) {
    return { ok: false, missing: false, reason: errorReason(error) };
  } finally {
    fs.closeSync(fd);
  }
}

/** `.foi.jsonc` files as the engine asks for them, through the guarded reader. */
export const nodeConfigHost: ConfigHost = {
  readFile(file) {
    const read = readGuarded(file, MAX_CONFIG_BYTES);
    if (read.ok) return read.bytes.toString('utf8');
    return read.missing ? undefined : { refused: read.reason };
  },
  dirname: path.dirname,
  join: path.join,
};
