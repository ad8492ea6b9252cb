// Rule deadline-exceeded through lint(): statutory due dates per regime, recorded
// extensions, impossible dates and extra holidays.
//
// Received Mon 2 March 2026. FOIA/EIR skip St Patrick's Day (Tue 17 March, a
// Northern Ireland bank holiday), so day 20 is Tue 31 March; FOISA/EISR count
// Scottish holidays only, so day 20 is Mon 30 March. Day 40: FOIA/EIR also skip
// Good Friday (3 April) and Easter Monday (6 April) → Thu 30 April; EISR skips
// Good Friday only → Tue 28 April.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine/lint';
import { DEFAULT_SETTINGS, mergeSettings } from '../../server/src/engine/config/settings';
import type { Finding } from '../../server/src/engine/types';

interface Case {
  regime: string;
  received?: string;
  responded: string;
  extension?: string;
  body?: string;
  extraHolidays?: string[];
}

function deadlineFindings({ regime, received = '2026-03-02', responded, extension, body = 'Thank you for your request.', extraHolidays = [] }: Case): { findings: Finding[]; text: string } {
  const fields = [`regime: ${regime}`, `received: ${received}`, `responded: ${responded}`, ...(extension ? [`extension: ${extension}`] : [])];
  const text = `---\n${fields.join('\n')}\n---\n\n${body}\n`;
  const settings = mergeSettings(DEFAULT_SETTINGS, { extraHolidays });
  return { findings: lint(text, { settings }).findings.filter((f) => f.rule === 'deadline-exceeded'), text };
}

function messageOf(c: Case): string {
  const { findings } = deadlineFindings(c);
  assert.equal(findings.length, 1, `expected one deadline-exceeded finding for ${JSON.stringify(c)}`);
  return findings[0].message;
}

function noFinding(c: Case): void {
  assert.deepEqual(
    deadlineFindings(c).findings.map((f) => f.message),
    [],
  );
}

describe('FOIA', () => {
  test('responded on the due date Tue 31 March 2026: no finding', () => {
    noFinding({ regime: 'FOIA', responded: '2026-03-31' });
  });

  test('responded the day after: a warning on the responded value naming the due date', () => {
    const { findings, text } = deadlineFindings({ regime: 'FOIA', responded: '2026-04-01' });
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'warning');
    const line = text.split('\n').indexOf('responded: 2026-04-01');
    assert.deepEqual(finding.range, { start: { line, character: 11 }, end: { line, character: 21 } });
    assert.equal(
      finding.message,
      'Responded Wed 1 April 2026, after the statutory due date Tue 31 March 2026 (the 20th working day after receipt on Mon 2 March 2026 under FOIA). If you extended the time to consider the public interest, record it (extension: public-interest).',
    );
  });

  test('the EIR regulation 7 extension does not help a FOIA letter', () => {
    assert.match(messageOf({ regime: 'FOIA', responded: '2026-04-01', extension: 'eir-regulation-7' }), /due date Tue 31 March 2026/);
  });
});

describe('FOISA', () => {
  test('same receipt date: due Mon 30 March 2026', () => {
    noFinding({ regime: 'FOISA', responded: '2026-03-30' });
    const message = messageOf({ regime: 'FOISA', responded: '2026-03-31' });
    assert.match(message, /after the statutory due date Mon 30 March 2026 /);
    assert.match(message, /under FOISA/);
  });

  test('no public interest extension under FOISA', () => {
    const message = messageOf({ regime: 'FOISA', responded: '2026-04-01', extension: 'public-interest' });
    assert.match(message, /due date Mon 30 March 2026/);
    assert.match(message, /FOISA allows no extension for the public interest test\.$/);
  });

  test('citing section 17(2) does not extend a FOISA deadline', () => {
    assert.match(messageOf({ regime: 'FOISA', responded: '2026-04-01', body: 'We wrote to you under section 17(2).' }), /FOISA allows no extension/);
  });
});

describe('FOIA public interest extension', () => {
  test('recorded in front matter: no finding up to 40 working days (Thu 30 April 2026)', () => {
    noFinding({ regime: 'FOIA', responded: '2026-04-01', extension: 'public-interest' });
    noFinding({ regime: 'FOIA', responded: '2026-04-30', extension: 'public-interest' });
  });

  test('recorded in front matter: past 40 working days mentions the ICO reasonable maximum', () => {
    const message = messageOf({ regime: 'FOIA', responded: '2026-05-01', extension: 'public-interest' });
    assert.equal(
      message,
      "Responded Fri 1 May 2026, after the statutory due date Tue 31 March 2026 (the 20th working day after receipt on Mon 2 March 2026 under FOIA); even with the public interest extension it runs past Thu 30 April 2026, the ICO's reasonable maximum of 20 further working days.",
    );
  });

  test('recorded by citing section 17(2) or section 10(3)', () => {
    noFinding({ regime: 'FOIA', responded: '2026-04-30', body: 'We wrote to you under section 17(2) to extend the time.' });
    noFinding({ regime: 'FOIA', responded: '2026-04-30', body: 'We extended the time under section 10(3).' });
    assert.match(messageOf({ regime: 'FOIA', responded: '2026-05-01', body: 'We wrote to you under section 17(2).' }), /ICO's reasonable maximum/);
  });

  test('section 17(2) of another Act is not an extension', () => {
    assert.match(messageOf({ regime: 'FOIA', responded: '2026-04-29', body: 'See section 17(2) of the Data Protection Act 2018.' }), /record it \(extension: public-interest\)/);
  });
});

describe('EIR regulation 7 extension', () => {
  test('without an extension: due Tue 31 March 2026, hint names regulation 7', () => {
    noFinding({ regime: 'EIR', responded: '2026-03-31' });
    const message = messageOf({ regime: 'EIR', responded: '2026-04-01' });
    assert.match(message, /due date Tue 31 March 2026/);
    assert.match(message, /record it \(extension: eir-regulation-7\)\.$/);
  });

  test('recorded in front matter or by citing regulation 7: up to 40 working days', () => {
    noFinding({ regime: 'EIR', responded: '2026-04-30', extension: 'eir-regulation-7' });
    noFinding({ regime: 'EIR', responded: '2026-04-30', body: 'We extended the time under regulation 7(1).' });
    const message = messageOf({ regime: 'EIR', responded: '2026-05-01', extension: 'eir-regulation-7' });
    assert.match(message, /even with the regulation 7 extension it runs past Thu 30 April 2026, the 40 working day limit\.$/);
  });

  test('a FOIA public interest extension does not extend an EIR deadline', () => {
    assert.match(messageOf({ regime: 'EIR', responded: '2026-04-29', extension: 'public-interest' }), /due date Tue 31 March 2026/);
  });

  test('EISR: Scottish holidays, 40 working days end Tue 28 April 2026', () => {
    noFinding({ regime: 'EISR', responded: '2026-04-28', extension: 'eir-regulation-7' });
    assert.match(messageOf({ regime: 'EISR', responded: '2026-04-29', extension: 'eir-regulation-7' }), /runs past Tue 28 April 2026/);
  });
});

describe('dates that do not fit', () => {
  test('responded before received', () => {
    assert.equal(messageOf({ regime: 'FOIA', responded: '2026-03-01' }), 'The response date Sun 1 March 2026 is before the request was received (Mon 2 March 2026).');
  });

  test('responded on the day of receipt is fine', () => {
    noFinding({ regime: 'FOIA', responded: '2026-03-02' });
  });

  test('no received date, or an invalid one: no deadline finding', () => {
    const text = `---\nregime: FOIA\nresponded: 2026-06-01\n---\n\nText.\n`;
    assert.deepEqual(lint(text).findings.filter((f) => f.rule === 'deadline-exceeded'), []);
    assert.deepEqual(deadlineFindings({ regime: 'FOIA', received: '2026-02-30', responded: '2026-06-01' }).findings, []);
  });
});

describe('extra holidays', () => {
  test('an extra non-working day moves the due date to Wed 1 April 2026', () => {
    noFinding({ regime: 'FOIA', responded: '2026-04-01', extraHolidays: ['2026-03-10'] });
    const message = messageOf({ regime: 'FOIA', responded: '2026-04-02', extraHolidays: ['2026-03-10'] });
    assert.match(message, /due date Wed 1 April 2026/);
  });

  test('an extra holiday outside the period changes nothing', () => {
    assert.match(messageOf({ regime: 'FOIA', responded: '2026-04-01', extraHolidays: ['2026-06-01'] }), /due date Tue 31 March 2026/);
  });

  test('malformed extra holidays are ignored rather than failing the rule', () => {
    assert.match(messageOf({ regime: 'FOIA', responded: '2026-04-01', extraHolidays: ['2026-02-30', 'soon'] }), /due date Tue 31 March 2026/);
  });
});

describe('severity setting', () => {
  test('the rule can be switched off or raised', () => {
    const text = `---\nregime: FOIA\nreceived: 2026-03-02\nresponded: 2026-04-01\n---\n\nText.\n`;
    const off = lint(text, { settings: mergeSettings(DEFAULT_SETTINGS, { rules: { 'deadline-exceeded': 'off' } }) });
    assert.equal(off.findings.filter((f) => f.rule === 'deadline-exceeded').length, 0);
    const error = lint(text, { settings: mergeSettings(DEFAULT_SETTINGS, { rules: { 'deadline-exceeded': 'error' } }) });
    assert.deepEqual(
      error.findings.filter((f) => f.rule === 'deadline-exceeded').map((f) => f.severity),
      ['error'],
    );
  });
});
