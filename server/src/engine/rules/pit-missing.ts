import { describeProvision, kindOf, requirementRule } from './requirement';

export const pitMissing = requirementRule({
  id: 'pit-missing',
  description: 'A qualified provision is cited without any public interest test.',
  defaultSeverity: 'error',
  part: 'public-interest',
  role: 'public-interest',
  fixLabel: 'public interest test',
  message: (use) => `No public interest test for ${describeProvision(use)}, ${kindOf(use, 'status')}: give the factors for and against and the balance.`,
});
