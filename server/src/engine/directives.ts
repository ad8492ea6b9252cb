// HTML-comment directives that switch rules off, markdownlint style:
//   <!-- foi-disable-next-line rule -->  <!-- foi-disable-line rule -->
//   <!-- foi-disable rule --> ... <!-- foi-enable rule -->  <!-- foi-disable-file rule -->
// No rule names means every rule. A name may be "rule" or "rule/category".
import type { LineIndex } from './text/lineIndex';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Empty means all rules. */
  rules: string[];
  line: number;
  offset: number;
}

const DIRECTIVE = /<!--\s{0,20}foi-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]{0,500}?)\s{0,20}-->/g;

export function findDirectives(text: string, lines: LineIndex): Directive[] {
  if (!text.includes('foi-')) return [];
  const found: Directive[] = [];
  DIRECTIVE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = DIRECTIVE.exec(text)) !== null) {
    const rules = match[2].split(/[\s,]+/).filter(Boolean);
    found.push({ kind: match[1] as DirectiveKind, rules, line: lines.positionAt(match.index).line, offset: match.index });
  }
  return found;
}

/** The comment for one directive, as the quick fixes write it: `<!-- foi-disable-line rule -->`. */
export function directiveComment(kind: DirectiveKind, rule: string): string {
  return `<!-- foi-${kind} ${rule} -->`;
}

function names(rule: string, category: string | undefined): string[] {
  return category ? [rule, `${rule}/${category}`] : [rule];
}

function covers(directive: Directive, rule: string, category: string | undefined): boolean {
  return directive.rules.length === 0 || names(rule, category).some((name) => directive.rules.includes(name));
}

/** Whether a finding of `rule` starting on `line` is switched off by a directive. */
export function isDisabled(directives: Directive[], rule: string, category: string | undefined, line: number): boolean {
  let disabled = false;
  for (const directive of directives) {
    if (!covers(directive, rule, category)) continue;
    switch (directive.kind) {
      case 'disable-file':
        return true;
      case 'disable-line':
        if (directive.line === line) return true;
        break;
      case 'disable-next-line':
        if (directive.line + 1 === line) return true;
        break;
      case 'disable':
        if (directive.line <= line) disabled = true;
        break;
      case 'enable':
        if (directive.line <= line) disabled = false;
        break;
    }
  }
  return disabled;
}
