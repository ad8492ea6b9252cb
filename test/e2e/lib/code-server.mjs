// Starts and stops code-server (VS Code in the browser) for the browser tests and `npm run try`.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

/** Editor settings that keep the workbench quiet and predictable (no welcome page, no chat, no updates). */
export const quietUserSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.editor.enablePreview': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'editor.accessibilitySupport': 'off',
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off', // the tests save explicitly; this build autosaves by default
};

/** Chromium arguments from the recipe (../shared/recipes/vscode-in-browser.md). */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Environment for Chromium: its crash-report folder goes under stateDir, not ~/.config/chromium. */
export function browserEnv(stateDir) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(stateDir, 'browser-config'),
    XDG_CACHE_HOME: path.join(stateDir, 'browser-cache'),
  };
}

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Environment for code-server: the toolchain env, private config/data dirs, no VS Code IPC variables inherited. */
function codeServerEnv(toolchainEnv, stateDir) {
  const env = {};
  for (const [key, value] of Object.entries(toolchainEnv)) {
    // VSCODE_IPC_HOOK_CLI (set in VS Code terminals) would turn code-server into a client of that editor.
    if (key.startsWith('VSCODE_') || key === 'PORT' || key === 'PASSWORD' || key === 'HASHED_PASSWORD') continue;
    env[key] = value;
  }
  env.XDG_CONFIG_HOME = path.join(stateDir, 'xdg-config');
  env.XDG_DATA_HOME = path.join(stateDir, 'xdg-data');
  env.XDG_CACHE_HOME = path.join(stateDir, 'xdg-cache');
  return env;
}

function runToCompletion(command, args, env, logFile) {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(logFile, { flags: 'a' });
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        log.write(chunk);
      });
    }
    child.on('error', reject);
    child.on('exit', (code) => {
      log.end();
      if (code === 0) resolve(output);
      else reject(new Error(`${path.basename(args[0] ?? command)} exited with ${code}:\n${output.slice(-2000)}`));
    });
  });
}

/**
 * Prepares a code-server instance in stateDir (user data, extensions, config) and installs the .vsix.
 * Returns { install, start, stop, exited, userDataDir, extensionsDir, logFile }.
 */
export async function prepareCodeServer({ toolchain, stateDir, vsixPath, userSettings = quietUserSettings }) {
  const userDataDir = path.join(stateDir, 'user-data');
  const extensionsDir = path.join(stateDir, 'extensions');
  const configFile = path.join(stateDir, 'code-server.yaml');
  const logFile = path.join(stateDir, 'code-server.log');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(userSettings, null, 2)}\n`);
  // An explicit config file, so code-server never writes ~/.config/code-server/config.yaml.
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const env = codeServerEnv(toolchain.env, stateDir);
  const baseArgs = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  /** Installs a .vsix into this instance's extensions dir. */
  async function install(vsix) {
    const [command, installArgs] = toolchain.codeServerCommand([...baseArgs, '--install-extension', vsix]);
    const installOutput = await runToCompletion(command, installArgs, env, logFile);
    if (!/successfully installed/i.test(installOutput)) {
      throw new Error(`code-server did not confirm the install of ${path.basename(vsix)}:\n${installOutput}`);
    }
  }
  await install(vsixPath);

  let child;
  let exited;

  async function start({ folder, host = '127.0.0.1', port, readyTimeoutMs = 60_000, inheritOutput = false }) {
    const args = [
      ...baseArgs,
      '--auth', 'none',
      '--bind-addr', `${host}:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      folder,
    ];
    const [cmd, fullArgs] = toolchain.codeServerCommand(args);
    const log = createWriteStream(logFile, { flags: 'a' });
    // Own process group, so stop() also ends the extension host and other children.
    child = spawn(cmd, fullArgs, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        log.write(chunk);
        if (inheritOutput) process.stdout.write(chunk);
      });
    }
    const url = `http://${host}:${port}/`;
    const deadline = Date.now() + readyTimeoutMs;
    let early;
    exited.then((result) => (early = result));
    for (;;) {
      if (early) throw new Error(`code-server exited early (${early.signal ?? early.code}); see ${logFile}`);
      if ((await httpStatus(url)) === 302) return url;
      if (Date.now() > deadline) throw new Error(`code-server did not answer on ${url} within ${readyTimeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async function stop() {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const killGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    killGroup('SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), new Promise((r) => setTimeout(() => r(true), 5000))]);
    // Children (extension host, file watcher) can outlive the main process: end the whole group.
    killGroup('SIGKILL');
    if (timedOut) await exited;
  }

  /** Resolves with { code, signal } when the started code-server exits. */
  const whenExited = () => exited;

  return { install, start, stop, exited: whenExited, userDataDir, extensionsDir, logFile };
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', () => resolve(undefined));
    request.setTimeout(2000, () => {
      request.destroy();
      resolve(undefined);
    });
  });
}
