// Every regular expression in server/src must run in (near) linear time: no catastrophic
// backtracking on what a user may type. Regexes are found two ways:
//  - statically: TypeScript's parser reads every source file for regex literals and
//    `new RegExp(...)` calls whose arguments fold to constant strings (regexSources.ts);
//  - at run time: RegExp is wrapped while the engine and server modules load and lint the
//    example letters, which records regexes built from data (rights-missing builds its
//    review patterns from a table).
// Each is run on adversarial strings of 50,000+ characters (runs of spaces, digits, "(a)",
// "section ", "<!--", words taken from the pattern itself, ...), and its time must grow
// linearly: measured at n and 4n in the same run, so a busy machine cannot fail it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectRegexes, ROOT, type FoundRegex } from './regexSources';
import { cpuMs } from '../helpers/cpuTime';

const LENGTH = 50_000;
const SCREEN_LENGTH = 10_000;
/**
 * Growth, not a time bound: each input is timed at a quarter of its length and at its full
 * length in the same run, in CPU time. Linear work grows about 4x; quadratic about 16x. A ratio above
 * GROWTH_LIMIT fails, unless the longer run took under NOISE_FLOOR_MS, where timings are noise.
 */
const GROWTH_LIMIT = 9;
const NOISE_FLOOR_MS = 25;
/**
 * Patterns that are quadratic in isolation but only ever see a few characters.
 * Each entry names the call site that bounds the input; the test checks the pattern is still used.
 */
const BOUNDED_INPUT: { source: string; file: string; reason: string }[] = [
  {
    source: String.raw`(\r?\n|\r)\s*(\r?\n|\r)$`,
    file: 'server/src/engine/rules/placement.ts',
    reason: 'blockInsertion tests it on text.slice(offset - 4, offset): at most 4 characters',
  },
];

const GENERIC_FRAGMENTS = [
  ' ', '\t', ' \t', '\u00a0', 'a', 'A', 'aA', '1', '12', 'a ', '1 ', '(a)', '(1)', '(1)(a)', ' (a)', '(iv)',
  'section ', 'section 1 ', 'sections 1 and ', 's', 's.', 's1', 'S 1', 'reg. ', 'regulation 12(4)', ', ', ', and ',
  '<!--', '-->', '<!-- foi-disable ', '#', ' #', '# ', '*', '**', '_', '`', '-', ' -', '- ', ':', ' :', '.', "'", '\u2019',
  '\n', '\r\n', '\r', '\n\n', ' \n', '> ', '>', '0', '07', '+44 ', '@', 'a@', 'a.', '/', '1/', 'AB1 ', 'SW1A ',
  'the ', 'of the ', 'Act ', 'public interest ', 'review ', 'complain ', 'Information Commissioner ', '---\n', 'key: ',
  '\u{1F600}', '\uFFFD', '\u0000',
];

/** Words and phrases from the pattern's own text: what its alternatives are waiting for. */
function patternFragments(source: string): string[] {
  const out = new Set<string>();
  for (const match of source.matchAll(/[A-Za-z]{2,}(?: [A-Za-z]{2,}){0,3}/g)) {
    out.add(match[0]);
    out.add(match[0] + ' ');
  }
  return [...out].slice(0, 12);
}

function inputs(fragment: string, length: number): string[] {
  const body = fragment.repeat(Math.ceil(length / fragment.length));
  // A trailing character no fragment ends with forces anchored and `$` patterns to fail late.
  return [body + '!', 'x' + body + '\u0001'];
}

/** Time to run the regex over the whole string, as test() and as a global scan (matchAll, replace). */
function runMs(source: string, flags: string, input: string): number {
  const base = flags.replace(/[gy]/g, '');
  const once = new RegExp(source, base);
  const global = new RegExp(source, base + 'g');
  const start = cpuMs();
  once.test(input);
  let match: RegExpExecArray | null;
  while ((match = global.exec(input)) !== null) {
    if (match[0].length === 0) global.lastIndex++;
  }
  return cpuMs() - start;
}

interface Slow {
  where: string;
  pattern: string;
  fragment: string;
  ms: number;
  smallMs: number;
  length: number;
}

/** Suspect growth is re-measured this many more times, keeping the best of each size. */
const CONFIRMATIONS = 5;

const grewTooFast = (smallMs: number, largeMs: number) => largeMs >= NOISE_FLOOR_MS && largeMs / Math.max(smallMs, 1) > GROWTH_LIMIT;

/** Best of two runs, to ride out a moment of load. */
function bestMs(source: string, flags: string, input: string): number {
  return Math.min(runMs(source, flags, input), runMs(source, flags, input));
}

function check(regex: FoundRegex, slow: Slow[]): number {
  let runs = 0;
  for (const fragment of [...GENERIC_FRAGMENTS, ...patternFragments(regex.source)]) {
    // The short pair screens out a quadratic pattern before the long pair could take minutes.
    for (const length of [SCREEN_LENGTH, LENGTH]) {
      const quarter = inputs(fragment, length / 4);
      const whole = inputs(fragment, length);
      for (let i = 0; i < whole.length; i++) {
        runs++;
        let small = bestMs(regex.source, regex.flags, quarter[i]);
        let large = bestMs(regex.source, regex.flags, whole[i]);
        if (!grewTooFast(small, large)) continue;
        // A moment of load or a collection can hit one timing; quadratic growth shows every time.
        for (let again = 0; again < CONFIRMATIONS && grewTooFast(small, large); again++) {
          small = Math.min(small, runMs(regex.source, regex.flags, quarter[i]));
          large = Math.min(large, runMs(regex.source, regex.flags, whole[i]));
        }
        if (grewTooFast(small, large)) {
          slow.push({ where: regex.where, pattern: `/${regex.source}/${regex.flags}`, fragment, ms: large, smallMs: small, length });
          return runs; // one slow input is enough
        }
      }
    }
  }
  return runs;
}

function unique(regexes: FoundRegex[]): FoundRegex[] {
  const seen = new Map<string, FoundRegex>();
  for (const r of regexes) {
    const key = `${r.flags}/${r.source}`;
    if (!seen.has(key)) seen.set(key, r);
  }
  return [...seen.values()];
}

function isBounded(regex: FoundRegex): boolean {
  return BOUNDED_INPUT.some((b) => b.source === regex.source && regex.where.startsWith(b.file));
}

/** Regexes built while the engine and server modules load and lint the example letters. */
async function constructedAtRunTime(): Promise<FoundRegex[]> {
  const captured: FoundRegex[] = [];
  const original = globalThis.RegExp;
  const record = (made: RegExp) => {
    const stack = new Error().stack ?? '';
    const frame = stack.split('\n').find((line) => line.includes(`${path.sep}server${path.sep}src${path.sep}`));
    if (frame) captured.push({ source: made.source, flags: made.flags, where: `runtime ${frame.trim().replace(ROOT + path.sep, '')}` });
  };
  globalThis.RegExp = new Proxy(original, {
    construct(target, args, newTarget) {
      const made = Reflect.construct(target, args, newTarget) as RegExp;
      record(made);
      return made;
    },
    apply(target, thisArg, args) {
      const made = Reflect.apply(target, thisArg, args) as RegExp;
      record(made);
      return made;
    },
  });
  try {
    const { lint } = await import('../../server/src/engine/lint');
    const { DEFAULT_SETTINGS, mergeSettings } = await import('../../server/src/engine/config/settings');
    await import('../../server/src/lsp/server');
    await import('../../server/src/cli/formatters');
    const settings = mergeSettings(DEFAULT_SETTINGS, { personalData: { allow: ['foi@example.org', '01632 960000', 'AB1 2CD'] } });
    const letters = [path.join(ROOT, 'examples'), path.join(ROOT, 'test', 'fixtures')].flatMap((dir) => (fs.existsSync(dir) ? listMarkdown(dir) : []));
    for (const file of letters.slice(0, 40)) lint(fs.readFileSync(file, 'utf8'), { settings });
  } finally {
    globalThis.RegExp = original;
  }
  return captured;
}

function listMarkdown(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listMarkdown(full) : e.name.endsWith('.md') ? [full] : [];
  });
}

test('the static collector finds the regexes, including the ones built from constant strings', () => {
  const { found } = collectRegexes();
  assert.ok(found.length > 100, `only ${found.length} regexes found`);
  // citations.ts builds HEAD and CONTINUATION from String.raw pieces; both must be folded.
  const citations = found.filter((r) => r.where.startsWith(path.join('server', 'src', 'engine', 'text', 'citations.ts')));
  assert.ok(citations.some((r) => r.source.includes('sections?') && r.source.includes('\\d{1,3}(?!\\d)') && r.flags === 'gi'), 'HEAD folded');
  assert.ok(citations.some((r) => r.source.startsWith('^\\s{0,2}(?:,') && r.source.includes('\\((?:\\d{1,2}')), 'CONTINUATION folded');
  for (const regex of found) assert.doesNotThrow(() => new RegExp(regex.source, regex.flags), `${regex.where}: /${regex.source}/${regex.flags} does not compile`);
});

test('the time check catches a catastrophic pattern (self-test)', () => {
  const slow: Slow[] = [];
  check({ source: String.raw`\s+#+\s*$`, flags: '', where: 'self-test' }, slow);
  assert.equal(slow.length, 1, 'a known quadratic pattern must be reported');
  const fine: Slow[] = [];
  check({ source: String.raw`\s{1,3}#{1,6}$`, flags: 'g', where: 'self-test' }, fine);
  assert.deepEqual(fine, []);
});

test('every regex in server/src runs in linear time on adversarial input up to 50,000 characters', async () => {
  const { found, unresolved } = collectRegexes();
  const runtime = await constructedAtRunTime();
  assert.ok(runtime.length > 0, 'the run-time wrapper saw the engine build regexes');
  const all = unique([...found, ...runtime]);
  for (const bounded of BOUNDED_INPUT) {
    assert.ok(found.some((r) => r.source === bounded.source && r.where.startsWith(bounded.file)), `stale BOUNDED_INPUT entry: ${bounded.source} no longer in ${bounded.file}`);
  }
  // Every dynamic RegExp call site must have been seen at run time.
  for (const site of unresolved) {
    const [file] = site.where.split(':');
    assert.ok(runtime.some((r) => r.where.includes(file)), `${site.where} builds a regex from data and was not seen at run time: ${site.code}`);
  }
  const slow: Slow[] = [];
  let runs = 0;
  const started = performance.now();
  for (const regex of all) if (!isBounded(regex)) runs += check(regex, slow);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`regex-safety: ${all.length} distinct regexes (${found.length} found statically, ${runtime.length} built at run time), ${runs} adversarial inputs timed at n and 4n up to ${LENGTH.toLocaleString('en-GB')} characters, ${seconds} s`);
  assert.deepEqual(
    slow.map((s) => `${s.where} ${s.pattern} on ${JSON.stringify(s.fragment)} repeated: ${s.smallMs.toFixed(0)} ms at ${(s.length / 4).toLocaleString('en-GB')} characters, ${s.ms.toFixed(0)} ms at ${s.length.toLocaleString('en-GB')}`),
    [],
  );
});

test('findCitations stays linear on long runs of citation-like text', async () => {
  const { findCitations } = await import('../../server/src/engine/text/citations');
  const pieces = ['section ', 'sections 1, ', 's.', 'S24', '(a)', '(1)(a)(i)', ' and (2)', 'reg. 12(4)(b) ', '31(1)(a) or ', 'ss. 1 & ', ', and/or ', '  '];
  for (const piece of pieces) {
    // Growth in one run, not a wall-clock bound: 4x the text must not cost anywhere near 16x.
    const time = (text: string) => {
      let best = Infinity;
      for (let i = 0; i < 2; i++) {
        const start = cpuMs();
        findCitations(text);
        best = Math.min(best, cpuMs() - start);
      }
      return best;
    };
    const small = time(piece.repeat(Math.ceil(25_000 / piece.length)));
    const large = time(piece.repeat(Math.ceil(100_000 / piece.length)));
    assert.ok(large < 50 || large / Math.max(small, 1) < 9, `findCitations on ${JSON.stringify(piece)}: ${small.toFixed(0)} ms at 25,000 characters, ${large.toFixed(0)} ms at 100,000`);
  }
});
