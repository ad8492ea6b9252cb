import { PUBLIC_INTEREST_ROLES } from '../model/roles';
import type { RuleFinding } from '../types';
import type { Rule } from './rule';

export const pitUnnecessary: Rule = {
  id: 'pit-unnecessary',
  description: 'A public interest test is written although every provision relied on is absolute.',
  defaultSeverity: 'information',
  check({ model, coverage }): RuleFinding[] {
    if (model.provisions.length === 0) return [];
    if (model.provisions.some((use) => coverage.factsFor(use).status === 'qualified')) return [];
    // s41's public-interest defence is part of the confidence test, not a PIT.
    const pit = model.sections.find((s) => s.role !== undefined && PUBLIC_INTEREST_ROLES.has(s.role) && !/\bdefen[cs]e\b/i.test(s.title));
    if (!pit) return [];
    const labels = model.provisions.map((use) => use.label).join(', ');
    return [
      {
        span: pit.titleSpan,
        message: `No public interest test is needed: ${labels} ${model.provisions.length === 1 ? 'is' : 'are all'} absolute. The section does no harm, but it may suggest the exemption is qualified.`,
        related: model.provisions.map((use) => ({ span: use.anchor.span, message: `${use.label} (${use.resolution.title}) is absolute` })),
      },
    ];
  },
};
