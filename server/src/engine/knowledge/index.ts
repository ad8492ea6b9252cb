// Linguistic knowledge kept as data (checked by schemas/*.schema.json), compiled once into
// bounded case-insensitive patterns.
import argumentsData from './arguments.json';

export type ArgumentPart =
  | 'definition'
  | 'statute'
  | 'standard-wording'
  | 'mention'
  | 'balance'
  | 'for'
  | 'against'
  | 'harm'
  | 'ncnd'
  | 'legitimate-interests'
  | 'qualified-person'
  | 'withdrawal';

export const ARGUMENT_PARTS: readonly ArgumentPart[] = ['definition', 'statute', 'standard-wording', 'mention', 'balance', 'for', 'against', 'harm', 'ncnd', 'legitimate-interests', 'qualified-person', 'withdrawal'];

export interface Phrasing {
  pattern: string;
  example: string;
}

export interface PhrasingTable<K extends string> {
  parts: Record<K, Phrasing[]>;
}

/** One case-insensitive pattern per key: the alternation of its phrasings plus any extra ones. */
export function compileTable<K extends string>(table: PhrasingTable<K>, extra: Partial<Record<K, string[]>> = {}): Record<K, RegExp> {
  const out = {} as Record<K, RegExp>;
  for (const key of Object.keys(table.parts) as K[]) {
    const sources = table.parts[key].map((p) => p.pattern).concat(extra[key] ?? []);
    out[key] = new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'i');
  }
  return out;
}

export const ARGUMENT_PHRASINGS = argumentsData as PhrasingTable<ArgumentPart>;
export const ARGUMENT_PATTERNS: Record<ArgumentPart, RegExp> = compileTable(ARGUMENT_PHRASINGS);

/** A team's own literal phrases, matched inside a normalised sentence whatever their case. */
export type ExtraPhrasings = Partial<Record<string, readonly string[]>>;
export type CompiledExtras = Partial<Record<string, RegExp>>;

const MAX_EXTRA_PHRASES = 100;
const MAX_EXTRA_LENGTH = 200;
const extraCache = new Map<string, CompiledExtras>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Literal phrases normalised as sentences are (single spaces, straight quotes) and escaped, never run as patterns. */
const NO_EXTRAS: CompiledExtras = {};

export function compileExtras(extras: ExtraPhrasings | undefined): CompiledExtras {
  if (!extras || Object.keys(extras).length === 0) return NO_EXTRAS;
  const key = JSON.stringify(extras);
  const cached = extraCache.get(key);
  if (cached) return cached;
  const out: CompiledExtras = {};
  for (const [part, phrases] of Object.entries(extras)) {
    if (!Array.isArray(phrases)) continue;
    const sources = phrases
      .slice(0, MAX_EXTRA_PHRASES)
      .filter((p): p is string => typeof p === 'string' && p.trim().length >= 3 && p.length <= MAX_EXTRA_LENGTH)
      .map((p) => escapeRegExp(p.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/\s+/g, ' ').trim()));
    if (sources.length > 0) out[part] = new RegExp(sources.join('|'), 'i');
  }
  if (extraCache.size > 50) extraCache.clear();
  extraCache.set(key, out);
  return out;
}
