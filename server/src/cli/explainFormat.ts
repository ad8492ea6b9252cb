// foi-lint --explain: why the engine read each letter as it did, as text or JSON.
// Takes plain Explanation objects (they cross the worker boundary), never a LintResult.
import type { Excerpt, ExplainedPart, Explanation } from '../engine/explain';
import { escapeControls, escapeForJson } from './terminalText';

export interface FileExplanation {
  file: string;
  explanation: Explanation;
}

const SOURCES: Record<string, string> = { 'front-matter': 'from the front matter', text: 'from the text', setting: 'the default regime setting: the letter does not say' };

function where(excerpt: Excerpt): string {
  return `line ${excerpt.range.start.line + 1}: "${escapeControls(excerpt.text)}"`;
}

function partLine(part: ExplainedPart): string {
  if (part.found.length === 0) return `${part.label}: not found`;
  const more = part.found.length > 1 ? ` (and ${part.found.length - 1} more)` : '';
  return `${part.label}: ${where(part.found[0])}${more}`;
}

export function formatExplanation({ file, explanation: e }: FileExplanation): string {
  const out: string[] = [escapeControls(file)];
  const typeSource = e.letterTypeEvidence ? `${SOURCES[e.letterTypeSource]}, ${where(e.letterTypeEvidence)}` : SOURCES[e.letterTypeSource];
  out.push(`  Letter type: ${e.letterTypeLabel} (${typeSource})`);
  out.push(`  Regime: ${e.regime} (${SOURCES[e.regimeSource] ?? e.regimeSource})`);
  if (e.provisions.length === 0) out.push('  Provisions relied on: none');
  for (const p of e.provisions) {
    out.push(`  ${p.label} — ${escapeControls(p.title)} (${[p.status, p.test, ...(p.ncnd ? ['neither confirm nor deny'] : [])].join(', ')})`);
    if (p.parts.length === 0) out.push('    Needs no harm argument or public interest test');
    for (const part of p.parts) out.push(`    ${partLine(part)}`);
  }
  if (!e.rights) out.push('  Review and complaint rights: not owed');
  else {
    out.push(`  Review and complaint rights (${e.rights.reason}):`);
    for (const part of e.rights.parts) out.push(`    ${partLine(part)}`);
    if (e.rights.elsewhere) out.push(`    In an attached or linked document: ${where(e.rights.elsewhere)}`);
  }
  if (e.notReliedOn.length > 0) {
    out.push('  Not relied on:');
    for (const n of e.notReliedOn) out.push(`    ${where(n.citation)} — ${n.why}`);
  }
  return out.join('\n');
}

export function formatExplanations(explanations: FileExplanation[], format: 'text' | 'json'): string {
  if (explanations.length === 0) return format === 'json' ? '[]\n' : '';
  // Outside strings JSON is ASCII, so escaping these leaves valid JSON with the same values.
  if (format === 'json') return escapeForJson(JSON.stringify(explanations, null, 2)) + '\n';
  return explanations.map(formatExplanation).join('\n\n') + '\n';
}
