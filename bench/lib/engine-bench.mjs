// Child process: times lint() against remark-parse alone on one letter, interleaved, warm.
// Usage: node engine-bench.mjs BUNDLE FILE RUNS  → JSON on stdout.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';

const [bundle, file, runsArg] = process.argv.slice(2);
const { lint, remarkParseOnly, IncrementalParser } = createRequire(import.meta.url)(bundle);
const text = fs.readFileSync(file, 'utf8');
const runs = Number(runsArg);
const time = (fn) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};
for (let i = 0; i < 3; i++) {
  lint(text);
  remarkParseOnly(text);
}
const lintMs = [];
const remarkMs = [];
const parseMs = [];
for (let i = 0; i < runs; i++) {
  // Alternate the order so drift in machine load hits both alike.
  if (i % 2 === 0) {
    lintMs.push(time(() => lint(text)));
    remarkMs.push(time(() => remarkParseOnly(text)));
  } else {
    remarkMs.push(time(() => remarkParseOnly(text)));
    lintMs.push(time(() => lint(text)));
  }
  parseMs.push(time(() => new IncrementalParser().parse(text)));
}
process.stdout.write(JSON.stringify({ bytes: Buffer.byteLength(text), lintMs, remarkMs, parseMs, findings: lint(text).findings.length }));
