import { describeProvision, hasPublicInterestTest, requirementRule } from './requirement';
import { groundNoun } from '../knowledge/regimes';

export const pitAgainstMissing = requirementRule({
  id: 'pit-against-missing',
  description: 'The public interest test for a qualified provision gives no factors in favour of maintaining it.',
  defaultSeverity: 'error',
  part: 'factors-against',
  role: 'factors-against',
  fixLabel: 'factors against',
  when: hasPublicInterestTest,
  message: (use) =>
    `The public interest test for ${describeProvision(use)} gives no factors against ${use.resolution.facts.ncnd ? 'confirming or denying' : 'disclosure'} (in favour of maintaining the ${groundNoun(use.regime)}).`,
});
