// The language server's processes, found through /proc (Linux), for the recovery scenarios.
import { readdirSync, readFileSync } from 'node:fs';

/** The process's state letter from /proc/PID/stat (R running, S sleeping, T stopped, Z zombie), or undefined when gone. */
export function processState(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

/** Pids of live (not zombie) processes whose command line runs `modulePath`, e.g. the installed dist/server.js. */
export function pidsRunning(modulePath) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args;
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // exited meanwhile
    }
    const state = processState(entry);
    if (args.includes(modulePath) && state && state !== 'Z') pids.push(Number(entry));
  }
  return pids;
}

/** Sends a signal; false when the process is already gone. */
export function signal(pid, name) {
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false;
  }
}
