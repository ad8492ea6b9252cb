// Due dates of a letter: received date, statutory due date and the limit a recorded extension
// allows. Shared by the deadline rule and the editor's hover.
import { addWorkingDays, parseIsoDate, parseLetterDate, statutoryDueDate } from '../deadline';
import type { LetterModel } from '../model/letter';
import { isEnvironmental } from '../knowledge/regimes';

/** ICO: a public interest extension should not normally exceed a further 20 working days. */
const PIT_EXTENSION_MAXIMUM = 40;
/** EIR reg 7 / EISR reg 7: up to 40 working days for complex and voluminous requests. */
const REGULATION_7_MAXIMUM = 40;

export type Extension = 'public-interest' | 'regulation-7' | undefined;

/** The extension the letter records, from front matter or a citation of s10(3)/s17(2) or reg 7. */
export function recordedExtension(model: LetterModel): Extension {
  const declared = model.frontMatter?.data.extension;
  if (declared === 'public-interest') return 'public-interest';
  if (declared === 'eir-regulation-7') return 'regulation-7';
  for (const citation of model.citations) {
    if (citation.external) continue;
    if (citation.regime === 'FOIA' && /^(10\(3\)|17\(2\))/.test(citation.path)) return 'public-interest';
    if (isEnvironmental(citation.regime) && /^7(\(|$)/.test(citation.path)) return 'regulation-7';
  }
  return undefined;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Tue 31 March 2026". */
export function formatDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

export interface DueDates {
  received: string;
  due: string;
  /** The latest date once a recorded extension is taken into account. */
  extendedLimit?: string;
  extension: Extension;
}

export function dueDates(model: LetterModel, extraHolidays: string[]): DueDates | undefined {
  const received = model.frontMatter?.data.received;
  if (typeof received !== 'string' || !parseLetterDate(received).ok) return undefined;
  const options = { extraHolidays: extraHolidays.filter((d) => parseIsoDate(d).ok) };
  const due = statutoryDueDate(received, model.regime, options);
  const extension = recordedExtension(model);
  let extendedLimit: string | undefined;
  if (extension === 'public-interest' && model.regime === 'FOIA') extendedLimit = addWorkingDays(received, PIT_EXTENSION_MAXIMUM, model.regime, options);
  if (extension === 'regulation-7' && isEnvironmental(model.regime)) extendedLimit = addWorkingDays(received, REGULATION_7_MAXIMUM, model.regime, options);
  return { received, due, extendedLimit, extension };
}
