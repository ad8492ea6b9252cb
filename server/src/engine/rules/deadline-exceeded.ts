import { addWorkingDays, parseIsoDate, parseLetterDate, statutoryDueDate } from '../deadline';
import type { LetterModel } from '../model/letter';
import type { RuleFinding } from '../types';
import type { Rule } from './rule';

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
    if ((citation.regime === 'EIR' || citation.regime === 'EISR') && /^7(\(|$)/.test(citation.path)) return 'regulation-7';
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
  const scottishFoi = model.regime === 'FOISA';
  let extendedLimit: string | undefined;
  if (extension === 'public-interest' && model.regime === 'FOIA') extendedLimit = addWorkingDays(received, PIT_EXTENSION_MAXIMUM, model.regime, options);
  if (extension === 'regulation-7' && !scottishFoi && model.regime !== 'FOIA') extendedLimit = addWorkingDays(received, REGULATION_7_MAXIMUM, model.regime, options);
  return { received, due, extendedLimit, extension };
}

export const deadlineExceeded: Rule = {
  id: 'deadline-exceeded',
  description: 'The response date is later than the statutory 20 working days (or the recorded extension allows).',
  defaultSeverity: 'warning',
  check({ model, settings }): RuleFinding[] {
    const responded = model.frontMatter?.data.responded;
    if (typeof responded !== 'string' || !parseLetterDate(responded).ok) return [];
    const dates = dueDates(model, settings.extraHolidays);
    if (!dates) return [];
    const span = model.frontMatter?.valueSpans.get('responded') ?? model.frontMatter!.span;
    const receivedSpan = model.frontMatter?.valueSpans.get('received');
    const related = receivedSpan ? [{ span: receivedSpan, message: `Received ${formatDate(dates.received)}; due ${formatDate(dates.due)}` }] : undefined;
    if (responded < dates.received) {
      return [{ span, message: `The response date ${formatDate(responded)} is before the request was received (${formatDate(dates.received)}).` }];
    }
    if (responded <= dates.due) return [];
    const base = `Responded ${formatDate(responded)}, after the statutory due date ${formatDate(dates.due)} (the 20th working day after receipt on ${formatDate(dates.received)} under ${model.regime})`;
    if (dates.extendedLimit) {
      if (responded <= dates.extendedLimit) return [];
      const which =
        dates.extension === 'public-interest'
          ? `even with the public interest extension it runs past ${formatDate(dates.extendedLimit)}, the ICO's reasonable maximum of 20 further working days`
          : `even with the regulation 7 extension it runs past ${formatDate(dates.extendedLimit)}, the 40 working day limit`;
      return [{ span, message: `${base}; ${which}.`, related }];
    }
    const hint =
      model.regime === 'FOIA'
        ? ' If you extended the time to consider the public interest, record it (extension: public-interest).'
        : model.regime === 'EIR' || model.regime === 'EISR'
          ? ' If you extended the time under regulation 7, record it (extension: eir-regulation-7).'
          : ' FOISA allows no extension for the public interest test.';
    return [{ span, message: `${base}.${hint}`, related }];
  },
};
