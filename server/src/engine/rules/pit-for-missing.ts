import { describeProvision, hasPublicInterestTest, requirementRule } from './requirement';

export const pitForMissing = requirementRule({
  id: 'pit-for-missing',
  description: 'The public interest test for a qualified provision gives no factors in favour of disclosure (or of confirming or denying).',
  defaultSeverity: 'error',
  part: 'factors-for',
  role: 'factors-for',
  fixLabel: 'factors in favour',
  when: hasPublicInterestTest,
  message: (use) =>
    `The public interest test for ${describeProvision(use)} gives no factors in favour of ${use.resolution.facts.ncnd ? 'confirming or denying' : 'disclosure'}.`,
});
