import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import type { Regime } from '../../server/src/engine/types';
import type {
  Catalogue,
  CatalogueEntry,
  ProvisionFacts,
} from '../../server/src/engine/catalogue/types';

const repoRoot = path.resolve(__dirname, '..', '..');
const schema: object = JSON.parse(
  readFileSync(path.join(repoRoot, 'schemas/exemption-catalogue.schema.json'), 'utf8'),
);
const catalogue: Catalogue = JSON.parse(
  readFileSync(path.join(repoRoot, 'server/src/engine/catalogue/catalogue.json'), 'utf8'),
);

const ajv = new Ajv({ allErrors: true, strictTypes: true });
const validate = ajv.compile(schema);

// ---- local lookup helpers (the engine's own resolver is tested elsewhere) ----

type Resolved = ProvisionFacts & { kind: CatalogueEntry['kind']; ncndProvision?: string };
const FACT_KEYS = [
  'status',
  'test',
  'ncnd',
  'needsLegitimateInterests',
  'needsQualifiedPerson',
  'condition',
  'note',
] as const;

function topId(citationPath: string): string {
  const match = /^[0-9]+[A-Z]*/.exec(citationPath);
  assert.ok(match, `not a provision path: ${citationPath}`);
  return match[0];
}

function findEntry(regime: Regime, id: string): CatalogueEntry | undefined {
  return catalogue.entries.find((e) => e.regime === regime && e.id === id);
}

/** True when `limbPath` is the citation itself or one of its ancestors. */
function covers(limbPath: string, citationPath: string): boolean {
  return citationPath === limbPath || citationPath.startsWith(limbPath + '(');
}

function pickFacts(source: ProvisionFacts): ProvisionFacts {
  const facts: Record<string, unknown> = {};
  for (const key of FACT_KEYS) if (source[key] !== undefined) facts[key] = source[key];
  return facts as ProvisionFacts;
}

/** Entry defaults, then every covering limb from shortest to longest path. */
function lookup(regime: Regime, citationPath: string): Resolved {
  const entry = findEntry(regime, topId(citationPath));
  assert.ok(entry, `no catalogue entry for ${regime} ${citationPath}`);
  const covering = (entry.limbs ?? [])
    .filter((limb) => covers(limb.path, citationPath))
    .sort((a, b) => a.path.length - b.path.length);
  let facts = pickFacts(entry);
  for (const limb of covering) facts = { ...facts, ...pickFacts(limb) };
  return { ...facts, kind: entry.kind, ncndProvision: entry.ncndProvision };
}

/** Alternative reading: entry defaults plus only the single longest covering limb. */
function lookupLongestOnly(regime: Regime, citationPath: string): ProvisionFacts {
  const entry = findEntry(regime, topId(citationPath));
  assert.ok(entry);
  const longest = (entry.limbs ?? [])
    .filter((limb) => covers(limb.path, citationPath))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return { ...pickFacts(entry), ...(longest ? pickFacts(longest) : {}) };
}

/** The legal facts a rule acts on (missing booleans count as false). */
function essentials(facts: ProvisionFacts) {
  return {
    status: facts.status,
    test: facts.test,
    ncnd: facts.ncnd === true,
    lia: facts.needsLegitimateInterests === true,
    qp: facts.needsQualifiedPerson === true,
    condition: facts.condition,
  };
}

function expectFacts(regime: Regime, citationPath: string, expected: Partial<ReturnType<typeof essentials>>) {
  const actual = essentials(lookup(regime, citationPath));
  for (const [key, value] of Object.entries(expected)) {
    assert.equal(
      actual[key as keyof typeof actual],
      value,
      `${regime} ${citationPath}: ${key} should be ${String(value)}`,
    );
  }
}

const clone = <T>(value: T): T => structuredClone(value);

// ---- schema ----

describe('exemption catalogue schema', () => {
  test('the whole catalogue validates', () => {
    const ok = validate(catalogue);
    assert.equal(ok, true, JSON.stringify(validate.errors, null, 2));
    assert.equal(catalogue.version, '2026-11-27');
  });

  const firstExemption = () => catalogue.entries.findIndex((e) => e.kind === 'exemption');
  const firstProcedural = () => catalogue.entries.findIndex((e) => e.kind === 'procedural');
  const invalidCases: Array<[string, (c: Catalogue) => void]> = [
    ['status "maybe"', (c) => { (c.entries[firstExemption()] as unknown as Record<string, unknown>).status = 'maybe'; }],
    ['unknown entry property', (c) => { (c.entries[0] as unknown as Record<string, unknown>).harm = true; }],
    ['unknown limb property', (c) => {
      const entry = c.entries.find((e) => e.limbs)!;
      (entry.limbs![0] as unknown as Record<string, unknown>).absolute = true;
    }],
    ['unknown top-level property', (c) => { (c as unknown as Record<string, unknown>).extra = 1; }],
    ['unknown regime', (c) => { (c.entries[0] as unknown as Record<string, unknown>).regime = 'GDPR'; }],
    ['unknown test kind', (c) => { (c.entries[firstExemption()] as unknown as Record<string, unknown>).test = 'harm'; }],
    ['unknown condition', (c) => {
      const entry = c.entries.find((e) => e.limbs?.some((l) => l.condition))!;
      (entry.limbs!.find((l) => l.condition) as unknown as Record<string, unknown>).condition = 'fourth';
    }],
    ['exemption without status', (c) => { delete c.entries[firstExemption()].status; }],
    ['procedural entry with a status', (c) => { c.entries[firstProcedural()].status = 'absolute'; }],
    ['limb path with a space', (c) => { c.entries.find((e) => e.limbs)!.limbs![0].path = '31 (3)'; }],
    ['FOIA entry pointing at the EIR', (c) => {
      c.entries.find((e) => e.regime === 'FOIA')!.legislationUrl =
        'https://www.legislation.gov.uk/uksi/2004/3391/regulation/12';
    }],
    ['missing version', (c) => { delete (c as Partial<Catalogue>).version; }],
  ];
  for (const [name, mutate] of invalidCases) {
    test(`rejects: ${name}`, () => {
      const broken = clone(catalogue);
      mutate(broken);
      assert.equal(validate(broken), false);
    });
  }
});

// ---- structural invariants ----

describe('exemption catalogue invariants', () => {
  test('no duplicate (regime, id)', () => {
    const seen = new Set<string>();
    for (const e of catalogue.entries) {
      const key = `${e.regime} ${e.id}`;
      assert.ok(!seen.has(key), `duplicate ${key}`);
      seen.add(key);
    }
  });

  test('every limb path starts with its entry id and is unique in the entry', () => {
    for (const e of catalogue.entries) {
      const paths = new Set<string>();
      for (const limb of e.limbs ?? []) {
        assert.ok(limb.path.startsWith(`${e.id}(`), `${e.regime} ${e.id}: limb ${limb.path}`);
        assert.ok(!paths.has(limb.path), `${e.regime} ${e.id}: duplicate limb ${limb.path}`);
        paths.add(limb.path);
      }
    }
  });

  test('every ncndProvision is a limb with ncnd: true', () => {
    let checked = 0;
    for (const e of catalogue.entries) {
      if (!e.ncndProvision) continue;
      const target = findEntry(e.regime, topId(e.ncndProvision));
      const limb = target?.limbs?.find((l) => l.path === e.ncndProvision);
      assert.equal(limb?.ncnd, true, `${e.regime} ${e.id}: ${e.ncndProvision}`);
      checked++;
    }
    assert.ok(checked > 30);
  });

  test('an entry with NCND limbs names one of them as its ncndProvision', () => {
    for (const e of catalogue.entries) {
      const ncndLimbs = (e.limbs ?? []).filter((l) => l.ncnd).map((l) => l.path);
      if (ncndLimbs.length > 0) assert.ok(ncndLimbs.includes(e.ncndProvision ?? ''), `${e.regime} ${e.id}`);
    }
  });

  test('limbs state their facts so both readings of "longest path wins" agree', () => {
    for (const e of catalogue.entries) {
      for (const limb of e.limbs ?? []) {
        for (const citation of [limb.path, `${limb.path}(z)`]) {
          assert.deepEqual(
            essentials(lookupLongestOnly(e.regime, citation)),
            essentials(lookup(e.regime, citation)),
            `${e.regime} ${citation}`,
          );
        }
      }
    }
  });

  test('legislation URL names the entry id; exemption entries have guidance', () => {
    for (const e of catalogue.entries) {
      assert.ok(e.legislationUrl.endsWith(`/${e.id}`), `${e.regime} ${e.id}: ${e.legislationUrl}`);
      if (e.kind === 'exemption') assert.ok(e.guidanceUrl, `${e.regime} ${e.id}`);
      if (e.kind === 'exemption' && (e.regime === 'FOISA' || e.regime === 'EISR')) {
        assert.equal(e.guidanceUrl, 'https://www.foi.scot/');
      }
    }
  });

  const ids = (regime: Regime, kind: CatalogueEntry['kind']) =>
    catalogue.entries
      .filter((e) => e.regime === regime && e.kind === kind)
      .map((e) => e.id)
      .sort();
  const sorted = (list: string) => list.split(' ').sort();

  test('exemption and exception coverage', () => {
    assert.deepEqual(
      ids('FOIA', 'exemption'),
      sorted('21 22 22A 23 24 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44'),
    );
    assert.deepEqual(ids('EIR', 'exemption'), sorted('12 13'));
    assert.deepEqual(
      ids('FOISA', 'exemption'),
      sorted('18 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41'),
    );
    assert.deepEqual(ids('EISR', 'exemption'), sorted('10 11'));
  });

  test('procedural coverage', () => {
    assert.deepEqual(
      ids('FOIA', 'procedural'),
      sorted('1 2 8 9 10 11 12 13 14 16 17 19 25 45 46 50 57 58 59 77 84'),
    );
    assert.deepEqual(ids('EIR', 'procedural'), sorted('2 3 5 6 7 8 9 11 14 16 18'));
    assert.deepEqual(
      ids('FOISA', 'procedural'),
      sorted('1 2 9 10 12 14 15 16 17 19 20 21 47 56 60 73'),
    );
    assert.deepEqual(ids('EISR', 'procedural'), sorted('2 5 7 9 13 16 17'));
  });

  test('EIR 12 and EISR 10 have a limb for every paragraph', () => {
    const limbPaths = (regime: Regime, id: string) => new Set(findEntry(regime, id)!.limbs!.map((l) => l.path));
    const eir = limbPaths('EIR', '12');
    const eisr = limbPaths('EISR', '10');
    for (const letter of 'abcde') {
      assert.ok(eir.has(`12(4)(${letter})`) && eisr.has(`10(4)(${letter})`), `(4)(${letter})`);
    }
    for (const letter of 'abcdefg') {
      assert.ok(eir.has(`12(5)(${letter})`) && eisr.has(`10(5)(${letter})`), `(5)(${letter})`);
    }
  });
});

// ---- facts from the fact sheet ----

describe('FOIA facts', () => {
  test('s21: absolute, class, no NCND', () => {
    expectFacts('FOIA', '21', { status: 'absolute', test: 'class', ncnd: false });
    expectFacts('FOIA', '21(1)', { status: 'absolute', test: 'class', ncnd: false });
    assert.equal(lookup('FOIA', '21').ncndProvision, undefined);
    assert.equal(findEntry('FOIA', '21')!.limbs, undefined);
  });

  test('s22A is prejudice-based; s25 is procedural', () => {
    expectFacts('FOIA', '22A(1)(b)', { status: 'qualified', test: 'prejudice' });
    assert.equal(lookup('FOIA', '22A').ncndProvision, '22A(2)');
    assert.equal(lookup('FOIA', '25').kind, 'procedural');
  });

  test('s23: absolute, class, NCND 23(5)', () => {
    expectFacts('FOIA', '23(1)', { status: 'absolute', test: 'class', ncnd: false });
    expectFacts('FOIA', '23(5)', { status: 'absolute', ncnd: true });
    assert.equal(lookup('FOIA', '23').ncndProvision, '23(5)');
  });

  test('s24: qualified, required-for, NCND 24(2)', () => {
    expectFacts('FOIA', '24(1)', { status: 'qualified', test: 'required-for', ncnd: false });
    expectFacts('FOIA', '24(2)', { status: 'qualified', test: 'required-for', ncnd: true });
    assert.equal(lookup('FOIA', '24').ncndProvision, '24(2)');
  });

  test('s27: 27(1) prejudice, 27(2) class', () => {
    expectFacts('FOIA', '27(1)(a)', { test: 'prejudice' });
    expectFacts('FOIA', '27(2)', { test: 'class' });
  });

  test('s30: qualified, class, NCND 30(3)', () => {
    expectFacts('FOIA', '30(1)(a)', { status: 'qualified', test: 'class', ncnd: false });
    expectFacts('FOIA', '30(3)', { status: 'qualified', ncnd: true });
    assert.equal(lookup('FOIA', '30').ncndProvision, '30(3)');
  });

  test('s31: qualified, prejudice, NCND 31(3)', () => {
    expectFacts('FOIA', '31(1)(a)', { status: 'qualified', test: 'prejudice', ncnd: false });
    expectFacts('FOIA', '31(3)', { status: 'qualified', test: 'prejudice', ncnd: true });
    assert.equal(lookup('FOIA', '31').ncndProvision, '31(3)');
  });

  test('s36: qualified, prejudice, qualified person; Parliament in the note', () => {
    expectFacts('FOIA', '36(2)(b)(i)', { status: 'qualified', test: 'prejudice', qp: true, ncnd: false });
    expectFacts('FOIA', '36(3)', { status: 'qualified', qp: true, ncnd: true });
    assert.match(lookup('FOIA', '36').note ?? '', /House of Commons/);
  });

  test('s37: Sovereign limbs absolute, the rest qualified', () => {
    for (const limb of ['a', 'aa', 'ab']) expectFacts('FOIA', `37(1)(${limb})`, { status: 'absolute', test: 'class' });
    for (const limb of ['ac', 'ad', 'b']) expectFacts('FOIA', `37(1)(${limb})`, { status: 'qualified', test: 'class' });
    expectFacts('FOIA', '37(2)', { ncnd: true });
  });

  test('s38: qualified, endanger, NCND 38(2)', () => {
    expectFacts('FOIA', '38(1)(a)', { status: 'qualified', test: 'endanger' });
    assert.equal(lookup('FOIA', '38').ncndProvision, '38(2)');
  });

  test('s40: limbs and conditions', () => {
    expectFacts('FOIA', '40(1)', { status: 'absolute', lia: false, ncnd: false });
    expectFacts('FOIA', '40(2)', { status: 'absolute', lia: true, condition: 'first', ncnd: false });
    expectFacts('FOIA', '40(3A)(a)', { status: 'absolute', lia: true, condition: 'first' });
    expectFacts('FOIA', '40(3B)', { status: 'qualified', lia: false, condition: 'second' });
    expectFacts('FOIA', '40(4A)(a)', { status: 'qualified', lia: false, condition: 'third' });
    expectFacts('FOIA', '40(5A)', { status: 'absolute', ncnd: true, lia: false });
    expectFacts('FOIA', '40(5B)(a)(i)', { status: 'absolute', ncnd: true, lia: true, condition: 'first' });
    for (const [limb, condition] of [['b', 'second'], ['c', 'third'], ['d', 'third']] as const) {
      expectFacts('FOIA', `40(5B)(${limb})`, { status: 'qualified', ncnd: true, lia: false, condition });
    }
  });

  test('s41: absolute, NCND 41(2), public-interest defence noted', () => {
    expectFacts('FOIA', '41(1)(b)', { status: 'absolute', test: 'class' });
    expectFacts('FOIA', '41(2)', { status: 'absolute', ncnd: true });
    assert.match(lookup('FOIA', '41').note ?? '', /defence/);
  });

  test('s42: qualified, class, NCND 42(2)', () => {
    expectFacts('FOIA', '42(1)', { status: 'qualified', test: 'class', ncnd: false });
    expectFacts('FOIA', '42(2)', { status: 'qualified', ncnd: true });
    assert.equal(lookup('FOIA', '42').ncndProvision, '42(2)');
  });

  test('s43: trade secrets class without NCND, 43(2) prejudice, 43(3) NCND', () => {
    expectFacts('FOIA', '43(1)', { status: 'qualified', test: 'class', ncnd: false });
    expectFacts('FOIA', '43(2)', { status: 'qualified', test: 'prejudice', ncnd: false });
    expectFacts('FOIA', '43(3)', { status: 'qualified', test: 'prejudice', ncnd: true });
    assert.equal(lookup('FOIA', '43').ncndProvision, '43(3)');
  });
});

describe('EIR facts', () => {
  test('reg 12(4)(b): qualified, class, titled', () => {
    expectFacts('EIR', '12(4)(b)', { status: 'qualified', test: 'class', ncnd: false });
    const limb = findEntry('EIR', '12')!.limbs!.find((l) => l.path === '12(4)(b)');
    assert.equal(limb?.title, 'Manifestly unreasonable requests');
  });

  test('reg 12(5)(b): qualified, adverse effect', () => {
    expectFacts('EIR', '12(5)(b)', { status: 'qualified', test: 'adverse-effect', ncnd: false });
  });

  test('reg 12(6): NCND, qualified, adverse effect', () => {
    expectFacts('EIR', '12(6)', { status: 'qualified', test: 'adverse-effect', ncnd: true });
    assert.equal(lookup('EIR', '12').ncndProvision, '12(6)');
  });

  test('no reg 12 exception is absolute', () => {
    for (const limb of findEntry('EIR', '12')!.limbs!) expectFacts('EIR', limb.path, { status: 'qualified' });
  });

  test('reg 13: first condition absolute with LIA, others qualified, NCND 13(5A)/(5B)', () => {
    expectFacts('EIR', '13(1)(a)', { status: 'absolute', lia: true, condition: 'first' });
    expectFacts('EIR', '13(2A)(a)', { status: 'absolute', lia: true, condition: 'first' });
    expectFacts('EIR', '13(2B)', { status: 'qualified', lia: false, condition: 'second' });
    expectFacts('EIR', '13(3A)', { status: 'qualified', lia: false, condition: 'third' });
    expectFacts('EIR', '13(5A)', { ncnd: true });
    expectFacts('EIR', '13(5B)(a)', { status: 'absolute', ncnd: true, lia: true });
    expectFacts('EIR', '13(5B)(b)', { status: 'qualified', ncnd: true, lia: false });
    assert.equal(lookup('EIR', '13').ncndProvision, '13(5A)');
  });
});

describe('FOISA facts', () => {
  test('s18: the single NCND provision, qualified', () => {
    expectFacts('FOISA', '18', { ncnd: true, status: 'qualified' });
    expectFacts('FOISA', '18(1)', { ncnd: true, status: 'qualified' });
    assert.equal(lookup('FOISA', '18').kind, 'exemption');
  });

  test('absolute list per s2(2)', () => {
    for (const citation of ['25', '26', '36(2)', '37(1)(a)', '38(1)(a)', '38(1)(c)', '38(1)(d)']) {
      expectFacts('FOISA', citation, { status: 'absolute' });
    }
    expectFacts('FOISA', '38(1)(b)', { status: 'absolute', lia: true, condition: 'first' });
    expectFacts('FOISA', '36(1)', { status: 'qualified' });
  });

  test('s30: qualified, substantial prejudice, no qualified person, NCND via s18', () => {
    expectFacts('FOISA', '30(b)(i)', { status: 'qualified', test: 'substantial-prejudice', qp: false, ncnd: false });
    assert.equal(lookup('FOISA', '30').ncndProvision, '18(1)');
  });

  test('s31 and s39 limbs', () => {
    expectFacts('FOISA', '31(1)', { test: 'required-for' });
    expectFacts('FOISA', '31(4)', { test: 'substantial-prejudice' });
    expectFacts('FOISA', '39(1)', { test: 'endanger' });
    expectFacts('FOISA', '32(1)(b)', { test: 'class' });
  });

  test('s33: trade secrets class, commercial interests and economy substantial prejudice', () => {
    expectFacts('FOISA', '33(1)(a)', { status: 'qualified', test: 'class' });
    expectFacts('FOISA', '33(1)(b)', { status: 'qualified', test: 'substantial-prejudice' });
    expectFacts('FOISA', '33(2)(a)', { status: 'qualified', test: 'substantial-prejudice' });
  });

  test('s35: qualified, substantial prejudice, NCND via s18', () => {
    expectFacts('FOISA', '35(1)(a)', { status: 'qualified', test: 'substantial-prejudice', ncnd: false });
    assert.equal(lookup('FOISA', '35').ncndProvision, '18(1)');
  });

  test('s38: NCND via s18; second and third conditions qualified', () => {
    assert.equal(lookup('FOISA', '38').ncndProvision, '18(1)');
    expectFacts('FOISA', '38(2B)', { status: 'qualified', condition: 'second' });
    expectFacts('FOISA', '38(3A)', { status: 'qualified', condition: 'third' });
  });

  test('no NCND for absolute exemptions, s27, s36 or s40', () => {
    for (const id of ['25', '26', '27', '36', '37', '40']) {
      assert.equal(lookup('FOISA', id).ncndProvision, undefined, `s${id}`);
    }
  });
});

describe('EISR facts', () => {
  test('reg 10: 10(4) class, 10(5) substantial prejudice, 10(8) NCND, all qualified', () => {
    expectFacts('EISR', '10(4)(b)', { status: 'qualified', test: 'class' });
    expectFacts('EISR', '10(5)(f)', { status: 'qualified', test: 'substantial-prejudice' });
    expectFacts('EISR', '10(8)', { status: 'qualified', ncnd: true });
    assert.equal(lookup('EISR', '10').ncndProvision, '10(8)');
  });

  test('reg 11: first condition absolute with LIA, second and third qualified', () => {
    expectFacts('EISR', '11(2)(a)', { status: 'absolute', lia: true });
    expectFacts('EISR', '11(3A)(a)', { status: 'absolute', lia: true, condition: 'first' });
    expectFacts('EISR', '11(3B)', { status: 'qualified', condition: 'second', lia: false });
    expectFacts('EISR', '11(4A)', { status: 'qualified', condition: 'third', lia: false });
  });
});
