// Dev-only: regenerates server/src/engine/deadline/holidays.json from the
// `date-holidays` package, then applies hand corrections taken from the fact
// sheet (/work/shared/reference/foi-law.md section 7.2). The runtime never
// imports date-holidays; it reads the JSON written here.
//
// Usage: node scripts/generate-holidays.mjs
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Holidays from 'date-holidays';

const FIRST_YEAR = 2018;
const LAST_YEAR = 2028;
const OUT = new URL('../server/src/engine/deadline/holidays.json', import.meta.url);

// date-holidays regions feeding each nation's list (union of the regions).
const REGIONS = {
  'england-and-wales': ['ENG', 'WLS'],
  scotland: ['SCT'],
  'northern-ireland': ['NIR'],
};

// Days the package gets wrong or does not know yet (checked against the fact sheet).
const CORRECTIONS = {
  scotland: {
    add: ['2026-06-15'], // one-off proclamation (Feb 2026), FIFA World Cup
    remove: [],
  },
};

const isWeekend = (iso) => {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
};

const require = createRequire(import.meta.url);
const packageVersion = require('date-holidays/package.json').version;

const table = {
  source:
    `date-holidays ${packageVersion} (GB-ENG + GB-WLS, GB-SCT, GB-NIR; type "public"; ` +
    `weekday dates only; ${FIRST_YEAR}-${LAST_YEAR}), corrected against the FOI fact sheet ` +
    `section 7.2 (2025-2027). Regenerate with scripts/generate-holidays.mjs.`,
};

for (const [nation, regions] of Object.entries(REGIONS)) {
  const dates = new Set();
  for (const region of regions) {
    const calendar = new Holidays('GB', region);
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      for (const holiday of calendar.getHolidays(year)) {
        if (holiday.type !== 'public') continue;
        const iso = holiday.date.slice(0, 10); // "YYYY-MM-DD hh:mm:ss" local to the region
        if (!isWeekend(iso)) dates.add(iso);
      }
    }
  }
  const fix = CORRECTIONS[nation];
  for (const iso of fix?.add ?? []) {
    if (dates.has(iso)) console.warn(`${nation}: ${iso} already present; correction no longer needed`);
    dates.add(iso);
  }
  for (const iso of fix?.remove ?? []) {
    if (!dates.delete(iso)) console.warn(`${nation}: ${iso} not present; correction no longer needed`);
  }
  table[nation] = [...dates].sort();
  console.log(`${nation}: ${table[nation].length} dates`);
}

writeFileSync(OUT, `${JSON.stringify(table, null, 2)}\n`);
console.log(`wrote ${OUT.pathname}`);
