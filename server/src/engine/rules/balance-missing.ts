import { describeProvision, hasPublicInterestTest, requirementRule } from './requirement';

export const balanceMissing = requirementRule({
  id: 'balance-missing',
  description: 'The public interest test for a qualified provision never says which side outweighs the other.',
  defaultSeverity: 'error',
  part: 'balance',
  role: 'balance',
  fixLabel: 'balancing test',
  when: hasPublicInterestTest,
  message: (use) =>
    `The public interest test for ${describeProvision(use)} has no balance: say why the public interest in maintaining it outweighs the public interest in ${use.resolution.facts.ncnd ? 'confirming or denying' : 'disclosure'} (one combined balance for several provisions is fine).`,
});
