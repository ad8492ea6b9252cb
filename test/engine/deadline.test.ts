import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addWorkingDays,
  bankHolidays,
  holidayCoverage,
  isWorkingDay,
  nonWorkingReason,
  parseIsoDate,
  statutoryDueDate,
  workingDaysBetween,
  type Nation,
} from '../../server/src/engine/deadline/index';
import type { Regime } from '../../server/src/engine/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Mon 15 Jun" or "15 Jun" in `year` -> ISO date. */
function factSheetDate(year: number, text: string): string {
  const match = /^(?:(\w{3}) )?(\d{1,2}) (\w{3})$/.exec(text);
  assert.ok(match, `bad fixture ${text}`);
  const month = MONTHS.indexOf(match[3]!) + 1;
  assert.ok(month > 0, `bad month in ${text}`);
  const iso = `${year}-${String(month).padStart(2, '0')}-${match[2]!.padStart(2, '0')}`;
  if (match[1]) {
    // The fact sheet gives weekdays: check our transcription against them.
    const weekday = WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()];
    assert.equal(weekday, match[1], `${text} ${year} is a ${weekday}`);
  }
  return iso;
}

function isoList(byYear: Record<number, string>): string[] {
  return Object.entries(byYear).flatMap(([year, list]) =>
    list.split(';').map((item) => factSheetDate(Number(year), item.trim())),
  );
}

// Fact sheet foi-law.md section 7.2 (authoritative for 2025-2027).
const FACT_SHEET: Record<Nation, string[]> = {
  'england-and-wales': isoList({
    2025: 'Wed 1 Jan; Fri 18 Apr; Mon 21 Apr; Mon 5 May; Mon 26 May; Mon 25 Aug; Thu 25 Dec; Fri 26 Dec',
    2026: 'Thu 1 Jan; Fri 3 Apr; Mon 6 Apr; Mon 4 May; Mon 25 May; Mon 31 Aug; Fri 25 Dec; Mon 28 Dec',
    2027: 'Fri 1 Jan; Fri 26 Mar; Mon 29 Mar; Mon 3 May; Mon 31 May; Mon 30 Aug; Mon 27 Dec; Tue 28 Dec',
  }),
  scotland: isoList({
    2025: 'Wed 1 Jan; Thu 2 Jan; Fri 18 Apr; Mon 5 May; Mon 26 May; Mon 4 Aug; Mon 1 Dec; Thu 25 Dec; Fri 26 Dec',
    2026: 'Thu 1 Jan; Fri 2 Jan; Fri 3 Apr; Mon 4 May; Mon 25 May; Mon 15 Jun; Mon 3 Aug; Mon 30 Nov; Fri 25 Dec; Mon 28 Dec',
    2027: 'Fri 1 Jan; Mon 4 Jan; Fri 26 Mar; Mon 3 May; Mon 31 May; Mon 2 Aug; Tue 30 Nov; Mon 27 Dec; Tue 28 Dec',
  }),
  'northern-ireland': isoList({
    2025: 'Wed 1 Jan; Mon 17 Mar; Fri 18 Apr; Mon 21 Apr; Mon 5 May; Mon 26 May; Mon 14 Jul; Mon 25 Aug; Thu 25 Dec; Fri 26 Dec',
    2026: 'Thu 1 Jan; Tue 17 Mar; Fri 3 Apr; Mon 6 Apr; Mon 4 May; Mon 25 May; Mon 13 Jul; Mon 31 Aug; Fri 25 Dec; Mon 28 Dec',
    2027: 'Fri 1 Jan; Wed 17 Mar; Fri 26 Mar; Mon 29 Mar; Mon 3 May; Mon 31 May; Mon 12 Jul; Mon 30 Aug; Mon 27 Dec; Tue 28 Dec',
  }),
};

// "Union set for FOIA/EIR (weekday non-working days)".
const FACT_SHEET_UNION = isoList({
  2025: '1 Jan; 2 Jan; 17 Mar; 18 Apr; 21 Apr; 5 May; 26 May; 14 Jul; 4 Aug; 25 Aug; 1 Dec; 25 Dec; 26 Dec',
  2026: '1 Jan; 2 Jan; 17 Mar; 3 Apr; 6 Apr; 4 May; 25 May; 15 Jun; 13 Jul; 3 Aug; 31 Aug; 30 Nov; 25 Dec; 28 Dec',
  2027: '1 Jan; 4 Jan; 17 Mar; 26 Mar; 29 Mar; 3 May; 31 May; 12 Jul; 2 Aug; 30 Aug; 30 Nov; 27 Dec; 28 Dec',
});

/** Every Monday-to-Friday date from `first` to `last` inclusive. */
function weekdaysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    const day = new Date(t);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) out.push(day.toISOString().slice(0, 10));
  }
  return out;
}

const nonWorkingWeekdays = (regime: Regime, first: string, last: string) =>
  weekdaysBetween(first, last).filter((iso) => !isWorkingDay(iso, regime));

describe('statutoryDueDate: spec examples', () => {
  it('FOIA: received Mon 2 March 2026 -> due Tue 31 March 2026 (17 March NI holiday skipped)', () => {
    assert.equal(statutoryDueDate('2026-03-02', 'FOIA'), '2026-03-31');
    assert.equal(isWorkingDay('2026-03-17', 'FOIA'), false);
  });

  it('FOISA: received Mon 2 March 2026 -> due Mon 30 March 2026 (17 March counts)', () => {
    assert.equal(statutoryDueDate('2026-03-02', 'FOISA'), '2026-03-30');
    assert.equal(isWorkingDay('2026-03-17', 'FOISA'), true);
  });

  it('EIR matches FOIA and EISR matches FOISA', () => {
    assert.equal(statutoryDueDate('2026-03-02', 'EIR'), '2026-03-31');
    assert.equal(statutoryDueDate('2026-03-02', 'EISR'), '2026-03-30');
    for (const iso of weekdaysBetween('2025-01-01', '2027-12-31')) {
      assert.equal(isWorkingDay(iso, 'EIR'), isWorkingDay(iso, 'FOIA'), `EIR vs FOIA on ${iso}`);
      assert.equal(isWorkingDay(iso, 'EISR'), isWorkingDay(iso, 'FOISA'), `EISR vs FOISA on ${iso}`);
    }
  });

  it('the receipt day never counts, even when it is a working day', () => {
    assert.equal(addWorkingDays('2026-03-02', 1, 'FOIA'), '2026-03-03');
    assert.equal(workingDaysBetween('2026-03-02', '2026-03-31', 'FOIA'), 20);
    assert.equal(workingDaysBetween('2026-03-02', '2026-04-01', 'FOIA'), 21);
  });
});

describe('regime differences', () => {
  it('Scottish-only bank holidays are non-working for FOIA and EIR too', () => {
    for (const iso of ['2026-06-15', '2026-08-03', '2026-11-30']) {
      for (const regime of ['FOIA', 'EIR', 'FOISA', 'EISR'] as const) {
        assert.equal(isWorkingDay(iso, regime), false, `${iso} under ${regime}`);
      }
    }
    // Received Fri 12 June 2026: Mon 15 June is skipped, so day 1 is Tue 16 June.
    assert.equal(addWorkingDays('2026-06-12', 1, 'FOIA'), '2026-06-16');
    assert.deepEqual(nonWorkingReason('2026-06-15', 'FOIA'), { kind: 'bank-holiday', nations: ['scotland'] });
  });

  it('Easter Monday 2026 is a working day under FOISA/EISR but not FOIA/EIR', () => {
    assert.equal(isWorkingDay('2026-04-06', 'FOISA'), true);
    assert.equal(isWorkingDay('2026-04-06', 'EISR'), true);
    assert.equal(isWorkingDay('2026-04-06', 'FOIA'), false);
    assert.equal(isWorkingDay('2026-04-06', 'EIR'), false);
    // Good Friday is non-working everywhere.
    for (const regime of ['FOIA', 'FOISA'] as const) assert.equal(isWorkingDay('2026-04-03', regime), false);
  });

  it('NI-only holidays (12 July substitute) count under FOISA', () => {
    assert.equal(isWorkingDay('2026-07-13', 'FOIA'), false);
    assert.equal(isWorkingDay('2026-07-13', 'FOISA'), true);
    assert.deepEqual(nonWorkingReason('2026-07-13', 'FOIA'), { kind: 'bank-holiday', nations: ['northern-ireland'] });
  });
});

describe('receipt on a non-working day', () => {
  it('Saturday receipt keeps Saturday as the receipt date; day 1 is the Monday', () => {
    // Sat 7 March 2026 (FOIA): day 1 Mon 9 Mar; 17 Mar, Good Friday 3 Apr and Easter Monday 6 Apr skipped.
    assert.equal(addWorkingDays('2026-03-07', 1, 'FOIA'), '2026-03-09');
    assert.equal(statutoryDueDate('2026-03-07', 'FOIA'), '2026-04-08');
    // FOISA counts 17 Mar and Easter Monday: day 20 is Mon 6 April.
    assert.equal(statutoryDueDate('2026-03-07', 'FOISA'), '2026-04-06');
  });

  it('receipt on Friday, Saturday or Sunday gives the same deadline', () => {
    const friday = statutoryDueDate('2026-03-06', 'FOIA');
    assert.equal(statutoryDueDate('2026-03-07', 'FOIA'), friday);
    assert.equal(statutoryDueDate('2026-03-08', 'FOIA'), friday);
    // ...but a Monday receipt is one working day later.
    assert.equal(statutoryDueDate('2026-03-09', 'FOIA'), addWorkingDays(friday, 1, 'FOIA'));
  });

  it('receipt on a bank holiday: day 1 is the next working day', () => {
    assert.equal(addWorkingDays('2026-12-25', 1, 'FOIA'), '2026-12-29');
  });
});

describe('Christmas 2026', () => {
  it('25 and 28 December are non-working in every regime; 29-31 December are working', () => {
    for (const regime of ['FOIA', 'EIR', 'FOISA', 'EISR'] as const) {
      assert.equal(isWorkingDay('2026-12-25', regime), false);
      assert.equal(isWorkingDay('2026-12-28', regime), false);
      for (const iso of ['2026-12-29', '2026-12-30', '2026-12-31']) assert.equal(isWorkingDay(iso, regime), true);
    }
    assert.deepEqual(nonWorkingReason('2026-12-25', 'FOIA'), { kind: 'christmas-day' });
    assert.deepEqual(nonWorkingReason('2026-12-26', 'FOIA'), { kind: 'weekend' });
  });

  it('a deadline running over the holidays skips 25 Dec, 28 Dec, 1 Jan and 4 Jan 2027', () => {
    // Received Fri 4 Dec 2026: 14 working days to 24 Dec, then 29-31 Dec (17), then 5-7 Jan.
    assert.equal(statutoryDueDate('2026-12-04', 'FOIA'), '2027-01-07');
    assert.equal(statutoryDueDate('2026-12-04', 'FOISA'), '2027-01-07');
    assert.equal(workingDaysBetween('2026-12-24', '2027-01-05', 'FOIA'), 4);
  });
});

describe('extraHolidays', () => {
  it('an extra closure day pushes the due date back by one working day in every regime', () => {
    const options = { extraHolidays: ['2026-03-10'] };
    assert.equal(statutoryDueDate('2026-03-02', 'FOIA', options), '2026-04-01');
    assert.equal(statutoryDueDate('2026-03-02', 'FOISA', options), '2026-03-31');
    assert.equal(isWorkingDay('2026-03-10', 'EIR', options), false);
    assert.deepEqual(nonWorkingReason('2026-03-10', 'EISR', options), { kind: 'extra-holiday' });
  });

  it('extra dates on weekends or existing holidays change nothing', () => {
    const options = { extraHolidays: ['2026-03-07', '2026-03-17'] };
    assert.equal(statutoryDueDate('2026-03-02', 'FOIA', options), '2026-03-31');
  });

  it('extends the table outside its years', () => {
    const { last } = holidayCoverage();
    const year = last + 2;
    // Find a plain Monday in that year and declare it a holiday.
    const monday = weekdaysBetween(`${year}-03-01`, `${year}-03-07`).find(
      (iso) => new Date(`${iso}T00:00:00Z`).getUTCDay() === 1,
    )!;
    assert.equal(isWorkingDay(monday, 'FOIA'), true);
    assert.equal(isWorkingDay(monday, 'FOIA', { extraHolidays: [monday] }), false);
  });

  it('rejects malformed extra dates', () => {
    assert.throws(() => isWorkingDay('2026-03-10', 'FOIA', { extraHolidays: ['2026-02-30'] }), RangeError);
  });
});

describe('parseIsoDate', () => {
  it('accepts real dates, including leap days', () => {
    for (const text of ['2026-03-02', '2028-02-29', '2000-02-29', '2026-12-31']) {
      assert.deepEqual(parseIsoDate(text), { ok: true, iso: text });
    }
  });

  it('rejects impossible or loosely formatted dates', () => {
    for (const text of [
      '2026-02-30', '2026-13-01', '2026-2-3', '2026-00-10', '2026-01-00', '2025-02-29', '1900-02-29',
      '2026-04-31', '0000-01-01', ' 2026-01-01', '2026-01-01 ', '2026-01-01T00:00:00Z', '20260101', '', '02/03/2026',
    ]) {
      const result = parseIsoDate(text);
      assert.equal(result.ok, false, `should reject "${text}"`);
      if (!result.ok) assert.ok(result.reason.length > 0);
    }
  });

  it('date functions throw RangeError on invalid input', () => {
    assert.throws(() => statutoryDueDate('2026-02-30', 'FOIA'), RangeError);
    assert.throws(() => workingDaysBetween('2026-01-01', '2026-13-01', 'FOIA'), RangeError);
    assert.throws(() => addWorkingDays('2026-01-05', 1.5, 'FOIA'), RangeError);
  });
});

describe('holiday table against the fact sheet (section 7.2, 2025-2027)', () => {
  it('every date in the FOIA/EIR union list is a non-working day for FOIA and EIR', () => {
    for (const iso of FACT_SHEET_UNION) {
      assert.equal(isWorkingDay(iso, 'FOIA'), false, `${iso} (FOIA)`);
      assert.equal(isWorkingDay(iso, 'EIR'), false, `${iso} (EIR)`);
    }
  });

  it('FOIA non-working weekdays 2025-2027 are exactly the union list', () => {
    assert.deepEqual(nonWorkingWeekdays('FOIA', '2025-01-01', '2027-12-31'), [...FACT_SHEET_UNION].sort());
  });

  it('the union list is the union of the three national lists', () => {
    const union = new Set(Object.values(FACT_SHEET).flat());
    assert.deepEqual([...union].sort(), [...FACT_SHEET_UNION].sort());
  });

  it('FOISA/EISR non-working weekdays 2025-2027 are exactly the Scottish list', () => {
    const scottish = [...FACT_SHEET.scotland].sort();
    assert.deepEqual(nonWorkingWeekdays('FOISA', '2025-01-01', '2027-12-31'), scottish);
    assert.deepEqual(nonWorkingWeekdays('EISR', '2025-01-01', '2027-12-31'), scottish);
  });

  it('each nation in the table matches its fact-sheet list', () => {
    for (const nation of Object.keys(FACT_SHEET) as Nation[]) {
      const inRange = bankHolidays(nation).filter((iso) => iso >= '2025-01-01' && iso <= '2027-12-31');
      assert.deepEqual(inRange, [...FACT_SHEET[nation]].sort(), nation);
    }
  });

  it('includes the one-off days of 2022 and 2023 in every regime', () => {
    for (const iso of ['2022-06-03', '2022-09-19', '2023-05-08']) {
      assert.equal(isWorkingDay(iso, 'FOIA'), false, iso);
      assert.equal(isWorkingDay(iso, 'FOISA'), false, iso);
    }
    // 2020: early May holiday moved to Fri 8 May (VE Day); Mon 4 May was a working day.
    assert.equal(isWorkingDay('2020-05-08', 'FOIA'), false);
    assert.equal(isWorkingDay('2020-05-04', 'FOIA'), true);
  });
});

describe('coverage and out-of-table years', () => {
  it('covers at least 2018 to 2028', () => {
    const { first, last } = holidayCoverage();
    assert.ok(first <= 2018, `first ${first}`);
    assert.ok(last >= 2028, `last ${last}`);
  });

  it('outside the table only weekends and 25 December are non-working', () => {
    const year = holidayCoverage().last + 2;
    assert.equal(isWorkingDay(`${year}-12-25`, 'FOIA'), false);
    assert.equal(isWorkingDay(`${year}-12-25`, 'FOISA'), false);
    const weekdays = weekdaysBetween(`${year}-01-01`, `${year}-12-31`);
    assert.deepEqual(nonWorkingWeekdays('FOIA', `${year}-01-01`, `${year}-12-31`), weekdays.filter((iso) => iso.endsWith('-12-25')));
    assert.equal(isWorkingDay(`${year}-01-01`, 'FOIA'), !isWeekendIso(`${year}-01-01`));
  });
});

function isWeekendIso(iso: string): boolean {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

describe('addWorkingDays / workingDaysBetween', () => {
  it('zero days returns the same date; negative days count backwards', () => {
    assert.equal(addWorkingDays('2026-03-07', 0, 'FOIA'), '2026-03-07');
    assert.equal(addWorkingDays('2026-03-31', -20, 'FOIA'), '2026-03-02');
    assert.equal(addWorkingDays('2026-03-30', -20, 'FOISA'), '2026-03-02');
  });

  it('workingDaysBetween is negative when the dates are reversed, 0 for the same day', () => {
    assert.equal(workingDaysBetween('2026-03-31', '2026-03-02', 'FOIA'), -20);
    assert.equal(workingDaysBetween('2026-03-02', '2026-03-02', 'FOIA'), 0);
    assert.equal(workingDaysBetween('2026-03-06', '2026-03-08', 'FOIA'), 0);
  });

  it('crosses month and year boundaries, including leap years', () => {
    assert.equal(addWorkingDays('2028-02-28', 1, 'FOISA'), '2028-02-29');
    assert.equal(addWorkingDays('2028-02-29', 1, 'FOISA'), '2028-03-01');
    assert.equal(addWorkingDays('2099-12-31', 1, 'FOIA'), '2100-01-01'); // a Friday
  });

  it('workingDaysBetween inverts addWorkingDays (property)', () => {
    const start = Date.parse('2017-06-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4500 }),
        fc.integer({ min: 0, max: 70 }),
        fc.constantFrom<Regime>('FOIA', 'EIR', 'FOISA', 'EISR'),
        (offset, days, regime) => {
          const from = new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
          const to = addWorkingDays(from, days, regime);
          assert.equal(workingDaysBetween(from, to, regime), days);
          if (days > 0) assert.equal(isWorkingDay(to, regime), true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
