import { balanceMissing } from './balance-missing';
import { deadlineExceeded } from './deadline-exceeded';
import { exemptionUnknown } from './exemption-unknown';
import { frontmatterInvalid } from './frontmatter-invalid';
import { harmMissing } from './harm-missing';
import { liaMissing } from './lia-missing';
import { ncndStatementMissing } from './ncnd-statement-missing';
import { personalData } from './personal-data';
import { pitAgainstMissing } from './pit-against-missing';
import { pitForMissing } from './pit-for-missing';
import { pitMissing } from './pit-missing';
import { pitUnnecessary } from './pit-unnecessary';
import { qpOpinionMissing } from './qp-opinion-missing';
import { rightsAttached } from './rights-attached';
import { rightsMissing } from './rights-missing';
import type { Rule } from './rule';

export type { Rule, RuleContext } from './rule';

/** Every rule, in the order findings are reported for the same position. */
export const RULES: readonly Rule[] = [
  harmMissing,
  pitMissing,
  pitForMissing,
  pitAgainstMissing,
  balanceMissing,
  ncndStatementMissing,
  liaMissing,
  qpOpinionMissing,
  rightsMissing,
  rightsAttached,
  exemptionUnknown,
  pitUnnecessary,
  frontmatterInvalid,
  deadlineExceeded,
  personalData,
];

/** Rules the engine itself reports (not in RULES): listed so settings and docs know them. */
export const ENGINE_RULES = [
  { id: 'document-too-large', description: 'The letter is longer than `foi.maxDocumentLength` characters or 20,000 lines; only the first part was checked.', defaultSeverity: 'information' as const },
];
