// Applying a finding's quick fix removes that finding and introduces no other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../server/src/engine/lint';
import { DEFAULT_SETTINGS, mergeSettings } from '../../server/src/engine/config/settings';
import { FIXTURE_SETTINGS, FIXTURES, listFixtures } from '../helpers/fixtures';

const settings = mergeSettings(DEFAULT_SETTINGS, FIXTURE_SETTINGS);

const WITHOUT_FIX = new Set(['exemption-unknown', 'pit-unnecessary', 'frontmatter-invalid', 'deadline-exceeded', 'personal-data']);

let applied = 0;
for (const file of listFixtures(FIXTURES)) {
  const text = fs.readFileSync(file, 'utf8');
  const { findings } = lint(text, { settings });
  if (findings.length === 0) continue;
  test(`quick fixes in ${path.relative(FIXTURES, file)}`, () => {
    for (const finding of findings) {
      const fix = finding.fixes?.[0];
      if (!fix) {
        assert.ok(WITHOUT_FIX.has(finding.rule), `${finding.rule} has no quick fix`);
        continue;
      }
      assert.match(fix.title, /^(Insert |Set the letter's regime to |Mark as checked)/);
      assert.doesNotMatch(fix.text, /\$\{|\$\d|\/\/ /, 'plain Markdown, no snippet syntax or // comments');
      const fixed = text.slice(0, fix.offset) + fix.text + text.slice(fix.offset + (fix.replaceLength ?? 0));
      const after = lint(fixed, { settings }).findings;
      assert.deepEqual(after.filter((a) => a.rule === finding.rule && a.provision === finding.provision).map((a) => a.message), [], `${finding.rule} still reported after its fix`);
      const added = after.filter((a) => !findings.some((b) => b.rule === a.rule && b.provision === a.provision));
      assert.deepEqual(added.map((a) => `${a.rule}: ${a.message}`), [], 'the fix introduced new findings');
      applied++;
    }
  });
}

test('quick fixes were exercised', () => {
  assert.ok(applied >= 30, `only ${applied} fixes applied`);
});

test('the harm fix for s31 inserts the s31 wording before the public interest test, with the cited limb', () => {
  const text = fs.readFileSync(path.join(__dirname, '..', 'lsp', 'letters', 's31-refusal.md'), 'utf8');
  const harm = lint(text).findings.find((f) => f.rule === 'harm-missing');
  const fix = harm?.fixes?.[0];
  assert.ok(fix);
  assert.equal(fix.title, 'Insert harm section (foi-harm-s31)');
  assert.equal(fix.offset, text.indexOf('## Public interest test'));
  assert.ok(fix.text.startsWith('## Harm — section 31(1)(a)\n\n'));
  assert.ok(fix.text.endsWith('\n\n'));
  assert.match(fix.text, /\[explain what the information would reveal/);
});
