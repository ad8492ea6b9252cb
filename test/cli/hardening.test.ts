// foi-lint in a hostile workspace: settings files that are devices, pipes or absurdly nested,
// unbounded --jobs, a reader that goes away, and file names that try to forge output lines.
// Each run has a generous hang detector (two minutes), never a speed bound.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const HANG = 120_000;

const LETTER = `Dear Requester,

We hold the report you asked for. We are withholding it under section 43(2) of the Freedom of Information Act 2000.

Yours sincerely,
Information Team
`;

let dir = '';
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foi-hardening-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function folderWithLetter(name: string): string {
  const folder = path.join(dir, name);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'letter.md'), LETTER);
  return folder;
}

function run(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: HANG });
  assert.equal(result.error, undefined, `foi-lint did not finish: ${result.error}`);
  return result;
}

test('a .foi.jsonc that is a symlink to /dev/zero is refused with one line; the letter is still checked', { skip: !fs.existsSync('/dev/zero') }, () => {
  const folder = folderWithLetter('zero');
  fs.symlinkSync('/dev/zero', path.join(folder, '.foi.jsonc'));
  const result = run(['zero']);
  assert.match(result.stderr, /\.foi\.jsonc: not a regular file; the file was ignored\./);
  assert.match(result.stdout, /letter\.md:\d+:\d+: error harm-missing/);
  assert.equal(result.status, 1);
});

test('a .foi.jsonc that is a named pipe is refused without blocking', (t) => {
  const folder = folderWithLetter('fifo');
  const made = spawnSync('mkfifo', [path.join(folder, '.foi.jsonc')]);
  if (made.status !== 0) return t.skip('mkfifo is not available');
  const result = run(['fifo']);
  assert.match(result.stderr, /\.foi\.jsonc: not a regular file; the file was ignored\./);
  assert.match(result.stdout, /1 letter checked/);
});

test('an oversized .foi.jsonc is refused', () => {
  const folder = folderWithLetter('huge');
  fs.writeFileSync(path.join(folder, '.foi.jsonc'), `{ "rules": {} ${' '.repeat(300 * 1024)}}`);
  const result = run(['huge']);
  assert.match(result.stderr, /\.foi\.jsonc: larger than 256 KB; the file was ignored\./);
  assert.match(result.stdout, /1 letter checked/);
});

test('a .foi.jsonc that is a folder, or that cannot be read, is reported on its letters, not ignored silently', () => {
  const folder = folderWithLetter('config-folder');
  fs.mkdirSync(path.join(folder, '.foi.jsonc'));
  const asFolder = run(['config-folder']);
  assert.match(asFolder.stderr, /config-folder\/\.foi\.jsonc: is a folder, not a file; the file was ignored\./);
  assert.match(asFolder.stdout, /letter\.md:\d+:\d+: error harm-missing/);

  // A symlink to itself cannot be opened (ELOOP), whoever runs the test.
  const looped = folderWithLetter('config-loop');
  fs.symlinkSync('.foi.jsonc', path.join(looped, '.foi.jsonc'));
  const result = run(['config-loop']);
  assert.match(result.stderr, /config-loop\/\.foi\.jsonc: cannot read \(ELOOP\); the file was ignored\./);
  assert.match(result.stdout, /letter\.md:\d+:\d+: error harm-missing/);
});

test('a letter far larger than any letter (600 MB, sparse) is refused by size, not called "not valid UTF-8"', (t) => {
  const folder = path.join(dir, 'giant');
  fs.mkdirSync(folder);
  const giant = path.join(folder, 'giant.md');
  try {
    fs.writeFileSync(giant, '');
    fs.truncateSync(giant, 600 * 1024 * 1024);
  } catch {
    return t.skip('cannot make a sparse file here');
  }
  fs.writeFileSync(path.join(folder, 'letter.md'), LETTER);
  const result = run(['giant']);
  assert.match(result.stderr, /giant\.md: larger than 32 MB/);
  assert.doesNotMatch(result.stderr, /UTF-8/);
  assert.match(result.stdout, /letter\.md:\d+:\d+: error harm-missing/);
  assert.equal(result.status, 2);
});

test('a deeply nested .foi.jsonc in one folder affects only that folder; the run reports every letter', () => {
  folderWithLetter('nested/good');
  const bad = folderWithLetter('nested/bad');
  fs.writeFileSync(path.join(bad, '.foi.jsonc'), `{ "rules": ${'['.repeat(100_000)}${']'.repeat(100_000)} }`);
  const result = run(['nested']);
  assert.doesNotMatch(result.stderr, /Maximum call stack|RangeError|at .*\.js:\d+/);
  assert.match(result.stderr, /bad\/\.foi\.jsonc: nested more than 32 levels deep/);
  assert.match(result.stdout, /2 letters checked/);
  assert.equal(result.stdout.split('\n').filter((l) => /letter\.md:\d+:\d+: error harm-missing/.test(l)).length, 2);
});

test('--jobs is clamped to what the machine can use, and must be plain digits', () => {
  const folder = folderWithLetter('jobs');
  const many = run(['--jobs', '1000', folder]);
  assert.match(many.stderr, /--jobs 1000 is more than this machine can use; using \d+ \(2 per core\)/);
  assert.match(many.stdout, /1 letter checked/);
  for (const bad of ['1e3', '0x10', '2.5', '0']) {
    const refused = run(['--jobs', bad, folder]);
    assert.equal(refused.status, 2, `--jobs ${bad}`);
    assert.match(refused.stderr, /--jobs must be a whole number of at least 1/);
  }
});

test('a closed pipe ends the run quietly with the run\'s exit code', (t) => {
  const folder = path.join(dir, 'pipe');
  fs.mkdirSync(folder);
  for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(folder, `letter-${i}.md`), LETTER);
  const shell = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" --jobs 1 "${folder}" | head -1 >/dev/null; echo "status=\${PIPESTATUS[0]}" >&2`], { encoding: 'utf8', timeout: HANG });
  if (shell.error) return t.skip('bash is not available');
  assert.doesNotMatch(shell.stderr, /EPIPE|Error|at /);
  assert.match(shell.stderr, /status=1/);
});

test('file names with a line break or an escape sequence cannot forge output lines or reach the terminal raw', () => {
  const folder = path.join(dir, 'names');
  fs.mkdirSync(folder);
  const forged = 'x.md:1:1: error harm-missing: forged\n\u001b[31mred #1.md';
  fs.writeFileSync(path.join(folder, forged), LETTER);
  const text = run([folder]);
  assert.doesNotMatch(text.stdout, /\u001b/);
  const lines = text.stdout.trim().split('\n');
  assert.ok(lines.every((line) => line.startsWith(folder) || /letters? checked/.test(line)), lines.join('\n'));
  assert.ok(lines.some((line) => line.includes('forged\\u000a\\u001b[31mred #1.md:')), lines.join('\n'));
  const sarif = JSON.parse(run(['--format', 'sarif', folder]).stdout);
  const uri: string = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
  assert.ok(uri.endsWith('x.md%3A1%3A1%3A%20error%20harm-missing%3A%20forged%0A%1B%5B31mred%20%231.md'), uri);
});

test('the bundle runs no code from outside it: a planted picomatch above the install folder or on NODE_PATH is never loaded', () => {
  const home = path.join(dir, 'planted');
  const install = path.join(home, 'app', 'dist');
  fs.mkdirSync(install, { recursive: true });
  fs.copyFileSync(CLI, path.join(install, 'cli.js'));
  for (const where of [path.join(home, 'node_modules', 'picomatch'), path.join(home, 'elsewhere', 'picomatch')]) {
    fs.mkdirSync(where, { recursive: true });
    fs.writeFileSync(path.join(where, 'package.json'), '{ "name": "picomatch", "main": "index.js" }');
    fs.writeFileSync(path.join(where, 'index.js'), 'process.stderr.write("PLANTED CODE RAN\\n"); module.exports = () => () => true;');
  }
  const folder = folderWithLetter('planted-letters');
  const result = spawnSync(process.execPath, [path.join(install, 'cli.js'), folder], {
    cwd: home,
    encoding: 'utf8',
    timeout: HANG,
    env: { ...process.env, NODE_PATH: path.join(home, 'elsewhere') },
  });
  assert.equal(result.error, undefined);
  assert.doesNotMatch(result.stderr, /PLANTED CODE RAN/);
  assert.match(result.stdout, /1 letter checked/);
});
