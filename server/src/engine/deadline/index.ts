// Statutory deadline calculator (FOIA/EIR/FOISA/EISR working days).
export type { Nation } from './holidays';
export { NATIONS, HOLIDAY_TABLE_SOURCE, holidayCoverage, bankHolidays } from './holidays';
export { parseIsoDate, parseLetterDate, type ParsedIsoDate } from './isoDate';
export {
  type DeadlineOptions,
  type NonWorkingReason,
  STATUTORY_WORKING_DAYS,
  nationsForRegime,
  nonWorkingReason,
  isWorkingDay,
  addWorkingDays,
  statutoryDueDate,
  workingDaysBetween,
} from './workingDays';
