import { describeProvision, requirementRule } from './requirement';

export const qpOpinionMissing = requirementRule({
  id: 'qp-opinion-missing',
  description: "FOIA section 36 is cited without recording the qualified person's reasonable opinion.",
  defaultSeverity: 'error',
  part: 'qualified-person',
  role: 'qualified-person',
  fixLabel: "qualified person's opinion",
  when: (_use, context) => context.model.frontMatter?.data.statistical_information !== true,
  message: (use) =>
    `${describeProvision(use)} is engaged only by the reasonable opinion of the qualified person: say who gave it, when, and what it was.`.replace(/^s/, 'S'),
});
