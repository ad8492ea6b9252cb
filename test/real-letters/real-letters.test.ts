// The engine on real published letters (../shared/real-letters, kept outside the project):
// foi-lint's JSON output scored by the set's own score.py must judge at least 28 of 30 right.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const LETTERS = path.join(ROOT, '..', 'shared', 'real-letters');
const MINIMUM_RIGHT = 28;

const available = fs.existsSync(path.join(LETTERS, 'expected.json')) && fs.existsSync(path.join(LETTERS, 'score.py'));

test('real published letters: at least 28/30 judged right by score.py', { skip: available ? false : `skipped: ${LETTERS} is not there (it sits beside the project in the team's workspace)` }, () => {
  const lint = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), '--format', 'json', LETTERS], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(lint.status === 0 || lint.status === 1, `foi-lint exited ${lint.status}: ${lint.stderr}`);
  const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'foi-real-')), 'real-letters.json');
  fs.writeFileSync(output, lint.stdout);
  const score = spawnSync('python3', [path.join(LETTERS, 'score.py'), path.join(LETTERS, 'expected.json'), output], { encoding: 'utf8' });
  assert.equal(score.status, 0, score.stderr);
  const summary = /(\d+)\/(\d+) letters judged right/.exec(score.stdout);
  assert.ok(summary, `score.py printed no summary:\n${score.stdout}`);
  const right = Number(summary[1]);
  const wrong = score.stdout.split('\n').filter((line) => line.startsWith('WRONG') || line.startsWith('         -'));
  assert.ok(right >= MINIMUM_RIGHT, `${right}/${summary[2]} judged right, below ${MINIMUM_RIGHT}:\n${wrong.join('\n')}`);
});
