// foi-lint --explain: how each letter was read, as text and JSON, run as a user runs it (dist/cli.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A folder holding the given letters; the tests run foi-lint inside it, so paths print as given. */
function lettersDir(letters: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foi-explain-'));
  for (const [name, text] of Object.entries(letters)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

// No front matter: the type and the regime come from the text. Line numbers below are 1-based.
const PLAIN = [
  'Dear Requester,', // 1
  '',
  'Thank you for your request of 4 May about the locations of mobile speed cameras planned for June.', // 3
  '',
  'You referred to section 90 of the Road Traffic Regulation Act 1984 in your request. We hold the information you asked for.', // 5
  '',
  'We are withholding the camera schedule under section 31(1)(a) of the Freedom of Information Act 2000, because it concerns the prevention of crime.', // 7
  '',
  'Disclosure would be likely to prejudice the detection of speeding offences, as drivers could avoid the cameras.', // 9
  '',
  'We recognise there is a public interest in showing how road safety money is spent. Having weighed the public interest, we have concluded that the balance lies in maintaining the exemption.', // 11
  '',
  'If you are unhappy with how we handled your request, you may ask for an internal review within 40 working days.', // 13
  '',
  'Yours sincerely,',
  '',
  'Records Team',
  '',
].join('\n');

// Front matter names the regime; no rights at all.
const EIR_NO_RIGHTS = [
  '---',
  'regime: EIR',
  'reference: EX-2026-17',
  '---',
  '',
  'Dear Requester,', // 6
  '',
  'You asked for the tender scores submitted for the waste collection contract.', // 8
  '',
  'We are refusing this under regulation 12(5)(e) of the Environmental Information Regulations 2004.', // 10
  '',
  'Releasing the scores would adversely affect the legitimate economic interests of the bidders, who could be undercut in the next round.', // 12
  '',
  'Kind regards,',
  '',
  'Procurement Office',
  '',
].join('\n');

function explainText(dir: string, file: string): string[] {
  const out = run(['--explain', file], dir);
  assert.equal(out.code, 0, out.stderr);
  assert.equal(out.stderr, '');
  return out.stdout.split('\n');
}

/** Raw control characters other than the line breaks, each with where it is. */
function rawControls(text: string): string[] {
  return [...text.matchAll(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g)].map((m) => `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${m.index}: ${JSON.stringify(text.slice(Math.max(0, m.index! - 30), m.index! + 10))}`);
}

function assertLine(lines: string[], expected: string): void {
  assert.ok(lines.includes(expected), `expected the line\n${expected}\nin\n${lines.join('\n')}`);
}

test('--explain text: type and regime from the text, parts found with line and excerpt or not found, rights, a citation of another Act', () => {
  const dir = lettersDir({ 'plain.md': PLAIN });
  try {
    const lines = explainText(dir, 'plain.md');
    assert.equal(lines[0], 'plain.md');
    assert.equal(lines[1], '  Letter type: refusal notice (from the text, line 7: "section 31(1)(a)")');
    assert.equal(lines[2], '  Regime: FOIA (from the text)');
    assert.equal(lines[3], '  section 31(1)(a) — Law enforcement (qualified, prejudice)');
    assertLine(lines, '    Harm argument: line 9: "Disclosure would be likely to prejudice the detection of speeding offences, as drivers could avoid the cameras."');
    assertLine(lines, '    Factors against disclosure: not found');
    assertLine(lines, '    Balance of the public interest: line 11: "Having weighed the public interest, we have concluded that the balance lies in maintaining the exemption."');
    assertLine(lines, '  Review and complaint rights (it relies on section 31(1)(a)):');
    assertLine(lines, '    Internal review (or representations) route: line 13: "If you are unhappy with how we handled your request, you may ask for an internal review within 40 working days."');
    assertLine(lines, '    Right to complain to the regulator: not found');
    const notRelied = lines.indexOf('  Not relied on:');
    assert.ok(notRelied > 0, lines.join('\n'));
    assert.equal(lines[notRelied + 1], '    line 5: "section 90" — cites another enactment');
    // Section 90 of the 1984 Act is not read as FOIA section 90, or as a provision relied on.
    assert.ok(!lines.some((l) => /^ {2}section 90\b/.test(l)), lines.join('\n'));
    // Part lines sit under their provision, rights lines under the rights heading.
    const rights = lines.indexOf('  Review and complaint rights (it relies on section 31(1)(a)):');
    assert.ok(lines.indexOf('    Harm argument: line 9: "Disclosure would be likely to prejudice the detection of speeding offences, as drivers could avoid the cameras."') < rights);
    assert.ok(lines.indexOf('    Right to complain to the regulator: not found') > rights);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--explain text: the regime from the front matter, rights owed but neither given, two files one after the other', () => {
  const dir = lettersDir({ 'eir.md': EIR_NO_RIGHTS, 'plain.md': PLAIN });
  try {
    const out = run(['--explain', 'eir.md', 'plain.md'], dir);
    assert.equal(out.code, 0, out.stderr);
    const lines = out.stdout.split('\n');
    assert.deepEqual(lines.slice(0, 4), [
      'eir.md',
      '  Letter type: refusal notice (from the text, line 10: "regulation 12(5)(e)")',
      '  Regime: EIR (from the front matter)',
      '  regulation 12(5)(e) — Confidentiality of commercial or industrial information (qualified, adverse-effect)',
    ]);
    assertLine(lines, '    Harm argument: line 12: "Releasing the scores would adversely affect the legitimate economic interests of the bidders, who could be undercut in the next round."');
    assertLine(lines, '    Public interest test: not found');
    const rights = lines.indexOf('  Review and complaint rights (it relies on regulation 12(5)(e)):');
    assert.ok(rights > 0, out.stdout);
    assert.deepEqual(lines.slice(rights + 1, rights + 3), ['    Internal review (or representations) route: not found', '    Right to complain to the regulator: not found']);
    // A blank line, then the second file.
    const second = lines.indexOf('plain.md');
    assert.ok(second > rights && lines[second - 1] === '', out.stdout);
    assert.ok(!lines.slice(0, second).includes('  Not relied on:'), 'the EIR letter cites nothing it does not rely on');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--format json --explain prints [{ file, explanation }] with the engine explanation fields', () => {
  const dir = lettersDir({ 'plain.md': PLAIN, 'eir.md': EIR_NO_RIGHTS });
  try {
    const out = run(['--format', 'json', '--explain', 'plain.md', 'eir.md'], dir);
    assert.equal(out.code, 0, out.stderr);
    const json = JSON.parse(out.stdout);
    assert.deepEqual(json.map((x: any) => Object.keys(x).sort()), [['explanation', 'file'], ['explanation', 'file']]);
    assert.deepEqual(json.map((x: any) => x.file), ['plain.md', 'eir.md']);
    const e = json[0].explanation;
    assert.equal(e.letterType, 'refusal');
    assert.equal(e.letterTypeLabel, 'refusal notice');
    assert.equal(e.letterTypeSource, 'text');
    assert.equal(e.letterTypeEvidence.text, 'section 31(1)(a)');
    assert.equal(e.regime, 'FOIA');
    assert.equal(e.regimeSource, 'text');
    assert.equal(e.provisions.length, 1);
    const s31 = e.provisions[0];
    assert.deepEqual([s31.label, s31.title, s31.status, s31.test, s31.ncnd], ['section 31(1)(a)', 'Law enforcement', 'qualified', 'prejudice', false]);
    const harm = s31.parts.find((p: any) => p.part === 'harm');
    assert.equal(harm.label, 'Harm argument');
    assert.equal(harm.found[0].range.start.line, 8, 'LSP ranges are 0-based: line 9 is 8');
    assert.equal(harm.found[0].text, 'Disclosure would be likely to prejudice the detection of speeding offences, as drivers could avoid the cameras.');
    assert.equal(typeof harm.found[0].span.start, 'number');
    assert.deepEqual(s31.parts.find((p: any) => p.part === 'factors-against').found, []);
    assert.equal(e.rights.reason, 'it relies on section 31(1)(a)');
    assert.deepEqual(e.rights.parts.map((p: any) => [p.part, p.found.length]), [['review', 1], ['regulator', 0]]);
    assert.deepEqual(e.notReliedOn.map((n: any) => [n.citation.text, n.citation.range.start.line, n.why]), [['section 90', 4, 'cites another enactment']]);
    assert.equal(json[1].explanation.regimeSource, 'front-matter');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('control characters from the letter and the file name are escaped, never written raw (text and JSON)', () => {
  const ESC = '\u001b';
  const CSI = '\u009b'; // the one-byte C1 form of ESC [
  const hostile = PLAIN.replace('Disclosure would be likely', `${ESC}[2J${ESC}]0;pwned\u0007Disclosure ${CSI}31m would be likely`);
  const name = `odd${ESC}[31mname.md`;
  const dir = lettersDir({ [name]: hostile });
  try {
    const text = run(['--explain', name], dir);
    assert.equal(text.code, 0, text.stderr);
    assert.deepEqual(rawControls(text.stdout), [], 'no raw control characters in the text output');
    const lines = text.stdout.split('\n');
    assert.equal(lines[0], 'odd\\u001b[31mname.md');
    assertLine(lines, '    Harm argument: line 9: "\\u001b[2J\\u001b]0;pwned\\u0007Disclosure \\u009b31m would be likely to prejudice the detection of speeding offences, as drivers could avoid the cameras."');

    const json = run(['--format', 'json', '--explain', name], dir);
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual(rawControls(json.stdout), [], 'no raw control characters in the JSON output');
    // Escaped, the JSON still parses to the letter's own characters.
    const parsed = JSON.parse(json.stdout);
    assert.equal(parsed[0].file, name);
    const harm = parsed[0].explanation.provisions[0].parts.find((p: any) => p.part === 'harm');
    assert.ok(harm.found[0].text.startsWith(`${ESC}[2J${ESC}]0;pwned\u0007Disclosure ${CSI}31m`), harm.found[0].text);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--explain exits 0 even when the letter has errors, 2 when a file cannot be read; --explain with sarif is a usage error', () => {
  const dir = lettersDir({ 'eir.md': EIR_NO_RIGHTS });
  try {
    assert.equal(run(['eir.md'], dir).code, 1, 'without --explain the missing rights are an error');
    const explained = run(['--explain', 'eir.md'], dir);
    assert.equal(explained.code, 0, explained.stderr);
    const missing = run(['--explain', 'eir.md', 'missing.md'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^foi-lint: missing\.md: no such file or folder/m);
    assert.equal(missing.stdout.split('\n')[0], 'eir.md', 'the readable letter is still explained');
    const sarif = run(['--explain', '--format', 'sarif', 'eir.md'], dir);
    assert.equal(sarif.code, 2);
    assert.match(sarif.stderr, /^foi-lint: --explain prints text or json/);
    assert.match(run(['--help'], dir).stdout, /--explain/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--explain over worker threads (more than 40 letters) gives the same explanations, in input order', () => {
  const letters: Record<string, string> = {};
  for (let i = 0; i < 44; i++) letters[`letter-${String(i).padStart(2, '0')}.md`] = i % 2 ? PLAIN : EIR_NO_RIGHTS;
  const dir = lettersDir(letters);
  try {
    const workers = run(['--jobs', '2', '--format', 'json', '--explain', '.'], dir);
    const single = run(['--jobs', '1', '--format', 'json', '--explain', '.'], dir);
    assert.equal(workers.code, 0, workers.stderr);
    const parsed = JSON.parse(workers.stdout);
    assert.equal(parsed.length, 44);
    assert.deepEqual(parsed.map((x: any) => path.basename(x.file)), Object.keys(letters).sort());
    assert.deepEqual(parsed.map((x: any) => x.explanation.regime), Object.keys(letters).sort().map((_, i) => (i % 2 ? 'FOIA' : 'EIR')));
    assert.equal(workers.stdout, single.stdout);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
