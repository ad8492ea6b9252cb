// Section roles: every heading variant from section 6 of the fact sheet, title
// cleaning, provision headings, and the section builder end to end.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { matchRole, type SectionRole } from '../../server/src/engine/model/roles';
import { cleanTitle, isProvisionHeading, normaliseForRole } from '../../server/src/engine/model/sections';
import { buildModel } from '../../server/src/engine/model/letter';

/** The role a title gets on its own, without context. */
function roleOf(rawTitle: string): SectionRole | undefined {
  return matchRole(normaliseForRole(cleanTitle(rawTitle)));
}

type Row = [title: string, expected: SectionRole, todo?: string];


const TABLE: Record<string, Row[]> = {
  'Harm / prejudice': [
    ['Harm', 'harm'],
    ['Overall harm', 'harm'],
    ['Evidence of harm', 'harm'],
    ['Harm test', 'harm'],
    ['Harm statement', 'harm'],
    ['Identifying the harm', 'harm'],
    ['Harm in disclosure', 'harm'],
    ['Harm in confirming or denying', 'harm'],
    ['Harm in confirming or denying that information is held', 'harm'],
    ['Prejudice', 'harm'],
    ['Prejudice test', 'harm'],
    ['Evidence of prejudice', 'harm'],
    ['The prejudice', 'harm'],
    ['Likelihood of prejudice', 'harm'],
    ['Would or would be likely to prejudice', 'harm'],
    ['Would be likely to prejudice', 'harm'],
    ['Endangerment', 'harm'],
    ['Adverse effect', 'harm'],
    ['Adversely affect', 'harm'],
    ['Substantial prejudice', 'harm'],
    ['Reasonable necessity', 'harm'],
    ['Why the exemption is required', 'harm'],
    ["Qualified person's opinion", 'qualified-person'],
    ['Harm Test – To the Service', 'harm'],
    ['Section 31(1) Evidence of Harm', 'harm'],
    ['s.24(2) Harm', 'harm'],
    ['Re: section 43(2) – Harm test', 'harm'],
  ],
  'Public interest test (container)': [
    ['Public interest test', 'public-interest'],
    ['Public interest (PIT)', 'public-interest'],
    ['The public interest', 'public-interest'],
    ['Public interest considerations', 'public-interest'],
    ['Public interest arguments', 'public-interest'],
    ['Consideration of the public interest', 'public-interest'],
    ['Public interest test – Section 31', 'public-interest'],
    ['Public Interest Test (s.31)', 'public-interest'],
    ['PUBLIC INTEREST TEST', 'public-interest'],
    ['PIT', 'public-interest'],
    ['Section 31(1) – Public interest test', 'public-interest'],
  ],
  'Factors for disclosure / confirmation': [
    ['Factors favouring disclosure', 'factors-for'],
    ['Factors favoring disclosure', 'factors-for'],
    ['Factors in favour of disclosure', 'factors-for'],
    ['Considerations favouring disclosure', 'factors-for'],
    ['Public interest considerations favouring disclosure', 'factors-for'],
    ['Arguments for disclosure', 'factors-for'],
    ['Arguments in favour of disclosure', 'factors-for'],
    ['Arguments in favour of release', 'factors-for'],
    ['Public interest in disclosure', 'factors-for'],
    ['Reasons for disclosure', 'factors-for'],
    ['For disclosure', 'factors-for'],
    ['Factors favouring confirmation or denial', 'factors-for'],
    ['Factors favouring confirming or denying', 'factors-for'],
    ['Factors in favour of confirming or denying', 'factors-for'],
    ['Public interest in confirming or denying', 'factors-for'],
    ['Factors in favour of confirming or denying whether information is held', 'factors-for'],
    ['Factors favouring disclosure – Section 31', 'factors-for'],
    ['Section 31(1) – Factors favouring disclosure', 'factors-for'],
    ['for Section 31 Factors favouring disclosure', 'factors-for'],
    ['S31 – For disclosure', 'factors-for'],
  ],
  'Factors against disclosure / confirmation': [
    ['Factors against disclosure', 'factors-against'],
    ['Factors favouring non-disclosure', 'factors-against'],
    ['Factors favouring withholding', 'factors-against'],
    ['Factors in favour of maintaining the exemption', 'factors-against'],
    ['Factors in favour of maintaining the exception', 'factors-against'],
    ['Arguments against disclosure', 'factors-against'],
    ['Arguments in favour of maintaining the exemption', 'factors-against'],
    ['Public interest in maintaining the exemption', 'factors-against'],
    ['Considerations favouring non-disclosure', 'factors-against'],
    ['Public interest considerations favouring non-disclosure', 'factors-against'],
    ['Reasons for withholding', 'factors-against'],
    ['Against disclosure', 'factors-against'],
    ['Factors against confirmation or denial', 'factors-against'],
    ['Factors against confirming or denying', 'factors-against'],
    ['Factors against confirming or denying whether information is held', 'factors-against'],
    ['Factors favouring neither confirming nor denying', 'factors-against'],
    ['Public interest in maintaining the exclusion', 'factors-against'],
    ['Public interest in maintaining the exclusion of the duty to confirm or deny', 'factors-against'],
    // Police shorthand for the maintaining side.
    ['Factors favouring Section 31', 'factors-against'],
    ['Factors favouring S31', 'factors-against'],
    ['Factors favouring s.24(2)', 'factors-against'],
    ['Factors against disclosure – Section 31', 'factors-against'],
    ['S31 – Against disclosure', 'factors-against'],
  ],
  'Balance / conclusion (context-free forms)': [
    ['Balance test', 'balance'],
    ['Balancing test', 'balance'],
    ['Balance', 'balance'],
    ['Balancing exercise', 'balance'],
    ['Balance of the public interest', 'balance'],
    ['Balance of public interest', 'balance'],
    ['Weighing the public interest', 'balance'],
    ['Public interest conclusion', 'balance'],
    ['Outcome of the public interest test', 'balance'],
    ['**3. Balancing test:**', 'balance'],
    ['Section 31(1) – Balance test', 'balance'],
    ['S31 Balancing test', 'balance'],
  ],
  's40 first condition (legitimate interests)': [
    ['Legitimate interests', 'legitimate-interests'],
    ['Legitimate interests test', 'legitimate-interests'],
    ['Legitimate interests assessment', 'legitimate-interests'],
    ['Legitimate interest', 'legitimate-interests'],
    ['Necessity test', 'legitimate-interests'],
    ['Necessity', 'legitimate-interests'],
    ['Is disclosure lawful', 'legitimate-interests'],
    ['Is disclosure fair', 'legitimate-interests'],
    ['Data protection principles', 'legitimate-interests'],
    ['Article 6(1)(f)', 'legitimate-interests'],
  ],
  'Review / complaint': [
    ['Internal review', 'rights'],
    ['Right of review', 'rights'],
    ['Request a review', 'rights'],
    ['Your right to request a review', 'rights'],
    ['Requirement for review', 'rights'],
    ['Representations', 'rights'],
    ['Representations (regulation 11)', 'rights'],
    ['Reconsideration', 'rights'],
    ['Complaints procedure', 'rights'],
    ['Complaint rights', 'rights'],
    ['COMPLAINT RIGHTS', 'rights'],
    ['Your right to complain', 'rights'],
    ['If you are unhappy', 'rights'],
    ['If you are dissatisfied', 'rights'],
    ['Appeal', 'rights'],
    ['Appeals', 'rights'],
    ['Right of appeal', 'rights'],
    ['Right to appeal to the Scottish Information Commissioner', 'rights'],
    ['Appeal to the Court of Session', 'rights'],
  ],
  Regulator: [
    ['Information Commissioner', 'rights'],
    ["Information Commissioner's Office", 'rights'],
    ['Scottish Information Commissioner', 'rights'],
    ['ICO', 'rights'],
    ['The Commissioner', 'rights'],
    ['SIC', 'rights'],
    ['Court of Session', 'rights'],
  ],
  'Other roles': [
    ['Your request', 'request'],
    ['Information requested', 'request'],
    ['Our response', 'response'],
    ['Information not held', 'response'],
    ['Exemptions', 'exemptions'],
    ['Exemptions applied', 'exemptions'],
    ['Exceptions applied', 'exemptions'],
    ['Applicable exemptions', 'exemptions'],
    ['Reasons for refusal', 'exemptions'],
    ['Advice and assistance', 'advice'],
    ['Neither confirm nor deny', 'ncnd'],
    ['Duty to confirm or deny', 'ncnd'],
  ],
};

for (const [group, rows] of Object.entries(TABLE)) {
  describe(`matchRole: ${group}`, () => {
    for (const [title, expected, todo] of rows) {
      test(`${JSON.stringify(title)} → ${expected}`, todo ? { todo } : {}, () => {
        assert.equal(roleOf(title), expected);
      });
    }
  });
}

describe('matchRole: titles with no role', () => {
  for (const title of ['Copyright', 'Re-use of information', 'Dear requester', 'Yours sincerely']) {
    test(JSON.stringify(title), () => assert.equal(roleOf(title), undefined));
  }
  test('"Conclusion" and "Outcome" need context', () => {
    assert.equal(roleOf('Conclusion'), undefined);
    assert.equal(roleOf('Outcome'), undefined);
  });
  test('"Decision" alone reads as the response', () => {
    assert.equal(roleOf('Decision'), 'response');
    assert.equal(roleOf('Our decision'), 'response');
  });
});

describe('cleanTitle', () => {
  const cases: [string, string][] = [
    ['## 3. Public interest test:', 'Public interest test'],
    ['**Harm**', 'Harm'],
    ['Section 24(2) – National security', 'Section 24(2) - National security'],
    ['Section 24(2) — National security', 'Section 24(2) - National security'],
    ['### Harm ###', 'Harm'],
    ['1) Balance', 'Balance'],
    ['(2) Balance', 'Balance'],
    ['a. Conclusion', 'Conclusion'],
    ['iv. Outcome', 'Outcome'],
    ['\\*Harm\\*', 'Harm'],
    ['Harm <!-- note -->', 'Harm'],
    ['‘Quoted’   title', "'Quoted' title"],
    ['***Balancing test :***', 'Balancing test'],
  ];
  for (const [raw, expected] of cases) {
    test(JSON.stringify(raw), () => assert.equal(cleanTitle(raw), expected));
  }
});

describe('normaliseForRole', () => {
  test('citations become "section", case and punctuation folded; a leading or closing citation is dropped', () => {
    assert.equal(normaliseForRole(cleanTitle('Factors favouring disclosure – Section 31(1)(a)')), 'factors favouring disclosure');
    assert.equal(normaliseForRole('Public Interest Test (s.31)'), 'public interest test');
    assert.equal(normaliseForRole('Harm - Regulation 12(5)(b) of the EIR'), 'harm');
    assert.equal(normaliseForRole('S31 – Balance test'), 'balance test');
    assert.equal(normaliseForRole('Factors against disclosure under section 31 and section 43'), 'factors against disclosure under section and');
  });
});

describe('isProvisionHeading', () => {
  const cases: [string, boolean][] = [
    ['Section 24(2) - National security', true],
    ['S31(3)', true],
    ['Regulation 12(5)(b): course of justice', true],
    ['Re: section 43(2)', true],
    ['For Section 31', true],
    ['Exemption section 31', true],
    ['Section 31(1)(a) – Law enforcement (qualified, prejudice-based)', true],
    ['We rely on section 31 in this letter', false],
    ['Harm', false],
    ['Section 24(2) – National security and the protection of critical national infrastructure from attack', false],
  ];
  for (const [title, expected] of cases) {
    test(`${JSON.stringify(title)} → ${expected}`, () => assert.equal(isProvisionHeading(title), expected));
  }
});

/** (title, role, level, parent title) of every section. */
function outline(text: string): [string, SectionRole | undefined, number, string | undefined][] {
  return buildModel(text, { defaultRegime: 'FOIA' }).sections.map((s) => [s.title, s.role, s.level, s.parent?.title]);
}

describe('buildModel: sections per title style', () => {
  test('ATX headings', () => {
    const text = [
      '# Response to your request',
      '',
      '## Your request',
      '',
      'You asked how often the patrol runs.',
      '',
      '## Exemptions applied',
      '',
      'Section 31(1)(a) - Law enforcement',
      '',
      '## Harm',
      '',
      'Releasing the rota would be likely to prejudice crime prevention.',
      '',
      '## Public interest test',
      '',
      '### Factors favouring disclosure',
      '',
      'Openness about policing.',
      '',
      '### Factors against disclosure',
      '',
      'Keeping patrol times unpredictable.',
      '',
      '### Balance test',
      '',
      'We withhold the rota.',
      '',
      '## Your right to complain',
      '',
      'Ask us for an internal review.',
      '',
    ].join('\n');
    assert.deepEqual(outline(text), [
      ['Response to your request', 'response', 1, undefined],
      ['Your request', 'request', 2, 'Response to your request'],
      ['Exemptions applied', 'exemptions', 2, 'Response to your request'],
      ['Harm', 'harm', 2, 'Response to your request'],
      ['Public interest test', 'public-interest', 2, 'Response to your request'],
      ['Factors favouring disclosure', 'factors-for', 3, 'Public interest test'],
      ['Factors against disclosure', 'factors-against', 3, 'Public interest test'],
      ['Balance test', 'balance', 3, 'Public interest test'],
      ['Your right to complain', 'rights', 2, 'Response to your request'],
    ]);
  });

  test('a title citing only the regulator or appeal sections is a rights title', () => {
    for (const title of ['Section 50', 'Section 47(1)', 'Section 57 – Appeal']) {
      const model = buildModel(`Dear requester,\n\n${title}\n\nYou may apply to the regulator.\n`, { defaultRegime: 'FOIA' });
      assert.deepEqual(model.sections.map((s) => [s.title, s.role]), [[cleanTitle(title), 'rights']], title);
    }
  });

  test('setext headings', () => {
    const text = ['Your request', '============', '', 'You asked.', '', 'Harm', '----', '', 'It would prejudice.', '', 'Public interest test', '--------------------', '', 'Both sides.', ''].join('\n');
    const model = buildModel(text, { defaultRegime: 'FOIA' });
    assert.deepEqual(outline(text), [
      ['Your request', 'request', 1, undefined],
      ['Harm', 'harm', 2, 'Your request'],
      ['Public interest test', 'public-interest', 2, 'Your request'],
    ]);
    assert.deepEqual(
      model.sections.map((s) => s.style),
      ['setext', 'setext', 'setext'],
    );
    // The title span covers the underline too.
    assert.deepEqual(model.sections[1].titleSpan, { start: text.indexOf('Harm'), end: text.indexOf('----') + 4 });
  });

  test('bold lines', () => {
    const text = [
      '**Your request**',
      '',
      'You asked.',
      '',
      '**Exemptions applied**',
      '',
      '**Section 31(1)(a) – Law enforcement**',
      '',
      '**Harm**',
      '',
      'It would prejudice.',
      '',
      '**Public interest test**',
      '',
      '**Factors favouring disclosure**',
      '',
      'Openness.',
      '',
      '**Factors against disclosure**',
      '',
      'Crime.',
      '',
      '**Balance**',
      '',
      'Withhold.',
      '',
    ].join('\n');
    assert.deepEqual(outline(text), [
      ['Your request', 'request', 1, undefined],
      ['Exemptions applied', 'exemptions', 1, undefined],
      ['Section 31(1)(a) - Law enforcement', 'provision', 2, 'Exemptions applied'],
      ['Harm', 'harm', 1, undefined],
      ['Public interest test', 'public-interest', 1, undefined],
      ['Factors favouring disclosure', 'factors-for', 3, 'Public interest test'],
      ['Factors against disclosure', 'factors-against', 3, 'Public interest test'],
      ['Balance', 'balance', 1, undefined],
    ]);
    assert.ok(buildModel(text, { defaultRegime: 'FOIA' }).sections.every((s) => s.style === 'bold'));
  });

  test('plain lines like the seed letter; provision lines are titles only under the public interest heading', () => {
    const text = [
      'Applicable exemptions:',
      '',
      'Section 24(2) – National security (qualified)',
      '',
      'Section 31(3) – Law enforcement (qualified)',
      '',
      'Harm in confirming or denying whether information is held',
      '',
      'Our reasons for the harm go here.',
      '',
      'Public Interest Considerations',
      '',
      'Section 24(2) – National security (qualified)',
      '',
      'Factors in favour of confirming or denying whether information is held:',
      '',
      'Arguments for.',
      '',
      'Factors against confirming or denying whether information is held:',
      '',
      'Arguments against.',
      '',
      'Section 31(3) – Law enforcement (qualified)',
      '',
      'Factors in favour of confirming or denying whether information is held:',
      '',
      'More arguments for.',
      '',
      'Balancing Test',
      '',
      'The balance favours NCND.',
      '',
    ].join('\n');
    const model = buildModel(text, { defaultRegime: 'FOIA' });
    assert.deepEqual(outline(text), [
      ['Applicable exemptions', 'exemptions', 1, undefined],
      ['Harm in confirming or denying whether information is held', 'harm', 1, undefined],
      ['Public Interest Considerations', 'public-interest', 1, undefined],
      ['Section 24(2) - National security (qualified)', 'provision', 2, 'Public Interest Considerations'],
      ['Factors in favour of confirming or denying whether information is held', 'factors-for', 3, 'Section 24(2) - National security (qualified)'],
      ['Factors against confirming or denying whether information is held', 'factors-against', 3, 'Section 24(2) - National security (qualified)'],
      ['Section 31(3) - Law enforcement (qualified)', 'provision', 2, 'Public Interest Considerations'],
      ['Factors in favour of confirming or denying whether information is held', 'factors-for', 3, 'Section 31(3) - Law enforcement (qualified)'],
      ['Balancing Test', 'balance', 1, undefined],
    ]);
    // The same provision line: a list entry at its first occurrence, a title at its second.
    const firstLine = text.indexOf('Section 24(2)');
    const secondLine = text.indexOf('Section 24(2)', firstLine + 1);
    assert.ok(!model.sections.some((s) => s.titleSpan.start === firstLine));
    assert.ok(model.sections.some((s) => s.titleSpan.start === secondLine && s.role === 'provision'));
    assert.ok(model.sections.every((s) => s.style === 'plain'));
  });

  test('numbered titles ("3. Public interest test:")', () => {
    const text = ['1. Your request', '', 'You asked.', '', '2. Harm', '', 'It would prejudice.', '', '3. Public interest test:', '', 'Both sides.', '', '4. Conclusion', '', 'We withhold.', ''].join('\n');
    const model = buildModel(text, { defaultRegime: 'FOIA' });
    assert.deepEqual(outline(text), [
      ['Your request', 'request', 1, undefined],
      ['Harm', 'harm', 1, undefined],
      ['Public interest test', 'public-interest', 1, undefined],
      // "Conclusion" after a public interest heading is its balance.
      ['Conclusion', 'balance', 1, undefined],
    ]);
    assert.ok(model.sections.every((s) => s.style === 'numbered'));
    // The numbering belongs to the title span.
    const pit = model.sections[2];
    assert.equal(text.slice(pit.titleSpan.start, pit.titleSpan.end), '3. Public interest test:');
  });

  test('soft titles nest under the last Markdown heading', () => {
    const text = ['# Letter', '', '1. Harm', '', 'Text.', '', '2. Public interest test', '', '**Factors against disclosure**', '', 'Text.', ''].join('\n');
    assert.deepEqual(outline(text), [
      ['Letter', undefined, 1, undefined],
      ['Harm', 'harm', 2, 'Letter'],
      ['Public interest test', 'public-interest', 2, 'Letter'],
      ['Factors against disclosure', 'factors-against', 4, 'Public interest test'],
    ]);
  });

  test('plain lines that are sentences are not titles', () => {
    const text = ['Harm', '', 'Harm would follow.', '', 'We considered the public interest.', ''].join('\n');
    assert.deepEqual(outline(text), [['Harm', 'harm', 1, undefined]]);
  });
});

describe('buildModel: roles that depend on context', () => {
  test('"Conclusion" and "Decision" outside a public interest test are the response', () => {
    const text = ['## Our response', '', 'Text.', '', '## Conclusion', '', 'Text.', '', '## Decision', '', 'Text.', ''].join('\n');
    assert.deepEqual(
      outline(text).map(([title, role]) => [title, role]),
      [
        ['Our response', 'response'],
        ['Conclusion', 'response'],
        ['Decision', 'response'],
      ],
    );
  });

  test('"Outcome", "Decision" and "Our decision" inside a public interest test are its balance', () => {
    for (const title of ['Outcome', 'Decision', 'Our decision', 'Conclusion']) {
      const text = ['## Public interest test', '', '### Factors for disclosure', '', 'Text.', '', `### ${title}`, '', 'Text.', ''].join('\n');
      assert.equal(outline(text)[2][1], 'balance', title);
    }
  });

  test('"Balancing test" after legitimate interests is part of the s40 assessment', () => {
    const text = ['## Section 40(2) – Personal information', '', '### Legitimate interests', '', 'Text.', '', '### Balancing test', '', 'Text.', ''].join('\n');
    assert.deepEqual(outline(text), [
      ['Section 40(2) - Personal information', 'provision', 2, undefined],
      ['Legitimate interests', 'legitimate-interests', 3, 'Section 40(2) - Personal information'],
      ['Balancing test', 'legitimate-interests', 3, 'Section 40(2) - Personal information'],
    ]);
  });

  test('"Balancing test" after a public interest heading stays the balance', () => {
    const text = ['## Legitimate interests', '', 'Text.', '', '## Public interest test', '', '### Balancing test', '', 'Text.', ''].join('\n');
    assert.equal(outline(text)[2][1], 'balance');
  });
});
