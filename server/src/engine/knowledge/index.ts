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
