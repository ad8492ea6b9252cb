import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../server/src/engine/lint';
import { DEFAULT_SETTINGS, mergeSettings, type PartialSettings } from '../../server/src/engine/config/settings';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');

const MARKER = /<!--\s*expect:\s*([a-z0-9\-/,\s]+?)\s*-->/g;

/** "line:rule" for each `<!-- expect: rule -->` marker (1-based lines). */
export function expectedMarkers(text: string): string[] {
  const out: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    for (const match of line.matchAll(MARKER)) {
      for (const rule of match[1].split(',').map((r) => r.trim()).filter(Boolean)) out.push(`${index + 1}:${rule}`);
    }
  });
  return out.sort();
}

/**
 * Rule fixtures test the letter's structure; personal data has its own fixture set
 * (test/personal-data), so the structural fixtures run with that rule off.
 */
export const FIXTURE_SETTINGS: PartialSettings = { rules: { 'personal-data': 'off' } };

/** "line:rule" for each finding (1-based lines). */
export function actualMarkers(text: string, settings: PartialSettings = FIXTURE_SETTINGS): string[] {
  const result = lint(text, { settings: mergeSettings(DEFAULT_SETTINGS, settings) });
  return result.findings.map((f) => `${f.range.start.line + 1}:${f.rule}`).sort();
}

export function listFixtures(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFixtures(full));
    else if (entry.name.endsWith('.md') && entry.name !== 'README.md') out.push(full);
  }
  return out.sort();
}
