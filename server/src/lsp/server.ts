// Language server wiring: documents, settings, scheduling and the request handlers.
// Each open letter keeps an incremental parse; checks run in short slices so new edits
// cancel stale work and requests are answered in between (docs/performance.md).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  CodeActionKind,
  type CancellationToken,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { IncrementalParser } from '../engine/incremental';
import { letterParser } from '../engine/model/letter';
import { lintSteps, type LintResult } from '../engine/lint';
import type { FoiSettings } from '../engine/config/settings';
import { checklistFor } from './checklist';
import { codeActionsFor, FIX_ALL_KIND } from './codeActions';
import { completionsAt } from './completion';
import { configProblemDiagnostic, toDiagnostics } from './diagnostics';
import { VERSION } from '../engine/version';
import { hoverAt } from './hover';
import { resolveSettings, type ResolvedDocumentSettings } from './settingsSource';
import { documentSymbols, foldingRanges } from './symbols';

export const CHECKLIST_REQUEST = 'foi/checklist';
/** The client's watchdog: only a server whose event loop runs answers it. */
export const PING_REQUEST = 'foi/ping';
export const DOCUMENT_TEXT_REQUEST = 'foi/documentText';
/** Sent after each publish when FOI_TIMING=1: how long the server worked on that version. */
export const TIMING_NOTIFICATION = '$/foi/timing';
export const DEFAULT_DEBOUNCE_MS = 200;
/** Pause after typing before checking; FOI_DEBOUNCE_MS overrides it (the benchmark sets 0). */
export const DEBOUNCE_MS = debounceFromEnvironment(process.env.FOI_DEBOUNCE_MS);
/** Longest stretch of checking before the server looks at new messages again. */
const SLICE_MS = 8;
/** How long to wait for the editor's settings before checking a letter without them. */
const CONFIGURATION_TIMEOUT_MS = 5_000;
const CONFIGURATION_UNANSWERED = Symbol('unanswered');

/** The position inside the letter (character clamped to its line), or undefined when it is outside. */
function positionIn(result: LintResult, position: Position): Position | undefined {
  const { lines } = result.model;
  const { line, character } = position ?? {};
  if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0 || line >= lines.lineCount) return undefined;
  return lines.positionAt(Math.min(lines.lineStart(line) + character, lines.lineEnd(line)));
}

function debounceFromEnvironment(value: string | undefined): number {
  const parsed = value === undefined || value.trim() === '' ? NaN : Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : DEFAULT_DEBOUNCE_MS;
}

/** Rule docs shipped beside the bundle: dist/server.js → docs/rules/. */
export function defaultDocsBaseUrl(): string {
  return pathToFileURL(path.join(__dirname, '..', 'docs', 'rules')).href + '/';
}

export interface Timing {
  uri: string;
  version: number;
  /** Time spent checking, without the waits between slices. */
  computeMs: number;
  /** The longest stretch of checking without a pause for other messages. */
  longestStepMs: number;
  /** From the start of the check to the publish, waits included. */
  wallMs: number;
  /** Characters parsed again (the rest was reused), parse windows, blocks reused. */
  parsedChars: number;
  windows: number;
  reusedBlocks: number;
  /** process.memoryUsage() in MB at the publish. */
  memoryMb: { rss: number; heapUsed: number; heapTotal: number; external: number };
}

interface Computed {
  version: number;
  settings: FoiSettings;
  result: LintResult;
  timing: Omit<Timing, 'uri' | 'wallMs' | 'memoryMb'>;
}

interface Job {
  version: number;
  settings: FoiSettings;
  cancelled: boolean;
  /** Requests waiting for this result: newer edits do not cancel it. */
  waiters: number;
  done: Promise<Computed | undefined>;
}

/** Per open letter: its incremental parse, the last result and the check in progress. */
interface LetterState {
  parser: IncrementalParser;
  computed?: Computed;
  job?: Job;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * V8's full collection, used once the server goes idle after heavy parsing: parse trees are
 * short-lived but large, and V8 keeps the memory they took until a full collection.
 */
function fullCollector(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}
/** Characters parsed since the last full collection that make one worthwhile. */
const COLLECT_AFTER_CHARS = 2_000_000;
const IDLE_MS = 1_000;

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  const letters = new Map<string, LetterState>();
  const settingsCache = new Map<string, Promise<ResolvedDocumentSettings>>();
  const timers = new Map<string, NodeJS.Timeout>();
  const published = new Map<string, number>();
  const justOpened = new Set<string>();
  let pullsConfiguration = false;
  const docsBaseUrl = defaultDocsBaseUrl();
  const reportTiming = process.env.FOI_TIMING === '1';
  const collect = fullCollector();
  let parsedSinceCollect = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  function collectWhenIdle(parsed: number): void {
    parsedSinceCollect += parsed;
    if (!collect || parsedSinceCollect < COLLECT_AFTER_CHARS) return;
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimer = undefined;
      if ([...letters.values()].some((state) => state.job)) return collectWhenIdle(0);
      parsedSinceCollect = 0;
      collect();
    }, IDLE_MS);
    idleTimer.unref();
  }

  connection.onInitialize((params): InitializeResult => {
    pullsConfiguration = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '.', '(', ':'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
      },
      serverInfo: { name: 'foi-language-server', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (pullsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
  });

  /** The editor's `foi` settings; a client that never answers must not leave the letter unchecked. */
  function editorSettingsFor(uri: string): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const unanswered = new Promise<typeof CONFIGURATION_UNANSWERED>((resolve) => (timer = setTimeout(() => resolve(CONFIGURATION_UNANSWERED), CONFIGURATION_TIMEOUT_MS)));
    const answered = connection.workspace.getConfiguration({ scopeUri: uri, section: 'foi' }).catch(() => undefined);
    return Promise.race([answered, unanswered]).then((value) => {
      clearTimeout(timer);
      if (value === CONFIGURATION_UNANSWERED) connection.console.warn(`foi: workspace/configuration for ${uri} got no answer in ${CONFIGURATION_TIMEOUT_MS} ms; using defaults`);
      return value;
    });
  }

  function settingsFor(uri: string): Promise<ResolvedDocumentSettings> {
    let pending = settingsCache.get(uri);
    if (!pending) {
      const editor: Promise<unknown> = pullsConfiguration ? editorSettingsFor(uri) : Promise.resolve(undefined);
      pending = editor.then((value) => {
        if (value !== CONFIGURATION_UNANSWERED) return resolveSettings(uri, value as never);
        // Not cached: the next check asks again.
        if (settingsCache.get(uri) === pending) settingsCache.delete(uri);
        const resolved = resolveSettings(uri, undefined);
        return { ...resolved, problems: [...resolved.problems, `The editor did not send the foi settings within ${CONFIGURATION_TIMEOUT_MS / 1000} s; this letter was checked with the .foi.jsonc files and the defaults.`] };
      });
      settingsCache.set(uri, pending);
    }
    return pending;
  }

  function letterState(uri: string): LetterState {
    let state = letters.get(uri);
    if (!state) {
      state = { parser: letterParser() };
      letters.set(uri, state);
    }
    return state;
  }

  /** Stale work stops at its next slice (the parse windows it finished are kept), unless a request waits for it. */
  function cancelJob(uri: string, evenIfAwaited = false): void {
    const job = letters.get(uri)?.job;
    if (job && (evenIfAwaited || job.waiters === 0)) job.cancelled = true;
  }

  /**
   * The result for the document's current version: cached, the check already running, or a
   * new one. Checks run in slices of about SLICE_MS, so other messages (hover, new edits) are
   * handled in between. Resolves to undefined when the check was cancelled by a newer version.
   */
  function computeFor(document: TextDocument, settings: FoiSettings, forRequest = false): Promise<Computed | undefined> {
    const state = letterState(document.uri);
    const { version } = document;
    if (state.computed && state.computed.version === version && state.computed.settings === settings) return Promise.resolve(state.computed);
    if (state.job && !state.job.cancelled && state.job.version === version && state.job.settings === settings) {
      if (forRequest) state.job.waiters++;
      return state.job.done;
    }
    const previous = state.job;
    if (previous && previous.waiters === 0) previous.cancelled = true;
    const text = document.getText();
    const job: Job = { version, settings, cancelled: false, waiters: forRequest ? 1 : 0, done: Promise.resolve(undefined) };
    const isStale = () =>
      job.cancelled || letters.get(document.uri) !== state || (job.waiters === 0 && documents.get(document.uri)?.version !== version);
    job.done = (async (): Promise<Computed | undefined> => {
      // One check at a time per letter: they share its parser.
      if (previous) await previous.done.catch(() => undefined);
      if (isStale()) return undefined;
      const steps = lintSteps(text, { settings, docsBaseUrl }, state.parser);
      let computeMs = 0;
      let longestStepMs = 0;
      let sliceStart = performance.now();
      let stepStart = sliceStart;
      let step = steps.next();
      while (!step.done) {
        const now = performance.now();
        longestStepMs = Math.max(longestStepMs, now - stepStart);
        stepStart = now;
        if (now - sliceStart >= SLICE_MS) {
          computeMs += performance.now() - sliceStart;
          await nextTurn();
          if (isStale()) {
            steps.return(undefined as never);
            return undefined;
          }
          sliceStart = stepStart = performance.now();
        }
        step = steps.next();
      }
      longestStepMs = Math.max(longestStepMs, performance.now() - stepStart);
      computeMs += performance.now() - sliceStart;
      const stats = state.parser.lastStats;
      const computed: Computed = {
        version,
        settings,
        result: step.value,
        timing: { version, computeMs, longestStepMs, parsedChars: stats.parsed, windows: stats.windows, reusedBlocks: stats.reused },
      };
      if (letters.get(document.uri) === state) state.computed = computed;
      collectWhenIdle(stats.parsed);
      return computed;
    })();
    state.job = job;
    void job.done.catch(() => undefined).then(() => {
      if (state.job === job) state.job = undefined;
    });
    return job.done;
  }

  async function validate(document: TextDocument): Promise<void> {
    const started = performance.now();
    const { uri, version } = document;
    const resolved = await settingsFor(uri);
    const isCurrent = () => documents.get(uri)?.version === version;
    // Drop stale work: the document changed or closed while settings were fetched.
    if (!isCurrent()) return;
    if (!resolved.settings.enable) {
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    let computed: Computed | undefined;
    try {
      computed = await computeFor(document, resolved.settings);
    } catch (error) {
      connection.console.error(`foi: linting ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return;
    }
    // Cancelled, or the letter changed meanwhile: the newer version publishes instead.
    if (!computed || !isCurrent()) return;
    const convertStart = performance.now();
    const { result } = computed;
    const diagnostics = toDiagnostics(result.findings, uri, result.model.lines);
    diagnostics.push(...resolved.problems.map(configProblemDiagnostic));
    if ((published.get(uri) ?? -1) > version) return;
    published.set(uri, version);
    void connection.sendDiagnostics({ uri, version, diagnostics });
    if (reportTiming) {
      const usage = process.memoryUsage();
      const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
      const timing: Timing = {
        uri,
        ...computed.timing,
        computeMs: computed.timing.computeMs + (performance.now() - convertStart),
        wallMs: performance.now() - started,
        memoryMb: { rss: mb(usage.rss), heapUsed: mb(usage.heapUsed), heapTotal: mb(usage.heapTotal), external: mb(usage.external) },
      };
      void connection.sendNotification(TIMING_NOTIFICATION, timing);
    }
  }

  function schedule(document: TextDocument, delay: number): void {
    const existing = timers.get(document.uri);
    if (existing) clearTimeout(existing);
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        void validate(document).catch((error) => connection.console.error(String(error)));
      }, delay),
    );
  }

  documents.onDidOpen(({ document }) => {
    // The open also fires onDidChangeContent; it is checked at once, without the typing pause.
    justOpened.add(document.uri);
    schedule(document, 0);
  });
  documents.onDidChangeContent(async ({ document }) => {
    if (justOpened.delete(document.uri)) return;
    cancelJob(document.uri);
    const { settings } = await settingsFor(document.uri);
    if (settings.run === 'onType') schedule(document, DEBOUNCE_MS);
  });
  documents.onDidSave(({ document }) => schedule(document, 0));
  documents.onDidClose(({ document }) => {
    const timer = timers.get(document.uri);
    if (timer) clearTimeout(timer);
    timers.delete(document.uri);
    cancelJob(document.uri, true);
    letters.delete(document.uri);
    justOpened.delete(document.uri);
    settingsCache.delete(document.uri);
    published.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  function settingsChanged(): void {
    settingsCache.clear();
    // The parse does not depend on settings: keep it, drop the results.
    for (const state of letters.values()) {
      state.computed = undefined;
      if (state.job) state.job.cancelled = true;
    }
    for (const document of documents.all()) schedule(document, 0);
  }
  connection.onDidChangeConfiguration(settingsChanged);
  connection.onDidChangeWatchedFiles(settingsChanged);

  /**
   * Runs a request on the result for the version the request was made against (edits that
   * arrive meanwhile do not cancel that check). With `exact` (code actions, whose edits must
   * match the text), a result is only used while it is still the current version.
   */
  async function withResult<T>(
    uri: string,
    fallback: T,
    token: CancellationToken | undefined,
    use: (result: LintResult, document: TextDocument, settings: FoiSettings) => T,
    exact = false,
  ): Promise<T> {
    try {
      for (let attempt = 0; attempt < 5; attempt++) {
        const document = documents.get(uri);
        if (!document || token?.isCancellationRequested) return fallback;
        const { settings } = await settingsFor(uri);
        if (!settings.enable) return fallback;
        const computed = await computeFor(document, settings, true);
        if (token?.isCancellationRequested) return fallback;
        if (computed && (!exact || documents.get(uri)?.version === computed.version)) return use(computed.result, document, settings);
      }
      return fallback;
    } catch (error) {
      connection.console.error(`foi: request on ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return fallback;
    }
  }

  // A position past the last line gets no answer; a character past the line's end means its end (LSP).
  connection.onHover((params, token) =>
    withResult(params.textDocument.uri, null, token, (result, _doc, settings) => {
      const position = positionIn(result, params.position);
      return position ? hoverAt(result, result.model.lines.offsetAt(position), settings) : null;
    }),
  );
  connection.onCompletion((params, token) =>
    withResult(params.textDocument.uri, [], token, (result) => {
      const position = positionIn(result, params.position);
      return position ? completionsAt(result, position) : [];
    }),
  );
  connection.onCodeAction((params, token) =>
    withResult(params.textDocument.uri, [], token, (result, document) => codeActionsFor(document, result, params.context.diagnostics, params.context.only), true),
  );
  connection.onDocumentSymbol((params, token) => withResult(params.textDocument.uri, [], token, (result) => documentSymbols(result)));
  connection.onFoldingRanges((params, token) => withResult(params.textDocument.uri, [], token, (result) => foldingRanges(result)));
  // The text the server holds for a document, so tests can check incremental sync.
  connection.onRequest(DOCUMENT_TEXT_REQUEST, (params: { uri: string }) => documents.get(params.uri)?.getText() ?? null);
  connection.onRequest(CHECKLIST_REQUEST, (params: { uri: string }, token) => withResult(params.uri, null, token, (result) => checklistFor(result)));
  connection.onRequest(PING_REQUEST, () => ({ ok: true }));

  documents.listen(connection);
  connection.listen();
}
