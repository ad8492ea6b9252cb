// foi-lint as a user runs it: exit codes, formats, bad paths, workers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const EXAMPLES = path.join(ROOT, 'examples');

function run(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'foi-cli-'));
}

const complete = fs.readFileSync(path.join(EXAMPLES, 'eir-refusal.md'), 'utf8');
const defective = fs.readFileSync(path.join(EXAMPLES, 'defective-s31-missing-rights.md'), 'utf8');

test('exit 0 when nothing is at error level, 1 when errors are found', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'good.md'), complete);
  fs.writeFileSync(path.join(dir, 'bad.md'), defective);
  const good = run([path.join(dir, 'good.md')]);
  assert.equal(good.code, 0, good.stderr);
  assert.match(good.stdout, /1 letter checked: no problems/);
  const bad = run([path.join(dir, 'bad.md')]);
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /bad\.md:26:3: error harm-missing: No harm argument for section 31\(1\)\(a\)/);
  fs.rmSync(dir, { recursive: true });
});

test('--format json prints files with diagnostics in the documented shape', () => {
  const out = run(['--format', 'json', path.join(EXAMPLES, 'defective-s31-missing-rights.md')]);
  assert.equal(out.code, 1);
  const reports = JSON.parse(out.stdout);
  assert.equal(reports.length, 1);
  assert.equal(reports[0].file, path.join(EXAMPLES, 'defective-s31-missing-rights.md'));
  const harm = reports[0].diagnostics.find((d: any) => d.rule === 'harm-missing');
  assert.deepEqual(Object.keys(harm).sort(), ['message', 'provision', 'range', 'rule', 'severity']);
  assert.deepEqual(harm.range, { start: { line: 25, character: 2 }, end: { line: 25, character: 18 } });
  assert.equal(harm.provision, 'section 31(1)(a)');
  assert.equal(harm.severity, 'error');
});

test('--format sarif is SARIF 2.1.0 with rules and located results', () => {
  const out = run(['--format', 'sarif', path.join(EXAMPLES, 'defective-s31-missing-rights.md')]);
  const sarif = JSON.parse(out.stdout);
  assert.equal(sarif.version, '2.1.0');
  const run0 = sarif.runs[0];
  assert.equal(run0.tool.driver.name, 'foi-lint');
  assert.ok(run0.tool.driver.rules.some((r: any) => r.id === 'rights-missing' && r.helpUri.endsWith('rights-missing.md')));
  const harm = run0.results.find((r: any) => r.ruleId === 'harm-missing');
  assert.equal(harm.level, 'error');
  assert.deepEqual(harm.locations[0].physicalLocation.region, { startLine: 26, startColumn: 3, endLine: 26, endColumn: 19 });
});

test('--regime sets the regime for letters that do not say', () => {
  const dir = tempDir();
  const letter = path.join(dir, 'letter.md');
  fs.writeFileSync(letter, 'Dear Requester,\n\nWe withhold the report under section 43(2).\n');
  const scottish = JSON.parse(run(['--format', 'json', '--regime', 'FOISA', letter]).stdout);
  assert.ok(scottish[0].diagnostics.some((d: any) => d.rule === 'exemption-unknown'));
  const uk = JSON.parse(run(['--format', 'json', letter]).stdout);
  assert.ok(!uk[0].diagnostics.some((d: any) => d.rule === 'exemption-unknown'));
  fs.rmSync(dir, { recursive: true });
});

test('usage errors exit 2 with a message', () => {
  for (const args of [[], ['--format', 'xml', 'examples'], ['--regime', 'GDPR', 'examples'], ['--jobs', '0', 'examples'], ['--no-such-flag', 'examples']]) {
    const out = run(args);
    assert.equal(out.code, 2, args.join(' '));
    assert.match(out.stderr, /^foi-lint: /, args.join(' '));
  }
  assert.equal(run(['--help']).code, 0);
});

test('bad paths each get one line on stderr, the other files are still checked, exit 2', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'good.md'), complete);
  fs.writeFileSync(path.join(dir, 'latin1.md'), Buffer.from([0x44, 0x65, 0x61, 0x72, 0x20, 0xe9, 0x0a])); // "Dear é" in Latin-1
  fs.mkdirSync(path.join(dir, 'folder.md')); // a folder with a letter's name: unreadable as a file when named directly
  fs.mkdirSync(path.join(dir, 'empty'));
  fs.writeFileSync(path.join(dir, 'empty', 'notes.txt'), 'not a letter');
  fs.mkdirSync(path.join(dir, 'loop'));
  fs.symlinkSync(path.join(dir, 'loop'), path.join(dir, 'loop', 'again'));
  fs.symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'dangling.md'));
  const out = run([
    path.join(dir, 'good.md'),
    path.join(dir, 'latin1.md'),
    path.join(dir, 'missing.md'),
    path.join(dir, 'empty'),
    path.join(dir, 'loop'),
    `${dir}/nothing-*.md`,
  ]);
  assert.equal(out.code, 2, out.stderr);
  const errors = out.stderr.trim().split('\n');
  assert.ok(errors.every((line) => line.startsWith('foi-lint: ')), out.stderr);
  assert.ok(errors.some((l) => l.includes('latin1.md: not valid UTF-8')), out.stderr);
  assert.ok(errors.some((l) => l.includes('missing.md: no such file or folder')), out.stderr);
  assert.ok(errors.some((l) => l.includes('empty: no Markdown files in this folder')), out.stderr);
  assert.ok(errors.some((l) => /loop.*symbolic link loop/.test(l)), out.stderr);
  assert.ok(errors.some((l) => l.includes('nothing-*.md: the pattern matches no files')), out.stderr);
  assert.match(out.stdout, /1 letter checked: no problems/);
  const dangling = run([dir]);
  assert.ok(dangling.stderr.includes('dangling.md: broken or looping symbolic link'), dangling.stderr);
  fs.rmSync(dir, { recursive: true });
});

test('with two workers on 120 letters the output is complete lines in input order, and JSON parses', () => {
  const dir = tempDir();
  for (let i = 0; i < 120; i++) fs.writeFileSync(path.join(dir, `letter-${String(i).padStart(3, '0')}.md`), i % 2 ? defective : complete);
  const text = run(['--jobs', '2', dir]);
  assert.equal(text.code, 1);
  const lines = text.stdout.trim().split('\n');
  const findings = lines.slice(0, -1);
  assert.equal(lines[lines.length - 1], '120 letters checked: 120 error(s), 60 warning(s), 0 note(s)');
  for (const line of findings) assert.match(line, /^\/.+\/letter-\d{3}\.md:\d+:\d+: (error|warning|information|hint) [a-z-]+: .+\.$/);
  const files = findings.map((l) => l.split(':')[0]);
  assert.deepEqual(files, [...files].sort(), 'findings come out in file order');
  const json = JSON.parse(run(['--jobs', '2', '--format', 'json', dir]).stdout);
  assert.equal(json.length, 120);
  assert.deepEqual(json.map((r: any) => path.basename(r.file)), json.map((r: any) => path.basename(r.file)).sort());
  fs.rmSync(dir, { recursive: true });
});

test('.foi.jsonc next to the letters is honoured', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'bad.md'), defective);
  fs.writeFileSync(path.join(dir, '.foi.jsonc'), '{ "rules": { "harm-missing": "off", "rights-missing": "warning" } }');
  const out = run([dir]);
  assert.equal(out.code, 0, out.stdout);
  assert.doesNotMatch(out.stdout, /harm-missing/);
  assert.match(out.stdout, /warning rights-missing/);
  fs.rmSync(dir, { recursive: true });
});
