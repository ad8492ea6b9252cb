// Files derived from the rules' metadata must be up to date: run `npm run generate` after adding a
// rule or changing its id, default severity or description.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generatedFiles, ROOT } from '../scripts/generate-metadata';

test('package.json, the config schema and the rule tables match the rules\' metadata (npm run generate)', () => {
  const stale = generatedFiles().filter(({ file, text }) => fs.readFileSync(path.join(ROOT, file), 'utf8') !== text).map(({ file }) => file);
  assert.deepEqual(stale, [], `out of date: ${stale.join(', ')}; run npm run generate`);
});

test('a changed description is caught: the generator writes it into every table', () => {
  const files = generatedFiles();
  const readme = files.find((f) => f.file === 'README.md')!.text;
  const docs = files.find((f) => f.file === 'docs/rules/README.md')!.text;
  const manifest = JSON.parse(files.find((f) => f.file === 'package.json')!.text);
  assert.match(readme, /\| \[`harm-missing`\]\(docs\/rules\/harm-missing\.md\) \| error \| A prejudice-, endangerment-/);
  assert.match(docs, /\| \[harm-missing\]\(harm-missing\.md\) \| error \| A prejudice-, endangerment-/);
  assert.match(manifest.contributes.configuration.properties['foi.rules'].properties['harm-missing'].description, /Default: error\.$/);
  // Edit the README table by hand and the check reports it.
  const edited = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').replace('| error | A prejudice-', '| warning | A prejudice-');
  assert.notEqual(edited, readme);
});
