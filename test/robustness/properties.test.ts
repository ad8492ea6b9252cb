// Property tests on random FOI-letter-like Markdown and random edit sequences: lint never
// throws, every finding lies inside the document (UTF-16 positions), and the same text
// always gives the same findings, however the text was reached.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint, lintSteps, type LintResult } from '../../server/src/engine/lint';
import type { IncrementalParser } from '../../server/src/engine/incremental';
import { letterParser } from '../../server/src/engine/model/letter';
import { applyEdit, edit, letter } from './letterArbitrary';
import { rangeProblems, findingRanges } from './helpers';

const runs: Record<string, number> = {};
const count = (name: string) => (runs[name] = (runs[name] ?? 0) + 1);
/** Fixed seed so a failure replays; override with FC_SEED=n to explore. */
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20260101;

after(() => {
  const total = Object.values(runs).reduce((a, b) => a + b, 0);
  console.log(`property runs (seed ${seed}): ${Object.entries(runs).map(([k, v]) => `${k} ${v}`).join('; ')}; total lint calls checked ${total}`);
});

function problemsOf(text: string, result: LintResult): string[] {
  const problems = rangeProblems(text, findingRanges(result.findings, result.model.lines));
  for (const f of result.findings) {
    for (const fix of f.fixes ?? []) if (!(fix.offset >= 0 && fix.offset <= text.length)) problems.push(`${f.rule} fix offset ${fix.offset} outside 0..${text.length}`);
    if (f.span.start < 0 || f.span.end > text.length || f.span.start > f.span.end) problems.push(`${f.rule} span ${JSON.stringify(f.span)} outside 0..${text.length}`);
  }
  return problems;
}

function runSteps(text: string, parser: IncrementalParser, stopAfter?: number): LintResult | undefined {
  const steps = lintSteps(text, {}, parser);
  let step = steps.next();
  for (let i = 0; !step.done; i++) {
    if (stopAfter !== undefined && i >= stopAfter) {
      steps.return(undefined as never);
      return undefined;
    }
    step = steps.next();
  }
  return step.value;
}

test('lint never throws and every finding lies inside the document', () => {
  fc.assert(
    fc.property(letter, (text) => {
      count('ranges');
      const result = lint(text);
      assert.deepEqual(problemsOf(text, result), [], JSON.stringify(text));
    }),
    { numRuns: 1000, seed },
  );
});

test('the same text always gives identical findings', () => {
  fc.assert(
    fc.property(letter, (text) => {
      count('determinism');
      const first = JSON.stringify(lint(text).findings);
      const second = JSON.stringify(lint(text).findings);
      // A copy of the string (not the same object) and a parser that has seen other text first.
      const parser = letterParser();
      runSteps('# Other letter\n\nSection 31(1)(a) applies.\n', parser);
      const third = JSON.stringify(runSteps((' ' + text).slice(1), parser)?.findings);
      assert.equal(second, first);
      assert.equal(third, first);
    }),
    { numRuns: 500, seed },
  );
});

test('random edit sequences: incremental re-linting (even when stopped part-way) equals a fresh lint', () => {
  fc.assert(
    fc.property(letter, fc.array(fc.tuple(edit, fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined })), { minLength: 1, maxLength: 10 }), (start, edits) => {
      const parser = letterParser(256); // small windows, so edits cross window edges
      let text = start;
      runSteps(text, parser);
      for (const [e, stopAfter] of edits) {
        text = applyEdit(text, e);
        count('edits');
        // The server may abandon a lint part-way when another edit arrives.
        if (stopAfter !== undefined) runSteps(text, parser, stopAfter);
        const incremental = runSteps(text, parser);
        assert.ok(incremental);
        const fresh = lint(text);
        assert.deepEqual(problemsOf(text, incremental), [], JSON.stringify(text));
        assert.equal(JSON.stringify(incremental.findings), JSON.stringify(fresh.findings), JSON.stringify(text));
      }
    }),
    { numRuns: 400, seed },
  );
});

test('UTF-16: emoji before a citation shift the finding by two code units each', () => {
  const lead = '😀😀 '; // two astral characters (two UTF-16 units each) and a space: 5 units
  assert.equal(lead.length, 5);
  const unknown = lint(`---\nregime: FOIA\nresponse_type: refusal\n---\n\n## Exemptions applied\n\n${lead}Section 47(1) applies to the information.\n`);
  const exemption = unknown.findings.find((f) => f.rule === 'exemption-unknown');
  assert.deepEqual(exemption?.range, { start: { line: 7, character: 5 }, end: { line: 7, character: 18 } });

  const harm = lint(`---\nregime: FOIA\nresponse_type: refusal\n---\n\n## Our response\n\n${lead}Section 31(1)(a) applies to the information.\n`).findings.find((f) => f.rule === 'harm-missing');
  assert.deepEqual(harm?.range, { start: { line: 7, character: 5 }, end: { line: 7, character: 21 } });

  // The same with CRLF and with a family emoji (a ZWJ sequence of 8 code units).
  const family = '👩‍👩‍👧';
  assert.equal(family.length, 8);
  const crlf = lint(`---\r\nregime: FOIA\r\nresponse_type: refusal\r\n---\r\n\r\n## Our response\r\n\r\n${family} Section 31(1)(a) applies.\r\n`).findings.find((f) => f.rule === 'harm-missing');
  assert.deepEqual(crlf?.range, { start: { line: 7, character: 9 }, end: { line: 7, character: 25 } });
});
