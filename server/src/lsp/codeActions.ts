import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../engine/lint';
import type { Finding, TextInsertion } from '../engine/types';
import { directiveComment } from '../engine/directives';
import { toDiagnostic, type DiagnosticData } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.foi`;
export const SHOW_DOCS_COMMAND = 'foi.showRuleDocs';

/** The finding a diagnostic was made from, by the id in its data; none for a diagnostic from an older text. */
function findingOf(diagnostic: Diagnostic, result: LintResult): Finding | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return typeof data?.findingId === 'string' ? result.findings.find((finding) => finding.id === data.findingId) : undefined;
}

function insertionEdit(document: TextDocument, insertion: TextInsertion): TextEdit {
  const start = document.positionAt(insertion.offset);
  const end = document.positionAt(insertion.offset + (insertion.replaceLength ?? 0));
  return { range: { start, end }, newText: insertion.text };
}

function lineBreak(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * `<!-- foi-disable-next-line rule -->` on its own line above the finding, keeping the
 * line's indentation. Inside front matter it goes in a YAML comment so the YAML stays valid;
 * on the opening "---" line there is no line above to use.
 */
function disableLineEdit(document: TextDocument, result: LintResult, finding: Finding, ruleName: string): TextEdit | undefined {
  const line = finding.range.start.line;
  const lineText = document.getText({ start: { line, character: 0 }, end: { line, character: 10_000 } });
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const offset = document.offsetAt(finding.range.start);
  const frontMatter = result.model.frontMatter?.span ?? result.model.unclosedFrontMatter;
  const inFrontMatter = frontMatter !== undefined && offset >= frontMatter.start && offset <= frontMatter.end;
  if (inFrontMatter && line === document.positionAt(frontMatter.start).line) return undefined;
  const directive = directiveComment('disable-next-line', ruleName);
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indent}${inFrontMatter ? `# ${directive}` : directive}${lineBreak(document.getText())}`,
  };
}

/** `<!-- foi-disable-file rule -->` after the front matter (or at the top). */
function disableFileEdit(document: TextDocument, result: LintResult, ruleName: string): TextEdit {
  const offset = result.model.frontMatter ? result.model.frontMatter.span.end : 0;
  const position = document.positionAt(offset);
  const eol = lineBreak(document.getText());
  const comment = directiveComment('disable-file', ruleName);
  const newText = offset === 0 ? `${comment}${eol}${eol}` : `${eol}${eol}${comment}`;
  return { range: { start: position, end: position }, newText };
}

export function codeActionsFor(document: TextDocument, result: LintResult, diagnostics: Diagnostic[], only: string[] | undefined): CodeAction[] {
  const actions: CodeAction[] = [];
  const wantsQuickFix = !only || only.some((kind) => CodeActionKind.QuickFix.startsWith(kind) || kind.startsWith(CodeActionKind.QuickFix));
  const wantsFixAll = only?.some((kind) => FIX_ALL_KIND.startsWith(kind) || kind === CodeActionKind.Source) ?? false;

  if (wantsQuickFix) {
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== 'foi') continue;
      const finding = findingOf(diagnostic, result);
      if (!finding) continue;
      for (const fix of finding.fixes ?? []) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: { changes: { [document.uri]: [insertionEdit(document, fix)] } },
        });
      }
      const ruleName = finding.category ? `${finding.rule}/${finding.category}` : finding.rule;
      const disableLine = disableLineEdit(document, result, finding, ruleName);
      if (disableLine) {
        actions.push({
          title: `Disable ${ruleName} for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [document.uri]: [disableLine] } },
        });
      }
      actions.push({
        title: `Disable ${ruleName} for this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [document.uri]: [disableFileEdit(document, result, ruleName)] } },
      });
      actions.push({
        title: `Show documentation for ${finding.rule}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: `Show documentation for ${finding.rule}`, command: SHOW_DOCS_COMMAND, arguments: [finding.docsUrl] },
      });
    }
  }

  if (wantsFixAll || !only) {
    const fixAll = fixAllAction(document, result);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/**
 * Inserts every missing section (each finding's `insert-section` fix), once per place and text. Fixes that change a judgement (the regime, "mark as checked") stay one by one.
 */
export function fixAllAction(document: TextDocument, result: LintResult): CodeAction | undefined {
  const seen = new Set<string>();
  const edits: TextEdit[] = [];
  const fixed: Diagnostic[] = [];
  for (const finding of result.findings) {
    const fix = finding.fixes?.find((f) => f.kind === 'insert-section');
    if (!fix) continue;
    const key = `${fix.offset}\u0000${fix.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edits.push(insertionEdit(document, fix));
    fixed.push(toDiagnostic(finding, document.uri, result.model.lines));
  }
  if (edits.length === 0) return undefined;
  return {
    title: `Insert all ${edits.length} missing FOI section${edits.length === 1 ? '' : 's'}`,
    kind: FIX_ALL_KIND,
    diagnostics: fixed,
    edit: { changes: { [document.uri]: edits } },
  };
}
