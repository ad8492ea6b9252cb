// Checks one letter on disk with the settings of its nearest .foi.jsonc files.
import { explain, type Explanation } from '../engine/explain';
import { lint, type LintResult } from '../engine/lint';
import { DEFAULT_SETTINGS, mergeSettings, type PartialSettings } from '../engine/config/settings';
import { loadConfigFor } from '../engine/config/configFile';
import { MAX_LETTER_BYTES, nodeConfigHost, readGuarded } from '../host/guardedFile';
import type { FileReport } from './formatters';

export type FileOutcome =
  | {
      ok: true;
      report: FileReport;
      configProblems: string[];
      /** Why the engine read the letter as it did, when asked for (plain JSON: it crosses worker threads). */
      explanation?: Explanation;
    }
  | { ok: false; error: string };

export interface LintFileOptions {
  /** Also return `explain(result)`. */
  explain?: boolean;
}

export type FileResult = { ok: true; file: string; result: LintResult; configProblems: string[] } | { ok: false; error: string };

const decoder = new TextDecoder('utf-8', { fatal: true });
const configCache = new Map<string, ReturnType<typeof loadConfigFor>>();

/** Reads and lints one letter, keeping the whole LintResult (same thread only: it does not cross workers). */
export function lintFileResult(file: string, overrides: PartialSettings, docsBaseUrl: string): FileResult {
  const read = readGuarded(file, MAX_LETTER_BYTES);
  if (!read.ok) return { ok: false, error: `${file}: ${read.reason === 'not a regular file' ? 'not a regular file, skipped' : read.reason}` };
  let text: string;
  try {
    text = decoder.decode(read.bytes);
  } catch {
    return { ok: false, error: `${file}: not valid UTF-8 text; save it as UTF-8 and try again` };
  }
  const dir = nodeConfigHost.dirname(file);
  let config = configCache.get(dir);
  if (!config) {
    try {
      config = loadConfigFor(file, nodeConfigHost);
    } catch (error) {
      // A settings file that breaks the reader affects this folder's letters only.
      config = { files: [], settings: {}, problems: [`${dir}: the .foi.jsonc settings could not be read (${error instanceof Error ? error.message : String(error)}); defaults were used`] };
    }
    configCache.set(dir, config);
  }
  const settings = mergeSettings(DEFAULT_SETTINGS, config.settings, overrides);
  const result = lint(text, { settings, docsBaseUrl });
  return { ok: true, file, result, configProblems: config.problems };
}

export function lintFile(file: string, overrides: PartialSettings, docsBaseUrl: string, options: LintFileOptions = {}): FileOutcome {
  const read = lintFileResult(file, overrides, docsBaseUrl);
  if (!read.ok) return read;
  const outcome: FileOutcome = { ok: true, report: { file, findings: read.result.findings }, configProblems: read.configProblems };
  if (options.explain) outcome.explanation = explain(read.result);
  return outcome;
}
