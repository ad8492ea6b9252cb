// Section roles and the title phrasings that signal them. Adding a phrasing is a
// one-line change here plus a fixture. Patterns run on a normalised title:
// lower case, citations removed, dashes and quotes folded, numbering stripped.

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

// Order matters: the first match wins (factors before harm, harm before NCND).
export const ROLE_PATTERNS: readonly RolePattern[] = [
  // An annex that quotes the law: its citations are not relied on and its text is not argument.
  { role: 'legal-annex', pattern: /^(the )?(legal|legislative|statutory) (annexe?|appendix|schedule)\b|^(annexe?|appendix)( [a-z0-9]{1,2})?( -)? (the )?(relevant )?(legislation|law|statute|statutory (text|provisions)|text of the (act|regulations|exemptions?|exceptions?))\b|^(relevant|applicable) (legislation|law|statutory provisions)$|^(the )?(legislation|law)$|^(extracts?|text) (of|from) the (act|regulations|legislation)\b/ },
  { role: 'balance', pattern: /^(the )?(public interest )?balanc(e|ing)\b/ },
  // Factors against: the maintaining side.
  { role: 'factors-against', pattern: /\b(factors?|considerations?|arguments?|reasons?|public interest)\b.{0,60}\b(against|non[- ]?disclosure|withhold\w*|not disclos\w*|maintain\w*|neither confirm\w*|not confirm\w*|exclusion)\b/ },
  { role: 'factors-against', pattern: /^(against|for maintaining|in favou?r of maintaining|favou?ring non[- ]?disclosure)\b/ },
  { role: 'factors-against', pattern: /^(factors?|considerations?|arguments?) favou?ring( (section|s|reg|regulation|the exemption|the exception)\b.*)?$/ },
  // Factors for: disclosure or confirming/denying.
  { role: 'factors-for', pattern: /\b(factors?|considerations?|arguments?|reasons?)\b.{0,60}\b(for|favou?r\w*|support\w*)\b.{0,40}\b(disclos\w*|releas\w*|confirm\w*|publication)/ },
  { role: 'factors-for', pattern: /^(for|in favou?r of) (disclos\w*|release|confirm\w*)/ },
  { role: 'factors-for', pattern: /^public interest (in|favou?ring) (disclos\w*|release|confirm\w*)/ },
  // Balance and conclusion.
  { role: 'balance', pattern: /\bbalance of (the )?public interest\b|\bweighing (up )?the public interest\b|^public interest (conclusion|decision|outcome)\b|^outcome of the public interest/ },
  // Qualified person (s36) and legitimate interests (s40 / reg 13).
  { role: 'qualified-person', pattern: /\bqualified person/ },
  { role: 'legitimate-interests', pattern: /\blegitimate interests?\b|\bnecessity test\b|^necessity$|\bdata protection principles?\b|\barticle 6\s?\(?1\)?\s?\(?f\)?|\bis (the )?disclosure (lawful|fair)/ },
  // Harm and its equivalents.
  { role: 'harm', pattern: /\bharm\b|\bprejudice\b|\bendanger\w*|\badverse(ly)? (effect|affect)\w*|\breasonable necessity\b|\bwhy the exemption is required\b|\binhibition\b/ },
  // Public interest container.
  { role: 'public-interest', pattern: /^(the )?public interest\b|\bconsideration of the public interest\b|^pit\b/ },
  // NCND statement.
  { role: 'ncnd', pattern: /\bneither confirm\w*\b|\bncnd\b|\bduty to confirm or deny\b|^confirm(ing)? or den(y|ying)\b/ },
  // Review and complaint rights.
  { role: 'rights', pattern: /\binternal review\b|\bright (of|to) (review|request a review|require a review|complain|appeal)\b|\brequest(ing)? a review\b|\brequire(ment)? (for )?(a )?review\b|\brepresentations\b|\breconsideration\b|\bcomplain\w*\b|\bappeals?\b|\bif you are (unhappy|dissatisfied|not satisfied)\b|\binformation commissioner\b|\byour rights\b|^(the )?(ico|sic|commissioner|court of session)$/ },
  // Request, response, exemptions, advice.
  { role: 'exemptions', pattern: /\b(exemptions?|exceptions?)( applied| engaged| relied (up)?on| cited| used)?$|^(applicable|relevant) (exemptions?|exceptions?)\b|^reasons? for (refusal|withholding)\b|^exemptions? and exceptions?\b/ },
  { role: 'advice', pattern: /\badvice and assistance\b/ },
  { role: 'request', pattern: /^(your |the |original )?request\b|^information requested\b|^request (details|reference)\b/ },
  { role: 'response', pattern: /^part (\d{1,2}|one|two|three|four|[a-d])\b|^(our |the )?(response|reply|decision)\b|^information (not )?held\b|^information we hold\b/ },
];

/** Titles that mean "balance" inside a public interest test and "response" elsewhere. */
export const CONTEXTUAL_CONCLUSION = /^(our |the )?(conclusion|decision|outcome)\b/;

export function matchRole(normalisedTitle: string): SectionRole | undefined {
  for (const { role, pattern } of ROLE_PATTERNS) {
    if (pattern.test(normalisedTitle)) return role;
  }
  return undefined;
}

/** Phrases in body text that show an argument was made even without a titled section. */
export const BODY_EVIDENCE = {
  harm: /\bwould(,)? or would be likely to,? (prejudice|endanger|harm|inhibit)|\bwould be likely to (prejudice|endanger|harm|undermine|damage|compromise|inhibit)|\bwould (prejudice|endanger|harm|undermine|damage|compromise|adversely affect|inhibit)|\binhibit substantially\b|\bprejudice substantially\b|\bsubstantial prejudice to\b|\badversely affect\b|\brequired for the purpose of safeguarding\b/i,
  for: /\b(in favou?r of|favou?ring|for|supporting) (the )?(disclos\w*|release|releasing|confirm\w*)|\bpublic interest in (disclos\w*|release|releasing|confirm\w*|transparency)/i,
  against: /\b(in favou?r of|favou?ring|for) (maintaining|withholding|non-disclosure|neither)|\bagainst (disclos\w*|release|releasing|confirm\w*)|\bpublic interest in (maintaining|withholding)/i,
  balance: /\bon balance\b|\boutweigh(s|ed)?\b|\bbalance of (the )?public interest\b|\bbalanc(e|ing) (test|exercise) favours?\b|\bpublic interest (favours|lies in)\b/i,
  ncnd: /\bneither (confirm|confirms|confirming|to confirm) nor (deny|denies|denying)\b/i,
  legitimateInterests: /\blegitimate interests?\b/i,
  qualifiedPerson: /\bqualified person\b/i,
};
