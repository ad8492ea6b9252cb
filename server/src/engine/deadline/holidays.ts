// The bank-holiday table shipped with the engine (see holidays.json and
// scripts/generate-holidays.mjs). Weekday dates only, per UK nation.
import holidayTable from './holidays.json';

export type Nation = 'england-and-wales' | 'scotland' | 'northern-ireland';
export const NATIONS: readonly Nation[] = ['england-and-wales', 'scotland', 'northern-ireland'];

/** Where the table came from (free text from holidays.json). */
export const HOLIDAY_TABLE_SOURCE: string = holidayTable.source;

const holidaysByNation: ReadonlyMap<Nation, ReadonlySet<string>> = new Map(
  NATIONS.map((nation) => [nation, new Set<string>(holidayTable[nation])]),
);

const coverage = (() => {
  const years = NATIONS.flatMap((nation) => holidayTable[nation].map((iso) => Number(iso.slice(0, 4))));
  return { first: Math.min(...years), last: Math.max(...years) };
})();

/** Years covered by the table. Outside them only weekends and 25 December are known. */
export function holidayCoverage(): { first: number; last: number } {
  return { ...coverage };
}

export function isCoveredYear(year: number): boolean {
  return year >= coverage.first && year <= coverage.last;
}

/** True when the table lists `iso` as a bank holiday in `nation`. */
export function isBankHoliday(iso: string, nation: Nation): boolean {
  return holidaysByNation.get(nation)?.has(iso) ?? false;
}

/** The table's dates for one nation, sorted. */
export function bankHolidays(nation: Nation): string[] {
  return [...(holidaysByNation.get(nation) ?? [])].sort();
}
