import { describeProvision, kindOf, requirementRule } from './requirement';

export const harmMissing = requirementRule({
  id: 'harm-missing',
  description: 'A prejudice-, endangerment-, adverse-effect- or "required for"-based provision is cited without a harm argument.',
  defaultSeverity: 'error',
  part: 'harm',
  role: 'harm',
  fixLabel: 'harm section',
  message: (use) => {
    const what = use.resolution.facts.ncnd ? 'No harm argument in confirming or denying' : 'No harm argument';
    return `${what} for ${describeProvision(use)}, ${kindOf(use)}.`;
  },
});
