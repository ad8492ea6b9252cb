// Thin client: starts the language server, adds commands, the checklist view and a status bar item.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ChecklistProvider, REVEAL_COMMAND } from './checklistView';
import { RESTART_COMMAND, ServerHealth, Watchdog, statusBarFor } from './serverHealth';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;

/** Seconds between the watchdog's pings (0: off). */
const watchdogSeconds = () => Math.max(0, vscode.workspace.getConfiguration('foi').get<number>('server.watchdogSeconds', 10));

function createClient(context: vscode.ExtensionContext, health: ServerHealth): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.foi.jsonc') },
    outputChannel: output,
    traceOutputChannel: output,
    errorHandler: health.errorHandler,
    middleware: {
      handleDiagnostics(uri, diagnostics, next) {
        health.markPublished(uri);
        next(uri, diagnostics);
      },
    },
  };
  return new LanguageClient('foi', 'FOI Response Linter', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext) {
  output = vscode.window.createOutputChannel('FOI Response Linter', { log: true });
  const health = new ServerHealth(output);
  client = createClient(context, health);
  health.attach(client);
  const watchdog = new Watchdog(() => client, (missed) => health.killHungServer(missed), 0);
  const configureWatchdog = () => {
    const seconds = watchdogSeconds();
    output.info(seconds > 0 ? `Watchdog: checking that the FOI language server answers every ${seconds} s.` : 'Watchdog: off.');
    watchdog.configure(seconds);
  };
  configureWatchdog();
  const checklist = new ChecklistProvider(() => client);
  const status = vscode.window.createStatusBarItem('foi.status', vscode.StatusBarAlignment.Left, 50);
  status.name = 'FOI Response Linter';

  const updateStatus = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      status.hide();
      return;
    }
    const shown = statusBarFor(health.phase, health.problemsIn(editor.document));
    status.text = shown.text;
    status.tooltip = shown.tooltip;
    status.command = shown.command;
    status.show();
  };
  const refresh = () => {
    updateStatus();
    void checklist.refresh(vscode.window.activeTextEditor);
  };

  const checklistView = vscode.window.createTreeView('foiChecklist', { treeDataProvider: checklist });
  // How the letter was read, next to the view title: "read as refusal notice".
  const describeLetter = () => {
    const current = checklist.current;
    checklistView.description = current ? `read as ${current.letterTypeLabel}` : undefined;
  };
  context.subscriptions.push(
    checklist.onDidChangeTreeData(describeLetter),
    output,
    health,
    watchdog,
    status,
    checklistView,
    checklistView.onDidChangeVisibility((event) => event.visible && refresh()),
    vscode.commands.registerCommand(RESTART_COMMAND, () => health.restart()),
    health.onDidChange(refresh),
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('foi.server.watchdogSeconds') && configureWatchdog()),
    vscode.commands.registerCommand('foi.showRuleDocs', async (url: string) => {
      const uri = vscode.Uri.parse(url);
      if (uri.scheme === 'file') await vscode.commands.executeCommand('markdown.showPreview', uri);
      else await vscode.env.openExternal(uri);
    }),
    vscode.commands.registerCommand(REVEAL_COMMAND, async (uri: vscode.Uri, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
      const editor = await vscode.window.showTextDocument(uri);
      const selection = new vscode.Selection(range.start.line, range.start.character, range.end.line, range.end.character);
      editor.selection = selection;
      editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    vscode.commands.registerCommand('foi.refreshChecklist', refresh),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.window.onDidChangeVisibleTextEditors(refresh),
    vscode.languages.onDidChangeDiagnostics(refresh),
    { dispose: () => void client?.stop() },
  );

  // A server that fails to start shows as stopped in the status bar, with a click to restart.
  await client.start().catch((error) => output.error(`Starting the FOI language server failed: ${String(error)}`));
  refresh();
  return { checklist: () => checklist.current, client: () => client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
