import { describeProvision, requirementRule } from './requirement';

export const liaMissing = requirementRule({
  id: 'lia-missing',
  description: 'Personal data withheld under the first condition (s40(2)/(3A), EIR reg 13, FOISA s38(1)(b), EISR reg 11) without a legitimate interests assessment.',
  defaultSeverity: 'error',
  part: 'legitimate-interests',
  role: 'legitimate-interests',
  fixLabel: 'legitimate interests assessment',
  message: (use) =>
    `No legitimate interests assessment for ${describeProvision(use)}: explain the legitimate interest in disclosure, whether disclosure is necessary, and the balance against the data subject's rights (this is not a public interest test).`,
});
