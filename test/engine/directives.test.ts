// HTML-comment directives: parsing (findDirectives), the decision (isDisabled) and
// their effect on lint() findings.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findDirectives, isDisabled } from '../../server/src/engine/directives';
import { lint } from '../../server/src/engine/lint';
import { LineIndex } from '../../server/src/engine/text/lineIndex';

function directivesOf(text: string) {
  return findDirectives(text, new LineIndex(text));
}

/** "rule@line" for the findings of the given rules, in report order. */
function findingsOf(lines: string[], rules: string[] = ['harm-missing', 'pit-missing']): string[] {
  return lint(lines.join('\n'))
    .findings.filter((f) => rules.includes(f.rule))
    .map((f) => `${f.rule}@${f.range.start.line}`);
}

// Two qualified, prejudice-based exemptions with no harm or public interest test:
// each citation line gets harm-missing and pit-missing.
const FIRST = 'We rely on section 31(1)(a) to withhold the patrol rota.';
const SECOND = 'We also rely on section 43(2) for the contract prices.';

describe('findDirectives', () => {
  test('kinds, rule lists, lines and offsets', () => {
    const text = [
      'Intro.',
      '<!-- foi-disable-next-line harm-missing -->',
      '<!-- foi-disable-line harm-missing, pit-missing -->',
      '<!--foi-disable pit-missing   balance-missing-->',
      '<!-- foi-enable -->',
      '<!-- foi-disable-file personal-data/email -->',
    ].join('\n');
    assert.deepEqual(directivesOf(text), [
      { kind: 'disable-next-line', rules: ['harm-missing'], line: 1, offset: 7 },
      { kind: 'disable-line', rules: ['harm-missing', 'pit-missing'], line: 2, offset: 51 },
      { kind: 'disable', rules: ['pit-missing', 'balance-missing'], line: 3, offset: 103 },
      { kind: 'enable', rules: [], line: 4, offset: 152 },
      { kind: 'disable-file', rules: ['personal-data/email'], line: 5, offset: 172 },
    ]);
  });

  test('comma-only separators', () => {
    assert.deepEqual(directivesOf('<!-- foi-disable harm-missing,pit-missing -->')[0].rules, ['harm-missing', 'pit-missing']);
  });

  test('text that is not a directive', () => {
    assert.deepEqual(directivesOf('foi-disable harm-missing'), []);
    assert.deepEqual(directivesOf('<!-- foi-disabled harm-missing -->'), []);
    assert.deepEqual(directivesOf('<!-- eslint-disable -->'), []);
    assert.deepEqual(directivesOf('<!-- a note about foi-disable -->'), []);
  });
});

describe('isDisabled', () => {
  const at = (line: number, kind: Parameters<typeof isDisabled>[0][number]['kind'], rules: string[] = []) => ({ kind, rules, line, offset: 0 });

  test('disable-next-line covers only the next line', () => {
    const d = [at(3, 'disable-next-line', ['harm-missing'])];
    assert.equal(isDisabled(d, 'harm-missing', undefined, 4), true);
    assert.equal(isDisabled(d, 'harm-missing', undefined, 3), false);
    assert.equal(isDisabled(d, 'harm-missing', undefined, 5), false);
    assert.equal(isDisabled(d, 'pit-missing', undefined, 4), false);
  });

  test('disable-line covers its own line', () => {
    const d = [at(3, 'disable-line', ['harm-missing'])];
    assert.equal(isDisabled(d, 'harm-missing', undefined, 3), true);
    assert.equal(isDisabled(d, 'harm-missing', undefined, 4), false);
  });

  test('disable … enable is a range; later directives win', () => {
    const d = [at(2, 'disable'), at(5, 'enable', ['harm-missing'])];
    assert.equal(isDisabled(d, 'harm-missing', undefined, 1), false);
    assert.equal(isDisabled(d, 'harm-missing', undefined, 2), true);
    assert.equal(isDisabled(d, 'harm-missing', undefined, 4), true);
    assert.equal(isDisabled(d, 'harm-missing', undefined, 5), false);
    // Enabling one rule leaves the others off.
    assert.equal(isDisabled(d, 'pit-missing', undefined, 9), true);
  });

  test('disable-file covers every line, wherever it is', () => {
    const d = [at(40, 'disable-file', ['harm-missing'])];
    assert.equal(isDisabled(d, 'harm-missing', undefined, 0), true);
    assert.equal(isDisabled(d, 'pit-missing', undefined, 0), false);
  });

  test('rule/category names', () => {
    const d = [at(0, 'disable-file', ['personal-data/email'])];
    assert.equal(isDisabled(d, 'personal-data', 'email', 3), true);
    assert.equal(isDisabled(d, 'personal-data', 'phone', 3), false);
    assert.equal(isDisabled(d, 'personal-data', undefined, 3), false);
    const whole = [at(0, 'disable-file', ['personal-data'])];
    assert.equal(isDisabled(whole, 'personal-data', 'phone', 3), true);
  });
});

describe('directives through lint()', () => {
  test('without directives both citation lines have both findings', () => {
    assert.deepEqual(findingsOf(['## Exemptions applied', '', FIRST, '', SECOND, '']), [
      'harm-missing@2',
      'pit-missing@2',
      'harm-missing@4',
      'pit-missing@4',
    ]);
  });

  test('disable-next-line', () => {
    assert.deepEqual(findingsOf(['## Exemptions applied', '', '<!-- foi-disable-next-line harm-missing -->', FIRST, '', SECOND, '']), [
      'pit-missing@3',
      'harm-missing@5',
      'pit-missing@5',
    ]);
  });

  test('disable-line at the end of the line', () => {
    assert.deepEqual(findingsOf(['## Exemptions applied', '', `${FIRST} <!-- foi-disable-line pit-missing -->`, '', SECOND, '']), [
      'harm-missing@2',
      'harm-missing@4',
      'pit-missing@4',
    ]);
  });

  test('disable … enable range', () => {
    assert.deepEqual(
      findingsOf(['## Exemptions applied', '', '<!-- foi-disable harm-missing -->', '', FIRST, '', '<!-- foi-enable harm-missing -->', '', SECOND, '']),
      ['pit-missing@4', 'harm-missing@8', 'pit-missing@8'],
    );
  });

  test('disable without enable runs to the end', () => {
    assert.deepEqual(findingsOf(['## Exemptions applied', '', FIRST, '', '<!-- foi-disable harm-missing -->', '', SECOND, '']), [
      'harm-missing@2',
      'pit-missing@2',
      'pit-missing@6',
    ]);
  });

  test('disable-file, even at the end of the letter', () => {
    assert.deepEqual(findingsOf(['## Exemptions applied', '', FIRST, '', SECOND, '', '<!-- foi-disable-file pit-missing -->', '']), [
      'harm-missing@2',
      'harm-missing@4',
    ]);
  });

  test('rule lists separated by spaces or commas', () => {
    for (const list of ['harm-missing pit-missing', 'harm-missing, pit-missing', 'harm-missing,pit-missing']) {
      assert.deepEqual(findingsOf(['## Exemptions applied', '', `<!-- foi-disable-next-line ${list} -->`, FIRST, '', SECOND, '']), ['harm-missing@5', 'pit-missing@5'], list);
    }
  });

  test('no rule names means every rule', () => {
    const lines = ['## Exemptions applied', '', '<!-- foi-disable-next-line -->', FIRST, '', SECOND, ''];
    assert.deepEqual(findingsOf(lines), ['harm-missing@5', 'pit-missing@5']);
    const everything = lint(['## Exemptions applied', '', FIRST, '', SECOND, '', '<!-- foi-disable-file -->', ''].join('\n'));
    assert.deepEqual(everything.findings, []);
  });

  test('an unrelated rule name disables nothing', () => {
    assert.deepEqual(findingsOf(['## Exemptions applied', '', '<!-- foi-disable-next-line balance-missing -->', FIRST, '', SECOND, '']), [
      'harm-missing@3',
      'pit-missing@3',
      'harm-missing@5',
      'pit-missing@5',
    ]);
  });

  test('rule/category switches off one category only', () => {
    const lines = ['Dear requester,', '', 'Please write to jo.bloggs@example.com or call 07700 900123.', ''];
    const categories = (extra: string[]) =>
      lint([...lines, ...extra].join('\n'))
        .findings.filter((f) => f.rule === 'personal-data')
        .map((f) => `${f.category}@${f.range.start.line}`);
    assert.deepEqual(categories([]), ['email@2', 'phone@2']);
    assert.deepEqual(categories(['<!-- foi-disable-file personal-data/email -->']), ['phone@2']);
    assert.deepEqual(categories(['<!-- foi-disable-file personal-data -->']), []);
  });

  test('a directive is not read as a citation', () => {
    const result = lint(['Thank you for your request.', '', '<!-- foi-disable-next-line section 31 -->', 'We have sent the rota.', ''].join('\n'));
    assert.deepEqual(result.model.citations, []);
  });
});
