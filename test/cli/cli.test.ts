// foi-lint as a user or CI runs it: `node dist/cli.js`. Bad paths each give one line on
// stderr while the other letters are still checked; exit codes 0/1/2; JSON and SARIF
// shapes; output from worker threads is never interleaved.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const EXAMPLES = fs.existsSync(path.join(ROOT, 'examples')) ? path.join(ROOT, 'examples') : path.join(ROOT, 'test', 'fixtures');

let dir = '';
/** A letter with known error findings, and one with none. */
let defective = '';
let clean = '';
const DEFECTIVE_RULES = ['harm-missing', 'rights-missing'];

const FINDING_LINE = /^(.+):(\d+):(\d+): (error|warning|information|hint) ([a-z]+(?:-[a-z]+)*): (.+)$/;
const SUMMARY_LINE = /^\d+ letters? checked: (no problems|\d+ error\(s\), \d+ warning\(s\), \d+ note\(s\))$/;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: SpawnSyncOptions = {}, cli = CLI): Run {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

function stderrLines(r: Run): string[] {
  return r.stderr.split('\n').filter(Boolean);
}

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foi-cli-'));
  fs.chmodSync(dir, 0o755); // readable by the unprivileged user of the permission test
  defective = path.join(dir, 'defective.md');
  clean = path.join(dir, 'clean.md');
  fs.copyFileSync(path.join(EXAMPLES, 'defective-s31-missing-rights.md'), defective);
  fs.copyFileSync(path.join(EXAMPLES, 'eir-refusal.md'), clean);
  for (const f of [defective, clean]) fs.chmodSync(f, 0o644);
});

after(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The defective letter's findings are printed: checking went on past the bad path. */
function assertDefectiveChecked(r: Run, label: string): void {
  const rules = r.stdout
    .split('\n')
    .map((line) => FINDING_LINE.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && m[1].endsWith('defective.md'))
    .map((m) => m[5]);
  for (const rule of DEFECTIVE_RULES) assert.ok(rules.includes(rule), `${label}: ${rule} missing from stdout:\n${r.stdout}`);
}

/** One bad path: exactly one stderr line, naming it; the defective letter still checked; exit code 2. */
function assertOneBadPath(badPath: string, expected: RegExp, options: SpawnSyncOptions = {}, cli = CLI): void {
  const r = run([badPath, defective], options, cli);
  const lines = stderrLines(r);
  assert.equal(lines.length, 1, `${badPath}: stderr should be one line, got:\n${r.stderr}`);
  assert.ok(lines[0].startsWith(`foi-lint: ${badPath}: `), lines[0]);
  assert.match(lines[0], expected);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  assertDefectiveChecked(r, badPath);
  assert.equal(r.status, 2, `${badPath}: exit code`);
}

test('a file that cannot be read (permission denied: chmod 000, run as an unprivileged user when root)', () => {
  const secret = path.join(dir, 'secret.md');
  fs.writeFileSync(secret, '# Secret\n');
  fs.chmodSync(secret, 0o000);
  // root reads a chmod 000 file anyway, so drop to "nobody" for this run. The clone may sit in a
  // folder nobody cannot enter, so nobody runs a copy of the bundle from the test's own folder.
  if (process.getuid?.() === 0) {
    const cliCopy = path.join(dir, 'cli.js');
    fs.copyFileSync(CLI, cliCopy);
    fs.chmodSync(cliCopy, 0o755);
    const reachable = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(cliCopy)}, 4)`], { uid: 65534, gid: 65534 });
    assert.equal(reachable.status, 0, `the unprivileged user can read ${cliCopy} (is ${os.tmpdir()} private? set TMPDIR to a shared folder): ${String(reachable.stderr)}`);
    assertOneBadPath(secret, /cannot read \(permission denied\)/, { uid: 65534, gid: 65534 }, cliCopy);
    fs.rmSync(cliCopy);
  } else {
    assertOneBadPath(secret, /cannot read \(permission denied\)/);
  }
  fs.chmodSync(secret, 0o644);
  fs.rmSync(secret);
});

test('a file that opens but fails to read (/proc/self/mem gives EIO, even for root)', { skip: !fs.existsSync('/proc/self/mem') && 'no /proc' }, () => {
  assertOneBadPath('/proc/self/mem', /cannot read \(EIO\)/);
});

test('a directory named x.md', () => {
  const folder = path.join(dir, 'folder.md');
  fs.mkdirSync(folder);
  assertOneBadPath(folder, /no Markdown files in this folder/);
  fs.rmdirSync(folder);
});

test('a FIFO named x.md is skipped, not read (reading it would block for ever)', { skip: process.platform === 'win32' && 'no FIFOs' }, () => {
  const fifo = path.join(dir, 'pipe.md');
  const made = spawnSync('mkfifo', [fifo]);
  if (made.status !== 0) return;
  assertOneBadPath(fifo, /not a regular file/);
  fs.rmSync(fifo);
});

test('symbolic link loops: a looping file link, and a folder that links to itself', () => {
  const a = path.join(dir, 'loop-a.md');
  const b = path.join(dir, 'loop-b.md');
  fs.symlinkSync(b, a);
  fs.symlinkSync(a, b);
  assertOneBadPath(a, /symbolic link loop/);
  fs.rmSync(a);
  fs.rmSync(b);

  const tree = path.join(dir, 'tree');
  fs.mkdirSync(tree);
  fs.copyFileSync(defective, path.join(tree, 'defective.md'));
  fs.symlinkSync('..', path.join(tree, 'up'));
  fs.symlinkSync('.', path.join(tree, 'self'));
  const r = run([tree]);
  assert.ok(stderrLines(r).length >= 1 && stderrLines(r).every((l) => /symbolic link loop/.test(l)), r.stderr);
  assert.ok(r.stdout.includes(path.join(tree, 'defective.md')), r.stdout);
  assert.equal(r.status, 2);
  fs.rmSync(tree, { recursive: true });
});

test('a broken symbolic link', () => {
  const broken = path.join(dir, 'broken.md');
  fs.symlinkSync(path.join(dir, 'does-not-exist.md'), broken);
  assertOneBadPath(broken, /no such file/);
  fs.rmSync(broken);
});

test('a file that is not UTF-8', () => {
  const latin1 = path.join(dir, 'latin1.md');
  fs.writeFileSync(latin1, Buffer.from('# R\xe9ponse\n\nSection 31(1)(a) \xff\xfe applies.\n', 'latin1'));
  assertOneBadPath(latin1, /not valid UTF-8/);
  fs.rmSync(latin1);
});

test('a folder with no Markdown in it', () => {
  const empty = path.join(dir, 'no-markdown');
  fs.mkdirSync(empty);
  fs.writeFileSync(path.join(empty, 'notes.txt'), 'not a letter');
  assertOneBadPath(empty, /no Markdown files in this folder/);
  fs.rmSync(empty, { recursive: true });
});

test('a path or a glob that matches nothing is an error (exit 2)', () => {
  const missing = run(['no-such-letter.md']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no-such-letter\.md: no such file or folder/);
  const glob = run(['nothing-matches-*.md']);
  assert.equal(glob.status, 2);
  assert.match(glob.stderr, /the pattern matches no files/);
  assert.equal(run([]).status, 2, 'no arguments');
  assert.equal(run(['--format', 'xml', clean]).status, 2, 'bad --format');
  assert.equal(run(['--jobs', '0', clean]).status, 2, 'bad --jobs');
});

test('exit code 0 with no errors, 1 with errors', () => {
  const ok = run([clean]);
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /1 letter checked: no problems/);
  assert.equal(ok.stderr, '');
  const bad = run([clean, defective]);
  assert.equal(bad.status, 1, bad.stdout + bad.stderr);
  assert.equal(bad.stderr, '');
  // Warnings alone do not fail the run.
  const warningOnly = path.join(dir, 'warning-only.md');
  fs.writeFileSync(warningOnly, '---\nregime: FOIA\nresponse_type: refusal\n---\n\nSection 47(1) applies.\n');
  const settings = path.join(dir, '.foi.jsonc');
  fs.writeFileSync(settings, '{ "rules": { "rights-missing": "warning", "exemption-unknown": "warning", "personal-data": "off" } }');
  const warned = run([warningOnly]);
  fs.rmSync(settings);
  fs.rmSync(warningOnly);
  assert.match(warned.stdout, / warning /);
  assert.equal(warned.status, 0, warned.stdout + warned.stderr);
});

test('--format json: an array of {file, diagnostics: [{rule, severity, message, range, provision}]}', () => {
  const r = run(['--format', 'json', clean, defective]);
  assert.equal(r.status, 1);
  const reports = JSON.parse(r.stdout) as unknown;
  assert.ok(Array.isArray(reports) && reports.length === 2);
  for (const report of reports as Record<string, unknown>[]) {
    assert.deepEqual(Object.keys(report).sort(), ['diagnostics', 'file']);
    assert.equal(typeof report.file, 'string');
    assert.ok(Array.isArray(report.diagnostics));
    for (const d of report.diagnostics as Record<string, any>[]) {
      assert.deepEqual(Object.keys(d).sort(), ['message', 'provision', 'range', 'rule', 'severity']);
      assert.match(d.rule, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
      assert.equal(typeof d.message, 'string');
      assert.ok(d.provision === null || typeof d.provision === 'string');
      for (const end of [d.range.start, d.range.end]) {
        assert.deepEqual(Object.keys(end).sort(), ['character', 'line']);
        assert.ok(Number.isInteger(end.line) && end.line >= 0 && Number.isInteger(end.character) && end.character >= 0);
      }
    }
  }
  const [cleanReport, defectiveReport] = reports as { file: string; diagnostics: { rule: string; provision: string | null }[] }[];
  assert.deepEqual(cleanReport.diagnostics, []);
  for (const rule of DEFECTIVE_RULES) assert.ok(defectiveReport.diagnostics.some((d) => d.rule === rule), rule);
  assert.ok(defectiveReport.diagnostics.some((d) => d.rule === 'harm-missing' && /31\(1\)\(a\)/.test(d.provision ?? '')));
});

test('--format sarif: SARIF 2.1.0 shape', () => {
  const r = run(['--format', 'sarif', clean, defective]);
  assert.equal(r.status, 1);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  assert.match(sarif.$schema, /sarif.*2\.1\.0/);
  assert.equal(sarif.runs.length, 1);
  const driver = sarif.runs[0].tool.driver;
  assert.equal(driver.name, 'foi-lint');
  assert.ok(Array.isArray(driver.rules) && driver.rules.length > 5);
  const ruleIds = new Set<string>();
  for (const rule of driver.rules) {
    assert.equal(typeof rule.id, 'string');
    assert.equal(typeof rule.shortDescription.text, 'string');
    ruleIds.add(rule.id);
  }
  assert.equal(ruleIds.size, driver.rules.length, 'rule ids are unique');
  const results = sarif.runs[0].results;
  assert.ok(Array.isArray(results) && results.length >= DEFECTIVE_RULES.length);
  for (const result of results) {
    assert.ok(ruleIds.has(result.ruleId), `${result.ruleId} is declared in tool.driver.rules`);
    assert.ok(['error', 'warning', 'note', 'none'].includes(result.level));
    assert.equal(typeof result.message.text, 'string');
    const location = result.locations[0].physicalLocation;
    assert.ok(location.artifactLocation.uri.endsWith('defective.md'));
    const region = location.region;
    for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(Number.isInteger(region[key]) && region[key] >= 1, `${key} ${region[key]}`);
  }
});

test('with worker threads (--jobs 2, 120+ letters) output is never interleaved and matches --jobs 1', () => {
  const many = path.join(dir, 'many');
  fs.mkdirSync(many);
  const letters = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md');
  let copies = 0;
  for (let i = 0; copies < 125; i++) for (const f of letters) fs.copyFileSync(path.join(EXAMPLES, f), path.join(many, `${String(i).padStart(3, '0')}-${f}`)), copies++;

  const parallel = run(['--jobs', '2', many]);
  assert.equal(parallel.stderr, '');
  const lines = parallel.stdout.split('\n');
  assert.equal(lines.pop(), '', 'output ends with a newline');
  assert.match(lines.pop() ?? '', SUMMARY_LINE);
  assert.ok(lines.length >= copies / 2, `${lines.length} finding lines for ${copies} letters`);
  for (const line of lines) {
    const m = FINDING_LINE.exec(line);
    assert.ok(m, `not a complete finding line: ${JSON.stringify(line)}`);
    assert.ok(fs.existsSync(m[1]), `file part of ${JSON.stringify(line)}`);
  }
  assert.match(parallel.stdout, new RegExp(`${copies} letters checked`));
  const serial = run(['--jobs', '1', many]);
  assert.equal(parallel.stdout, serial.stdout, 'same output with and without workers');
  assert.equal(parallel.status, serial.status);

  const json = run(['--jobs', '2', '--format', 'json', many]);
  const reports = JSON.parse(json.stdout) as { file: string }[];
  assert.equal(reports.length, copies);
  assert.equal(new Set(reports.map((r) => r.file)).size, copies);
  assert.deepEqual(reports, JSON.parse(run(['--jobs', '1', '--format', 'json', many]).stdout));
  JSON.parse(run(['--jobs', '2', '--format', 'sarif', many]).stdout);
  fs.rmSync(many, { recursive: true });
});
