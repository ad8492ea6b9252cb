// findCitations, expandLimbs, splitPath and isPathPrefix: every citation style the
// letters use, exact paths and spans, and text that must not be read as a citation.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expandLimbs, findCitations, isPathPrefix, splitPath, type CitationMatch } from '../../server/src/engine/text/citations';

/** path, instrument and the cited text, for compact comparisons. */
function summary(text: string): [string, CitationMatch['instrument'], string][] {
  return findCitations(text).map((c) => [c.path, c.instrument, c.text]);
}

function paths(text: string): string[] {
  return findCitations(text).map((c) => c.path);
}

describe('findCitations: styles', () => {
  const cases: [string, [string, CitationMatch['instrument'], string][]][] = [
    ['Section 31(1)(a)', [['31(1)(a)', 'act', 'Section 31(1)(a)']]],
    ['s.43(2)', [['43(2)', 'act', 's.43(2)']]],
    ['S24(2)', [['24(2)', 'act', 'S24(2)']]],
    ['s 31', [['31', 'act', 's 31']]],
    ['S.31(1)', [['31(1)', 'act', 'S.31(1)']]],
    ['Section 22A(1)(a)', [['22A(1)(a)', 'act', 'Section 22A(1)(a)']]],
    ['section 31 (1) (a)', [['31(1)(a)', 'act', 'section 31 (1) (a)']]],
    [
      'section 40(2) and (3A)(a)',
      [
        ['40(2)', 'act', 'section 40(2)'],
        ['40(3A)(a)', 'act', '(3A)(a)'],
      ],
    ],
    ['Regulation 12(5)(b)', [['12(5)(b)', 'regulations', 'Regulation 12(5)(b)']]],
    ['reg. 12(4)(b)', [['12(4)(b)', 'regulations', 'reg. 12(4)(b)']]],
    ['reg 13', [['13', 'regulations', 'reg 13']]],
    ['r. 13(1)', [['13(1)', 'regulations', 'r. 13(1)']]],
    [
      'regs 12(4)(b) and 12(5)(e)',
      [
        ['12(4)(b)', 'regulations', 'regs 12(4)(b)'],
        ['12(5)(e)', 'regulations', '12(5)(e)'],
      ],
    ],
    [
      'regulation 12(4)(b) or regulation 12(5)(e)',
      [
        ['12(4)(b)', 'regulations', 'regulation 12(4)(b)'],
        ['12(5)(e)', 'regulations', 'regulation 12(5)(e)'],
      ],
    ],
    [
      'sections 23(5) and 24(2)',
      [
        ['23(5)', 'act', 'sections 23(5)'],
        ['24(2)', 'act', '24(2)'],
      ],
    ],
    [
      'sections 30, 31 and 35',
      [
        ['30', 'act', 'sections 30'],
        ['31', 'act', '31'],
        ['35', 'act', '35'],
      ],
    ],
    [
      'ss. 30 and 31',
      [
        ['30', 'act', 'ss. 30'],
        ['31', 'act', '31'],
      ],
    ],
    [
      'section 36(2)(b)(i) and (ii)',
      [
        ['36(2)(b)(i)', 'act', 'section 36(2)(b)(i)'],
        ['36(2)(b)(ii)', 'act', '(ii)'],
      ],
    ],
    [
      'Section 31(1)(a), (b) and (c)',
      [
        ['31(1)(a)', 'act', 'Section 31(1)(a)'],
        ['31(1)(b)', 'act', '(b)'],
        ['31(1)(c)', 'act', '(c)'],
      ],
    ],
    [
      's31(1)(a)&(b)',
      [
        ['31(1)(a)', 'act', 's31(1)(a)'],
        ['31(1)(b)', 'act', '(b)'],
      ],
    ],
    [
      'S24(2) and S31',
      [
        ['24(2)', 'act', 'S24(2)'],
        ['31', 'act', 'S31'],
      ],
    ],
  ];
  for (const [text, expected] of cases) {
    test(JSON.stringify(text), () => {
      assert.deepEqual(summary(text), expected);
    });
  }
});

describe('findCitations: limbs after one keyword', () => {
  test('"Section 31(1)(a)(b)" is two limbs sharing the whole text as span', () => {
    const found = findCitations('Section 31(1)(a)(b)');
    assert.deepEqual(
      found.map((c) => [c.path, c.span, c.text]),
      [
        ['31(1)(a)', { start: 0, end: 19 }, 'Section 31(1)(a)(b)'],
        ['31(1)(b)', { start: 0, end: 19 }, 'Section 31(1)(a)(b)'],
      ],
    );
  });

  test('a police-style heading with limbs and a title', () => {
    assert.deepEqual(paths('Section 31(1)(a)(b) – Law Enforcement'), ['31(1)(a)', '31(1)(b)']);
  });

  test('"(i)(ii)" after a paragraph are two sibling sub-paragraphs', () => {
    assert.deepEqual(paths('section 36(2)(b)(i)(ii)'), ['36(2)(b)(i)', '36(2)(b)(ii)']);
  });
});

describe('findCitations: exact spans', () => {
  test('citation inside a sentence', () => {
    const [only, ...rest] = findCitations('We rely on section 31(1)(a) here.');
    assert.equal(rest.length, 0);
    assert.deepEqual(only.span, { start: 11, end: 27 });
    assert.equal(only.text, 'section 31(1)(a)');
  });

  test('list items each get their own span', () => {
    assert.deepEqual(
      findCitations('sections 30, 31 and 35').map((c) => c.span),
      [
        { start: 0, end: 11 },
        { start: 13, end: 15 },
        { start: 20, end: 22 },
      ],
    );
  });

  test('a limb-only continuation spans just its limbs', () => {
    assert.deepEqual(
      findCitations('section 40(2) and (3A)(a)').map((c) => c.span),
      [
        { start: 0, end: 13 },
        { start: 18, end: 25 },
      ],
    );
  });

  test('from/to restrict the search', () => {
    const text = 'section 30 then section 31 then section 32';
    assert.deepEqual(
      findCitations(text, 11, 27).map((c) => [c.path, c.span.start]),
      [['31', 16]],
    );
  });
});

describe('findCitations: regime named after the citation', () => {
  test('"of FOISA" names FOISA and is not external', () => {
    const [c] = findCitations('section 35(1)(a) of FOISA');
    assert.equal(c.path, '35(1)(a)');
    assert.equal(c.namedRegime, 'FOISA');
    assert.equal(c.external, false);
    assert.deepEqual(c.span, { start: 0, end: 16 });
  });

  test('the regime name applies to every item of the list', () => {
    const found = findCitations('Sections 40(2) and 40(3A)(a) of the Freedom of Information Act 2000');
    assert.deepEqual(
      found.map((c) => [c.path, c.namedRegime, c.external]),
      [
        ['40(2)', 'FOIA', false],
        ['40(3A)(a)', 'FOIA', false],
      ],
    );
  });

  test('full names of the four regimes', () => {
    assert.equal(findCitations('regulation 12(5)(b) of the Environmental Information Regulations 2004')[0].namedRegime, 'EIR');
    assert.equal(findCitations('reg 12(5)(b) of the Environmental Information (Scotland) Regulations 2004')[0].namedRegime, 'EISR');
    assert.equal(findCitations('section 30 of the Freedom of Information (Scotland) Act 2002')[0].namedRegime, 'FOISA');
    assert.equal(findCitations('s40(2) of the EIR')[0].namedRegime, 'EIR');
  });

  test('"of the Act" is the letter\'s own instrument', () => {
    const [c] = findCitations('section 17(2) of the Act');
    assert.equal(c.namedRegime, undefined);
    assert.equal(c.external, false);
  });

  test('another enactment makes the citation external', () => {
    const [c, ...rest] = findCitations('section 24(1) of the Data Protection Act 2018');
    assert.equal(rest.length, 0);
    assert.equal(c.path, '24(1)');
    assert.equal(c.external, true);
    assert.equal(c.namedRegime, undefined);
    assert.equal(findCitations('section 24(1) of the DPA')[0].external, true);
  });
});

describe('findCitations: not citations', () => {
  const negatives: [string, string[]][] = [
    ['the Environmental Information Regulations 2004', []],
    ['Regulations 2004', []],
    ['Regulation 2004', []],
    ["the company's 2 directors", []],
    ['S60 1AA', []],
    ['Sheffield S60 1AA', []],
    ['in 2025', []],
    ['page 3', []],
    ['versus 31', []],
    ["it's 31", []],
    ['paragraph 2 of Schedule 3', []],
    // A bare number after a singular keyword does not continue the list.
    ['section 31 and 20 working days', ['31']],
  ];
  for (const [text, expected] of negatives) {
    test(JSON.stringify(text), () => {
      assert.deepEqual(paths(text), expected);
    });
  }
});

describe('expandLimbs', () => {
  test('consecutive paragraphs are siblings', () => {
    assert.deepEqual(expandLimbs(['(1)', '(a)', '(b)']), [
      ['(1)', '(a)'],
      ['(1)', '(b)'],
    ]);
  });
  test('consecutive subsections are siblings', () => {
    assert.deepEqual(expandLimbs(['(1)', '(2)']), [['(1)'], ['(2)']]);
  });
  test('a nested chain stays one path', () => {
    assert.deepEqual(expandLimbs(['(2)', '(c)']), [['(2)', '(c)']]);
    assert.deepEqual(expandLimbs(['(1)', '(a)', '(i)']), [['(1)', '(a)', '(i)']]);
  });
  test('"(i)" straight after a subsection is a paragraph letter', () => {
    assert.deepEqual(expandLimbs(['(1)', '(i)']), [['(1)', '(i)']]);
  });
  test('no groups is one empty path', () => {
    assert.deepEqual(expandLimbs([]), [[]]);
  });
  test('three paragraph siblings', () => {
    assert.deepEqual(expandLimbs(['(1)', '(a)', '(b)', '(c)']), [
      ['(1)', '(a)'],
      ['(1)', '(b)'],
      ['(1)', '(c)'],
    ]);
  });
  test('sibling sub-paragraphs "(i)(ii)"', () => {
    assert.deepEqual(expandLimbs(['(2)', '(b)', '(i)', '(ii)']), [
      ['(2)', '(b)', '(i)'],
      ['(2)', '(b)', '(ii)'],
    ]);
  });
});

describe('splitPath', () => {
  test('number and groups', () => {
    assert.deepEqual(splitPath('31(1)(a)'), ['31', '(1)', '(a)']);
    assert.deepEqual(splitPath('22A(1)'), ['22A', '(1)']);
    assert.deepEqual(splitPath('40(3A)(a)'), ['40', '(3A)', '(a)']);
    assert.deepEqual(splitPath('31'), ['31']);
  });
});

describe('isPathPrefix', () => {
  test('ancestors and the path itself', () => {
    assert.equal(isPathPrefix('31', '31(1)(a)'), true);
    assert.equal(isPathPrefix('31(1)', '31(1)(a)'), true);
    assert.equal(isPathPrefix('31(1)(a)', '31(1)(a)'), true);
  });
  test('descendants, siblings and digit prefixes are not', () => {
    assert.equal(isPathPrefix('31(1)(a)', '31(1)'), false);
    assert.equal(isPathPrefix('31(2)', '31(1)(a)'), false);
    assert.equal(isPathPrefix('3', '31'), false);
    assert.equal(isPathPrefix('22', '22A(1)'), false);
  });
});
