// Child process: one hostile letter shape, linted in steps as the language server does.
// Usage: node shape-bench.mjs BUNDLE SHAPE LINES → JSON on stdout: total and longest step
// (the server yields between steps; its slice is 8 ms), remark-parse alone as the peer, peak RSS.
import { createRequire } from 'node:module';

const [bundle, shape, linesArg] = process.argv.slice(2);
const { lintSteps, remarkParseOnly, DEFAULT_SETTINGS } = createRequire(import.meta.url)(bundle);
const lines = Number(linesArg);
const words = 'the request was refused under section 31(1)(a) because disclosure would be likely to prejudice law enforcement'.split(' ');
const prose = (chars) => {
  const out = [];
  for (let length = 0, i = 0; length < chars; i++) {
    out.push(words[i % words.length]);
    length += words[i % words.length].length + 1;
  }
  return out.join(' ');
};
const SHAPES = {
  'short lines, one paragraph': () => Array.from({ length: lines }, (_, i) => `x${i % 10}`).join('\n'),
  'one paragraph, no line breaks': () => prose(lines * 10),
  'hard-wrapped prose': () => prose(lines * 70).replace(/(.{70}) /g, '$1\n'),
  'list items': () => Array.from({ length: lines }, (_, i) => `- item ${i} under section 40(2)`).join('\n'),
  'quoted lines': () => Array.from({ length: lines }, (_, i) => `> quoted line ${i}`).join('\n'),
  'headings and text': () => Array.from({ length: lines / 2 }, (_, i) => `## Part ${i}\nText citing section 31(1)(a).`).join('\n'),
  'front matter keys': () => `---\n${Array.from({ length: lines }, (_, i) => `key${i}: ${i}`).join('\n')}\n---\n\nText.\n`,
};
const text = SHAPES[shape]();
const settings = { ...DEFAULT_SETTINGS, maxDocumentLength: Math.max(DEFAULT_SETTINGS.maxDocumentLength, text.length + 1) };
const run = () => {
  const steps = lintSteps(text, { settings });
  let longest = 0;
  let last = performance.now();
  const start = last;
  for (let step = steps.next(); ; step = steps.next()) {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (step.done) break;
  }
  return { totalMs: last - start, longestStepMs: longest };
};
const first = run();
const second = run();
const startRemark = performance.now();
remarkParseOnly(text);
const remarkMs = performance.now() - startRemark;
const best = second.totalMs < first.totalMs ? second : first;
process.stdout.write(JSON.stringify({ shape, lines: text.split('\n').length, chars: text.length, ...best, remarkMs, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
