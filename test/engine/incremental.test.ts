// Incremental re-parsing: after any edits (and any early stops), the blocks, model and
// findings equal those of a fresh parse of the final text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { RootContent } from 'mdast';
import { blocksOfRoot, diffTexts, parseBlocks, type Block, type IncrementalParser } from '../../server/src/engine/incremental';
import { letterParser } from '../../server/src/engine/model/letter';
import { titleCandidatesOf } from '../../server/src/engine/model/sections';
import { lint, lintSteps, type LintResult } from '../../server/src/engine/lint';
import { parseBlockStructure } from '../../server/src/engine/parse';
import { LineIndex } from '../../server/src/engine/text/lineIndex';

const ROOT = path.join(__dirname, '..', '..');

/** Blocks from one parse of the whole text, without the incremental machinery. */
function freshBlocks(text: string): Block[] {
  return blocksOfRoot(parseBlockStructure(text, true), text, titleCandidatesOf);
}

function runSteps(text: string, parser: IncrementalParser, stopAfter = Infinity): LintResult | undefined {
  const steps = lintSteps(text, {}, parser);
  let count = 0;
  let step = steps.next();
  while (!step.done) {
    if (++count >= stopAfter) {
      steps.return(undefined as never);
      return undefined;
    }
    step = steps.next();
  }
  return step.value;
}

/** The parts of a result a user sees or the features read: findings and the section and citation model. */
function snapshot(result: LintResult): unknown {
  const { model } = result;
  return {
    findings: JSON.parse(JSON.stringify(result.findings)),
    regime: model.regime,
    bodyStart: model.bodyStart,
    frontMatter: model.frontMatter ? { span: model.frontMatter.span, data: model.frontMatter.data } : undefined,
    sections: model.sections.map((s) => ({
      title: s.title,
      titleSpan: s.titleSpan,
      bodySpan: s.bodySpan,
      span: s.span,
      style: s.style,
      level: s.level,
      role: s.role,
      parent: s.parent?.index,
    })),
    citations: model.citations.map((c) => ({ span: c.span, path: c.path, regime: c.regime, section: c.section?.index, inTitle: c.inTitle })),
    provisions: model.provisions.map((p) => ({ key: p.key, label: p.label, anchor: p.anchor.span })),
  };
}

function letters(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md') && entry.name !== 'README.md') out.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(ROOT, 'examples'));
  walk(path.join(ROOT, 'test', 'fixtures'));
  return out;
}

// Pieces of letters in every title style, plus the Markdown that moves block boundaries.
const PIECES = [
  '---\nregime: FOIA\nreceived: 2025-01-06\nresponded: 2025-02-20\n---\n',
  '# Response to your request\n',
  '## Exemptions applied\n',
  'Public interest test\n',
  'Factors favouring disclosure\n===========\n',
  '**Balance of the public interest**\n',
  '1. Harm\n',
  '2. Your right to complain\n',
  'Section 31(1)(a) – Law enforcement\n',
  'We rely on sections 23(5) and 24(2) of the Act, and regulation 12(5)(b).\n',
  'Disclosure would be likely to prejudice the prevention of crime.\n',
  'On balance the public interest in maintaining the exemption outweighs that in disclosure.\n',
  'You may ask for an internal review, and then complain to the Information Commissioner.\n',
  '- a bullet\n- another\n',
  '> quoted text\n',
  '    indented code\n',
  '```\nfenced\n',
  '```\n',
  '<!-- foi-disable-next-line harm-missing -->\n',
  '<!--\n',
  '-->\n',
  '[ref]: https://example.org\n',
  '***\n',
  '---\n',
  '<div>\n',
  '</div>\n',
  '   - nested item\n      continued\n',
  '> lazy quote\ncontinued lazily\n',
  'Title with CRLF\r\n---\r\n',
  '3) Public interest\r',
  '~~~\n',
  // Long lines: the parser shortens prose lines, so their middles must never matter.
  `${'The council considered the request carefully and weighed every factor. '.repeat(3)}\n`,
  `Closing note ${'with a comment <!-- foi-disable-line personal-data --> inside '.repeat(2)}and more text\n`,
  `Trailing spaces after a long line of prose that keeps going for a while${' '.repeat(30)}\n`,
  `# A long heading that runs on and on for many words before it ends ##\n`,
  `1. A numbered item whose text is long enough to be shortened by the parser\n`,
  `> A quoted line that is long enough to be shortened by the parser as well\n`,
  `    Indented code that is long enough to be shortened by the parser too\n`,
  `Setext heading text that is long enough to be shortened by the parser\n====\n`,
  `[label]: https://example.org/a/very/long/destination/that/goes/on "and a title"\n`,
  `<div>An html block line that is long enough to be shortened, with > inside</div>\n`,
  `<!-- an html comment that is long enough to be shortened by the parser\n`,
  `a comment that ends on a long line of prose, here --> and then more words follow\n`,
  `\`\`\`long fence info string that has a backtick \` inside it and more\n`,
  '\n',
  '\n\n',
];
const SNIPPETS = ['\n', '\n\n', '#', '# ', '-', '- ', '=', '`', '```', '**', '*', ' ', '    ', '1. ', '> ', '<!--', '-->', 'x', 'section 40(2)', 'Harm', '\r\n', '\t', '\r', '\uFEFF', '[x]: /y', '  '];

const document = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })),
});

function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('diffTexts', () => {
  test('finds the changed region between common prefix and suffix', () => {
    assert.deepEqual(diffTexts('abcdef', 'abXYef'), { start: 2, endBefore: 4, endAfter: 4 });
    assert.deepEqual(diffTexts('aaa', 'aaaa'), { start: 3, endBefore: 3, endAfter: 4 });
    assert.deepEqual(diffTexts('same', 'same'), { start: 4, endBefore: 4, endAfter: 4 });
  });
});

describe('windowed parsing equals one parse', () => {
  for (const windowSize of [48, 300, 4096]) {
    test(`every example and fixture letter, window ${windowSize}`, () => {
      for (const text of letters()) assert.deepEqual(letterParser(windowSize).parse(text), freshBlocks(text));
    });
  }

  test('a 200 KB letter parsed in 16 KB windows', () => {
    const text = letters().join('\n\n').repeat(3);
    const parser = letterParser();
    assert.deepEqual(parser.parse(text), freshBlocks(text));
    assert.ok(parser.lastStats.windows > 5, `expected several windows, got ${parser.lastStats.windows}`);
  });
});

describe('shortened prose lines parse to the same blocks', () => {
  test('every example and fixture letter', () => {
    for (const text of letters()) {
      const plain = blocksOf(parseBlocks(text, true, false), text);
      assert.deepEqual(blocksOf(parseBlocks(text, true, true), text), plain);
    }
  });

  test('property: any document from the pieces', () => {
    fc.assert(
      fc.property(document, (text) => {
        assert.deepEqual(blocksOf(parseBlocks(text, true, true), text), blocksOf(parseBlocks(text, true, false), text));
      }),
      { numRuns: Number(process.env.FOI_PROPERTY_RUNS ?? 250) * 4 },
    );
  });
});

function blocksOf(nodes: RootContent[], text: string): Block[] {
  return blocksOfRoot({ type: 'root', children: nodes }, text, titleCandidatesOf);
}

describe('edits re-parse only what they touch', () => {
  test('one character typed in a 200 KB letter parses a few kilobytes and reuses the rest', () => {
    const text = letters().join('\n\n').repeat(3);
    const parser = letterParser();
    parser.parse(text);
    const at = text.indexOf('\n\n', text.length >> 1) + 2;
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    assert.deepEqual(parser.parse(edited), freshBlocks(edited));
    assert.ok(parser.lastStats.parsed < 8_000, `parsed ${parser.lastStats.parsed} characters`);
    assert.ok(parser.lastStats.reused > 100, `reused ${parser.lastStats.reused} blocks`);
  });

  test('opening a code fence re-parses to the end; closing it again resynchronises', () => {
    const text = letters().slice(0, 6).join('\n\n');
    const parser = letterParser(256);
    parser.parse(text);
    const at = text.indexOf('\n\n', 200) + 2;
    const opened = text.slice(0, at) + '```\n' + text.slice(at);
    assert.deepEqual(parser.parse(opened), freshBlocks(opened));
    assert.equal(parser.blocks.filter((b) => b.type === 'code').length, freshBlocks(opened).filter((b) => b.type === 'code').length);
    assert.deepEqual(parser.parse(text), freshBlocks(text));
  });
});

test('deleting the line break before "---" at the very start turns a rule into front matter', () => {
  // Found by the property test below: the first block was resumed from the old rule.
  const frontMatter = '---\nregime: FOIA\nreceived: 2025-01-06\nresponded: 2025-02-20\n---\n';
  const parser = letterParser(24);
  let text = `\n${frontMatter}${frontMatter}`;
  parser.parse(text);
  text = text.slice(1);
  assert.deepEqual(parser.parse(text), freshBlocks(text));
  assert.equal(parser.blocks[0].type, 'yaml');
});

describe('property: incremental equals fresh', () => {
  test('blocks, model and findings after any sequence of edits', () => {
    fc.assert(
      fc.property(document, fc.array(edit, { minLength: 1, maxLength: 12 }), fc.constantFrom(24, 64, 200, 16_384), (start, edits, windowSize) => {
        const parser = letterParser(windowSize);
        let text = start;
        runSteps(text, parser);
        for (const e of edits) {
          text = applyEdit(text, e);
          const result = runSteps(text, parser) as LintResult;
          assert.deepEqual(parser.blocks, freshBlocks(text));
          assert.deepEqual(snapshot(result), snapshot(lint(text)));
          assert.deepEqual(result.model.lines, new LineIndex(text));
        }
      }),
      { numRuns: Number(process.env.FOI_PROPERTY_RUNS ?? 250) },
    );
  });

  test('stopping an update part-way and editing again still ends equal to fresh', () => {
    fc.assert(
      fc.property(
        document,
        fc.array(fc.tuple(edit, fc.integer({ min: 1, max: 6 })), { minLength: 1, maxLength: 10 }),
        fc.constantFrom(24, 64, 200),
        (start, edits, windowSize) => {
          const parser = letterParser(windowSize);
          let text = start;
          runSteps(text, parser, 2);
          for (const [e, stopAfter] of edits) {
            text = applyEdit(text, e);
            runSteps(text, parser, stopAfter);
          }
          const result = runSteps(text, parser) as LintResult;
          assert.deepEqual(parser.blocks, freshBlocks(text));
          assert.deepEqual(snapshot(result), snapshot(lint(text)));
          assert.deepEqual(result.model.lines, new LineIndex(text));
        },
      ),
      { numRuns: Number(process.env.FOI_PROPERTY_RUNS ?? 250) },
    );
  });
});
