// Every fixture letter must produce exactly the diagnostics its markers name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { actualMarkers, expectedMarkers, FIXTURES, listFixtures } from '../helpers/fixtures';

for (const file of listFixtures(FIXTURES)) {
  const name = path.relative(FIXTURES, file);
  test(`fixture ${name}`, () => {
    const text = fs.readFileSync(file, 'utf8');
    assert.deepEqual(actualMarkers(text), expectedMarkers(text));
  });
}

test('every rule fixture folder has a positive and a negative fixture', () => {
  const rulesDir = path.join(FIXTURES, 'rules');
  for (const rule of fs.readdirSync(rulesDir)) {
    const files = fs.readdirSync(path.join(rulesDir, rule));
    assert.ok(files.some((f) => f.startsWith('bad-')), `${rule} has no bad-*.md fixture`);
    assert.ok(files.some((f) => f.startsWith('good-')), `${rule} has no good-*.md fixture`);
    for (const f of files.filter((f) => f.startsWith('bad-'))) {
      const text = fs.readFileSync(path.join(rulesDir, rule, f), 'utf8');
      assert.ok(expectedMarkers(text).some((m) => m.endsWith(`:${rule}`)), `${rule}/${f} expects no ${rule}`);
    }
  }
});
