// Section roles and the title phrasings that signal them. The phrasings are data
// (knowledge/titles.json); patterns run on a normalised title: lower case, citations
// replaced, dashes and quotes folded, numbering stripped.
import titlesData from '../knowledge/titles.json';

export type SectionRole =
  | 'request'
  | 'response'
  | 'exemptions'
  | 'harm'
  | 'public-interest'
  | 'factors-for'
  | 'factors-against'
  | 'balance'
  | 'ncnd'
  | 'legitimate-interests'
  | 'qualified-person'
  | 'rights'
  | 'advice'
  | 'legal-annex'
  | 'provision';

export const ROLE_LABELS: Record<SectionRole, string> = {
  request: 'Request',
  response: 'Response',
  exemptions: 'Exemptions',
  harm: 'Harm',
  'public-interest': 'Public interest',
  'factors-for': 'Factors for',
  'factors-against': 'Factors against',
  balance: 'Balance',
  ncnd: 'Neither confirm nor deny',
  'legitimate-interests': 'Legitimate interests',
  'qualified-person': "Qualified person's opinion",
  rights: 'Review and complaint rights',
  advice: 'Advice and assistance',
  'legal-annex': 'Legal annex',
  provision: 'Provision',
};

/** Roles of the public interest test family. */
export const PUBLIC_INTEREST_ROLES: ReadonlySet<SectionRole> = new Set([
  'public-interest',
  'factors-for',
  'factors-against',
  'balance',
]);

interface RolePattern {
  role: SectionRole;
  pattern: RegExp;
}

/** Title wording per role, as data (knowledge/titles.json); the first match wins. */
export const ROLE_PATTERNS: readonly RolePattern[] = (titlesData as { titles: { role: SectionRole; pattern: string }[] }).titles.map(({ role, pattern }) => ({
  role,
  pattern: new RegExp(pattern),
}));

/** Titles that mean "balance" inside a public interest test and "response" elsewhere. */
export const CONTEXTUAL_CONCLUSION = /^(our |the )?(conclusion|decision|outcome)\b/;

export function matchRole(normalisedTitle: string): SectionRole | undefined {
  for (const { role, pattern } of ROLE_PATTERNS) {
    if (pattern.test(normalisedTitle)) return role;
  }
  return undefined;
}
