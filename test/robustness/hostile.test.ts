// Hostile letters: huge, deeply nested, binary, badly encoded, odd line endings, broken or
// malicious front matter. Each must be linted without throwing, before a generous hang detector, with
// every finding inside the document, and with a clear diagnostic where one is due.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { EditMap } from 'micromark-util-edit-map';
import { lint, MAX_DOCUMENT_LINES, type LintResult } from '../../server/src/engine/lint';
import { DEFAULT_SETTINGS, mergeSettings } from '../../server/src/engine/config/settings';
import { parseMarkdown } from '../../server/src/engine/parse';
import { flattenDeepContainers, MAX_LINE_MARKERS } from '../../server/src/engine/text/containers';
import { linearConsume, originalConsume } from '../../server/src/engine/text/micromarkPatch';
import { assertRangesInside, lspLines, ROOT, sampleLetters, verdict } from './helpers';

/** A hang detector, not a speed target (speed belongs in `npm run bench`): the machine is shared. */
const BOUND_MS = 120_000;
const timings: { name: string; chars: number; ms: number }[] = [];

const LETTER = fs.readFileSync(path.join(ROOT, 'examples', 'defective-s31-missing-rights.md'), 'utf8');

/** Lints `text` within the bound, checks every range, and returns the result. */
function lintHostile(name: string, text: string, settings = DEFAULT_SETTINGS): LintResult {
  const start = performance.now();
  const result = lint(text, { settings });
  const ms = performance.now() - start;
  timings.push({ name, chars: text.length, ms });
  assert.ok(ms <= BOUND_MS, `${name}: ${ms.toFixed(0)} ms (bound ${BOUND_MS} ms)`);
  assertRangesInside(text, result.findings, result.model.lines);
  return result;
}

function rules(result: LintResult): string[] {
  return result.findings.map((f) => f.rule);
}

function count(result: LintResult, rule: string): number {
  return result.findings.filter((f) => f.rule === rule).length;
}

after(() => {
  const table = [...timings].sort((a, b) => b.ms - a.ms);
  console.log('hostile inputs, slowest first:');
  for (const t of table) console.log(`  ${t.ms.toFixed(0).padStart(6)} ms  ${t.chars.toLocaleString('en-GB').padStart(11)} chars  ${t.name}`);
});

// ---- size ---------------------------------------------------------------------------

test('a 10 MB letter is checked up to maxDocumentLength and says so once', () => {
  // Long paragraphs, so the character limit comes before the line limit.
  const paragraph = 'We rely on section 31(1)(a) and on section 43(2) for this part of the request. '.repeat(30) + '\n\n';
  const text = LETTER + paragraph.repeat(Math.ceil(10_000_000 / paragraph.length));
  const result = lintHostile('10 MB letter', text);
  assert.equal(result.truncated, true);
  assert.equal(count(result, 'document-too-large'), 1);
  const notice = result.findings.find((f) => f.rule === 'document-too-large');
  assert.deepEqual(notice?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.match(notice?.message ?? '', /only the first 1,99\d,\d{3} were checked/);
  // The part that was read is still analysed: front matter read, citations found.
  assert.equal(result.model.regimeSource, 'front-matter');
  assert.ok(result.model.citations.length > 100, `${result.model.citations.length} citations`);
});

test('a 5 MB single line is cut inside the line and still gives valid positions', () => {
  const text = 'Section 31(1)(a) applies to this and s.43(2) to that; '.repeat(Math.ceil(5_000_000 / 55));
  const result = lintHostile('5 MB single line', text);
  assert.equal(count(result, 'document-too-large'), 1);
  assert.equal(result.model.lines.lineCount, 1);
});

test('maxDocumentLength: the default is 2,000,000 characters; a smaller setting is honoured', () => {
  const exactly = 'a'.repeat(1_999_999) + '\n';
  assert.equal(lintHostile('2,000,000 characters exactly', exactly).truncated, false);
  const over = lintHostile('2,000,001 characters', exactly + 'b');
  assert.equal(over.truncated, true);
  assert.equal(count(over, 'document-too-large'), 1);

  const small = mergeSettings(DEFAULT_SETTINGS, { maxDocumentLength: 1_000 });
  const result = lintHostile('letter over a 1,000-character limit', LETTER, small);
  assert.equal(count(result, 'document-too-large'), 1);
  assert.ok(result.model.text.length <= 1_000);
  // The cut falls at a line break, so the checked text ends a line.
  assert.match(result.model.text, /\n$/);
  const off = mergeSettings(small, { rules: { 'document-too-large': 'off' } });
  assert.equal(count(lint(LETTER, { settings: off }), 'document-too-large'), 0);
});

test('a letter of more than 20,000 lines is checked up to its 20,000th line and says so; exactly 20,000 lines are all checked', () => {
  const shortLines = Array.from({ length: 100_000 }, (_, i) => `x${i % 10}`).join('\n');
  const result = lintHostile('100,000 short lines', shortLines);
  assert.equal(result.truncated, true);
  assert.equal(result.model.lines.lineCount, MAX_DOCUMENT_LINES + 1);
  assert.deepEqual(
    result.findings.filter((f) => f.rule === 'document-too-large').map((f) => f.message),
    ['This letter has 100,000 lines; only the first 20,000 were checked (no letter needs more), so missing-section rules are not reported for it.'],
  );
  // Any line break counts: a letter of lone carriage returns is cut the same way.
  assert.equal(lintHostile('100,000 lines ending in CR', shortLines.replace(/\n/g, '\r')).model.lines.lineCount, MAX_DOCUMENT_LINES + 1);
  const exactly = 'x\n'.repeat(MAX_DOCUMENT_LINES);
  assert.equal(lintHostile('20,000 lines exactly', exactly).truncated, false);
  assert.equal(lintHostile('20,001 lines', exactly + 'y').truncated, true);
});

// ---- nesting ------------------------------------------------------------------------

test('20,000 nested block quotes do not overflow the stack', () => {
  for (const [name, text] of [
    ['20,000 nested block quotes (">>>>")', '>'.repeat(20_000) + ' Section 31(1)(a) applies.\n'],
    ['20,000 nested block quotes ("> > >")', '> '.repeat(20_000) + 'Section 31(1)(a) applies.\n'],
    ['100 lines of 20,000 nested block quotes', ('>'.repeat(20_000) + ' text\n').repeat(100)],
  ] as const) {
    assert.doesNotThrow(() => lintHostile(name, text), name);
  }
});

test('3,000 nested list items', () => {
  const indented = Array.from({ length: 3_000 }, (_, i) => '  '.repeat(i) + `- item ${i} under section 31(1)(a)`).join('\n');
  const result = lintHostile('3,000 nested list items (indented)', indented);
  assert.equal(count(result, 'document-too-large'), 1); // 9 million characters of indentation
  lintHostile('3,000 nested list items on one line ("- - -")', '- '.repeat(3_000) + 'item\n');
  lintHostile('3,000 nested ordered items on one line', '1. '.repeat(3_000) + 'item\n');
});

test('deep nesting is flattened only past the limit, keeping offsets and line breaks', () => {
  // Normal letters are untouched.
  for (const { name, text } of sampleLetters()) assert.equal(flattenDeepContainers(text).text, text, name);
  const nested = '> '.repeat(MAX_LINE_MARKERS) + 'kept';
  assert.equal(flattenDeepContainers(nested).text, nested);
  const deep = '> '.repeat(MAX_LINE_MARKERS + 3) + 'text\r\n- - - - - - - - - - - x\rnext';
  const flat = flattenDeepContainers(deep);
  assert.equal(flat.text.length, deep.length);
  assert.deepEqual(lspLines(flat.text).map((l) => l.length), lspLines(deep).map((l) => l.length));
  assert.equal(flat.text.split('\n')[0], '> '.repeat(MAX_LINE_MARKERS) + '      text\r');
  assert.equal(flat.firstFlattened, 2 * MAX_LINE_MARKERS);
});

test('the linear EditMap.consume is installed and parses exactly as the original', () => {
  const prototype = EditMap.prototype as unknown as { consume: unknown };
  assert.equal(prototype.consume, linearConsume, 'installed by engine/parse.ts');
  const line = fc
    .tuple(
      fc.constantFrom('', ' ', '  ', '   ', '    ', '\t'),
      fc.array(fc.constantFrom('> ', '- ', '* ', '1. ', '2) ', '>'), { maxLength: 5 }),
      fc.constantFrom('', 'item', 'Section 31(1)(a)', '# Title', '```', '---', '**Bold**', '<!-- c -->', 'text  '),
    )
    .map(([indent, markers, content]) => indent + markers.join('') + content);
  const doc = fc.tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r')).map(([lines, eol]) => lines.join(eol));
  try {
    fc.assert(
      fc.property(doc, (text) => {
        prototype.consume = originalConsume;
        const expected = JSON.stringify(parseMarkdown(text));
        prototype.consume = linearConsume;
        assert.equal(JSON.stringify(parseMarkdown(text)), expected);
      }),
      { numRuns: 300 },
    );
  } finally {
    prototype.consume = linearConsume;
  }
});

test('a long list with sub-items parses in linear time (was quadratic in micromark)', () => {
  const lines: string[] = [];
  for (let i = 0, size = 0; size < 200_000; i++) {
    const line = '  '.repeat(i % 4) + `- point ${i}`;
    lines.push(line);
    size += line.length + 1;
  }
  const result = lintHostile('200,000 characters of list with sub-items', lines.join('\n'));
  assert.equal(result.truncated, false);
});

test('200,000 lines of "#": read up to the line limit', () => {
  const result = lintHostile('200,000 lines of "#"', '#\n'.repeat(200_000));
  assert.equal(result.model.lines.lineCount, MAX_DOCUMENT_LINES + 1);
  assert.equal(count(result, 'document-too-large'), 1);
});

test('CommonMark pathological inline and block inputs (from cmark\'s pathological tests)', () => {
  const n = 500_000;
  const cases: [string, string][] = [
    ['nested strong emphasis', '*a **a '.repeat(n / 7)],
    ['emphasis closers without openers', 'a_ '.repeat(n / 3)],
    ['link closers without openers', 'a]'.repeat(n / 2)],
    ['link openers without closers', '[a'.repeat(n / 2)],
    ['nested brackets', '['.repeat(n / 2) + 'a' + ']'.repeat(n / 2)],
    ['backtick runs of every length', Array.from({ length: 700 }, (_, i) => 'e' + '`'.repeat(i)).join('')],
    ['unclosed HTML comments', '<!--'.repeat(n / 4)],
    ['unclosed processing instructions', '<?'.repeat(n / 2)],
    ['unfinished entities', '&#'.repeat(n / 2)],
    ['unclosed autolinks', '<a'.repeat(n / 2)],
    ['a bold-only line of bold runs', '**bold** '.repeat(n / 9)],
    ['list markers and tabs', '-\t'.repeat(n / 2)],
    ['foi-disable comments', '<!-- foi-disable harm-missing -->\n'.repeat(n / 34)],
  ];
  for (const [name, text] of cases) lintHostile(name, text);
});

// ---- bytes and encodings ------------------------------------------------------------

/** A small deterministic generator, so a failure can be replayed. */
function randomBytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

test('random binary with NUL bytes', () => {
  const bytes = randomBytes(1_000_000, 42);
  for (let i = 0; i < bytes.length; i += 997) bytes.fill(0, i, i + 5);
  // As an editor may show it: Latin-1 (every byte a character) and UTF-8 with replacement characters.
  lintHostile('1 MB random binary (Latin-1)', bytes.toString('latin1'));
  lintHostile('1 MB random binary (UTF-8, replaced)', new TextDecoder('utf-8').decode(bytes));
  lintHostile('NUL bytes only', '\0'.repeat(100_000));
  lintHostile('NUL bytes inside a letter', LETTER.replace(/ /g, '\0 '));
});

test('invalid UTF-8, decoded with replacement characters, leaves the verdict on the letter unchanged', () => {
  const invalid = [Buffer.from([0xff]), Buffer.from([0xc3, 0x28]), Buffer.from([0x80, 0xbf]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf0, 0x9f, 0x98]), Buffer.from([0xc0, 0xaf])];
  const lines = LETTER.split('\n');
  // Append a bad sequence to every line of running text (not titles, not front matter).
  const body = lines.map((line, i) => (/^[A-Z][a-z]/.test(line) && line.length > 40 ? Buffer.concat([Buffer.from(line), invalid[i % invalid.length]]) : Buffer.from(line)));
  const bytes = Buffer.concat(body.flatMap((b, i) => (i < body.length - 1 ? [b, Buffer.from('\n')] : [b])));
  const text = new TextDecoder('utf-8').decode(bytes);
  assert.ok(text.includes('\uFFFD'));
  const result = lintHostile('letter with invalid UTF-8', text);
  const clean = lint(LETTER);
  const key = (r: LintResult) => r.findings.filter((f) => f.rule !== 'personal-data').map((f) => `${f.range.start.line}:${f.rule}`);
  assert.deepEqual(key(result), key(clean));
});

test('CRLF and lone-CR line endings give the same verdict as LF, on every example and fixture letter', () => {
  const letters = sampleLetters();
  assert.ok(letters.length >= 10);
  for (const { name, text } of letters) {
    const lf = text.replace(/\r\n?/g, '\n');
    const expected = verdict(lint(lf).findings);
    for (const [ending, variant] of [['CRLF', lf.replace(/\n/g, '\r\n')], ['CR', lf.replace(/\n/g, '\r')]] as const) {
      const result = lint(variant);
      assert.deepEqual(verdict(result.findings), expected, `${name} with ${ending}`);
      assertRangesInside(variant, result.findings, result.model.lines);
    }
  }
});

test('a byte order mark changes nothing', () => {
  for (const { name, text } of sampleLetters()) {
    const result = lint('\uFEFF' + text);
    // The mark is one character before everything on the first line; nothing else moves.
    const unshifted = result.findings.map((f) => ({
      ...f,
      range: {
        start: { line: f.range.start.line, character: f.range.start.line === 0 ? f.range.start.character - 1 : f.range.start.character },
        end: { line: f.range.end.line, character: f.range.end.line === 0 ? f.range.end.character - 1 : f.range.end.character },
      },
    }));
    assert.deepEqual(verdict(unshifted), verdict(lint(text).findings), name);
    assert.equal(result.model.frontMatter === undefined, lint(text).model.frontMatter === undefined, `${name}: front matter still read`);
  }
});

// ---- front matter -------------------------------------------------------------------

test('front matter that never closes is reported as frontmatter-invalid', () => {
  const result = lintHostile('unclosed front matter', '---\nregime: FOIA\nresponse_type: refusal\n\n# Response\n\nWe rely on section 31(1)(a).\n');
  const problem = result.findings.find((f) => f.rule === 'frontmatter-invalid');
  assert.ok(problem, rules(result).join(','));
  assert.equal(problem.range.start.line, 0);
  assert.match(problem.message, /never closes/);
});

test('an impossible date in received is reported on that value', () => {
  const text = '---\nregime: FOIA\nreceived: 2026-02-30\nresponded: 2026-03-02\n---\n\nDear requester,\n';
  const result = lintHostile('received: 2026-02-30', text);
  const problems = result.findings.filter((f) => f.rule === 'frontmatter-invalid');
  assert.equal(problems.length, 1, JSON.stringify(problems));
  const valueStart = '---\nregime: FOIA\nreceived: '.length;
  assert.deepEqual(problems[0].range, { start: { line: 2, character: 10 }, end: { line: 2, character: 20 } });
  assert.equal(text.slice(valueStart, valueStart + 10), '2026-02-30');
  assert.match(problems[0].message, /received/);
});

test('a YAML alias bomb ("billion laughs") is refused without being expanded', () => {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const name = String.fromCharCode(97 + i);
    const previous = String.fromCharCode(96 + i);
    levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  const text = `---\n${levels.join('\n')}\n---\n\nDear requester,\n`;
  const heapBefore = process.memoryUsage().heapUsed;
  const result = lintHostile('YAML alias bomb (9^10 nodes if expanded)', text);
  const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
  assert.ok(timings[timings.length - 1].ms < 2_000, 'refused fast');
  assert.ok(heapGrowth < 64 * 1024 * 1024, `heap grew by ${(heapGrowth / 1048576).toFixed(0)} MB`);
  const problem = result.findings.find((f) => f.rule === 'frontmatter-invalid');
  assert.ok(problem, rules(result).join(','));
  assert.match(problem.message, /alias/i);
});

test('a letter that is only front matter, and an empty file', () => {
  for (const text of ['---\nregime: FOIA\nresponse_type: refusal\n---\n', '---\nregime: FOIA\n---', '---\n---\n', '---\n']) {
    const result = lintHostile(`only front matter ${JSON.stringify(text)}`, text);
    assert.ok(!result.findings.some((f) => f.rule === 'frontmatter-invalid' && !/never closes/.test(f.message)), `${JSON.stringify(text)}: ${rules(result)}`);
  }
  for (const text of ['', '\n', '\r\n', '\uFEFF', ' ', '\t\n\t']) {
    const result = lintHostile(`empty ${JSON.stringify(text)}`, text);
    assert.deepEqual(rules(result), [], JSON.stringify(text));
  }
});
