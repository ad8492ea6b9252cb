import { describeProvision, requirementRule } from './requirement';

export const ncndStatementMissing = requirementRule({
  id: 'ncnd-statement-missing',
  description: 'A neither-confirm-nor-deny provision is cited but the letter never says it neither confirms nor denies.',
  defaultSeverity: 'error',
  part: 'ncnd',
  role: 'ncnd',
  fixLabel: 'neither confirm nor deny statement',
  message: (use) => `${capitalise(describeProvision(use))} removes the duty to confirm or deny, but the letter never says that it neither confirms nor denies holding the information.`,
});

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
