// Working days under FOIA s10(6) / EIR (bank holiday in any UK nation) and
// FOISA s73 / EISR (Scottish bank holidays only).
import type { Regime } from '../types';
import { isBankHoliday, isCoveredYear, type Nation } from './holidays';
import { fromDayNumber, parseIsoDate, toDayNumber, weekdayOf } from './isoDate';

export interface DeadlineOptions {
  /** ISO dates added to every regime's non-working days (e.g. from user config). */
  extraHolidays?: string[];
}

export type NonWorkingReason =
  | { kind: 'weekend' }
  | { kind: 'christmas-day' }
  | { kind: 'bank-holiday'; nations: Nation[] }
  | { kind: 'extra-holiday' };

/** Days allowed for a reply under all four regimes (FOIA s10(1), EIR reg 5(2), FOISA s10(1), EISR reg 5(2)). */
export const STATUTORY_WORKING_DAYS = 20;

const UK_WIDE: readonly Nation[] = ['england-and-wales', 'scotland', 'northern-ireland'];
const SCOTLAND_ONLY: readonly Nation[] = ['scotland'];

/** The nations whose bank holidays stop the clock under `regime`. */
export function nationsForRegime(regime: Regime): readonly Nation[] {
  switch (regime) {
    case 'FOIA':
    case 'EIR':
      return UK_WIDE;
    case 'FOISA':
    case 'EISR':
      return SCOTLAND_ONLY;
  }
}

function extraHolidaySet(options: DeadlineOptions | undefined): ReadonlySet<string> {
  const extras = new Set<string>();
  for (const text of options?.extraHolidays ?? []) {
    const parsed = parseIsoDate(text);
    if (!parsed.ok) throw new RangeError(`extraHolidays: ${parsed.reason}`);
    extras.add(parsed.iso);
  }
  return extras;
}

type DayClassifier = (dayNumber: number) => NonWorkingReason | undefined;

function classifier(regime: Regime, options: DeadlineOptions | undefined): DayClassifier {
  const nations = nationsForRegime(regime);
  const extras = extraHolidaySet(options);
  return (dayNumber) => {
    const weekday = weekdayOf(dayNumber);
    if (weekday === 0 || weekday === 6) return { kind: 'weekend' };
    const iso = fromDayNumber(dayNumber);
    // Christmas Day is named in both definitions, whatever the table says.
    if (iso.endsWith('-12-25')) return { kind: 'christmas-day' };
    if (isCoveredYear(Number(iso.slice(0, 4)))) {
      const holidayIn = nations.filter((nation) => isBankHoliday(iso, nation));
      if (holidayIn.length > 0) return { kind: 'bank-holiday', nations: holidayIn };
    }
    if (extras.has(iso)) return { kind: 'extra-holiday' };
    return undefined;
  };
}

/** Why `isoDate` is not a working day under `regime`, or undefined when it is one. */
export function nonWorkingReason(
  isoDate: string,
  regime: Regime,
  options?: DeadlineOptions,
): NonWorkingReason | undefined {
  return classifier(regime, options)(toDayNumber(isoDate));
}

export function isWorkingDay(isoDate: string, regime: Regime, options?: DeadlineOptions): boolean {
  return nonWorkingReason(isoDate, regime, options) === undefined;
}

/**
 * The `days`-th working day after `isoDate` (before it when negative); the
 * start date itself never counts. `days` = 0 returns `isoDate` unchanged.
 */
export function addWorkingDays(isoDate: string, days: number, regime: Regime, options?: DeadlineOptions): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number, got ${days}`);
  const classify = classifier(regime, options);
  const step = days < 0 ? -1 : 1;
  let dayNumber = toDayNumber(isoDate);
  for (let remaining = Math.abs(days); remaining > 0; ) {
    dayNumber += step;
    if (classify(dayNumber) === undefined) remaining--;
  }
  return fromDayNumber(dayNumber);
}

/**
 * Latest compliant reply date: the 20th working day after the date of receipt
 * (day 1 is the first working day after receipt, even if receipt was on a
 * non-working day).
 */
export function statutoryDueDate(receivedIso: string, regime: Regime, options?: DeadlineOptions): string {
  return addWorkingDays(receivedIso, STATUTORY_WORKING_DAYS, regime, options);
}

/**
 * Working days after `fromIso` up to and including `toIso` (so a reply sent
 * on the due date gives 20). Negative when `toIso` is before `fromIso`.
 */
export function workingDaysBetween(fromIso: string, toIso: string, regime: Regime, options?: DeadlineOptions): number {
  const from = toDayNumber(fromIso);
  const to = toDayNumber(toIso);
  if (to < from) return -workingDaysBetween(toIso, fromIso, regime, options);
  const classify = classifier(regime, options);
  let count = 0;
  for (let dayNumber = from + 1; dayNumber <= to; dayNumber++) {
    if (classify(dayNumber) === undefined) count++;
  }
  return count;
}
