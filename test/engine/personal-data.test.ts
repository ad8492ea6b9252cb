// The personal-data rule: unit tests per category, settings, directives, quick fix, speed,
// and precision/recall on the fixture letters in test/personal-data/letters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, mergeSettings, PERSONAL_DATA_CATEGORIES, type PartialSettings } from '../../server/src/engine/config/settings';
import { lint } from '../../server/src/engine/lint';
import type { LetterModel } from '../../server/src/engine/model/letter';
import { findPersonalData } from '../../server/src/engine/rules/personal-data';
import { formatTable, measure, precision, recall } from '../personal-data/measure';
import { cpuMs } from '../helpers/cpuTime';

interface Hit {
  category: string | undefined;
  text: string;
  line: number;
}

function hits(body: string, personalData?: PartialSettings['personalData']): Hit[] {
  const text = `---\nreference: T-1\nregime: FOIA\n---\n\n${body}\n`;
  const settings = mergeSettings(DEFAULT_SETTINGS, { personalData });
  return lint(text, { settings })
    .findings.filter((f) => f.rule === 'personal-data')
    .map((f) => ({ category: f.category, text: text.slice(f.span.start, f.span.end), line: f.range.start.line }));
}

const texts = (body: string, category: string, personalData?: PartialSettings['personalData']) =>
  hits(body, personalData)
    .filter((h) => h.category === category)
    .map((h) => h.text);

test('precision and recall on the fixture letters', () => {
  const result = measure();
  console.log(formatTable(result));
  assert.ok(result.letters >= 15, `only ${result.letters} fixture letters`);
  assert.ok(result.overall.expected >= 50, 'too few marked occurrences to measure');
  assert.ok(precision(result.overall) >= 0.9, `overall precision ${precision(result.overall)}`);
  assert.ok(recall(result.overall) >= 0.9, `overall recall ${recall(result.overall)}`);
  for (const category of PERSONAL_DATA_CATEGORIES) {
    const tally = result.perCategory[category];
    assert.ok(tally.expected > 0, `no marked ${category} in the fixtures`);
    assert.ok(precision(tally) >= 0.8, `${category} precision ${precision(tally)}`);
    assert.ok(recall(tally) >= 0.8, `${category} recall ${recall(tally)}`);
  }
});

test('finding: message, category, severity and range of the matched text only', () => {
  const text = '---\nreference: T-1\n---\n\nPlease reply to jo.bloggs@example.org today.\n';
  const [finding] = lint(text).findings.filter((f) => f.rule === 'personal-data');
  assert.equal(finding.category, 'email');
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.message, 'Possible personal data (email address) in the letter body: check it should be disclosed before sending.');
  assert.deepEqual(finding.range, { start: { line: 4, character: 16 }, end: { line: 4, character: 37 } });
});

test('email: personal addresses are flagged; role mailboxes, regulators and look-alikes are not', () => {
  assert.deepEqual(texts('Write to jo.bloggs@example.org or <R.Testman@Example.co.uk>, or [email](mailto:a.b@example.com).', 'email'), [
    'jo.bloggs@example.org',
    'R.Testman@Example.co.uk',
    'a.b@example.com',
  ]);
  assert.deepEqual(texts('Contact foi@westmere.gov.uk, icocasework@ico.org.uk, enquiries@foi.scot, the @council handle, or user@localhost.', 'email'), []);
});

test('phone: UK formats are flagged', () => {
  assert.deepEqual(
    texts('Call 01632 960123, 01632960124, 020 7946 0123, 0113 496 0456, 07700 900 123, 07700-900-124, +44 7700 900125, +44 (0)20 7946 0126, (01632) 960127, (020) 7946 0128 or 01632 96 04 18.', 'phone'),
    ['01632 960123', '01632960124', '020 7946 0123', '0113 496 0456', '07700 900 123', '07700-900-124', '+44 7700 900125', '+44 (0)20 7946 0126', '(01632) 960127', '(020) 7946 0128', '01632 96 04 18'],
  );
});

test('phone: regulators, references, dates, money, sort codes and other numbers are not flagged', () => {
  const body = [
    'ICO helpline 0303 123 1113, old number 01625 545745, SIC 01334 464610.',
    'Under section 40(2) and FOI-2026-0142 we hold £450 and £1,284,450.',
    'Sort code 20-45-77, account 41806233. Invoice number 01632960999. Ref: 07700 900555.',
    'Dates 01/02/2026, 01-02-2026, 2026-01-02 and 20250331. Freephone 0800 123 4567. ISBN 0140449132.',
    'A twelve-digit run 016329601234 and a short one 01632 96012.',
  ].join('\n\n');
  assert.deepEqual(texts(body, 'phone'), []);
});

test('ni-number: valid prefixes only, suffix A–D', () => {
  assert.deepEqual(texts('Numbers JT 48 29 17 B, PR572904D and CE 70 13 62 A.', 'ni-number'), ['JT 48 29 17 B', 'PR572904D', 'CE 70 13 62 A']);
  const invalid = 'QQ 12 34 56 C, DA 12 34 56 A, FA123456A, AO 12 34 56 B, AD123456A, GB 12 34 56 A, BG123456B, NK123456A, KN123456A, TN123456A, NT123456A, ZZ123456A, JT 48 29 17 E, jt482917b';
  assert.deepEqual(texts(invalid, 'ni-number'), []);
});

test('postcode-address: a postcode attached to a street address, on one line or several', () => {
  assert.deepEqual(texts('He lives at 14 Mill Lane, Harrowfield HF3 2QT and works nearby.', 'postcode-address'), ['14 Mill Lane, Harrowfield HF3 2QT']);
  assert.deepEqual(texts('Mr S Madeup  \n22 Orchard Close  \nHarrowfield  \nHF4 7LD', 'postcode-address'), ['22 Orchard Close  \nHarrowfield  \nHF4 7LD']);
  assert.deepEqual(texts('Flat 2, Harbour Wynd, Dunmorrow DM7 3QA', 'postcode-address'), ['Flat 2, Harbour Wynd, Dunmorrow DM7 3QA']);
  assert.deepEqual(texts('Rose Cottage, Mill Lane, Eastbridge EB4 6UJ', 'postcode-address'), ['Rose Cottage, Mill Lane, Eastbridge EB4 6UJ']);
});

test('postcode-address: postcodes without a street, regulator addresses and far-apart text are not flagged', () => {
  const body = [
    'Repairs in the HF3 area and the postcode HF3 2QT are handled by the North depot.',
    'Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF.',
    'Kinburn Castle, Doubledykes Road, St Andrews, Fife KY16 9DS.',
    'The works at 14 Mill Lane were finished in May. The depot covers HF3 2QT.',
    '14 Mill Lane\n\nHF3 2QT',
    'Council Offices, Castle Way, Westmere DW1 3HT.',
  ].join('\n\n');
  assert.deepEqual(texts(body, 'postcode-address'), []);
});

test('date-of-birth: dates next to birth words only', () => {
  assert.deepEqual(
    texts('Date of birth: 12/04/1987. DOB 3 August 1992. Born on 11th March 1967. Aged 41 (22 February 1983). Given as 09/05/2008 (date of birth). His d.o.b. is 4.7.88.', 'date-of-birth'),
    ['12/04/1987', '3 August 1992', '11th March 1967', '22 February 1983', '09/05/2008', '4.7.88'],
  );
  const body = 'Your request of 3 March 2026 was received. Date of birth: 12/04/1987. Meeting on 5 March 2026. Born in 1984. The scheme was born out of the 2019 review, on 1 October 2019. A man aged 36 was seen on 3 March 2026.';
  assert.deepEqual(texts(body, 'date-of-birth'), ['12/04/1987']);
});

test('vehicle-registration: current format always, older formats only with a vehicle word', () => {
  assert.deepEqual(texts('The car BD51 SMR and YC11WBD.', 'vehicle-registration'), ['BD51 SMR', 'YC11WBD']);
  assert.deepEqual(texts('A van, reg P472 KTN, and a car with the plate LKT 484V.', 'vehicle-registration'), ['P472 KTN', 'LKT 484V']);
  assert.deepEqual(texts('Form P472 KTN and code LKT 484V. Under reg 12 S12 FOI applies. Ages AB99 CDE and IQ12 ABC.', 'vehicle-registration'), []);
});

test('salutation-name: names after Dear, not forms of address', () => {
  assert.deepEqual(texts('Dear Mr Ivo Fictus,', 'salutation-name'), ['Ivo Fictus']);
  assert.deepEqual(texts('Dear Mrs. J. Notreal,', 'salutation-name'), ['J. Notreal']);
  assert.deepEqual(texts('Dear Mx Testa Example,', 'salutation-name'), ['Testa Example']);
  assert.deepEqual(texts("Dear Jo O'Neill,", 'salutation-name'), ["Jo O'Neill"]);
  assert.deepEqual(texts('Dear Mr and Mrs Patel,', 'salutation-name'), ['Patel']);
  for (const greeting of ['Dear Sir or Madam,', 'Dear Sir/Madam,', 'Dear Requester,', 'Dear Applicant,', 'Dear Information Rights Team,', 'Dear FOI Officer,', 'Dear Sam,', 'Dear Dr,', 'Dear Colleague,']) {
    assert.deepEqual(texts(greeting, 'salutation-name'), [], greeting);
  }
});

test('front matter, HTML comments, code and URL paths are never flagged', () => {
  const text = [
    '---',
    'requester_email: jo.bloggs@example.org',
    'requester_phone: 07700 900555',
    '---',
    '',
    '<!-- a.person@example.org 07700 900111 -->',
    '',
    'Fields such as `b.person@example.org` and:',
    '',
    '```',
    'phone: 07700 900222',
    '```',
    '',
    'See https://www.example.gov.uk/people/07700900333/c.person@example.org/profile.',
  ].join('\n');
  assert.deepEqual(lint(text).findings.filter((f) => f.rule === 'personal-data'), []);
});

test('code: fenced blocks (closed or not) and code spans are skipped; escaped or unclosed backticks are text', () => {
  const body = [
    '~~~text',
    '07700 900111',
    '~~~',
    '',
    'A `07700 900222` and `` a ` 07700 900333 `` and \\`07700 900444\\` and `07700 900555',
    '',
    'next paragraph` 07700 900666',
    '',
    '   ```',
    'never closed 07700 900777',
  ].join('\n');
  assert.deepEqual(texts(body, 'phone'), ['07700 900444', '07700 900555', '07700 900666']);
});

test('allow list: exact values, phones and postcodes compared without case or spaces', () => {
  const body = 'Contact records.officer@example.org, Records.Officer@Example.org, 01632960800, +44 (0)1632 960 800, 01632 960801 or 4 Beacon Road, Northvale NV3 9RT.';
  assert.deepEqual(
    hits(body).map((h) => h.category),
    ['email', 'email', 'phone', 'phone', 'phone', 'postcode-address'],
  );
  const allowed = hits(body, { allow: ['records.officer@example.org', '01632 960 800', 'nv39rt'] });
  assert.deepEqual(
    allowed.map((h) => h.text),
    ['01632 960801'],
  );
  // An allow entry may be a whole contact line.
  assert.deepEqual(hits('Write to 4 Beacon Road, Northvale NV3 9RT.', { allow: ['Service HQ, 4 Beacon Road, Northvale NV3 9RT'] }), []);
});

test('each category can be switched off', () => {
  const body = 'Dear Mr Ivo Fictus,\n\nEmail jo@example.org, phone 07700 900123, NI JT 48 29 17 B, 14 Mill Lane, Harrowfield HF3 2QT, DOB 12/04/1987, car BD51 SMR.';
  const all = hits(body).map((h) => h.category).sort();
  assert.deepEqual(all, [...PERSONAL_DATA_CATEGORIES].sort());
  for (const category of PERSONAL_DATA_CATEGORIES) {
    const left = hits(body, { categories: { [category]: false } }).map((h) => h.category);
    assert.ok(!left.includes(category), `${category} still flagged`);
    assert.equal(left.length, PERSONAL_DATA_CATEGORIES.length - 1, `switching off ${category} changed others`);
  }
});

test('a disable-next-line directive for personal-data/email leaves other categories on that line', () => {
  const body = '<!-- foi-disable-next-line personal-data/email -->\nReply to jo@example.org or 07700 900123.\n\nAnd to al@example.org.';
  assert.deepEqual(
    hits(body).map((h) => `${h.category}:${h.text}`),
    ['phone:07700 900123', 'email:al@example.org'],
  );
  assert.deepEqual(hits('<!-- foi-disable-next-line personal-data -->\nReply to jo@example.org or 07700 900123.'), []);
});

test('the quick fix marks the line as checked and the finding goes away', () => {
  const text = '---\nreference: T-1\n---\n\nMr S Madeup  \n22 Orchard Close  \nHarrowfield  \nHF4 7LD\n';
  const [finding] = lint(text).findings.filter((f) => f.rule === 'personal-data');
  assert.equal(finding.category, 'postcode-address');
  const [fix] = finding.fixes ?? [];
  assert.equal(fix.text, ' <!-- foi-disable-line personal-data/postcode-address -->');
  const fixed = text.slice(0, fix.offset) + fix.text + text.slice(fix.offset);
  assert.ok(fixed.includes('22 Orchard Close <!-- foi-disable-line personal-data/postcode-address -->  \n'), 'the hard break is kept');
  assert.deepEqual(lint(fixed).findings.filter((f) => f.rule === 'personal-data'), []);
});

test('overlapping matches give one finding', () => {
  assert.deepEqual(
    hits('Write to 07700900123@example.org.').map((h) => h.category),
    ['email'],
  );
});

test('runs in linear time on adversarial input', () => {
  // Growth, not a wall-clock bound: each input at 25,000 and at 100,000 characters in the same
  // run; linear work takes about 4x as long, quadratic 16x. Tiny times are below the noise.
  const fill = (unit: string, size = 100_000) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const inputs = [
    fill('0'),
    fill('0 '),
    fill('01632 9'),
    fill('+44 (0'),
    fill('a@'),
    fill('a.'),
    fill('@a.'),
    fill('a'),
    fill('Dear Mr '),
    fill('Dear Ab '),
    fill('AB12 '),
    fill('AB 12 34 56 '),
    fill('A1 '),
    fill('14 Mill '),
    fill('14 Mill Lane, Harrowfield '),
    fill('HF3 2QT '),
    fill('born 1/1/'),
    fill('date of birth 12 '),
    fill('reg A123 '),
    fill('https://'),
    fill('<!--'),
    fill('\n \n'),
    fill('Flat 2, '),
    fill('ref case no. '),
    fill('`a'),
  ];
  // The rule reads only the text and where the body starts; a bare model keeps the parser's own cost out of the timing.
  const time = (text: string) => {
    const model = { text, bodyStart: 0 } as unknown as LetterModel;
    let best = Infinity;
    for (let i = 0; i < 2; i++) {
      const started = cpuMs();
      findPersonalData(model, DEFAULT_SETTINGS.personalData);
      best = Math.min(best, cpuMs() - started);
    }
    return best;
  };
  for (const input of inputs) {
    const small = time(input.slice(0, 25_000));
    const large = time(input);
    assert.ok(large < 50 || large / Math.max(small, 1) < 9, `${JSON.stringify(input.slice(0, 20))}…: ${small.toFixed(0)} ms at 25,000 characters, ${large.toFixed(0)} ms at 100,000`);
  }
});
