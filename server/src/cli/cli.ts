#!/usr/bin/env node
// foi-lint: checks FOI response letters from the command line or CI.
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { PartialSettings } from '../engine/config/settings';
import { REGIMES, type Regime } from '../engine/types';
import { discover } from './discover';
import { formatExplanations, type FileExplanation } from './explainFormat';
import { escapeControls } from './terminalText';
import { formatReports, type FileReport, type Format } from './formatters';
import { lintFile, type FileOutcome, type LintFileOptions } from './lintFile';

const USAGE = `Usage: foi-lint [options] <file|folder|glob>...

Checks Markdown FOI response letters for missing harm, public interest,
balance, NCND and complaint-rights sections, and more.

Options:
  --format text|json|sarif  Output format (default: text)
  --regime FOIA|EIR|FOISA|EISR
                            Regime for letters that do not say (front matter
                            "regime:" and the letter's text take precedence)
  --jobs N                  Worker threads (default: number of CPUs)
  --explain                 Instead of findings, print how each letter was read:
                            its type, regime, each provision's required parts
                            with the line they were found on (or "not found"),
                            review and complaint rights, and citations not
                            relied on (with --format json: the explanations)
  -h, --help                Show this help

Exit codes: 0 no errors found, 1 errors found, 2 usage error or unreadable path.
With --explain: 0, or 2 for a usage error or unreadable path.
Settings come from the nearest .foi.jsonc files above each letter.`;

const WORKER_THRESHOLD = 40;
const MAX_JOBS_PER_CORE = 2;

interface WorkerInput {
  files: string[];
  overrides: PartialSettings;
  docsBaseUrl: string;
  options: LintFileOptions;
}

function docsBaseUrl(): string {
  return pathToFileURL(path.join(__dirname, '..', 'docs', 'rules')).href + '/';
}

async function lintAll(files: string[], overrides: PartialSettings, docs: string, jobs: number, options: LintFileOptions): Promise<FileOutcome[]> {
  if (jobs <= 1 || files.length < WORKER_THRESHOLD) return files.map((file) => lintFile(file, overrides, docs, options));
  // Interleaved chunks keep work balanced; results are put back in input order.
  const outcomes: FileOutcome[] = new Array(files.length);
  const chunks: number[][] = Array.from({ length: jobs }, () => []);
  files.forEach((_, i) => chunks[i % jobs].push(i));
  await Promise.all(
    chunks.map(
      (indexes) =>
        new Promise<void>((resolve, reject) => {
          const input: WorkerInput = { files: indexes.map((i) => files[i]), overrides, docsBaseUrl: docs, options };
          const worker = new Worker(__filename, { workerData: input });
          worker.on('message', (results: FileOutcome[]) => {
            results.forEach((outcome, k) => (outcomes[indexes[k]] = outcome));
            resolve();
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
        }),
    ),
  );
  return outcomes;
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        regime: { type: 'string' },
        jobs: { type: 'string' },
        explain: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`foi-lint: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const format = values.format as Format;
  if (!['text', 'json', 'sarif'].includes(format)) {
    process.stderr.write(`foi-lint: --format must be text, json or sarif, not "${values.format}"\n`);
    return 2;
  }
  const explain = values.explain === true;
  if (explain && format === 'sarif') {
    process.stderr.write(`foi-lint: --explain prints text or json, not sarif\n`);
    return 2;
  }
  const overrides: PartialSettings = {};
  if (values.regime !== undefined) {
    const regime = values.regime.toUpperCase() as Regime;
    if (!REGIMES.includes(regime)) {
      process.stderr.write(`foi-lint: --regime must be one of ${REGIMES.join(', ')}, not "${values.regime}"\n`);
      return 2;
    }
    overrides.defaultRegime = regime;
  }
  const cores = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  let jobs = values.jobs !== undefined && /^[0-9]{1,6}$/.test(values.jobs) ? Number(values.jobs) : values.jobs === undefined ? cores : NaN;
  if (!Number.isInteger(jobs) || jobs < 1) {
    process.stderr.write(`foi-lint: --jobs must be a whole number of at least 1, such as 2\n`);
    return 2;
  }
  if (positionals.length === 0) {
    process.stderr.write(`foi-lint: name at least one file, folder or glob\n\n${USAGE}\n`);
    return 2;
  }

  const { files, errors } = discover(positionals);
  const docs = docsBaseUrl();
  // Each worker loads the whole engine: more workers than cores only costs memory.
  const maxJobs = cores * MAX_JOBS_PER_CORE;
  if (jobs > maxJobs) {
    process.stderr.write(`foi-lint: --jobs ${jobs} is more than this machine can use; using ${maxJobs} (${MAX_JOBS_PER_CORE} per core)\n`);
    jobs = maxJobs;
  }
  jobs = Math.min(jobs, Math.max(1, files.length));
  const outcomes = await lintAll(files, overrides, docs, jobs, { explain });
  const reports: FileReport[] = [];
  const explanations: FileExplanation[] = [];
  const problems = [...errors];
  const configProblems = new Set<string>();
  for (const outcome of outcomes) {
    if (outcome.ok) {
      reports.push(outcome.report);
      if (outcome.explanation) explanations.push({ file: outcome.report.file, explanation: outcome.explanation });
      outcome.configProblems.forEach((p) => configProblems.add(p));
    } else problems.push(outcome.error);
  }
  // Problems name files, and a file name may hold control characters.
  for (const problem of [...configProblems, ...problems]) process.stderr.write(`foi-lint: ${escapeControls(problem)}\n`);
  if (explain) {
    process.stdout.write(formatExplanations(explanations, format === 'json' ? 'json' : 'text'));
    return problems.length > 0 ? 2 : 0;
  }
  process.stdout.write(formatReports(reports, format, docs));
  if (problems.length > 0) return 2;
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

if (!isMainThread && parentPort) {
  const input = workerData as WorkerInput;
  parentPort.postMessage(input.files.map((file) => lintFile(file, input.overrides, input.docsBaseUrl, input.options)));
} else if (require.main === module) {
  // A reader that goes away (`foi-lint letters/ | head -1`) ends the output, not in a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`foi-lint: unexpected failure: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
