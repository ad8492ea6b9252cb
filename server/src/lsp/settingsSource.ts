// Settings per document: VS Code settings (pulled through workspace/configuration),
// then the nearest `.foi.jsonc` files. Later layers win.
import { fileURLToPath } from 'node:url';
import { DEFAULT_SETTINGS, mergeSettings, type FoiSettings, type PartialSettings } from '../engine/config/settings';
import { checkExtraHolidays, loadConfigFor } from '../engine/config/configFile';
import { nodeConfigHost } from '../host/guardedFile';

export interface ResolvedDocumentSettings {
  settings: FoiSettings;
  configFiles: string[];
  problems: string[];
}

export function resolveSettings(uri: string, editorSettings: PartialSettings | undefined): ResolvedDocumentSettings {
  let fileLayer: PartialSettings | undefined;
  let configFiles: string[] = [];
  let problems: string[] = [];
  if (uri.startsWith('file:')) {
    try {
      const loaded = loadConfigFor(fileURLToPath(uri), nodeConfigHost);
      fileLayer = loaded.settings;
      configFiles = loaded.files;
      problems = loaded.problems;
    } catch (error) {
      problems = [`Could not read .foi.jsonc: ${String(error)}`];
    }
  }
  const editorLayer = sanitise(editorSettings);
  if (editorLayer?.extraHolidays) {
    const holidays = checkExtraHolidays(editorLayer.extraHolidays, 'The foi.extraHolidays setting');
    editorLayer.extraHolidays = holidays.dates;
    problems = [...problems, ...holidays.problems];
  }
  return { settings: mergeSettings(DEFAULT_SETTINGS, editorLayer, fileLayer), configFiles, problems };
}

/** Drops values of the wrong type coming from user settings so they can never break linting. */
export function sanitise(input: unknown): PartialSettings | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const raw = input as Record<string, unknown>;
  const out: PartialSettings = {};
  if (typeof raw.enable === 'boolean') out.enable = raw.enable;
  if (raw.run === 'onType' || raw.run === 'onSave') out.run = raw.run;
  if (raw.defaultRegime === 'FOIA' || raw.defaultRegime === 'EIR' || raw.defaultRegime === 'FOISA' || raw.defaultRegime === 'EISR') out.defaultRegime = raw.defaultRegime;
  if (raw.nation === 'england-and-wales' || raw.nation === 'scotland' || raw.nation === 'northern-ireland') out.nation = raw.nation;
  if (raw.rules && typeof raw.rules === 'object') {
    out.rules = {};
    for (const [rule, severity] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (severity === 'off' || severity === 'hint' || severity === 'information' || severity === 'warning' || severity === 'error') out.rules[rule] = severity;
    }
  }
  if (Array.isArray(raw.extraHolidays)) out.extraHolidays = raw.extraHolidays.filter((d): d is string => typeof d === 'string');
  if (raw.personalData && typeof raw.personalData === 'object') {
    const pd = raw.personalData as Record<string, unknown>;
    out.personalData = {};
    if (pd.categories && typeof pd.categories === 'object') {
      out.personalData.categories = Object.fromEntries(Object.entries(pd.categories as Record<string, unknown>).filter(([, v]) => typeof v === 'boolean')) as Record<string, boolean>;
    }
    if (Array.isArray(pd.allow)) out.personalData.allow = pd.allow.filter((d): d is string => typeof d === 'string');
  }
  if (typeof raw.maxDocumentLength === 'number' && raw.maxDocumentLength >= 1000) out.maxDocumentLength = raw.maxDocumentLength;
  return out;
}
