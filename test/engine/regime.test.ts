// regimeFromText (which regime a letter is under) and citationRegime (which regime
// one citation belongs to).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, citationRegime, regimeFromText } from '../../server/src/engine/model/letter';
import { findCitations } from '../../server/src/engine/text/citations';
import type { Regime } from '../../server/src/engine/types';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { REGIME_FACTS, groundNoun, isEnvironmental, isScottish, provisionWord } from '../../server/src/engine/knowledge/regimes';

const ROOT = path.join(__dirname, '..', '..');

describe('regime facts (knowledge/regimes.json)', () => {
  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'regime-facts.schema.json'), 'utf8')));
  const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'src', 'engine', 'knowledge', 'regimes.json'), 'utf8')) as { regimes: Record<Regime, Record<string, unknown>> };

  test('the table is valid against its schema, and the schema refuses a missing regime or a wrong word', () => {
    assert.ok(validate(data), JSON.stringify(validate.errors));
    const { EISR: _dropped, ...three } = data.regimes;
    assert.equal(validate({ regimes: three }), false);
    assert.equal(validate({ regimes: { ...data.regimes, EIR: { ...data.regimes.EIR, groundNoun: 'exclusion' } } }), false);
  });

  test('each regime answers as the law has it', () => {
    assert.deepEqual(
      (['FOIA', 'EIR', 'FOISA', 'EISR'] as Regime[]).map((r) => [r, isScottish(r), isEnvironmental(r), provisionWord(r), groundNoun(r)]),
      [
        ['FOIA', false, false, 'section', 'exemption'],
        ['EIR', false, true, 'regulation', 'exception'],
        ['FOISA', true, false, 'section', 'exemption'],
        ['EISR', true, true, 'regulation', 'exception'],
      ],
    );
    assert.equal(REGIME_FACTS.FOISA.legislation, 'Freedom of Information (Scotland) Act 2002');
  });
});

describe('regimeFromText', () => {
  const cases: [string, Regime | undefined][] = [
    ['We have dealt with your request under the Freedom of Information (Scotland) Act 2002.', 'FOISA'],
    ['Under FOISA we may withhold it.', 'FOISA'],
    ['Under FOI(S)A we may withhold it.', 'FOISA'],
    ['The Environmental Information (Scotland) Regulations 2004 apply.', 'EISR'],
    ['The EISR apply.', 'EISR'],
    ['The Environmental Information Regulations 2004 apply.', 'EIR'],
    ['We considered the EIR.', 'EIR'],
    ['We considered your request under the Freedom of Information Act 2000.', 'FOIA'],
    ['Our FOIA team has replied.', 'FOIA'],
    ['Nothing here names an Act.', undefined],
    // Lower case and words that merely contain the letters do not count.
    ['our foia team', undefined],
    ['THEIR reply', undefined],
    ['EIRE', undefined],
    // Scottish names win over UK ones; EISR over FOISA.
    ['The Environmental Information (Scotland) Regulations and FOISA', 'EISR'],
    ['Freedom of Information (Scotland) Act and the Environmental Information Regulations', 'FOISA'],
    ['Under FOISA, unlike the Freedom of Information Act 2000, ...', 'FOISA'],
    // Both UK names: FOIA unless regulation 12 or 13 is cited.
    ['Both FOIA and the EIR are mentioned.', 'FOIA'],
    ['FOIA and EIR; regulation 12(5)(b) applies.', 'EIR'],
    ['FOIA and EIR; reg 13(1) applies.', 'EIR'],
    ['FOIA and EIR; regulation 5 applies.', 'FOIA'],
  ];
  for (const [text, expected] of cases) {
    test(`${JSON.stringify(text)} → ${expected}`, () => assert.equal(regimeFromText(text), expected));
  }
});

describe('citationRegime', () => {
  const first = (text: string) => {
    const [match] = findCitations(text);
    assert.ok(match, `no citation in ${text}`);
    return match;
  };

  test('"section" follows the letter\'s jurisdiction', () => {
    assert.equal(citationRegime('FOISA', first('section 30(b)')), 'FOISA');
    assert.equal(citationRegime('EISR', first('section 38')), 'FOISA');
    assert.equal(citationRegime('FOIA', first('section 31')), 'FOIA');
    assert.equal(citationRegime('EIR', first('section 40(2)')), 'FOIA');
  });

  test('"regulation" cites the Regulations of the same jurisdiction', () => {
    assert.equal(citationRegime('FOIA', first('regulation 12(4)(b)')), 'EIR');
    assert.equal(citationRegime('EIR', first('reg 13')), 'EIR');
    assert.equal(citationRegime('FOISA', first('regulation 10(5)(b)')), 'EISR');
    assert.equal(citationRegime('EISR', first('regulation 11')), 'EISR');
  });

  test('a named regime wins', () => {
    assert.equal(citationRegime('FOIA', first('section 35(1)(a) of FOISA')), 'FOISA');
    assert.equal(citationRegime('FOISA', first('regulation 12(5)(b) of the EIR')), 'EIR');
    assert.equal(citationRegime('EIR', first('section 31 of the Freedom of Information Act 2000')), 'FOIA');
    assert.equal(citationRegime('FOIA', first('regulation 10(4)(a) of the Environmental Information (Scotland) Regulations 2004')), 'EISR');
  });
});

describe('regimes in buildModel', () => {
  test('"section" in a FOISA letter is a FOISA section', () => {
    const model = buildModel('We handled this under the Freedom of Information (Scotland) Act 2002 and rely on section 30(b)(i).\n', { defaultRegime: 'FOIA' });
    assert.equal(model.regime, 'FOISA');
    assert.equal(model.regimeSource, 'text');
    assert.deepEqual(
      model.citations.map((c) => [c.path, c.regime]),
      [['30(b)(i)', 'FOISA']],
    );
  });

  test('"regulation" in a FOIA letter is an EIR regulation', () => {
    const model = buildModel('Under the Freedom of Information Act 2000 we rely on section 43(2); part is environmental, so regulation 12(5)(e) applies.\n', { defaultRegime: 'FOISA' });
    assert.equal(model.regime, 'FOIA');
    assert.deepEqual(
      model.citations.map((c) => [c.path, c.regime]),
      [
        ['43(2)', 'FOIA'],
        ['12(5)(e)', 'EIR'],
      ],
    );
  });

  test('a named regime wins over the letter regime', () => {
    const model = buildModel('We rely on section 31(1)(a) and on regulation 12(5)(b) of the Environmental Information Regulations 2004.\n', { defaultRegime: 'FOISA' });
    assert.equal(model.regime, 'EIR');
    assert.deepEqual(
      model.citations.map((c) => [c.path, c.regime, c.namedRegime]),
      [
        ['31(1)(a)', 'FOIA', undefined],
        ['12(5)(b)', 'EIR', 'EIR'],
      ],
    );
  });

  test('no name in the text: the setting decides', () => {
    const model = buildModel('We rely on regulation 10(5)(b).\n', { defaultRegime: 'EISR' });
    assert.equal(model.regime, 'EISR');
    assert.equal(model.regimeSource, 'setting');
    assert.equal(model.citations[0].regime, 'EISR');
  });
});
