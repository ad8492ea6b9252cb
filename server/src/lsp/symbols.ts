import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { LintResult } from '../engine/lint';
import { ROLE_LABELS } from '../engine/model/roles';
import type { Section } from '../engine/model/sections';
import { isEnvironmental } from '../engine/knowledge/regimes';
import type { Regime } from '../engine/types';

function scopeLabel(result: LintResult, section: Section): string {
  const scope = result.coverage.scopeOf(section);
  if (scope === 'all') return '';
  const labels = [...scope].map((key) => {
    const [regime, id] = key.split(':');
    return `${isEnvironmental(regime as Regime) ? 'reg' : 's'}${id}`;
  });
  return labels.join(', ');
}

/** "Public interest: s31 — factors against". */
export function describeSection(result: LintResult, section: Section): string {
  if (!section.role) return '';
  const scope = scopeLabel(result, section);
  switch (section.role) {
    case 'factors-for':
    case 'factors-against':
    case 'balance':
      return `Public interest${scope ? `: ${scope}` : ''} — ${ROLE_LABELS[section.role].toLowerCase()}`;
    case 'provision':
      return scope ? `Provision: ${scope}` : 'Provision';
    default:
      return `${ROLE_LABELS[section.role]}${scope ? `: ${scope}` : ''}`;
  }
}

export function documentSymbols(result: LintResult): DocumentSymbol[] {
  const { model } = result;
  const roots: DocumentSymbol[] = [];
  const bySection = new Map<Section, DocumentSymbol>();
  for (const section of model.sections) {
    const range = model.lines.rangeOf({ start: section.span.start, end: Math.max(section.titleSpan.end, trimEnd(model.text, section.span.end)) });
    const symbol: DocumentSymbol = {
      name: section.title || '(untitled)',
      detail: describeSection(result, section),
      kind: section.role === 'provision' ? SymbolKind.Key : SymbolKind.String,
      range,
      selectionRange: model.lines.rangeOf(section.titleSpan),
      children: [],
    };
    bySection.set(section, symbol);
    const parent = section.parent ? bySection.get(section.parent) : undefined;
    if (parent) parent.children!.push(symbol);
    else roots.push(symbol);
  }
  return roots;
}

function trimEnd(text: string, end: number): number {
  let i = end;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i;
}

export function foldingRanges(result: LintResult): FoldingRange[] {
  const { model } = result;
  const ranges: FoldingRange[] = [];
  for (const section of model.sections) {
    const startLine = model.lines.positionAt(section.titleSpan.start).line;
    const endLine = model.lines.positionAt(trimEnd(model.text, section.span.end)).line;
    if (endLine > startLine) ranges.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  }
  if (model.frontMatter) {
    const startLine = model.lines.positionAt(model.frontMatter.span.start).line;
    const endLine = model.lines.positionAt(model.frontMatter.span.end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  }
  return ranges;
}
