// The language server's health, as the status bar tells it: starting, running, restarting after a
// crash, or stopped. A crashed server restarts with growing delays (RestartWithBackoff); one that
// stops answering is found by the Watchdog and killed, which restarts it the same way.
import { once } from 'node:events';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, State, type ErrorHandler, type LanguageClient } from 'vscode-languageclient/node';

export const PING_REQUEST = 'foi/ping';
export const RESTART_COMMAND = 'foi.restartServer';
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 5 * 60_000;
const STOP_TIMEOUT_MS = 5_000;

export type Phase = 'starting' | 'running' | 'restarting' | 'stopped';

/** Restarts a crashed server with growing delays; after more than 5 crashes in 5 minutes, gives up and says so. */
class RestartWithBackoff implements ErrorHandler {
  private crashes: number[] = [];
  private warned = false;
  private timer: NodeJS.Timeout | undefined;
  /** From a crash until the server runs again. */
  recovering = false;

  constructor(
    private readonly restart: () => void,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  get restartScheduled(): boolean {
    return this.timer !== undefined;
  }

  error(): { action: ErrorAction } {
    return { action: ErrorAction.Continue };
  }

  closed(): { action: CloseAction; handled: boolean } {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
    if (this.crashes.length > MAX_CRASHES) {
      this.recovering = false;
      this.output.error(`The FOI language server crashed more than ${MAX_CRASHES} times in 5 minutes; not restarting it.`);
      void vscode.window
        .showErrorMessage('The FOI language server keeps crashing and has been stopped. Letters are not being checked.', 'Restart', 'Show output')
        .then((choice) => {
          if (choice === 'Restart') void vscode.commands.executeCommand(RESTART_COMMAND);
          if (choice === 'Show output') this.output.show(true);
        });
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    if (!this.warned) {
      this.warned = true;
      void vscode.window.showWarningMessage('The FOI language server stopped unexpectedly and is restarting. Details are in the "FOI Response Linter" output.', 'Show output').then((choice) => {
        if (choice) this.output.show(true);
      });
    }
    const delay = Math.min(30_000, 500 * 2 ** (this.crashes.length - 1));
    this.output.warn(`The FOI language server stopped; restarting in ${delay} ms.`);
    this.recovering = true;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.restart();
    }, delay);
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  /** Forgets past crashes and cancels a scheduled restart. */
  reset(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.crashes = [];
    this.recovering = false;
  }
}

/** What the client knows about the server: its phase, and which documents it has checked since it started. */
export class ServerHealth implements vscode.Disposable {
  readonly errorHandler: RestartWithBackoff;
  private client: LanguageClient | undefined;
  private restartingByHand = false;
  private readonly published = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  constructor(private readonly output: vscode.LogOutputChannel) {
    this.errorHandler = new RestartWithBackoff(() => void this.start(), output);
  }

  /** Follows the client's state (it is created with `errorHandler`, so after this object). */
  attach(client: LanguageClient): void {
    this.client = client;
    this.subscriptions.push(
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Running) this.errorHandler.recovering = false;
        else this.published.clear();
        this.changed.fire();
      }),
    );
  }

  get phase(): Phase {
    switch (this.client?.state) {
      case State.Running:
        return 'running';
      case State.Starting:
        return this.errorHandler.recovering ? 'restarting' : 'starting';
      default:
        if (this.errorHandler.restartScheduled) return 'restarting';
        return this.restartingByHand ? 'starting' : 'stopped';
    }
  }

  /** Called for each diagnostics notification from the server. */
  markPublished(uri: vscode.Uri): void {
    this.published.add(uri.toString());
  }

  /** The document's FOI problem count, or undefined while the running server has not checked it. */
  problemsIn(document: vscode.TextDocument): number | undefined {
    if (this.phase !== 'running' || !this.published.has(document.uri.toString())) return undefined;
    return vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'foi').length;
  }

  /** "FOI: Restart language server": forgets past crashes, stops the server (killing it if it does not stop) and starts it. */
  async restart(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.output.info('Restarting the FOI language server.');
    this.errorHandler.reset();
    this.restartingByHand = true;
    this.changed.fire();
    try {
      if (client.state === State.Running) await stopOrKill(client);
      await client.start();
    } catch (error) {
      this.output.error(`Restarting the FOI language server failed: ${String(error)}`);
    } finally {
      this.restartingByHand = false;
      this.changed.fire();
    }
  }

  /** Kills a server that has stopped answering; its connection closes and RestartWithBackoff restarts it. */
  killHungServer(missedPings: number): void {
    const server = this.client?.serverProcess;
    this.output.error(`The FOI language server did not answer ${missedPings} pings in a row; killing it (pid ${server?.pid}) to restart it.`);
    server?.kill('SIGKILL');
  }

  private async start(): Promise<void> {
    try {
      await this.client?.start();
    } catch (error) {
      this.output.error(`Starting the FOI language server failed: ${String(error)}`);
    }
  }

  dispose(): void {
    this.errorHandler.reset();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/**
 * Stops the server; one that does not answer `shutdown` in time (hung, or SIGSTOPped) is killed.
 * Waits for the process to close, so its closing cannot be taken for a crash of the next server.
 */
async function stopOrKill(client: LanguageClient): Promise<void> {
  const server = client.serverProcess;
  try {
    await client.stop(STOP_TIMEOUT_MS);
  } catch {
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const closed = once(server, 'close');
    server.kill('SIGKILL');
    await closed;
  }
}

/** Pings the running server every `seconds`; when `maxMissed` pings in a row get no answer in time, calls `onHung`. */
export class Watchdog implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private missed = 0;
  private disposed = false;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly onHung: (missedPings: number) => void,
    private seconds: number,
    private readonly maxMissed = 3,
  ) {
    this.schedule();
  }

  /** A new interval; 0 turns the watchdog off. */
  configure(seconds: number): void {
    this.seconds = seconds;
    this.missed = 0;
    this.schedule();
  }

  private schedule(delayMs = this.seconds * 1000): void {
    clearTimeout(this.timer);
    this.timer = this.disposed || this.seconds <= 0 ? undefined : setTimeout(() => void this.check(), delayMs);
  }

  private async check(): Promise<void> {
    const client = this.client();
    const answered = client?.state !== State.Running || (await answersPing(client, this.seconds * 1000));
    // Only a server that is still running counts as hung (a restart meanwhile closes the ping).
    this.missed = answered || client?.state !== State.Running ? 0 : this.missed + 1;
    if (this.missed >= this.maxMissed) {
      this.missed = 0;
      this.onHung(this.maxMissed);
    }
    // After a miss the interval has already passed, waiting for the answer.
    this.schedule(this.missed > 0 ? 0 : undefined);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }
}

/** Whether the server answers `foi/ping` (with anything, even an error) within `timeoutMs`. */
async function answersPing(client: LanguageClient, timeoutMs: number): Promise<boolean> {
  const cancel = new vscode.CancellationTokenSource();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const answered = client.sendRequest(PING_REQUEST, undefined, cancel.token).then(
    () => true,
    () => true,
  );
  const result = await Promise.race([answered, timedOut]);
  clearTimeout(timer);
  if (!result) cancel.cancel();
  cancel.dispose();
  return result;
}

/** The status bar item's text, tooltip and click for a phase and a problem count (undefined: not checked yet). */
export function statusBarFor(phase: Phase, problems: number | undefined): { text: string; tooltip: string; command: string } {
  const showProblems = 'workbench.actions.view.problems';
  switch (phase) {
    case 'starting':
      return { text: '$(sync~spin) FOI: starting…', tooltip: 'The FOI language server is starting', command: showProblems };
    case 'restarting':
      return { text: '$(warning) FOI: server restarting', tooltip: 'The FOI language server stopped unexpectedly and is restarting', command: showProblems };
    case 'stopped':
      return { text: '$(error) FOI: server stopped — click to restart', tooltip: 'The FOI language server is not running: letters are not being checked', command: RESTART_COMMAND };
    case 'running':
      if (problems === undefined) return { text: '$(sync~spin) FOI: checking…', tooltip: 'The FOI language server is checking this letter', command: showProblems };
      return {
        text: problems === 0 ? '$(pass) FOI: no problems' : `$(warning) FOI: ${problems} problem${problems === 1 ? '' : 's'}`,
        tooltip: 'FOI response problems in this letter',
        command: showProblems,
      };
  }
}
