// One pure function maps engine findings to LSP diagnostics.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../engine/types';
import type { LineIndex } from '../engine/text/lineIndex';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'foi';

export function toDiagnostic(finding: Finding, uri: string, lines: LineIndex): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: finding.docsUrl },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((note) => ({
      location: { uri, range: lines.rangeOf(note.span) },
      message: note.message,
    }));
  }
  return diagnostic;
}

export function toDiagnostics(findings: Finding[], uri: string, lines: LineIndex): Diagnostic[] {
  return findings.map((finding) => toDiagnostic(finding, uri, lines));
}
