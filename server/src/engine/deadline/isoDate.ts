// Calendar arithmetic on plain dates, using integer day numbers (days since
// 1970-01-01) instead of Date objects, so local time zones never matter.

export type ParsedIsoDate = { ok: true; iso: string } | { ok: false; reason: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Strict `YYYY-MM-DD` (four-digit year from 0001, real month and day). */
export function parseIsoDate(text: string): ParsedIsoDate {
  const match = ISO_DATE.exec(text);
  if (!match) return { ok: false, reason: `"${text}" is not a date in YYYY-MM-DD form` };
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1) return { ok: false, reason: `"${text}": year must be 0001 or later` };
  if (month < 1 || month > 12) return { ok: false, reason: `"${text}": month must be 01 to 12` };
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    return { ok: false, reason: `"${text}": day must be 01 to ${String(lastDay).padStart(2, '0')} for that month` };
  }
  return { ok: true, iso: text };
}

/** FOIA, FOISA and both sets of Regulations gave rights from 1 January 2005; far-future years are typos. */
export const LETTER_YEARS = { first: 2005, last: 2999 } as const;

/** A real date (as parseIsoDate) that an FOI request or response could carry. */
export function parseLetterDate(text: string): ParsedIsoDate {
  const parsed = parseIsoDate(text);
  if (!parsed.ok) return parsed;
  const year = Number(text.slice(0, 4));
  if (year < LETTER_YEARS.first || year > LETTER_YEARS.last) {
    return { ok: false, reason: `"${text}" is outside ${LETTER_YEARS.first} to ${LETTER_YEARS.last}; the information rights began on 1 January ${LETTER_YEARS.first}` };
  }
  return parsed;
}

/** Days since 1970-01-01 for a valid civil date (proleptic Gregorian). */
function dayNumberOf(year: number, month: number, day: number): number {
  // Algorithm from H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Converts a strict ISO date to a day number; throws RangeError on bad input. */
export function toDayNumber(iso: string): number {
  const parsed = parseIsoDate(iso);
  if (!parsed.ok) throw new RangeError(parsed.reason);
  return dayNumberOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

export function fromDayNumber(dayNumber: number): string {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1 || year > 9999) throw new RangeError(`date out of range (year ${year})`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}
