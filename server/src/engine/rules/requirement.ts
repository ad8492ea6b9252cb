// Shared shape of the "a section is missing for this provision" rules.
import type { Part } from '../model/coverage';
import type { ProvisionUse } from '../model/letter';
import type { SectionRole } from '../model/roles';
import type { RuleFinding, Severity } from '../types';
import { sectionFix } from './placement';
import type { Rule, RuleContext } from './rule';
import { groundNoun } from '../knowledge/regimes';

const TEST_WORDS: Record<string, string> = {
  prejudice: 'a prejudice-based',
  'required-for': 'a "required for" (national security)',
  endanger: 'an endangerment-based',
  'adverse-effect': 'an adverse-effect',
  'substantial-prejudice': 'a substantial-prejudice',
  class: 'a class-based',
};

/** "section 31(1)(a) (Law enforcement)". */
export function describeProvision(use: ProvisionUse): string {
  return `${use.label} (${use.resolution.title})`;
}

/** "a prejudice-based exemption", "a qualified exception", "a qualified neither-confirm-nor-deny provision". */
export function kindOf(use: ProvisionUse, aspect: 'test' | 'status' = 'test'): string {
  const facts = use.resolution.facts;
  const noun = groundNoun(use.regime);
  if (facts.ncnd) return `a ${facts.status} neither-confirm-nor-deny provision`;
  return aspect === 'test' ? `${TEST_WORDS[facts.test]} ${noun}` : `a ${facts.status} ${noun}`;
}

interface RequirementRuleSpec {
  id: string;
  description: string;
  defaultSeverity: Severity;
  part: Part;
  /** Role of the section a fix inserts. */
  role: SectionRole;
  /** Words for the fix title: "harm section". */
  fixLabel: string;
  message(use: ProvisionUse): string;
  /** Extra condition on top of "the part is required and missing". */
  when?(use: ProvisionUse, context: RuleContext): boolean;
}

/** One finding per provision that needs `part` and lacks it, on the provision's anchor citation. */
export function requirementRule(spec: RequirementRuleSpec): Rule {
  return {
    id: spec.id,
    description: spec.description,
    defaultSeverity: spec.defaultSeverity,
    reportsAbsence: true,
    check(context) {
      const findings: RuleFinding[] = [];
      for (const use of context.model.provisions) {
        const { required } = context.coverage.partsFor(use);
        const status = required.find((r) => r.part === spec.part);
        if (!status || status.foundAt.length > 0) continue;
        if (spec.when && !spec.when(use, context)) continue;
        findings.push({
          span: use.anchor.span,
          message: spec.message(use),
          provision: use.label,
          fixes: sectionFix(context.model, context.coverage, spec.role, use, spec.fixLabel),
        });
      }
      return findings;
    },
  };
}

/** True when the letter has some public interest test for the provision. */
export function hasPublicInterestTest(use: ProvisionUse, context: RuleContext): boolean {
  return context.coverage.find('public-interest', use).length > 0;
}
