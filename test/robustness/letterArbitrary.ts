// fast-check generators for FOI-letter-like Markdown: titles in every style, citations in
// every style, front matter (good and broken), lists, quotes, emoji, directives, any line ending.
import fc from 'fast-check';

export const CITATIONS = [
  'Section 31(1)(a)',
  's.43(2)',
  'S24(2)',
  'reg. 12(4)(b)',
  'sections 23(5) and 24(2)',
  'section 40(2) and (3A)(a)',
  'regulation 12(5)(e)',
  'Regulation 13',
  's 36(2)(b)(i)',
  'ss. 30(1), 31(1)(a) & 38',
  'section 30(1) of FOISA',
  'section 2 of the Data Protection Act 2018',
  'Section 47(1)',
  'section 12',
  'r.12(5)(b)',
  'S.27(1)(a)(b)',
  'sections 21, 22',
  'section 999(9)(zz)',
];

const ROLE_TITLES = [
  'Harm',
  'Prejudice test',
  'Public interest test',
  'Factors in favour of disclosure',
  'Factors favouring non-disclosure',
  'Arguments against disclosure',
  'Balance test',
  'Balancing the public interest',
  'Our decision',
  'Conclusion',
  'Neither confirm nor deny',
  'Legitimate interests',
  "Qualified person's opinion",
  'Your right to request an internal review',
  'Complaints to the Information Commissioner',
  'Your request',
  'Our response',
  'Exemptions applied',
  'Advice and assistance',
  'Information not held',
];

const SENTENCES = [
  'Disclosure would be likely to prejudice the prevention of crime.',
  'We have considered the public interest in disclosure.',
  'There is a public interest in maintaining the exemption.',
  'On balance, the public interest favours withholding the information.',
  'We neither confirm nor deny that we hold the information.',
  'You may ask for an internal review within 40 working days.',
  'You may complain to the Information Commissioner.',
  'You can apply to the Scottish Information Commissioner for a decision.',
  'The qualified person gave their opinion on 3 March.',
  'We have weighed the legitimate interests of the requester.',
  'Thank you for your request.',
  'Dear Requester,',
  'Yours sincerely,',
  'The information is exempt.',
];

const ODD = ['😀', '😀😀 ', '𝒳', '👩‍👩‍👧', '\u00a0', '\u200b', '\uFFFD', '\u2028', 'é', 'ﬁ', '\t', '  ', '–', '’', '#', '*', '**', '_', '`', '\\', '[', ']', '(', ')', ':', '\u0000'];

const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CITATIONS) },
  { weight: 3, arbitrary: fc.constantFrom(...ROLE_TITLES) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

/** A title as written, before any heading markup. */
const titleText = fc.oneof(
  fc.constantFrom(...ROLE_TITLES),
  fc.tuple(fc.constantFrom(...CITATIONS), fc.constantFrom('', ' – Law enforcement', ': harm', ' - Public interest test', ' (Commercial interests)')).map(([c, t]) => c + t),
  fc.tuple(fc.constantFrom('', '😀 ', '1. ', '(a) '), fc.constantFrom(...ROLE_TITLES), fc.constantFrom('', ':', ' 😀')).map(([a, b, c]) => a + b + c),
  fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
);

const heading = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 7 }), titleText, fc.constantFrom('', ' #', ' ###')).map(([level, t, close]) => `${'#'.repeat(level)} ${t}${close}`),
  titleText.map((t) => `${t}\n${'='.repeat(Math.max(3, t.length))}`),
  titleText.map((t) => `${t}\n---`),
  titleText.map((t) => `**${t}**`),
  titleText.map((t) => `__${t}__`),
  titleText,
  fc.tuple(fc.integer({ min: 1, max: 12 }), titleText).map(([n, t]) => `${n}. ${t}`),
);

const sentence = fc.oneof(
  fc.constantFrom(...SENTENCES),
  fc.tuple(fc.constantFrom('We rely on ', 'Under ', 'The exemption at ', '', 'See also '), fc.constantFrom(...CITATIONS), fc.constantFrom('.', ' applies.', ' of the Act.', ', which is qualified.', ' 😀')).map((p) => p.join('')),
  fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')),
);

const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));

const listBlock = fc
  .tuple(fc.constantFrom('- ', '* ', '1. ', '2) ', '  - ', '    - ', '> - '), fc.array(fc.oneof(sentence, fc.constantFrom(...CITATIONS)), { minLength: 1, maxLength: 4 }))
  .map(([marker, items]) => items.map((item) => marker + item).join('\n'));

const quoteBlock = fc.array(sentence, { minLength: 1, maxLength: 3 }).chain((lines) => fc.constantFrom('> ', '>', '> > ').map((q) => lines.map((l) => q + l).join('\n')));

const directive = fc
  .tuple(
    fc.constantFrom('foi-disable-next-line', 'foi-disable-line', 'foi-disable', 'foi-enable', 'foi-disable-file'),
    fc.constantFrom('', ' harm-missing', ' pit-missing, rights-missing', ' personal-data/email', ' unknown-rule'),
    fc.constantFrom(' -->', '-->', ''),
  )
  .map(([kind, rules, close]) => `<!-- ${kind}${rules}${close}`);

const frontMatterValues = fc.array(
  fc.constantFrom(
    'regime: FOIA',
    'regime: EIR',
    'regime: FOISA',
    'regime: EISR',
    'regime: GDPR',
    'response_type: refusal',
    'response_type: ncnd',
    'response_type: partial-disclosure',
    'received: 2026-01-05',
    'received: 2026-02-30',
    'responded: 2026-03-02',
    'responded: not a date',
    'reference: FOI-123',
    'authority: Northshire Council',
    'house_of_parliament: true',
    'extension: public-interest',
    'requester: Jane Doe',
    'unknown_key: 1',
    'a: &x [1, 2]',
    'b: *x',
    'bad: [unclosed',
    ': no key',
    '  indented: wrong',
    '😀: emoji',
  ),
  { maxLength: 6 },
);

export const frontMatter = fc.oneof(
  frontMatterValues.map((lines) => ['---', ...lines, '---'].join('\n')),
  frontMatterValues.map((lines) => ['---', ...lines].join('\n')), // never closes
  frontMatterValues.map((lines) => ['\uFEFF---', ...lines, '---'].join('\n')),
  fc.constant('---\n---'),
);

const block = fc.oneof(
  { weight: 4, arbitrary: heading },
  { weight: 5, arbitrary: paragraph },
  { weight: 2, arbitrary: listBlock },
  { weight: 1, arbitrary: quoteBlock },
  { weight: 1, arbitrary: directive },
  { weight: 1, arbitrary: fc.constantFrom('```', '```\ncode\n```', '---', '***', '<!-- a comment -->', '    indented code', '', '|a|b|\n|-|-|') },
);

export const lineEnding = fc.constantFrom('\n', '\r\n', '\r');

/** A whole letter: optional front matter, then blocks separated by blank lines (or not), any line ending. */
export const letter = fc
  .tuple(fc.option(frontMatter, { nil: undefined }), fc.array(block, { maxLength: 16 }), fc.array(fc.constantFrom('\n\n', '\n', '\n\n\n'), { minLength: 16, maxLength: 16 }), lineEnding, fc.boolean())
  .map(([front, blocks, gaps, eol, mixed]) => {
    let text = front !== undefined ? front + '\n\n' : '';
    blocks.forEach((b, i) => (text += b + gaps[i]));
    if (eol === '\n') return text;
    // Either every line ending converted, or only some (a letter pasted together from several files).
    return mixed ? text.replace(/\n/g, (m, offset: number) => (offset % 3 === 0 ? eol : m)) : text.replace(/\n/g, eol);
  });

/** One edit: replace `[start, end)` (as fractions of the length) with `insert`. */
export interface Edit {
  start: number;
  end: number;
  insert: string;
}

export const edit: fc.Arbitrary<Edit> = fc.record({
  start: fc.double({ min: 0, max: 1, noNaN: true }),
  end: fc.double({ min: 0, max: 1, noNaN: true }),
  insert: fc.oneof(
    fc.constant(''),
    block,
    sentence,
    fc.constantFrom('\n', '\r\n', '\r', '\n\n', '#', '---\n', '\n---\n', '😀', '<!--', '-->', '(a)', '**', '> '),
  ),
});

/** Applies an edit, keeping surrogate pairs whole so the text stays well formed. */
export function applyEdit(text: string, e: Edit): string {
  let a = Math.floor(Math.min(e.start, e.end) * text.length);
  let b = Math.floor(Math.max(e.start, e.end) * text.length);
  const low = (i: number) => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]) && /[\uD800-\uDBFF]/.test(text[i - 1]);
  if (low(a)) a--;
  if (low(b)) b++;
  return text.slice(0, a) + e.insert + text.slice(b);
}
