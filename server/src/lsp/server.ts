// Language server wiring: documents, settings, scheduling and the request handlers.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type LintResult } from '../engine/lint';
import type { FoiSettings } from '../engine/config/settings';
import { checklistFor } from './checklist';
import { codeActionsFor, FIX_ALL_KIND } from './codeActions';
import { completionsAt } from './completion';
import { toDiagnostics } from './diagnostics';
import { hoverAt } from './hover';
import { resolveSettings, type ResolvedDocumentSettings } from './settingsSource';
import { documentSymbols, foldingRanges } from './symbols';

export const CHECKLIST_REQUEST = 'foi/checklist';
export const DOCUMENT_TEXT_REQUEST = 'foi/documentText';
export const DEBOUNCE_MS = 200;

/** Rule docs shipped beside the bundle: dist/server.js → docs/rules/. */
export function defaultDocsBaseUrl(): string {
  return pathToFileURL(path.join(__dirname, '..', 'docs', 'rules')).href + '/';
}

interface Cached {
  version: number;
  result: LintResult;
  settings: FoiSettings;
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new Map<string, Cached>();
  const settingsCache = new Map<string, Promise<ResolvedDocumentSettings>>();
  const timers = new Map<string, NodeJS.Timeout>();
  const published = new Map<string, number>();
  let pullsConfiguration = false;
  const docsBaseUrl = defaultDocsBaseUrl();

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
      serverInfo: { name: 'foi-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (pullsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
  });

  function settingsFor(uri: string): Promise<ResolvedDocumentSettings> {
    let pending = settingsCache.get(uri);
    if (!pending) {
      const editor: Promise<unknown> = pullsConfiguration
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'foi' }).catch(() => undefined)
        : Promise.resolve(undefined);
      pending = editor.then((value) => resolveSettings(uri, value as never));
      settingsCache.set(uri, pending);
    }
    return pending;
  }

  function lintNow(document: TextDocument, settings: FoiSettings): LintResult {
    const cached = cache.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached.result;
    const result = lint(document.getText(), { settings, docsBaseUrl });
    cache.set(document.uri, { version: document.version, result, settings });
    return result;
  }

  async function validate(document: TextDocument): Promise<void> {
    const version = document.version;
    const resolved = await settingsFor(document.uri);
    const current = documents.get(document.uri);
    // Drop stale work: the document changed or closed while settings were fetched.
    if (!current || current.version !== version) return;
    if (!resolved.settings.enable) {
      void connection.sendDiagnostics({ uri: document.uri, version, diagnostics: [] });
      return;
    }
    let result: LintResult;
    try {
      result = lintNow(current, resolved.settings);
    } catch (error) {
      connection.console.error(`foi: linting ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return;
    }
    const diagnostics = toDiagnostics(result.findings, document.uri, result.model.lines);
    for (const problem of resolved.problems) {
      diagnostics.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 2, source: 'foi', code: 'config-invalid', message: problem });
    }
    if ((published.get(document.uri) ?? -1) > version) return;
    published.set(document.uri, version);
    void connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
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

  documents.onDidOpen(({ document }) => schedule(document, 0));
  documents.onDidChangeContent(async ({ document }) => {
    const { settings } = await settingsFor(document.uri);
    if (settings.run === 'onType') schedule(document, DEBOUNCE_MS);
  });
  documents.onDidSave(({ document }) => schedule(document, 0));
  documents.onDidClose(({ document }) => {
    const timer = timers.get(document.uri);
    if (timer) clearTimeout(timer);
    timers.delete(document.uri);
    cache.delete(document.uri);
    settingsCache.delete(document.uri);
    published.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    cache.clear();
    for (const document of documents.all()) schedule(document, 0);
  });
  connection.onDidChangeWatchedFiles(() => {
    settingsCache.clear();
    cache.clear();
    for (const document of documents.all()) schedule(document, 0);
  });

  async function withResult<T>(uri: string, fallback: T, use: (result: LintResult, document: TextDocument, settings: FoiSettings) => T): Promise<T> {
    const document = documents.get(uri);
    if (!document) return fallback;
    try {
      const { settings } = await settingsFor(uri);
      if (!settings.enable) return fallback;
      return use(lintNow(document, settings), document, settings);
    } catch (error) {
      connection.console.error(`foi: request on ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return fallback;
    }
  }

  connection.onHover((params) => withResult(params.textDocument.uri, null, (result, _doc, settings) => hoverAt(result, result.model.lines.offsetAt(params.position), settings)));
  connection.onCompletion((params) => withResult(params.textDocument.uri, [], (result) => completionsAt(result, params.position)));
  connection.onCodeAction((params) => withResult(params.textDocument.uri, [], (result, document) => codeActionsFor(document, result, params.context.diagnostics, params.context.only)));
  connection.onDocumentSymbol((params) => withResult(params.textDocument.uri, [], (result) => documentSymbols(result)));
  connection.onFoldingRanges((params) => withResult(params.textDocument.uri, [], (result) => foldingRanges(result)));
  // The text the server holds for a document, so tests can check incremental sync.
  connection.onRequest(DOCUMENT_TEXT_REQUEST, (params: { uri: string }) => documents.get(params.uri)?.getText() ?? null);
  connection.onRequest(CHECKLIST_REQUEST, (params: { uri: string }) => withResult(params.uri, null, (result) => checklistFor(result)));

  documents.listen(connection);
  connection.listen();
}
