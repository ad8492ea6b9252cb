// Extension-host tests: the real extension in a real VS Code, through the public vscode API.
// The workspace is a temp copy of test/vscode/fixtures/workspace/ (see ../run.mjs).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { expandSnippetBody } from '../../e2e/lib/snippets.mjs';

const EXTENSION_ID = 'foi-tools.foi-response-tools';
const LETTER = 'refusal-s31.md';

interface ChecklistPart {
  label: string;
  ok: boolean;
}
interface Checklist {
  regime: string;
  provisions: { label: string; title: string; status: string; parts: ChecklistPart[] }[];
  rights?: ChecklistPart;
}
/** What activate() returns (client/src/extension.ts). */
interface FoiApi {
  checklist(): Checklist | null;
}

async function waitFor<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)?.slice(0, 1000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

function letterUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, LETTER);
}

const foiDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'foi');
const codeOf = (diagnostic: vscode.Diagnostic) =>
  typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);

describe('FOI Response Linter in the extension host', () => {
  let extension: vscode.Extension<FoiApi>;
  let api: FoiApi;
  let letter: vscode.TextDocument;

  before(async () => {
    const found = vscode.extensions.getExtension<FoiApi>(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is installed`);
    extension = found;
    letter = await vscode.workspace.openTextDocument(letterUri());
    await vscode.window.showTextDocument(letter);
    api = await extension.activate();
  });

  it('activates on a Markdown letter and returns its API', () => {
    assert.equal(extension.isActive, true);
    assert.equal(typeof api.checklist, 'function');
  });

  it('publishes diagnostics with rule codes that link to the shipped rule pages', async () => {
    const diagnostics = await waitFor(
      () => foiDiagnostics(letter.uri),
      (list) => ['harm-missing', 'rights-missing'].every((code) => list.some((d) => codeOf(d) === code)),
      'harm-missing and rights-missing diagnostics',
    );
    for (const diagnostic of diagnostics) {
      assert.equal(typeof diagnostic.code, 'object', 'the code carries a documentation link');
      const { value, target } = diagnostic.code as { value: string | number; target: vscode.Uri };
      assert.ok(target.path.endsWith(`/docs/rules/${value}.md`), `${value} links to ${target.toString()}`);
      if (target.scheme === 'file') assert.ok(existsSync(target.fsPath), `${target.fsPath} exists`);
    }
    const harm = diagnostics.find((d) => codeOf(d) === 'harm-missing')!;
    assert.match(letter.getText(harm.range), /31\(1\)\(a\)/, 'harm-missing points at the citation');
  });

  it('inserts the missing rights section with its quick fix', async () => {
    const rights = await waitFor(
      () => foiDiagnostics(letter.uri).find((d) => codeOf(d) === 'rights-missing'),
      (found) => found !== undefined,
      'rights-missing diagnostic',
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      letter.uri,
      rights!.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((action) => /^Insert review and complaint rights/.test(action.title));
    assert.ok(fix?.edit, `an "Insert review and complaint rights" fix among: ${actions.map((a) => a.title).join(' | ')}`);
    const before = letter.getText();
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.ok(letter.getText().length > before.length, 'text was inserted');
    assert.match(letter.getText(), /^#{2,3} .*(review|complain)/im, 'a rights heading was inserted');
    await waitFor(
      () => foiDiagnostics(letter.uri).map(codeOf),
      (codes) => !codes.includes('rights-missing') && codes.includes('harm-missing'),
      'rights-missing to clear (harm-missing stays)',
    );
  });

  it('inserts a snippet by name with its default text', async () => {
    const snippetFile = path.join(extension.extensionPath, 'snippets', 'foi-blocks.code-snippets.json');
    const snippets = JSON.parse(readFileSync(snippetFile, 'utf8')) as Record<string, { prefix: string; body: string[] }>;
    const name = 'Neither confirm nor deny statement';
    assert.equal(snippets[name]?.prefix, 'foi-ncnd');
    const scratch = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(scratch);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
    const expected = expandSnippetBody(snippets[name].body);
    await waitFor(() => scratch.getText(), (text) => text === expected, 'the snippet text');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('fills the FOI checklist for the active letter', async () => {
    await vscode.window.showTextDocument(letter);
    await vscode.commands.executeCommand('foiChecklist.focus'); // the view exists in the Explorer
    await vscode.commands.executeCommand('foi.refreshChecklist');
    const checklist = await waitFor(
      () => api.checklist(),
      (value) => value !== null && value.provisions.some((p) => p.label.includes('31(1)(a)')),
      'a checklist with section 31(1)(a)',
    );
    assert.equal(checklist!.regime, 'FOIA');
    const s31 = checklist!.provisions.find((p) => p.label.includes('31(1)(a)'))!;
    assert.equal(s31.title, 'Law enforcement');
    assert.equal(s31.status, 'qualified');
    const harm = s31.parts.find((part) => part.label === 'Harm argument');
    assert.equal(harm?.ok, false, 'the harm argument is missing');
    assert.ok(s31.parts.some((part) => part.label === 'Factors in favour of disclosure' && part.ok));
  });
});
