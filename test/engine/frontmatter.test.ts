// YAML front matter through buildModel and lint(): data, problems, their ranges
// and messages, and the regime it sets.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, type LintResult } from '../../server/src/engine/lint';
import { buildModel } from '../../server/src/engine/model/letter';
import { cpuMs } from '../helpers/cpuTime';

function frontMatterFindings(result: LintResult) {
  return result.findings.filter((f) => f.rule === 'frontmatter-invalid');
}

/** The text a finding's range covers. */
function coveredText(result: LintResult, index = 0): string {
  const finding = frontMatterFindings(result)[index];
  const { lines, text } = result.model;
  return text.slice(lines.offsetAt(finding.range.start), lines.offsetAt(finding.range.end));
}

const BODY = '\nThank you for your request.\n';

describe('valid front matter', () => {
  const text = `---\nreference: FOI-2026-0142\nregime: FOIA\nauthority: Northshire Council\nreceived: 2026-03-02\nresponded: 2026-03-20\nresponse_type: full-disclosure\nhouse_of_parliament: false\ntags: [parking, contracts]\n---\n${BODY}`;

  test('is read into data with no findings', () => {
    const result = lint(text);
    assert.deepEqual(frontMatterFindings(result), []);
    assert.deepEqual(result.model.frontMatter?.data, {
      reference: 'FOI-2026-0142',
      regime: 'FOIA',
      authority: 'Northshire Council',
      received: '2026-03-02',
      responded: '2026-03-20',
      response_type: 'full-disclosure',
      house_of_parliament: false,
      tags: ['parking', 'contracts'],
    });
    assert.deepEqual(result.model.frontMatter?.problems, []);
  });

  test('spans: the block, each key and each value', () => {
    const model = buildModel(text, { defaultRegime: 'FOIA' });
    const closing = text.indexOf('\n---\n', 3) + 4;
    assert.deepEqual(model.frontMatter?.span, { start: 0, end: closing });
    assert.equal(model.bodyStart, closing);
    const received = text.indexOf('2026-03-02');
    assert.deepEqual(model.frontMatter?.valueSpans.get('received'), { start: received, end: received + 10 });
    const key = text.indexOf('responded');
    assert.deepEqual(model.frontMatter?.keySpans.get('responded'), { start: key, end: key + 'responded'.length });
    assert.equal(model.regime, 'FOIA');
    assert.equal(model.regimeSource, 'front-matter');
  });

  test('a harmless alias is expanded', () => {
    const model = buildModel(`---\nreference: &ref FOI-1\nsubject: *ref\n---\n${BODY}`, { defaultRegime: 'FOIA' });
    assert.deepEqual(model.frontMatter?.data, { reference: 'FOI-1', subject: 'FOI-1' });
    assert.deepEqual(model.frontMatter?.problems, []);
  });

  test('CRLF line endings', () => {
    const valid = lint(`---\r\nregime: EIR\r\nreceived: 2026-03-02\r\nresponded: 2026-03-20\r\n---\r\n\r\nText.\r\n`);
    assert.equal(valid.model.regime, 'EIR');
    assert.deepEqual(frontMatterFindings(valid), []);
    assert.equal(valid.model.frontMatter?.data.responded, '2026-03-20');
    const invalid = lint(`---\r\nregime: EIR\r\nreceived: 2026-02-30\r\n---\r\n\r\nText.\r\n`);
    assert.deepEqual(frontMatterFindings(invalid)[0].range, { start: { line: 2, character: 10 }, end: { line: 2, character: 20 } });
  });
});

describe('invalid front matter', () => {
  test('impossible date 2026-02-30: error on the value', () => {
    const result = lint(`---\nreceived: 2026-02-30\n---\n${BODY}`);
    const findings = frontMatterFindings(result);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'error');
    assert.deepEqual(findings[0].range, { start: { line: 1, character: 10 }, end: { line: 1, character: 20 } });
    assert.equal(coveredText(result), '2026-02-30');
    assert.match(findings[0].message, /^"received" must be a real date written YYYY-MM-DD/);
    assert.match(findings[0].message, /2026-02-30/);
  });

  test('year 9999: a clear front matter error on each date, and the deadline rule does not fail', () => {
    const result = lint(`---\nreceived: 9999-12-20\nresponded: 9999-12-31\n---\n${BODY}`);
    const findings = frontMatterFindings(result);
    assert.deepEqual(
      findings.map((f) => f.message),
      [
        '"received" must be a real date written YYYY-MM-DD ("9999-12-20" is outside 2005 to 2999; the information rights began on 1 January 2005).',
        '"responded" must be a real date written YYYY-MM-DD ("9999-12-31" is outside 2005 to 2999; the information rights began on 1 January 2005).',
      ],
    );
    assert.deepEqual(result.findings.filter((f) => /failed/.test(f.message)), []);
  });

  test('unknown key: range on the key, message lists the known keys', () => {
    const result = lint(`---\nreference: X\ncolour: blue\n---\n${BODY}`);
    const findings = frontMatterFindings(result);
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } });
    assert.equal(coveredText(result), 'colour');
    assert.match(findings[0].message, /^Unknown front matter key "colour"\. Known keys: /);
    for (const key of ['reference', 'regime', 'authority', 'received', 'responded', 'response_type', 'extension', 'extended_to', 'nation']) {
      assert.ok(findings[0].message.includes(key), `message lists ${key}`);
    }
  });

  test('a personal-data key says personal data does not belong there', () => {
    const result = lint(`---\nreference: X\nrequester_name: Jo Bloggs\n---\n${BODY}`);
    const findings = frontMatterFindings(result);
    assert.equal(findings.length, 1);
    assert.equal(coveredText(result), 'requester_name');
    assert.match(findings[0].message, /"requester_name"/);
    assert.match(findings[0].message, /personal data/);
    assert.match(findings[0].message, /does not belong in front matter/);
    assert.doesNotMatch(findings[0].message, /Known keys/);
  });

  test('other personal-data keys', () => {
    for (const key of ['email', 'applicant_address', 'date_of_birth', 'phone']) {
      const result = lint(`---\n${key}: something\n---\n${BODY}`);
      assert.match(frontMatterFindings(result)[0]?.message ?? '', /personal data/, key);
    }
  });

  test('bad regime value: range on the value, message lists the regimes', () => {
    const result = lint(`---\nregime: GDPR\n---\n\nUnder the Freedom of Information (Scotland) Act 2002 we hold nothing.\n`);
    const findings = frontMatterFindings(result);
    assert.equal(findings.length, 1);
    assert.equal(coveredText(result), 'GDPR');
    assert.equal(findings[0].message, '"regime" must be one of: FOIA, EIR, FOISA, EISR.');
    // The bad value is ignored: the text decides.
    assert.equal(result.model.regime, 'FOISA');
    assert.equal(result.model.regimeSource, 'text');
  });

  test('bad enum value of extension', () => {
    const result = lint(`---\nextension: sometimes\n---\n${BODY}`);
    assert.equal(frontMatterFindings(result)[0].message, '"extension" must be one of: none, public-interest, eir-regulation-7.');
    assert.equal(coveredText(result), 'sometimes');
  });

  test('wrong type', () => {
    const result = lint(`---\nhouse_of_parliament: maybe\n---\n${BODY}`);
    assert.equal(coveredText(result), 'maybe');
    assert.match(frontMatterFindings(result)[0].message, /house_of_parliament/);
  });

  test('unclosed front matter: error on the opening fence', () => {
    const result = lint(`---\nregime: FOIA\nreference: X\n\nThank you for your request.\n`);
    const findings = frontMatterFindings(result);
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
    assert.match(findings[0].message, /never closes/);
    assert.equal(result.model.frontMatter, undefined);
    assert.deepEqual(result.model.unclosedFrontMatter, { start: 0, end: 3 });
    assert.equal(result.model.bodyStart, 0);
  });

  test('YAML syntax error: one finding inside the block, no data', () => {
    const text = `---\nreference: [unclosed\nregime: FOIA\n---\n${BODY}`;
    const result = lint(text);
    const findings = frontMatterFindings(result);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^Front matter is not valid YAML: /);
    const end = result.model.frontMatter!.span.end;
    const { lines } = result.model;
    assert.ok(lines.offsetAt(findings[0].range.start) >= 4 && lines.offsetAt(findings[0].range.end) <= end);
    assert.deepEqual(result.model.frontMatter?.data, {});
    // Without readable front matter the regime is not taken from it.
    assert.notEqual(result.model.regimeSource, 'front-matter');
  });

  test('duplicate keys are a YAML error', () => {
    const result = lint(`---\nreference: a\nreference: b\n---\n${BODY}`);
    assert.match(frontMatterFindings(result)[0].message, /^Front matter is not valid YAML: .*unique/);
  });

  test('a list instead of key: value lines', () => {
    const result = lint(`---\n- a\n- b\n---\n${BODY}`);
    assert.equal(frontMatterFindings(result)[0].message, 'Front matter must be a set of "key: value" lines.');
  });

  test('billion laughs: refused quickly without expanding', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) {
      const ref = `*${names[i - 1]}`;
      levels.push(`${names[i]}: &${names[i]} [${Array(9).fill(ref).join(',')}]`);
    }
    const text = `---\n${levels.join('\n')}\n---\n${BODY}`;
    const started = performance.now();
    const result = lint(text);
    const elapsed = performance.now() - started;
    // A hang detector: expanding the aliases would take minutes and gigabytes.
    assert.ok(elapsed < 60_000, `took ${elapsed.toFixed(0)} ms`);
    const findings = frontMatterFindings(result);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /too many YAML aliases/);
    assert.match(findings[0].message, /not expanded/);
    assert.deepEqual(result.model.frontMatter?.data, {});
  });
});

describe('edge cases', () => {
  test('front matter that is only "---\\n---" is empty and valid', () => {
    const text = `---\n---\n${BODY}`;
    const result = lint(text);
    assert.deepEqual(frontMatterFindings(result), []);
    assert.deepEqual(result.model.frontMatter?.data, {});
    assert.deepEqual(result.model.frontMatter?.span, { start: 0, end: 7 });
    assert.equal(result.model.bodyStart, 7);
  });

  test('regime in front matter overrides the text', () => {
    const model = buildModel(`---\nregime: FOISA\n---\n\nUnder the Freedom of Information Act 2000 we rely on section 30.\n`, { defaultRegime: 'EIR' });
    assert.equal(model.regime, 'FOISA');
    assert.equal(model.regimeSource, 'front-matter');
    assert.equal(model.citations[0].regime, 'FOISA');
  });

  test('without a regime in front matter the text decides, then the setting', () => {
    const fromText = buildModel(`---\nreference: X\n---\n\nUnder the Freedom of Information Act 2000 we rely on section 30.\n`, { defaultRegime: 'EIR' });
    assert.equal(fromText.regime, 'FOIA');
    assert.equal(fromText.regimeSource, 'text');
    const fromSetting = buildModel(`---\nreference: X\n---\n\nWe rely on section 30.\n`, { defaultRegime: 'EISR' });
    assert.equal(fromSetting.regime, 'EISR');
    assert.equal(fromSetting.regimeSource, 'setting');
  });

  test('the front matter is not scanned for citations', () => {
    const model = buildModel(`---\nsubject: section 31 patrols\n---\n\nThank you.\n`, { defaultRegime: 'FOIA' });
    assert.deepEqual(model.citations, []);
  });
});

test('front matter with many keys costs time linear in the keys, and a duplicate deep in it is still found', () => {
  const frontMatter = (n: number, extra = '') => `---\n${Array.from({ length: n }, (_, i) => `key${i}: value`).join('\n')}\n${extra}---\n${BODY}`;
  const seconds = (text: string) => {
    const started = cpuMs();
    lint(text);
    return (cpuMs() - started) / 1000;
  };
  seconds(frontMatter(500));
  // Growth, not a wall-clock bound: 4x the keys must cost well under 16x (quadratic) the time.
  // Both under the 20,000-line limit, so all of each front matter is read.
  const small = Math.min(seconds(frontMatter(4000)), seconds(frontMatter(4000)));
  const large = Math.min(seconds(frontMatter(16000)), seconds(frontMatter(16000)));
  assert.ok(large / small < 7, `4x the keys took ${(large / small).toFixed(1)}x the time (${small.toFixed(2)} s, ${large.toFixed(2)} s)`);
  const duplicated = lint(frontMatter(3000, 'nested:\n  a: 1\n  a: 2\n'));
  assert.match(frontMatterFindings(duplicated)[0].message, /unique \("a" appears twice\)/);
});
