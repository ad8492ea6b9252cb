// The README, the manifest, the config schema and docs/rules agree with the code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENGINE_RULES, RULES } from '../server/src/engine/rules';
import { SNIPPETS } from '../server/src/engine/snippets';
import { DEFAULT_SETTINGS } from '../server/src/engine/config/settings';

const ROOT = path.join(__dirname, '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const configSchema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'foi-config.schema.json'), 'utf8'));
const ruleIds = [...RULES.map((r) => r.id), ...ENGINE_RULES.map((r) => r.id)];

test('every rule has a docs page, a README row, a manifest severity setting and a config-schema entry', () => {
  const schemaRules: string[] = configSchema.properties.rules.propertyNames.enum;
  const manifestRules = Object.keys(manifest.contributes.configuration.properties['foi.rules'].properties);
  for (const id of ruleIds) {
    assert.ok(fs.existsSync(path.join(ROOT, 'docs', 'rules', `${id}.md`)), `docs/rules/${id}.md`);
    assert.ok(readme.includes(`[\`${id}\`](docs/rules/${id}.md)`), `README row for ${id}`);
    assert.ok(schemaRules.includes(id), `config schema knows ${id}`);
    assert.ok(manifestRules.includes(id), `foi.rules knows ${id}`);
  }
  assert.deepEqual([...schemaRules].sort(), [...manifestRules].sort());
});

test('every rule id is kebab-case and every rule has a description', () => {
  for (const rule of RULES) {
    assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(rule.description.length > 20);
  }
});

/** Settings the VS Code client reads itself; the engine never sees them. */
const CLIENT_ONLY_SETTINGS = ['foi.trace.server', 'foi.server.watchdogSeconds'];

test('every setting in the manifest is in the README and in the shared settings shape', () => {
  const settingKeys = Object.keys(manifest.contributes.configuration.properties);
  for (const key of settingKeys) assert.ok(readme.includes(`\`${key}\``), `README documents ${key}`);
  const shape = new Set([...Object.keys(DEFAULT_SETTINGS).map((k) => `foi.${k}`), 'foi.personalData.categories', 'foi.personalData.allow', ...CLIENT_ONLY_SETTINGS]);
  for (const key of settingKeys) assert.ok(shape.has(key), `${key} exists in FoiSettings`);
  for (const key of Object.keys(DEFAULT_SETTINGS)) {
    if (key === 'personalData') continue;
    if (key === 'phrasings' && !settingKeys.includes('foi.phrasings')) {
      // A team's phrasings live in .foi.jsonc only: then the config schema and the README must document them.
      assert.ok(configSchema.properties.phrasings, 'the .foi.jsonc schema knows phrasings');
      assert.ok(readme.includes('`phrasings`'), 'README documents phrasings');
      continue;
    }
    assert.ok(settingKeys.includes(`foi.${key}`), `foi.${key} is contributed`);
  }
});

test('every snippet prefix is in the README and the manifest contributes both snippet files', () => {
  for (const snippet of SNIPPETS) assert.ok(readme.includes(`\`${snippet.prefix}\``), `README lists ${snippet.prefix}`);
  const paths = manifest.contributes.snippets.map((s: { path: string }) => path.normalize(s.path));
  for (const file of fs.readdirSync(path.join(ROOT, 'snippets'))) assert.ok(paths.includes(path.normalize(`./snippets/${file}`)), `${file} contributed`);
});

test('every directive is documented', () => {
  for (const directive of ['foi-disable-next-line', 'foi-disable-line', 'foi-disable ', 'foi-enable', 'foi-disable-file']) {
    assert.ok(readme.includes(`<!-- ${directive.trim()}`), directive);
  }
});
