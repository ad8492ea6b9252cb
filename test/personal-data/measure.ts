// Precision and recall of the personal-data rule on the fixture letters in ./letters.
// Each line holding personal data ends with `<!-- pd: category[, category...] -->` (one entry
// per occurrence). Per-letter settings come from a `<!-- pd-settings: {json} -->` comment
// and/or a sidecar `<letter>.json`, both shaped like FoiSettings.personalData.
// CLI: npx tsx test/personal-data/measure.ts
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, mergeSettings, PERSONAL_DATA_CATEGORIES, type PartialSettings } from '../../server/src/engine/config/settings';
import { lint } from '../../server/src/engine/lint';

export const LETTERS = path.join(__dirname, 'letters');

const MARKER = /<!--\s{0,5}pd:\s{0,5}([a-z, -]{1,200}?)\s{0,5}-->/g;
const SETTINGS_COMMENT = /<!--\s{0,5}pd-settings:\s{0,5}(\{[^]{0,4000}?\})\s{0,5}-->/;

export interface Tally {
  expected: number;
  found: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Measurement {
  letters: number;
  perCategory: Record<string, Tally>;
  overall: Tally;
  /** "file:line category (missed|unexpected)" for every disagreement. */
  mismatches: string[];
}

/** "line:category" for each marker entry (1-based lines). */
export function expectedFindings(text: string): string[] {
  const out: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    for (const match of line.matchAll(MARKER)) {
      for (const category of match[1].split(',').map((c) => c.trim()).filter(Boolean)) out.push(`${index + 1}:${category}`);
    }
  });
  return out.sort();
}

export function letterSettings(file: string, text: string): PartialSettings['personalData'] {
  const layers: NonNullable<PartialSettings['personalData']>[] = [];
  const inline = SETTINGS_COMMENT.exec(text);
  if (inline) layers.push(JSON.parse(inline[1]));
  const sidecar = file.replace(/\.md$/, '.json');
  if (fs.existsSync(sidecar)) layers.push(JSON.parse(fs.readFileSync(sidecar, 'utf8')));
  return {
    allow: layers.flatMap((l) => l.allow ?? []),
    categories: Object.assign({}, ...layers.map((l) => l.categories ?? {})),
  };
}

/** "line:category" for each personal-data finding (1-based lines). */
export function actualFindings(text: string, personalData?: PartialSettings['personalData']): string[] {
  const settings = mergeSettings(DEFAULT_SETTINGS, { personalData });
  return lint(text, { settings })
    .findings.filter((f) => f.rule === 'personal-data')
    .map((f) => `${f.range.start.line + 1}:${f.category}`)
    .sort();
}

function emptyTally(): Tally {
  return { expected: 0, found: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0 };
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

export function measure(dir: string = LETTERS): Measurement {
  const perCategory: Record<string, Tally> = {};
  for (const category of PERSONAL_DATA_CATEGORIES) perCategory[category] = emptyTally();
  const overall = emptyTally();
  const mismatches: string[] = [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  for (const name of files) {
    const file = path.join(dir, name);
    const text = fs.readFileSync(file, 'utf8');
    const expected = countBy(expectedFindings(text));
    const actual = countBy(actualFindings(text, letterSettings(file, text)));
    for (const key of new Set([...expected.keys(), ...actual.keys()])) {
      const category = key.slice(key.indexOf(':') + 1);
      const tally = (perCategory[category] ??= emptyTally());
      const want = expected.get(key) ?? 0;
      const got = actual.get(key) ?? 0;
      const hits = Math.min(want, got);
      for (const t of [tally, overall]) {
        t.expected += want;
        t.found += got;
        t.truePositives += hits;
        t.falsePositives += got - hits;
        t.falseNegatives += want - hits;
      }
      const line = key.slice(0, key.indexOf(':'));
      for (let i = hits; i < want; i++) mismatches.push(`${name}:${line} ${category} missed`);
      for (let i = hits; i < got; i++) mismatches.push(`${name}:${line} ${category} unexpected`);
    }
  }
  return { letters: files.length, perCategory, overall, mismatches };
}

export const precision = (t: Tally) => (t.found === 0 ? 1 : t.truePositives / t.found);
export const recall = (t: Tally) => (t.expected === 0 ? 1 : t.truePositives / t.expected);

export function formatTable(m: Measurement): string {
  const header = ['category', 'expected', 'found', 'TP', 'FP', 'FN', 'precision', 'recall'];
  const row = (name: string, t: Tally) => [name, t.expected, t.found, t.truePositives, t.falsePositives, t.falseNegatives, precision(t).toFixed(3), recall(t).toFixed(3)].map(String);
  const rows = [header, ...Object.entries(m.perCategory).map(([c, t]) => row(c, t)), row('overall', m.overall)];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  lines.splice(lines.length - 1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  const notes = m.mismatches.length > 0 ? `\n\nMismatches:\n${m.mismatches.map((s) => `  ${s}`).join('\n')}` : '';
  return `personal-data on ${m.letters} fixture letters\n\n${lines.join('\n')}${notes}`;
}

if (require.main === module) console.log(formatTable(measure()));
