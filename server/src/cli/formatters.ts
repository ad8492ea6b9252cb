// Output formats for foi-lint: text (one line per finding), JSON, SARIF 2.1.0.
import type { Finding } from '../engine/types';
import { RULE_METADATA } from '../engine/lint';
import { VERSION } from '../engine/version';
import { escapeControls } from './terminalText';

export interface FileReport {
  file: string;
  findings: Finding[];
}

export type Format = 'text' | 'json' | 'sarif';

export function formatText(reports: FileReport[]): string {
  const lines: string[] = [];
  let counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const report of reports) {
    for (const f of report.findings) {
      counts = { ...counts, [f.severity]: counts[f.severity] + 1 };
      // A file name or message holding a line break or an escape sequence must not forge a line or drive the terminal.
      lines.push(`${escapeControls(report.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.rule}: ${escapeControls(f.message)}`);
    }
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  lines.push(
    `${reports.length} letter${reports.length === 1 ? '' : 's'} checked: ${total === 0 ? 'no problems' : `${counts.error} error(s), ${counts.warning} warning(s), ${counts.information + counts.hint} note(s)`}`,
  );
  return lines.join('\n') + '\n';
}

export function toJson(reports: FileReport[]): unknown {
  return reports.map((report) => ({
    file: report.file,
    diagnostics: report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      range: f.range,
      provision: f.provision ?? null,
    })),
  }));
}

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function toSarif(reports: FileReport[], docsBaseUrl: string): unknown {
  const rules = RULE_METADATA.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description },
    helpUri: `${docsBaseUrl}${r.id}.md`,
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'foi-lint', informationUri: `${docsBaseUrl}`, version: VERSION, rules } },
        results: reports.flatMap((report) =>
          report.findings.map((f) => ({
            ruleId: f.rule,
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: sarifUri(report.file) },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}

/** A relative path as a URI reference: each segment percent-encoded, separators kept. */
export function sarifUri(file: string): string {
  return file
    .split(/[\\/]/)
    .map((segment, i) => (i === 0 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
}

export function formatReports(reports: FileReport[], format: Format, docsBaseUrl: string): string {
  if (format === 'json') return JSON.stringify(toJson(reports), null, 2) + '\n';
  if (format === 'sarif') return JSON.stringify(toSarif(reports, docsBaseUrl), null, 2) + '\n';
  return formatText(reports);
}
