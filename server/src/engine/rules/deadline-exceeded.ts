import { parseLetterDate } from '../deadline';
import { dueDates, formatDate } from '../analysis/dueDates';
import type { RuleFinding } from '../types';
import type { Rule } from './rule';
import { isEnvironmental } from '../knowledge/regimes';

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
        : isEnvironmental(model.regime)
          ? ' If you extended the time under regulation 7, record it (extension: eir-regulation-7).'
          : ' FOISA allows no extension for the public interest test.';
    return [{ span, message: `${base}.${hint}`, related }];
  },
};
