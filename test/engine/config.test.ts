// Settings layers: mergeSettings, `.foi.jsonc` parsing and lookup (in-memory host),
// and the server's resolveSettings/sanitise.
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SETTINGS, mergeSettings } from '../../server/src/engine/config/settings';
import { loadConfigFor, parseConfigText, type ConfigHost } from '../../server/src/engine/config/configFile';
import { resolveSettings, sanitise } from '../../server/src/lsp/settingsSource';

/** A file system in a map, with POSIX paths. */
function memoryHost(files: Record<string, string>): ConfigHost & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile(file) {
      reads.push(file);
      return files[file];
    },
    dirname: path.posix.dirname,
    join: path.posix.join,
  };
}

describe('mergeSettings', () => {
  test('later layers win; rule maps merge key by key', () => {
    const merged = mergeSettings(
      DEFAULT_SETTINGS,
      { defaultRegime: 'EIR', rules: { 'harm-missing': 'warning', 'pit-missing': 'hint' } },
      { defaultRegime: 'FOISA', rules: { 'harm-missing': 'off' } },
    );
    assert.equal(merged.defaultRegime, 'FOISA');
    assert.deepEqual(merged.rules, { 'harm-missing': 'off', 'pit-missing': 'hint' });
    assert.equal(merged.nation, DEFAULT_SETTINGS.nation);
    assert.equal(merged.maxDocumentLength, DEFAULT_SETTINGS.maxDocumentLength);
  });

  test('undefined values and missing layers change nothing', () => {
    const merged = mergeSettings(DEFAULT_SETTINGS, undefined, { defaultRegime: undefined, enable: undefined });
    assert.deepEqual(merged, DEFAULT_SETTINGS);
  });

  test('lists add up; personal data categories merge', () => {
    const merged = mergeSettings(
      DEFAULT_SETTINGS,
      { extraHolidays: ['2026-01-02'], personalData: { categories: { email: false }, allow: ['foi@council.example'] } },
      { extraHolidays: ['2026-05-05'], personalData: { categories: { phone: false }, allow: ['01234 567890'] } },
    );
    assert.deepEqual(merged.extraHolidays, ['2026-01-02', '2026-05-05']);
    assert.deepEqual(merged.personalData, {
      categories: { ...DEFAULT_SETTINGS.personalData.categories, email: false, phone: false },
      allow: ['foi@council.example', '01234 567890'],
    });
  });

  test('the base is not changed', () => {
    const before = JSON.stringify(DEFAULT_SETTINGS);
    mergeSettings(DEFAULT_SETTINGS, { rules: { 'harm-missing': 'off' }, extraHolidays: ['2026-01-02'], personalData: { categories: { email: false }, allow: ['x'] } });
    assert.equal(JSON.stringify(DEFAULT_SETTINGS), before);
  });
});

describe('parseConfigText', () => {
  test('comments and trailing commas are allowed', () => {
    const text = '// settings for this folder\n{\n  /* regime */ "defaultRegime": "EIR", // inline\n  "rules": { "harm-missing": "off", },\n}\n';
    assert.deepEqual(parseConfigText(text, '/ws/.foi.jsonc'), { settings: { defaultRegime: 'EIR', rules: { 'harm-missing': 'off' } }, problems: [] });
  });

  test('invalid JSON: one problem naming the file and line', () => {
    const text = '{\n  "defaultRegime": "EIR"\n  "nation": "scotland"\n}';
    assert.deepEqual(parseConfigText(text, '/ws/.foi.jsonc'), { problems: ['/ws/.foi.jsonc:3: CommaExpected; the file was ignored.'] });
  });

  test('unknown rule id and bad severity are problems naming the file', () => {
    const { settings, problems } = parseConfigText('{ "rules": { "no-such-rule": "off", "harm-missing": "loud" } }', '/ws/.foi.jsonc');
    assert.equal(settings, undefined);
    assert.ok(problems.length > 0);
    for (const problem of problems) assert.ok(problem.startsWith('/ws/.foi.jsonc: '), problem);
    const all = problems.join('\n');
    assert.match(all, /"no-such-rule"/);
    assert.match(all, /\/rules\/harm-missing/);
    assert.match(all, /the file was ignored\.$/);
  });

  test('unknown top-level key, bad enum, bad number', () => {
    assert.match(parseConfigText('{ "colour": "red" }', 'f').problems.join(), /additional properties "colour"/);
    assert.match(parseConfigText('{ "defaultRegime": "GDPR" }', 'f').problems.join(), /\/defaultRegime/);
    assert.match(parseConfigText('{ "maxDocumentLength": 5 }', 'f').problems.join(), /\/maxDocumentLength must be >= 1000/);
    assert.match(parseConfigText('{ "extraHolidays": ["1 May"] }', 'f').problems.join(), /\/extraHolidays\/0/);
    assert.match(parseConfigText('{ "personalData": { "categories": { "email": "yes" } } }', 'f').problems.join(), /\/personalData\/categories\/email must be boolean/);
  });

  test('not an object', () => {
    assert.match(parseConfigText('[1]', 'f').problems.join(), /\(top level\) must be object/);
  });

  test('an impossible extra holiday (2026-02-30) is named and left out; the real ones and the rest of the file are kept', () => {
    const parsed = parseConfigText('{ "extraHolidays": ["2026-02-30", "2026-03-02"], "defaultRegime": "EIR" }', 'f');
    assert.deepEqual(parsed.settings, { extraHolidays: ['2026-03-02'], defaultRegime: 'EIR' });
    assert.deepEqual(parsed.problems, ['f: extraHolidays: "2026-02-30": day must be 01 to 28 for that month; that date was left out.']);
  });

  test('"$schema" and "root" are accepted', () => {
    assert.deepEqual(parseConfigText('{ "$schema": "./schema.json", "root": true }', 'f'), { settings: { $schema: './schema.json', root: true }, problems: [] });
  });
});

describe('loadConfigFor', () => {
  const files = {
    '/ws/.foi.jsonc': '{ "defaultRegime": "EIR", "nation": "scotland", "rules": { "harm-missing": "warning", "pit-missing": "hint" } }',
    '/ws/letters/.foi.jsonc': '// nearer\n{ "defaultRegime": "FOISA", "rules": { "harm-missing": "off", }, }',
    '/ws/broken/.foi.jsonc': '{\n  "rules": {\n    "harm-missing" "off"\n  }\n}',
    '/ws/schema/.foi.jsonc': '{ "rules": { "no-such-rule": "off" } }',
    '/ws/rooted/.foi.jsonc': '{ "root": true, "$schema": "x.json", "nation": "northern-ireland" }',
  };

  test('the nearer file wins, key by key', () => {
    const loaded = loadConfigFor('/ws/letters/reply.md', memoryHost(files));
    assert.deepEqual(loaded.files, ['/ws/letters/.foi.jsonc', '/ws/.foi.jsonc']);
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.settings.defaultRegime, 'FOISA');
    assert.equal(loaded.settings.nation, 'scotland');
    assert.deepEqual(loaded.settings.rules, { 'harm-missing': 'off', 'pit-missing': 'hint' });
  });

  test('the search walks up to the file system root', () => {
    const host = memoryHost(files);
    loadConfigFor('/ws/letters/2026/reply.md', host);
    assert.deepEqual(host.reads, ['/ws/letters/2026/.foi.jsonc', '/ws/letters/.foi.jsonc', '/ws/.foi.jsonc', '/.foi.jsonc']);
  });

  test('"root": true stops the search and is not a setting', () => {
    const host = memoryHost(files);
    const loaded = loadConfigFor('/ws/rooted/sub/reply.md', host);
    assert.deepEqual(loaded.files, ['/ws/rooted/.foi.jsonc']);
    assert.ok(!host.reads.includes('/ws/.foi.jsonc'));
    assert.equal(loaded.settings.nation, 'northern-ireland');
    assert.equal(loaded.settings.defaultRegime, undefined);
    assert.ok(!('root' in loaded.settings));
    assert.ok(!('$schema' in loaded.settings));
  });

  test('invalid JSON: problem with file and line, that file ignored, the farther one still used', () => {
    const loaded = loadConfigFor('/ws/broken/reply.md', memoryHost(files));
    assert.deepEqual(loaded.files, ['/ws/broken/.foi.jsonc', '/ws/.foi.jsonc']);
    assert.deepEqual(loaded.problems, ['/ws/broken/.foi.jsonc:3: ColonExpected; the file was ignored.']);
    assert.equal(loaded.settings.defaultRegime, 'EIR');
    assert.deepEqual(loaded.settings.rules, { 'harm-missing': 'warning', 'pit-missing': 'hint' });
  });

  test('schema violation: problem, file ignored', () => {
    const loaded = loadConfigFor('/ws/schema/reply.md', memoryHost(files));
    assert.equal(loaded.problems.length, 1);
    assert.match(loaded.problems[0], /^\/ws\/schema\/\.foi\.jsonc: .*"no-such-rule"/);
    assert.ok(!('no-such-rule' in (loaded.settings.rules ?? {})));
    assert.equal(loaded.settings.defaultRegime, 'EIR');
  });

  test('personal data settings merge across files', () => {
    const loaded = loadConfigFor(
      '/a/b/reply.md',
      memoryHost({
        '/a/.foi.jsonc': '{ "personalData": { "categories": { "email": false }, "allow": ["foi@council.example"] } }',
        '/a/b/.foi.jsonc': '{ "personalData": { "categories": { "phone": false }, "allow": ["0300 123 4567"] } }',
      }),
    );
    assert.deepEqual(loaded.settings.personalData, { categories: { email: false, phone: false }, allow: ['foi@council.example', '0300 123 4567'] });
  });

  test('no files: empty settings', () => {
    assert.deepEqual(loadConfigFor('/elsewhere/reply.md', memoryHost(files)), { files: [], settings: {}, problems: [] });
  });
});

describe('resolveSettings (server)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foi-config-test-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, '.foi.jsonc'), '{ "root": true, "defaultRegime": "EIR", "rules": { "harm-missing": "off" } }');
  const letterUri = pathToFileURL(path.join(dir, 'reply.md')).href;

  test('defaults < editor settings < .foi.jsonc', () => {
    const editor = { defaultRegime: 'FOISA', nation: 'scotland', rules: { 'harm-missing': 'warning', 'pit-missing': 'hint' } };
    const resolved = resolveSettings(letterUri, sanitise(editor));
    assert.deepEqual(resolved.configFiles, [path.join(dir, '.foi.jsonc')]);
    assert.deepEqual(resolved.problems, []);
    assert.equal(resolved.settings.defaultRegime, 'EIR');
    assert.equal(resolved.settings.nation, 'scotland');
    assert.deepEqual(resolved.settings.rules, { 'harm-missing': 'off', 'pit-missing': 'hint' });
    assert.equal(resolved.settings.run, DEFAULT_SETTINGS.run);
    assert.equal(resolved.settings.maxDocumentLength, DEFAULT_SETTINGS.maxDocumentLength);
  });

  test('an impossible date in the foi.extraHolidays setting is reported, not dropped silently', () => {
    const resolved = resolveSettings('untitled:Untitled-1', { extraHolidays: ['2026-13-01', '2026-12-29'] });
    assert.deepEqual(resolved.settings.extraHolidays, ['2026-12-29']);
    assert.deepEqual(resolved.problems, ['The foi.extraHolidays setting: "2026-13-01": month must be 01 to 12; that date was left out.']);
  });

  test('documents that are not files use editor settings only', () => {
    const resolved = resolveSettings('untitled:Untitled-1', { defaultRegime: 'FOISA' });
    assert.deepEqual(resolved.configFiles, []);
    assert.equal(resolved.settings.defaultRegime, 'FOISA');
  });

  test('no editor settings: defaults then the file', () => {
    const resolved = resolveSettings(letterUri, undefined);
    assert.deepEqual(resolved.settings, mergeSettings(DEFAULT_SETTINGS, { defaultRegime: 'EIR', rules: { 'harm-missing': 'off' } }));
  });
});

describe('sanitise', () => {
  test('keeps well-typed values', () => {
    const input = {
      enable: false,
      run: 'onSave',
      defaultRegime: 'EISR',
      nation: 'northern-ireland',
      rules: { 'harm-missing': 'error' },
      extraHolidays: ['2026-01-02'],
      personalData: { categories: { email: false }, allow: ['x@example.org'] },
      maxDocumentLength: 5000,
    };
    assert.deepEqual(sanitise(input), input);
  });

  test('drops wrong-typed values', () => {
    const out = sanitise({
      enable: 'yes',
      run: 'always',
      defaultRegime: 'GDPR',
      nation: 'wales',
      rules: { 'harm-missing': 'loud', 'pit-missing': 3, 'balance-missing': 'off' },
      extraHolidays: ['2026-01-02', 7, null],
      personalData: { categories: { email: 'no', phone: false }, allow: ['a', 1] },
      maxDocumentLength: 10,
      unknownKey: true,
    });
    assert.deepEqual(out, {
      rules: { 'balance-missing': 'off' },
      extraHolidays: ['2026-01-02'],
      personalData: { categories: { phone: false }, allow: ['a'] },
    });
  });

  test('non-objects give nothing', () => {
    assert.equal(sanitise(undefined), undefined);
    assert.equal(sanitise(null), undefined);
    assert.equal(sanitise('FOIA'), undefined);
    assert.deepEqual(sanitise({ rules: 'off', personalData: 5, extraHolidays: 'x' }), {});
  });
});
