// Browser end-to-end scenarios for "honest recovery": the language server is killed, hung
// (SIGSTOP) or killed until the client gives up, and the status bar must say what is happening,
// never "no problems" while no server has checked the letter. The server is found through /proc
// as the node process running the installed extension's dist/server.js.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pidsRunning, processState, signal } from './lib/processes.mjs';
import { pollUntil } from './lib/workbench.mjs';
import { plan } from './scenarios.mjs';

const STATUS = 'FOI:';
const PROBLEM_COUNT = /^FOI: [1-9]\d* problems?$/;
const NO_PROBLEMS = /no problems/;
const RESTARTING = /^FOI: server restarting$/;
const STOPPED = /^FOI: server stopped — click to restart$/;
// The machine running these is loaded: restarts wait on back-off delays and a cold server.
const RECOVERY_TIMEOUT = 60_000;
const HANG_RECOVERY_TIMEOUT = 180_000;

/** The letter is open, the server has checked it: returns the status text (a problem count) and the server's pid. */
async function letterChecked({ wb, serverPath }) {
  await wb.openFile(plan.defectiveLetter);
  const status = await pollUntil(() => wb.statusBarText(STATUS), (text) => PROBLEM_COUNT.test(text), {
    timeout: RECOVERY_TIMEOUT,
    describe: (text) => `status bar ${JSON.stringify(text)} (want a problem count)`,
  });
  const [pid] = await pollUntil(() => pidsRunning(serverPath), (pids) => pids.length === 1, {
    timeout: RECOVERY_TIMEOUT,
    describe: (pids) => `language server pids ${JSON.stringify(pids)} (want exactly one)`,
  });
  return { status, pid };
}

/** Waits until a server other than `oldPids` runs and the status bar shows `status` again; returns the new pid. */
async function recovered({ wb, serverPath }, oldPids, status, timeout = RECOVERY_TIMEOUT) {
  // The new process first: a hung server leaves the old count in the status bar until it is replaced.
  const [pid] = await pollUntil(() => pidsRunning(serverPath), (pids) => pids.length === 1 && !oldPids.includes(pids[0]), {
    timeout,
    describe: (pids) => `language server pids ${JSON.stringify(pids)} (want one new, not ${oldPids})`,
  });
  await pollUntil(() => wb.statusBarText(STATUS), (text) => text === status, {
    timeout: RECOVERY_TIMEOUT,
    describe: (text) => `status bar ${JSON.stringify(text)} (want ${JSON.stringify(status)} back)`,
  });
  return pid;
}

function assertNeverNoProblems(seen) {
  assert.ok(!seen.some((text) => NO_PROBLEMS.test(text)), `the status bar never says "no problems" while the server is down; it showed ${JSON.stringify(seen)}`);
}

/** The extension's output channel as code-server logs it (user-data/logs/<session>/…/<n>-FOI Response Linter.log). */
function outputChannelLog(userDataDir) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('FOI Response Linter.log')) files.push(full);
    }
  };
  walk(path.join(userDataDir, 'logs'));
  files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return files.length ? readFileSync(files[0], 'utf8') : '';
}

let stoppedPid;

/** @type {{ name: string, timeout?: number, run: (ctx: import('./run.mjs').ScenarioContext) => Promise<void>, after?: (ctx: import('./run.mjs').ScenarioContext) => Promise<void> }[]} */
export const recoveryScenarios = [
  {
    // kill -9: the status bar says the server is restarting (not "no problems"), then shows the count again.
    name: 'server-crash',
    timeout: 120_000,
    async run(ctx) {
      const { wb, serverPath } = ctx;
      const { status, pid } = await letterChecked(ctx);
      const recording = await wb.recordStatusBar(STATUS);
      assert.ok(signal(pid, 'SIGKILL'), `killed the language server (pid ${pid})`);
      await pollUntil(() => recording.seen(), (seen) => seen.some((text) => RESTARTING.test(text)), {
        timeout: RECOVERY_TIMEOUT,
        describe: (seen) => `status bar texts since the kill ${JSON.stringify(seen)} (want "FOI: server restarting")`,
      });
      await recovered(ctx, [pid], status);
      const seen = await recording.stop();
      assertNeverNoProblems(seen);
      assert.deepEqual(pidsRunning(serverPath).includes(pid), false, 'the killed server is gone');
    },
  },
  {
    // SIGSTOP: the server neither exits nor answers; the watchdog (default: a ping every 10 s, 3 misses) kills and restarts it.
    name: 'server-hang',
    timeout: 240_000,
    async run(ctx) {
      const { wb, userDataDir } = ctx;
      assert.match(outputChannelLog(userDataDir), /Watchdog: checking that the FOI language server answers every 10 s/, 'the watchdog runs at its default interval');
      const { status, pid } = await letterChecked(ctx);
      const recording = await wb.recordStatusBar(STATUS);
      assert.ok(signal(pid, 'SIGSTOP'), `stopped the language server (pid ${pid})`);
      stoppedPid = pid;
      await pollUntil(() => processState(pid), (state) => state === 'T', { describe: (state) => `server state ${state} (want T, stopped)` });
      // Three missed pings take 30-40 s; a restart on a loaded machine more.
      const newPid = await recovered(ctx, [pid], status, HANG_RECOVERY_TIMEOUT);
      assert.equal(processState(pid), undefined, `the hung server (pid ${pid}) is gone (new server: pid ${newPid})`);
      stoppedPid = undefined;
      const seen = await recording.stop();
      assert.ok(seen.some((text) => RESTARTING.test(text)), `the status bar said "restarting": ${JSON.stringify(seen)}`);
      assertNeverNoProblems(seen);
      assert.match(outputChannelLog(userDataDir), /did not answer \d+ pings in a row/, 'the output channel says why the server was restarted');
    },
    async after({ wb }) {
      // If the watchdog did not act, leave no stopped server behind for the next scenarios.
      if (stoppedPid !== undefined) signal(stoppedPid, 'SIGKILL');
      stoppedPid = undefined;
      await wb.dismissOverlays();
    },
  },
  {
    // More than 5 crashes in 5 minutes: the client stops restarting, says so with a Restart button,
    // and the status bar shows the stopped state; Restart brings the server and the count back.
    name: 'server-gives-up',
    timeout: 240_000,
    async run(ctx) {
      const { wb, page, serverPath } = ctx;
      const { status } = await letterChecked(ctx);
      const recording = await wb.recordStatusBar(STATUS);
      const killed = [];
      // Each kill is a crash; earlier scenarios' crashes count too, so kill until the client stops.
      for (let crash = 1; crash <= 8; crash++) {
        const next = await pollUntil(
          async () => ({ pids: pidsRunning(serverPath).filter((pid) => !killed.includes(pid)), status: await wb.statusBarText(STATUS) }),
          (seen) => STOPPED.test(seen.status) || seen.pids.length > 0,
          { timeout: RECOVERY_TIMEOUT, describe: (seen) => `after ${killed.length} kills: ${JSON.stringify(seen)} (want a new server, or the stopped state)` },
        );
        if (STOPPED.test(next.status)) break;
        for (const pid of next.pids) if (signal(pid, 'SIGKILL')) killed.push(pid);
      }
      const stopped = await pollUntil(() => wb.statusBarText(STATUS), (text) => STOPPED.test(text), {
        timeout: RECOVERY_TIMEOUT,
        describe: (text) => `status bar ${JSON.stringify(text)} after ${killed.length} kills (want "FOI: server stopped — click to restart")`,
      });
      assert.ok(killed.length >= 2, `the client gave up only after repeated crashes (${killed.length} kills)`);
      assert.deepEqual(pidsRunning(serverPath), [], `no server runs once the client has given up (status "${stopped}")`);
      const toast = page.locator('.notifications-toasts .notification-toast', {
        has: page.locator('.monaco-button', { hasText: /^Restart$/ }),
      });
      await toast.first().waitFor({ timeout: RECOVERY_TIMEOUT });
      await toast.first().locator('.monaco-button', { hasText: /^Show output$/ }).waitFor();
      await toast.first().locator('.monaco-button', { hasText: /^Restart$/ }).click();
      await recovered(ctx, killed, status);
      assertNeverNoProblems(await recording.stop());
    },
  },
];
