// The settings shape, shared by the VS Code client, the server, the CLI and `.foi.jsonc`.
import type { Regime, SeveritySetting } from '../types';

export type RunMode = 'onType' | 'onSave';
export type Nation = 'england-and-wales' | 'scotland' | 'northern-ireland';
export const PERSONAL_DATA_CATEGORIES = [
  'email',
  'phone',
  'ni-number',
  'postcode-address',
  'date-of-birth',
  'vehicle-registration',
  'salutation-name',
] as const;
export type PersonalDataCategory = (typeof PERSONAL_DATA_CATEGORIES)[number];

/** Parts a team may add its own house-style wording for, in `.foi.jsonc`. */
export const PHRASING_PARTS = ['harm', 'for', 'against', 'balance', 'ncnd', 'legitimate-interests', 'qualified-person', 'review', 'regulator'] as const;
export type PhrasingPart = (typeof PHRASING_PARTS)[number];

export interface FoiSettings {
  /** Lint letters at all. */
  enable: boolean;
  /** Lint while typing or only when saving. */
  run: RunMode;
  /** Regime for letters whose front matter and text do not say. */
  defaultRegime: Regime;
  /** Where the authority is (shown in deadline hovers). */
  nation: Nation;
  /** Severity per rule id: off | hint | information | warning | error. */
  rules: Record<string, SeveritySetting>;
  /** Extra non-working days (YYYY-MM-DD) added to the bank holiday table. */
  extraHolidays: string[];
  personalData: {
    /** Categories checked by the personal-data rule. */
    categories: Record<PersonalDataCategory, boolean>;
    /** The authority's own published contact details (emails, phone numbers, postcodes) that are never flagged. */
    allow: string[];
  };
  /** Letters longer than this many characters are only partly checked. */
  maxDocumentLength: number;
  /** A team's own wording per part: literal phrases, matched whatever the case and line breaks. */
  phrasings: Partial<Record<PhrasingPart, string[]>>;
}

export const DEFAULT_SETTINGS: FoiSettings = {
  enable: true,
  run: 'onType',
  defaultRegime: 'FOIA',
  nation: 'england-and-wales',
  rules: {},
  extraHolidays: [],
  personalData: {
    categories: {
      email: true,
      phone: true,
      'ni-number': true,
      'postcode-address': true,
      'date-of-birth': true,
      'vehicle-registration': true,
      'salutation-name': true,
    },
    allow: [],
  },
  maxDocumentLength: 2_000_000,
  phrasings: {},
};

/** A partial settings object as found in VS Code settings or `.foi.jsonc`. */
export type PartialSettings = Partial<Omit<FoiSettings, 'personalData' | 'phrasings'>> & {
  phrasings?: Partial<Record<PhrasingPart, string[]>>;
  personalData?: { categories?: Partial<Record<PersonalDataCategory, boolean>>; allow?: string[] };
};

/** Layers settings: later layers win; rule maps and category maps merge key by key. */
export function mergeSettings(base: FoiSettings, ...layers: (PartialSettings | undefined)[]): FoiSettings {
  let result: FoiSettings = { ...base, rules: { ...base.rules }, phrasings: { ...base.phrasings }, personalData: { categories: { ...base.personalData.categories }, allow: [...base.personalData.allow] } };
  for (const layer of layers) {
    if (!layer) continue;
    result = {
      ...result,
      ...definedOnly(layer),
      rules: { ...result.rules, ...(layer.rules ?? {}) },
      extraHolidays: [...result.extraHolidays, ...(layer.extraHolidays ?? [])],
      phrasings: mergePhrasings(result.phrasings, layer.phrasings),
      personalData: {
        categories: { ...result.personalData.categories, ...(layer.personalData?.categories ?? {}) },
        allow: [...result.personalData.allow, ...(layer.personalData?.allow ?? [])],
      },
    };
  }
  return result;
}

function definedOnly(layer: PartialSettings): Partial<FoiSettings> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(layer)) {
    if (value !== undefined && key !== 'rules' && key !== 'extraHolidays' && key !== 'personalData' && key !== 'phrasings') out[key] = value;
  }
  return out as Partial<FoiSettings>;
}

function mergePhrasings(base: FoiSettings['phrasings'], layer: PartialSettings['phrasings']): FoiSettings['phrasings'] {
  if (!layer) return base;
  const out: FoiSettings['phrasings'] = { ...base };
  for (const part of PHRASING_PARTS) {
    const extra = layer[part];
    if (Array.isArray(extra)) out[part] = [...(base[part] ?? []), ...extra.filter((p): p is string => typeof p === 'string')];
  }
  return out;
}
