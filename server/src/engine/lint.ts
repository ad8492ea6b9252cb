// The engine's one entry point: text in, findings out.
import { DEFAULT_SETTINGS, type FoiSettings } from './config/settings';
import { findDirectives, isDisabled } from './directives';
import { Coverage } from './model/coverage';
import { buildModel, letterParser, type LetterModel } from './model/letter';
import { ENGINE_RULES, RULES } from './rules';
import type { Finding, RuleFinding, Severity } from './types';

export interface LintOptions {
  settings?: FoiSettings;
  /** Base URL of the rule docs pages, ending with "/". */
  docsBaseUrl?: string;
}

export interface LintResult {
  findings: Finding[];
  model: LetterModel;
  coverage: Coverage;
  /** True when the text was longer than the limit and only its start was checked. */
  truncated: boolean;
}

export const DEFAULT_DOCS_BASE_URL = 'docs/rules/';

export function docsUrl(base: string, rule: string): string {
  return `${base}${rule}.md`;
}

/** Every rule's id, description and default severity, for front ends (SARIF, listings) that must not import rules. */
export const RULE_METADATA: readonly { id: string; description: string; defaultSeverity: Severity }[] = [...RULES, ...ENGINE_RULES].map(({ id, description, defaultSeverity }) => ({ id, description, defaultSeverity }));

/**
 * Lines checked at most, whatever their length: cost grows with lines as well as characters, and
 * no real letter comes near this (published responses run to a few hundred lines).
 */
export const MAX_DOCUMENT_LINES = 20_000;

type Limited = { text: string; truncated: false } | { text: string; truncated: true; by: 'characters' | 'lines'; lines?: number };

/** Line breaks in `text` from `from` on (CR, LF or CRLF each count once). */
function lineBreaksFrom(text: string, from: number): number {
  let count = 0;
  if (text.indexOf('\r', from) < 0) {
    // The usual case, and the hot one (every keystroke): plain LF, counted with indexOf.
    for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    return count;
  }
  const lineBreak = /\r\n?|\n/g;
  lineBreak.lastIndex = from;
  while (lineBreak.exec(text) !== null) count++;
  return count;
}

/** The offset just after the `lines`-th line break, when more text follows it; otherwise undefined. */
function offsetAfterLines(text: string, lines: number): number | undefined {
  // Fewer characters than lines allowed: nothing to count (most letters).
  if (text.length <= lines) return undefined;
  const lineBreak = /\r\n?|\n/g;
  const plain = text.indexOf('\r') < 0;
  let end = 0;
  for (let breaks = 0; breaks < lines; breaks++) {
    if (plain) {
      const next = text.indexOf('\n', end);
      if (next < 0) return undefined;
      end = next + 1;
    } else {
      lineBreak.lastIndex = end;
      if (lineBreak.exec(text) === null) return undefined;
      end = lineBreak.lastIndex;
    }
  }
  return end < text.length ? end : undefined;
}

/** Cuts an over-long text (in characters or in lines) at a line break so positions stay valid. */
function limitText(text: string, maxChars: number): Limited {
  let limited: Limited = { text, truncated: false };
  if (text.length > maxChars) {
    const cut = text.lastIndexOf('\n', maxChars);
    limited = { text: text.slice(0, cut > 0 ? cut + 1 : maxChars), truncated: true, by: 'characters' };
  }
  const cut = offsetAfterLines(limited.text, MAX_DOCUMENT_LINES);
  if (cut === undefined) return limited;
  return { text: text.slice(0, cut), truncated: true, by: 'lines', lines: MAX_DOCUMENT_LINES + lineBreaksFrom(text, cut) + 1 };
}

export function lint(fullText: string, options: LintOptions = {}): LintResult {
  const steps = lintSteps(fullText, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** What `lintSteps` has just finished: a parse window, the model, or one rule. */
export type LintPhase = 'parse' | 'model' | 'rule';

/**
 * `lint` in steps, for callers that share the time with other work (the language server):
 * it yields after each parse window, the model and each rule. `parser` keeps the letter's
 * blocks between calls, so only the edited part is parsed again.
 */
export function* lintSteps(fullText: string, options: LintOptions = {}, parser = letterParser()): Generator<LintPhase, LintResult> {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const base = options.docsBaseUrl ?? DEFAULT_DOCS_BASE_URL;
  const limited = limitText(fullText, settings.maxDocumentLength);
  const { text, truncated } = limited;
  // yield* hands an early stop on to the parser, which keeps the windows already parsed.
  const blocks = yield* parser.update(text);
  const model = buildModel(text, { defaultRegime: settings.defaultRegime, phrasings: settings.phrasings }, blocks, parser.lineIndex());
  yield 'model';
  const coverage = new Coverage(model);
  const directives = findDirectives(text, model.lines);
  const findings: Finding[] = [];

  const idsSeen = new Map<string, number>();
  const add = (rule: string, severity: Severity, finding: RuleFinding) => {
    const range = model.lines.rangeOf(finding.span);
    if (isDisabled(directives, rule, finding.category, range.start.line)) return;
    const key = `${finding.category ? `${rule}/${finding.category}` : rule}@${finding.span.start}-${finding.span.end}`;
    const count = (idsSeen.get(key) ?? 0) + 1;
    idsSeen.set(key, count);
    findings.push({ id: count === 1 ? key : `${key}#${count}`, ...finding, rule, severity, range, docsUrl: docsUrl(base, rule) });
  };

  if (limited.truncated && settings.rules['document-too-large'] !== 'off') {
    const message =
      limited.by === 'lines'
        ? `This letter has ${limited.lines?.toLocaleString('en-GB')} lines; only the first ${MAX_DOCUMENT_LINES.toLocaleString('en-GB')} were checked (no letter needs more), so missing-section rules are not reported for it.`
        : `This letter has ${fullText.length.toLocaleString('en-GB')} characters; only the first ${text.length.toLocaleString('en-GB')} were checked (setting foi.maxDocumentLength), so missing-section rules are not reported for it.`;
    add('document-too-large', (settings.rules['document-too-large'] as Severity | undefined) ?? 'information', { span: { start: 0, end: 0 }, message });
  }

  for (const rule of RULES) {
    const setting = settings.rules[rule.id];
    if (setting === 'off' || (truncated && rule.reportsAbsence)) continue;
    const severity = setting ?? rule.defaultSeverity;
    let ruleFindings: RuleFinding[];
    try {
      ruleFindings = rule.check({ model, coverage, settings });
    } catch (error) {
      // A broken rule must not take the others down; say so where the user will see it.
      ruleFindings = [{ span: { start: 0, end: 0 }, message: `Rule ${rule.id} failed on this letter: ${error instanceof Error ? error.message : String(error)}` }];
    }
    for (const finding of ruleFindings) add(rule.id, severity, finding);
    yield 'rule';
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { findings, model, coverage, truncated };
}
