// What each cited provision needs and whether the letter has it: used by hover and the checklist view.
import { PART_LABELS, type Part } from '../engine/model/coverage';
import type { LintResult } from '../engine/lint';
import type { ProvisionUse } from '../engine/model/letter';
import type { Range } from '../engine/types';
import { refusalReason } from '../engine/rules/rights-missing';

export interface ChecklistPart {
  part: Part | 'rights';
  label: string;
  ok: boolean;
  /** Where the letter has it, or where it is missing (the citation). */
  range: Range;
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
  provisions: ChecklistProvision[];
  /** Review and complaint rights, when the letter is a refusal. */
  rights?: ChecklistPart;
  problemCount: number;
}

export function provisionChecklist(result: LintResult, use: ProvisionUse): ChecklistProvision {
  const { model, coverage } = result;
  const anchorRange = model.lines.rangeOf(use.anchor.span);
  const parts = coverage.partsFor(use).required.map(({ part, foundAt }) => ({
    part,
    label: PART_LABELS[part],
    ok: foundAt.length > 0,
    range: foundAt.length > 0 ? model.lines.rangeOf(foundAt[0]) : anchorRange,
  }));
  const facts = use.resolution.facts;
  return { label: use.label, title: use.resolution.title, status: facts.status, test: facts.test, ncnd: facts.ncnd, range: anchorRange, parts };
}

export function checklistFor(result: LintResult): Checklist {
  const { model } = result;
  const provisions = model.provisions.map((use) => provisionChecklist(result, use));
  let rights: ChecklistPart | undefined;
  if (refusalReason(model)) {
    const missing = result.findings.find((f) => f.rule === 'rights-missing');
    const section = model.sections.find((s) => s.role === 'rights');
    rights = {
      part: 'rights',
      label: 'Review and complaint rights',
      ok: !missing,
      range: missing ? missing.range : section ? model.lines.rangeOf(section.titleSpan) : model.lines.rangeOf({ start: 0, end: 0 }),
    };
  }
  return { regime: model.regime, provisions, rights, problemCount: result.findings.length };
}
