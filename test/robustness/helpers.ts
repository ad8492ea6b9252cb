// Shared checks for the robustness tests.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding, Range } from '../../server/src/engine/types';

export const ROOT = path.join(__dirname, '..', '..');

/** Lines as an LSP client counts them: \r\n, \r and \n all end a line. */
export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Every range lies inside the text: line < line count, character ≤ line length in UTF-16 units, start ≤ end. */
export function rangeProblems(text: string, ranges: { range: Range; label?: string }[]): string[] {
  const lines = lspLines(text);
  const problems: string[] = [];
  for (const { range, label } of ranges) {
    for (const [name, position] of [['start', range.start], ['end', range.end]] as const) {
      const ok =
        Number.isInteger(position.line) &&
        Number.isInteger(position.character) &&
        position.line >= 0 &&
        position.character >= 0 &&
        position.line < lines.length &&
        position.character <= lines[position.line].length;
      if (!ok) problems.push(`${label ?? ''} ${name} ${JSON.stringify(position)} outside the text (${lines.length} lines)`);
    }
    const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
    if (!ordered) problems.push(`${label ?? ''} range ${JSON.stringify(range)} ends before it starts`);
  }
  return problems;
}

/** Findings and their related notes, with a label for messages. */
export function findingRanges(findings: Finding[], lineIndex?: { rangeOf(span: { start: number; end: number }): Range }): { range: Range; label: string }[] {
  const out: { range: Range; label: string }[] = [];
  for (const f of findings) {
    out.push({ range: f.range, label: f.rule });
    if (lineIndex) for (const note of f.related ?? []) out.push({ range: lineIndex.rangeOf(note.span), label: `${f.rule} related` });
  }
  return out;
}

export function assertRangesInside(text: string, findings: Finding[], lineIndex?: { rangeOf(span: { start: number; end: number }): Range }): void {
  assert.deepEqual(rangeProblems(text, findingRanges(findings, lineIndex)), []);
}

/** The letters in examples/ and test/fixtures (README files excluded). */
export function sampleLetters(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md') && entry.name.toLowerCase() !== 'readme.md') out.push({ name: path.relative(ROOT, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(path.join(ROOT, 'examples'));
  walk(path.join(ROOT, 'test', 'fixtures'));
  return out;
}

/** A finding reduced to what a user sees in the editor: rule, lines and characters, message. */
export function verdict(findings: Finding[]): string[] {
  return findings.map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.rule} ${f.message}`);
}
