// One pure function maps engine findings to LSP diagnostics.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, FixKind, Severity } from '../engine/types';
import type { LineIndex } from '../engine/text/lineIndex';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'foi';

/** Rides in `diagnostic.data`: which finding this is, and what its fixes do. Code actions use it, never the message. */
export interface DiagnosticData {
  findingId: string;
  fixKinds: FixKind[];
}

export function toDiagnostic(finding: Finding, uri: string, lines: LineIndex): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: finding.docsUrl },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data: { findingId: finding.id, fixKinds: (finding.fixes ?? []).map((fix) => fix.kind) } satisfies DiagnosticData,
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

/** A settings problem (a `.foi.jsonc` or editor setting that was refused), shown at the top of each letter it affects. */
export function configProblemDiagnostic(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Warning, source: DIAGNOSTIC_SOURCE, code: 'config-invalid', message };
}
