// Thin client: starts the language server, adds commands, the checklist view and a status bar item.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ChecklistProvider, REVEAL_COMMAND } from './checklistView';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;

/** Restarts a crashed server with growing delays, and tells the user once. */
class RestartWithBackoff implements ErrorHandler {
  private crashes: number[] = [];
  private told = false;

  error(): { action: ErrorAction } {
    return { action: ErrorAction.Continue };
  }

  closed(): { action: CloseAction; handled?: boolean } {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < 5 * 60_000), now];
    if (!this.told) {
      this.told = true;
      void vscode.window.showWarningMessage('The FOI language server stopped unexpectedly and is restarting. Details are in the "FOI Response Linter" output.', 'Show output').then((choice) => {
        if (choice) output.show(true);
      });
    }
    if (this.crashes.length > 5) {
      output.appendLine('The FOI language server crashed more than 5 times in 5 minutes; not restarting. Use "FOI: Restart language server".');
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    const delay = Math.min(30_000, 500 * 2 ** (this.crashes.length - 1));
    output.appendLine(`The FOI language server stopped; restarting in ${delay} ms.`);
    setTimeout(() => void client?.start().catch((e) => output.appendLine(String(e))), delay);
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
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
    errorHandler: new RestartWithBackoff(),
  };
  return new LanguageClient('foi', 'FOI Response Linter', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext) {
  output = vscode.window.createOutputChannel('FOI Response Linter', { log: true });
  client = createClient(context);
  const checklist = new ChecklistProvider(() => client);
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  status.command = 'workbench.actions.view.problems';

  const updateStatus = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      status.hide();
      return;
    }
    const count = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'foi').length;
    status.text = count === 0 ? '$(pass) FOI: no problems' : `$(warning) FOI: ${count} problem${count === 1 ? '' : 's'}`;
    status.tooltip = 'FOI response problems in this letter';
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
    status,
    checklistView,
    checklistView.onDidChangeVisibility((event) => event.visible && refresh()),
    vscode.commands.registerCommand('foi.restartServer', async () => {
      output.appendLine('Restarting the FOI language server.');
      await client?.restart();
      refresh();
    }),
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

  await client.start();
  refresh();
  return { checklist: () => checklist.current, client: () => client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
