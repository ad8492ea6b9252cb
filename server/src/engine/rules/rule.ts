import type { FoiSettings } from '../config/settings';
import type { LetterModel } from '../model/letter';
import type { Coverage } from '../model/coverage';
import type { RuleFinding, Severity } from '../types';

export interface RuleContext {
  model: LetterModel;
  coverage: Coverage;
  settings: FoiSettings;
}

export interface Rule {
  /** Kebab-case id; also the diagnostic code and the docs page name. */
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** The rule reports something missing from the whole letter, so it cannot judge a letter that was only partly read. */
  reportsAbsence?: boolean;
  check(context: RuleContext): RuleFinding[];
}
