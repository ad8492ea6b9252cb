// Reading v2: the prose view, sentence classes, who speaks, reliance, letter types, and the
// phrasing tables that drive them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { lint } from '../../server/src/engine/lint';
import { DEFAULT_SETTINGS, mergeSettings } from '../../server/src/engine/config/settings';
import { classifySentence } from '../../server/src/engine/model/reading';
import { letterTypeOf } from '../../server/src/engine/model/letterType';
import { buildProse, documentSpan, hiddenSpans, sentencesOf } from '../../server/src/engine/text/prose';
import type { ArgumentPart } from '../../server/src/engine/knowledge';

const ROOT = path.join(__dirname, '..', '..');
const KNOWLEDGE = path.join(ROOT, 'server', 'src', 'engine', 'knowledge');
const TABLES = ['arguments', 'voices', 'letter-types', 'rights'];
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'argument-phrasings.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);
const settings = mergeSettings(DEFAULT_SETTINGS, { rules: { 'personal-data': 'off' } });
const rulesOf = (text: string) => lint(text, { settings }).findings.map((f) => `${f.range.start.line + 1}:${f.rule}`);

type Table = { parts: Record<string, { pattern: string; example: string }[]> };
const table = (name: string): Table => JSON.parse(fs.readFileSync(path.join(KNOWLEDGE, `${name}.json`), 'utf8'));

test('every phrasing table is valid against schemas/argument-phrasings.schema.json', () => {
  for (const name of TABLES) assert.ok(validate(table(name)), `${name}.json: ${JSON.stringify(validate.errors)}`);
});

test('the phrasing schema rejects an unbounded repeat and an entry without an example', () => {
  assert.equal(validate({ parts: { harm: [{ pattern: 'would.*prejudice', example: 'It would prejudice.' }] } }), false);
  assert.equal(validate({ parts: { harm: [{ pattern: 'would prejudice' }] } }), false);
  assert.equal(validate({ parts: { harm: [{ pattern: 'would (\\w+ )+prejudice', example: 'It would prejudice.' }] } }), false);
});

for (const name of TABLES) {
  for (const [part, entries] of Object.entries(table(name).parts)) {
    entries.forEach((entry, index) => {
      test(`${name}.json ${part}[${index}]: the example matches its pattern`, () => {
        assert.match(entry.example, new RegExp(entry.pattern, 'i'));
      });
    });
  }
}

const EVIDENCE: ArgumentPart[] = ['balance', 'for', 'against', 'harm', 'ncnd', 'legitimate-interests', 'qualified-person', 'withdrawal'];
for (const [part, entries] of Object.entries(table('arguments').parts)) {
  entries.forEach((entry, index) => {
    if (EVIDENCE.includes(part as ArgumentPart)) {
      test(`arguments.json ${part}[${index}]: the example sentence is read as ${part}`, () => {
        assert.ok(classifySentence(entry.example).has(part as ArgumentPart), `${JSON.stringify(entry.example)} read as ${[...classifySentence(entry.example)].join(', ') || 'nothing'}`);
      });
    } else if (part === 'definition' || part === 'statute') {
      test(`arguments.json ${part}[${index}]: the example sentence is no evidence at all`, () => {
        assert.deepEqual([...classifySentence(entry.example)], []);
      });
    }
  });
}

test('a conclusion is a balance, never a factor; a named reason in it is a factor', () => {
  assert.deepEqual([...classifySentence('We have concluded that the public interest in maintaining the exemption outweighs the public interest in disclosure.')], ['balance']);
  const named = classifySentence('The public interest in keeping the tender process fair outweighs the public interest in disclosing the information.');
  assert.ok(named.has('balance') && !named.has('for'), [...named].join(','));
  assert.deepEqual([...classifySentence('We must consider whether the public interest in maintaining the exemption outweighs the public interest in disclosure.')], []);
  assert.deepEqual([...classifySentence('Section 43 is a qualified exemption, which means that we have to carry out a public interest test.')], []);
});

test('the prose view joins hard wraps and keeps exact document positions', () => {
  const text = 'Intro.\n\nReleasing the plans would be\nlikely to prejudice   the\ttender.\n<!-- would prejudice -->\n```\noutweighs\n```\nEnd.';
  const view = buildProse(text, 0, text.length, hiddenSpans(text, 0, text.length));
  assert.equal(view.text, 'Intro.\nReleasing the plans would be likely to prejudice the tender.\nEnd.');
  const sentences = sentencesOf(view);
  assert.deepEqual(sentences.map((s) => s.text), ['Intro.', 'Releasing the plans would be likely to prejudice the tender.', 'End.']);
  const span = documentSpan(view, sentences[1].start, sentences[1].end);
  assert.equal(text.slice(span.start, span.end), 'Releasing the plans would be\nlikely to prejudice   the\ttender.');
});

const LETTER = (middle: string, frontMatter = '') => `${frontMatter}Dear Requester,

We hold the tender scores you asked for. We are withholding them under section 43(2) of the Freedom of Information Act 2000.

${middle}

If you are unhappy with this response you can ask for an internal review. You can then complain to the Information Commissioner.

Yours sincerely,
Procurement Team
`;
const HARM = 'Releasing the scores would be likely to prejudice the bidders in the next round.';
const FOR = 'There is a public interest in transparency about how contracts are awarded.';
const AGAINST = 'There is a public interest in protecting a fair competition.';
const BALANCE = 'On balance, the public interest favours withholding the scores.';

test('a complete prose letter has no findings (the control for the next test)', () => {
  assert.deepEqual(rulesOf(LETTER([HARM, FOR, AGAINST, BALANCE].join(' '))), []);
});

test('comments, code blocks and front matter never count as evidence', () => {
  const withoutBalance = [HARM, FOR, AGAINST].join(' ');
  assert.deepEqual(rulesOf(LETTER(`${withoutBalance}\n\n<!-- ${BALANCE} -->`)), ['3:balance-missing']);
  assert.deepEqual(rulesOf(LETTER(`${withoutBalance}\n\n\`\`\`\n${BALANCE}\n\`\`\``)), ['3:balance-missing']);
  assert.deepEqual(rulesOf(LETTER(`${withoutBalance}\n\n~~~text\n${BALANCE}\n~~~`)), ['3:balance-missing']);
  const frontMatter = `---\nregime: FOIA\nsubject: "${BALANCE} ${HARM}"\n---\n`;
  assert.deepEqual(rulesOf(LETTER([FOR, AGAINST].join(' '), frontMatter)), ['7:harm-missing', '7:balance-missing']);
  assert.deepEqual(rulesOf(LETTER(`${[FOR, AGAINST, BALANCE].join(' ')}\n\n<!-- TODO: ${HARM} -->`)), ['3:harm-missing']);
});

test('an indented block is read as prose, not as code', () => {
  assert.deepEqual(rulesOf(LETTER(`    ${HARM}\n    ${FOR}\n    ${AGAINST}\n    ${BALANCE}`)), []);
});

test("citations in the requester's words, in another Act, in a legal annex or withdrawn are not relied on", () => {
  const requester = lint('Your request\n\nUnder section 42 I would like copies of the legal advice.\n\nWe can confirm that the advice is not held.\n', { settings });
  assert.deepEqual(requester.model.provisions, []);
  assert.equal(requester.model.citations[0].voice, 'requester');
  const otherAct = lint('We can confirm that the information is not held. Your question refers to section 22 of the Police Reform and Social Responsibility Act 2011.\n', { settings });
  assert.deepEqual(otherAct.model.provisions, []);
  const withdrawn = lint('Dear Requester,\n\nYour request was refused under section 27(1) of the Act. Having reviewed it, we no longer rely on section 27(1), and the report is enclosed.\n', { settings });
  assert.deepEqual(withdrawn.model.provisions, []);
  assert.ok(withdrawn.model.citations.every((c) => c.withdrawn));
  const annex = lint('We hold the report and enclose it in full.\n\nLegal annex\n\nSection 31(1) provides that information is exempt information if its disclosure would prejudice the prevention of crime.\n', { settings });
  assert.deepEqual(annex.model.provisions, []);
});

test('letter types are read from the text when there is no front matter', () => {
  const typeOf = (text: string) => letterTypeOf(lint(text, { settings }).model).type;
  assert.equal(typeOf('I have now completed the internal review of our response to your request. I uphold the original decision to withhold the file under section 43(2).'), 'internal-review');
  assert.equal(typeOf('We consider that section 43(2) applies. We need more time to consider the public interest and will reply by 6 January.'), 'pit-extension');
  assert.equal(typeOf('The council does not hold the information you asked for.'), 'not-held');
  assert.equal(typeOf('Answering would exceed the appropriate limit set under section 12 of the Act.'), 'cost-limit');
  assert.equal(typeOf('Please find the figures below.'), 'full-disclosure');
  assert.equal(typeOf('---\nresponse_type: refusal\n---\nThe council does not hold the information.'), 'refusal');
});

test('an internal review owes only the regulator; a s17(2) holding notice owes no public interest test yet', () => {
  const review = 'Dear Requester,\n\nI have now completed the internal review. I uphold the decision to withhold the file under section 41 of the Freedom of Information Act 2000, because it was given to us in confidence.\n\nIf you remain unhappy, you can complain to the Information Commissioner.\n';
  assert.deepEqual(rulesOf(review), []);
  assert.deepEqual(rulesOf(review.replace('If you remain unhappy, you can complain to the Information Commissioner.\n', 'Thank you.\n')), ['5:rights-missing']);
  const holding = 'Dear Requester,\n\nWe consider that section 43(2) of the Freedom of Information Act 2000 applies. We need more time to consider the public interest and will reply by 6 January 2026.\n\nIf you are unhappy you can ask for an internal review, and then complain to the Information Commissioner.\n';
  assert.deepEqual(rulesOf(holding), []);
});

test('a FOIA section in a letter wholly under the EIR is reported; a mixed letter is not', () => {
  const eir = 'Dear Requester,\n\nWe have handled your request under the Environmental Information Regulations 2004. We refuse it under section 12 because it would cost too much.\n\nYou can make representations under regulation 11, and then complain to the Information Commissioner.\n';
  const findings = lint(eir, { settings }).findings;
  assert.deepEqual(findings.map((f) => f.rule), ['exemption-unknown']);
  assert.match(findings[0].message, /no cost limit.*regulation 12\(4\)\(b\)/);
  const mixed = eir.replace('2004.', '2004 and the Freedom of Information Act 2000.');
  assert.deepEqual(lint(mixed, { settings }).findings.map((f) => f.rule), []);
});

test('a team can add its own phrasings in settings (.foi.jsonc "phrasings"); they are literal text, not patterns', () => {
  const house = LETTER([HARM, FOR, AGAINST, 'Our panel found the case for openness weaker here.'].join(' '));
  assert.deepEqual(rulesOf(house), ['3:balance-missing']);
  const withPhrase = mergeSettings(settings, { phrasings: { balance: ['found the case for\nopenness weaker'] } });
  assert.deepEqual(lint(house, { settings: withPhrase }).findings.map((f) => f.rule), []);
  // A phrase is escaped: regex syntax in it matches only itself, and an evil pattern cannot hang the engine.
  const literal = mergeSettings(settings, { phrasings: { balance: ['(a+)+$', 'case.*weaker'] } });
  assert.deepEqual(lint(house, { settings: literal }).findings.map((f) => f.rule), ['balance-missing']);
  const review = LETTER([HARM, FOR, AGAINST, BALANCE].join(' ')).replace('you can ask for an internal review', 'you can ask our Complaints Officer to look again');
  assert.deepEqual(rulesOf(review), ['10:rights-missing']);
  assert.deepEqual(lint(review, { settings: mergeSettings(settings, { phrasings: { review: ['ask our Complaints Officer to look again'] } }) }).findings.map((f) => f.rule), []);
});

test('titles.json is valid against its schema, and every example title gets its role from its own entry', async () => {
  const titleSchema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'title-phrasings.schema.json'), 'utf8'));
  const check = new Ajv({ allErrors: true }).compile(titleSchema);
  const titles = JSON.parse(fs.readFileSync(path.join(KNOWLEDGE, 'titles.json'), 'utf8')) as { titles: { role: string; example: string }[] };
  assert.ok(check(titles), JSON.stringify(check.errors));
  const { cleanTitle, normaliseForRole } = await import('../../server/src/engine/model/sections');
  const { ROLE_PATTERNS } = await import('../../server/src/engine/model/roles');
  titles.titles.forEach((entry, index) => {
    const normalised = normaliseForRole(cleanTitle(entry.example));
    const first = ROLE_PATTERNS.findIndex((p) => p.pattern.test(normalised));
    assert.equal(first, index, `${JSON.stringify(entry.example)} is matched first by entry ${first}, not its own entry ${index} (${entry.role})`);
  });
});
