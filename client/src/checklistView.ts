// The "FOI checklist" tree view: each cited provision with its required parts ticked or crossed.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Checklist, ChecklistPart, ChecklistProvision } from '../../server/src/lsp/checklist';

export const CHECKLIST_REQUEST = 'foi/checklist';
export const REVEAL_COMMAND = 'foi.revealRange';

type Node = { kind: 'provision'; provision: ChecklistProvision } | { kind: 'part'; part: ChecklistPart } | { kind: 'message'; text: string };

export class ChecklistProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private checklist: Checklist | null = null;
  private uri: vscode.Uri | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  /** Latest checklist, for tests and the status bar. */
  get current(): Checklist | null {
    return this.checklist;
  }

  async refresh(active: vscode.TextEditor | undefined): Promise<void> {
    const client = this.client();
    // After a pop-up editor closes there may be no active editor for a moment: use the visible letter.
    const editor = active ?? vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'markdown');
    if (!editor || editor.document.languageId !== 'markdown' || !client) {
      this.checklist = null;
      this.uri = undefined;
    } else {
      this.uri = editor.document.uri;
      try {
        this.checklist = await client.sendRequest<Checklist | null>(CHECKLIST_REQUEST, { uri: editor.document.uri.toString() });
      } catch {
        this.checklist = null;
      }
    }
    this.changed.fire();
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'message') return new vscode.TreeItem(node.text);
    if (node.kind === 'provision') {
      const p = node.provision;
      const missing = p.parts.filter((part) => !part.ok).length;
      const item = new vscode.TreeItem(`${p.label} — ${p.title}`, p.parts.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.description = `${p.status}${p.ncnd ? ', NCND' : ''}${missing > 0 ? ` · ${missing} missing` : ''}`;
      item.iconPath = new vscode.ThemeIcon(missing > 0 ? 'error' : 'pass', new vscode.ThemeColor(missing > 0 ? 'problemsErrorIcon.foreground' : 'testing.iconPassed'));
      item.command = this.reveal(p.range);
      item.tooltip = `${p.label}: ${p.title} (${p.status}, ${p.test})`;
      return item;
    }
    const part = node.part;
    const children = part.parts?.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(`${part.ok ? '✓' : '✗'} ${part.label}`, children);
    // Where the part was taken from: the line and the text, so a wrong reading is plain to see.
    const line = `line ${part.range.start.line + 1}`;
    item.description = part.ok ? (part.evidence ? `${line}: ${part.evidence}` : 'present') : 'missing';
    item.tooltip = part.ok ? (part.evidence ? `${part.label}, taken from ${line}:\n“${part.evidence}”` : `${part.label}: present`) : `${part.label}: not found in this letter`;
    item.command = this.reveal(part.range);
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      if (!this.checklist) return [{ kind: 'message', text: 'Open a Markdown FOI response to see its checklist.' }];
      const nodes: Node[] = this.checklist.provisions.map((provision) => ({ kind: 'provision', provision }));
      if (this.checklist.rights) nodes.push({ kind: 'part', part: this.checklist.rights });
      if (nodes.length === 0) nodes.push({ kind: 'message', text: `No exemptions cited (${this.checklist.regime}).` });
      return nodes;
    }
    if (node.kind === 'provision') return node.provision.parts.map((part) => ({ kind: 'part', part }));
    if (node.kind === 'part') return (node.part.parts ?? []).map((part) => ({ kind: 'part', part }));
    return [];
  }

  private reveal(range: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Command | undefined {
    if (!this.uri) return undefined;
    return { title: 'Go to', command: REVEAL_COMMAND, arguments: [this.uri, range] };
  }
}
