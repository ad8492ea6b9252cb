// What each cited provision needs and whether the letter has it, with the text each part was
// taken from: used by hover and the checklist view. Built from the engine's explanation, not
// from findings, so rule settings do not change what the checklist says the letter contains.
import { explain, explainProvision, type ExplainedPart, type ExplainedProvision, type Explanation } from '../engine/explain';
import type { LintResult } from '../engine/lint';
import type { Part } from '../engine/model/coverage';
import type { ProvisionUse } from '../engine/model/letter';
import type { Range } from '../engine/types';

export interface ChecklistPart {
  part: Part | 'rights' | 'review' | 'regulator';
  label: string;
  ok: boolean;
  /** Where the letter has it (the evidence), or where it is missing (the citation, or the letter's end for rights). */
  range: Range;
  /** The text the part was taken from, on one line, when found. */
  evidence?: string;
  /** For rights: the review route and the right to complain, each found or not. */
  parts?: ChecklistPart[];
}

export interface ChecklistProvision {
  label: string;
  title: string;
  status: string;
  test: string;
  ncnd: boolean;
  range: Range;
  parts: ChecklistPart[];
}

export interface Checklist {
  regime: string;
  /** How the letter was read: its type, and whether the front matter or the text said so. */
  letterType: string;
  letterTypeLabel: string;
  letterTypeSource: 'front-matter' | 'text';
  provisions: ChecklistProvision[];
  /** Review and complaint rights, when the letter owes them. */
  rights?: ChecklistPart;
  problemCount: number;
}

function checklistPart(part: ExplainedPart, missingAt: Range): ChecklistPart {
  const first = part.found[0];
  return first
    ? { part: part.part, label: part.label, ok: true, range: first.range, evidence: first.text }
    : { part: part.part, label: part.label, ok: false, range: missingAt };
}

function fromExplained(explained: ExplainedProvision): ChecklistProvision {
  const { label, title, status, test, ncnd, anchor } = explained;
  return { label, title, status, test, ncnd, range: anchor.range, parts: explained.parts.map((part) => checklistPart(part, anchor.range)) };
}

export function provisionChecklist(result: LintResult, use: ProvisionUse): ChecklistProvision {
  return fromExplained(explainProvision(result, use));
}

/** The last non-blank line of the body, where the rights are usually missing from. */
function endOfLetter(result: LintResult): Range {
  const { model } = result;
  for (let line = model.lines.lineCount - 1; line >= 0; line--) {
    const span = model.lines.lineSpan(line);
    if (span.start < model.bodyStart) break;
    if (model.text.slice(span.start, span.end).trim() !== '') return model.lines.rangeOf(span);
  }
  return model.lines.rangeOf({ start: model.text.length, end: model.text.length });
}

export const RIGHTS_LABEL = 'Review and complaint rights';

function rightsItem(result: LintResult, rights: NonNullable<Explanation['rights']>): ChecklistPart {
  const missingAt = endOfLetter(result);
  const parts = rights.parts.map((part) => checklistPart(part, missingAt));
  const found = parts.find((p) => p.ok);
  if (rights.elsewhere) {
    // A complaints procedure attached or linked stands in for both halves.
    return { part: 'rights', label: `${RIGHTS_LABEL} (in an attached or linked document)`, ok: true, range: rights.elsewhere.range, evidence: rights.elsewhere.text, parts };
  }
  const ok = parts.every((p) => p.ok);
  return { part: 'rights', label: RIGHTS_LABEL, ok, range: ok && found ? found.range : missingAt, evidence: found?.evidence, parts };
}

export function checklistFor(result: LintResult): Checklist {
  const explanation = explain(result);
  return {
    regime: explanation.regime,
    letterType: explanation.letterType,
    letterTypeLabel: explanation.letterTypeLabel,
    letterTypeSource: explanation.letterTypeSource,
    provisions: explanation.provisions.map(fromExplained),
    rights: explanation.rights ? rightsItem(result, explanation.rights) : undefined,
    problemCount: result.findings.length,
  };
}
