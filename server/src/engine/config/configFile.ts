// `.foi.jsonc`: found upward from the letter, validated against its schema. Data only.
import Ajv from 'ajv';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import schema from '../../../../schemas/foi-config.schema.json';
import { parseIsoDate } from '../deadline';
import type { PartialSettings } from './settings';

export const CONFIG_FILE_NAME = '.foi.jsonc';

/** What the engine needs from the file system: injected so tests and editors can supply their own. */
export interface ConfigHost {
  /** The file's text; undefined when there is none; `{ refused }` when it exists but must not be read. */
  readFile(path: string): string | undefined | { refused: string };
  dirname(path: string): string;
  join(...parts: string[]): string;
}

export interface LoadedConfig {
  /** Files read, nearest first. */
  files: string[];
  settings: PartialSettings;
  problems: string[];
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

/** Deeper nesting than any real settings file; refused before parsing, as it could exhaust the stack. */
const MAX_NESTING = 32;

/** How deeply brackets nest, outside strings (comments are close enough for a bound). */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') deepest = Math.max(deepest, ++depth);
    else if (ch === '}' || ch === ']') depth--;
  }
  return deepest;
}

export function parseConfigText(text: string, file: string): { settings?: PartialSettings & { root?: boolean }; problems: string[] } {
  if (nestingDepth(text) > MAX_NESTING) return { problems: [`${file}: nested more than ${MAX_NESTING} levels deep, which no settings file needs; the file was ignored.`] };
  const errors: ParseError[] = [];
  const value = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const first = errors[0];
    const line = text.slice(0, first.offset).split(/\r\n|\r|\n/).length;
    return { problems: [`${file}:${line}: ${printParseErrorCode(first.error)}; the file was ignored.`] };
  }
  if (!validate(value)) {
    const errors = validate.errors ?? [];
    // A bad key under "rules" yields an enum error and a propertyNames error; keep the clearer one.
    const badNames = new Set(errors.filter((e) => e.keyword === 'propertyNames').map((e) => e.instancePath));
    const details = [...new Set(errors.filter((e) => !(e.keyword === 'enum' && badNames.has(e.instancePath))).map((e) => `${e.instancePath || '(top level)'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` "${String(e.params.additionalProperty)}"` : ''}${e.keyword === 'propertyNames' ? ` ("${String(e.params.propertyName)}" is not a rule id)` : ''}`))];
    return { problems: [`${file}: ${details.join('; ')}; the file was ignored.`] };
  }
  const settings = value as PartialSettings & { root?: boolean };
  const holidays = checkExtraHolidays(settings.extraHolidays, `${file}: extraHolidays`);
  if (settings.extraHolidays) settings.extraHolidays = holidays.dates;
  return { settings, problems: holidays.problems };
}

/** Keeps the real dates among extra holidays; each impossible one (2026-02-30) is named and left out. */
export function checkExtraHolidays(dates: readonly string[] | undefined, where: string): { dates: string[]; problems: string[] } {
  const kept: string[] = [];
  const problems: string[] = [];
  for (const date of dates ?? []) {
    const parsed = parseIsoDate(date);
    if (parsed.ok) kept.push(date);
    else problems.push(`${where}: ${parsed.reason}; that date was left out.`);
  }
  return { dates: kept, problems };
}

/** Reads every `.foi.jsonc` from the letter's folder upward (until one says "root": true); nearer files win. */
export function loadConfigFor(documentPath: string, host: ConfigHost): LoadedConfig {
  const files: string[] = [];
  const layers: PartialSettings[] = [];
  const problems: string[] = [];
  let dir = host.dirname(documentPath);
  for (let depth = 0; depth < 64; depth++) {
    const file = host.join(dir, CONFIG_FILE_NAME);
    const text = host.readFile(file);
    if (typeof text === 'object') {
      problems.push(`${file}: ${text.refused}; the file was ignored.`);
    } else if (text !== undefined) {
      files.push(file);
      const parsed = parseConfigText(text, file);
      problems.push(...parsed.problems);
      if (parsed.settings) {
        const { root, ...settings } = parsed.settings;
        delete (settings as { $schema?: string }).$schema;
        layers.push(settings);
        if (root) break;
      }
    }
    const parent = host.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  // Farthest first, so nearer files override.
  const settings = layers.reverse().reduce<PartialSettings>((acc, layer) => ({
    ...acc,
    ...layer,
    rules: { ...acc.rules, ...layer.rules },
    extraHolidays: layer.extraHolidays || acc.extraHolidays ? [...(acc.extraHolidays ?? []), ...(layer.extraHolidays ?? [])] : undefined,
    personalData: layer.personalData || acc.personalData ? {
      categories: { ...acc.personalData?.categories, ...layer.personalData?.categories },
      allow: [...(acc.personalData?.allow ?? []), ...(layer.personalData?.allow ?? [])],
    } : undefined,
  }), {});
  return { files, settings, problems };
}
