// Checks one letter on disk with the settings of its nearest .foi.jsonc files.
import * as fs from 'node:fs';
import { lint } from '../engine/lint';
import { DEFAULT_SETTINGS, mergeSettings, type PartialSettings } from '../engine/config/settings';
import { loadConfigFor } from '../engine/config/configFile';
import { nodeConfigHost } from '../lsp/settingsSource';
import type { FileReport } from './formatters';

export type FileOutcome = { ok: true; report: FileReport; configProblems: string[] } | { ok: false; error: string };

const decoder = new TextDecoder('utf-8', { fatal: true });
const configCache = new Map<string, ReturnType<typeof loadConfigFor>>();

export function lintFile(file: string, overrides: PartialSettings, docsBaseUrl: string): FileOutcome {
  let bytes: Buffer;
  try {
    // Only regular files: reading a FIFO or a device such as /dev/zero would block or never end.
    if (!fs.statSync(file).isFile()) return { ok: false, error: `${file}: not a regular file, skipped` };
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: `${file}: cannot read (${code === 'EACCES' ? 'permission denied' : code ?? String(error)})` };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, error: `${file}: not valid UTF-8 text; save it as UTF-8 and try again` };
  }
  const dir = nodeConfigHost.dirname(file);
  let config = configCache.get(dir);
  if (!config) {
    config = loadConfigFor(file, nodeConfigHost);
    configCache.set(dir, config);
  }
  const settings = mergeSettings(DEFAULT_SETTINGS, config.settings, overrides);
  const result = lint(text, { settings, docsBaseUrl });
  return { ok: true, report: { file, findings: result.findings }, configProblems: config.problems };
}
