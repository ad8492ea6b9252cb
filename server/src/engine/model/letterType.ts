// What kind of letter this is: from the front matter when it says, else from the text.
import { compileTable, type PhrasingTable } from '../knowledge';
import letterTypesData from '../knowledge/letter-types.json';
import type { Span } from '../types';
import type { LetterModel } from './letter';
import { TextCache } from '../text/textCache';
import { isEnvironmental } from '../knowledge/regimes';

export type LetterType =
  | 'full-disclosure'
  | 'partial-disclosure'
  | 'refusal'
  | 'ncnd'
  | 'not-held'
  | 'cost-limit'
  | 'vexatious'
  | 'pit-extension'
  | 'eir-extension'
  | 'internal-review';

export const LETTER_TYPE_LABELS: Record<LetterType, string> = {
  'full-disclosure': 'full disclosure',
  'partial-disclosure': 'partial disclosure',
  refusal: 'refusal notice',
  ncnd: 'neither confirm nor deny',
  'not-held': 'information not held',
  'cost-limit': 'cost limit refusal',
  vexatious: 'vexatious or repeated request refusal',
  'pit-extension': 'public interest holding notice (FOIA s17(2))',
  'eir-extension': 'EIR regulation 7 extension notice',
  'internal-review': 'internal review outcome',
};

export interface LetterTypeReading {
  type: LetterType;
  source: 'front-matter' | 'text';
  /** The sentence that decided it, when the text did. */
  evidence?: Span;
}

type TextCue = 'internal-review' | 'pit-extension' | 'eir-extension' | 'not-held' | 'cost-limit' | 'vexatious' | 'partial';
const CUES = compileTable(letterTypesData as PhrasingTable<TextCue>);
/** Sentences that tell the requester what they may do are about rights, not about this letter. */
const ADDRESSES_RIGHTS = /\b(if you|you (can|may|could|have the right|are entitled|should)|should be (sent|made|addressed)|must be made|within \w+ (working )?days)\b/i;
const KNOWN = new Set<string>(Object.keys(LETTER_TYPE_LABELS));

const cache = new WeakMap<LetterModel, LetterTypeReading>();

const CUE_NAMES: readonly TextCue[] = ['internal-review', 'pit-extension', 'eir-extension', 'not-held', 'cost-limit', 'vexatious', 'partial'];
// The cues a sentence shows, as bits, kept by its text (sentences repeat across edits).
const cueBits = new TextCache<number>();

function cuesOf(text: string): number {
  return cueBits.get(text, (t) => {
    let bits = 0;
    CUE_NAMES.forEach((cue, i) => {
      if (CUES[cue].test(t) && !(cue === 'internal-review' && ADDRESSES_RIGHTS.test(t))) bits |= 1 << i;
    });
    return bits;
  });
}

/** The first sentence of the authority's own prose that shows `cue`. */
function cueAt(model: LetterModel, cue: TextCue): Span | undefined {
  const bit = 1 << CUE_NAMES.indexOf(cue);
  for (const sentence of model.reading.sentences()) {
    if (sentence.voice === 'authority' && (cuesOf(sentence.text) & bit) !== 0) return sentence.span;
  }
  return undefined;
}

function reliesOnProcedural(model: LetterModel, id: string): boolean {
  return model.citations.some(
    (c) => c.voice === 'authority' && !c.withdrawn && !c.external && c.lookup.kind === 'procedural' && c.lookup.entry.id === id && !isEnvironmental(c.regime),
  );
}

export function letterTypeOf(model: LetterModel): LetterTypeReading {
  const cached = cache.get(model);
  if (cached) return cached;
  const found = readLetterType(model);
  cache.set(model, found);
  return found;
}

function readLetterType(model: LetterModel): LetterTypeReading {
  const declared = model.frontMatter?.data.response_type;
  if (typeof declared === 'string' && KNOWN.has(declared)) return { type: declared as LetterType, source: 'front-matter' };
  const fromText = (type: LetterType, evidence?: Span): LetterTypeReading => ({ type, source: 'text', evidence });
  for (const cue of ['internal-review', 'pit-extension', 'eir-extension'] as const) {
    const at = cueAt(model, cue);
    if (at) return fromText(cue, at);
  }
  if (model.provisions.some((use) => use.resolution.facts.ncnd)) return fromText('ncnd', model.provisions.find((use) => use.resolution.facts.ncnd)?.anchor.span);
  if (reliesOnProcedural(model, '12')) return fromText('cost-limit', cueAt(model, 'cost-limit'));
  if (reliesOnProcedural(model, '14')) return fromText('vexatious', cueAt(model, 'vexatious'));
  if (model.provisions.length > 0) {
    const partial = cueAt(model, 'partial');
    return partial ? fromText('partial-disclosure', partial) : fromText('refusal', model.provisions[0].anchor.span);
  }
  for (const cue of ['cost-limit', 'vexatious'] as const) {
    const at = cueAt(model, cue);
    if (at) return fromText(cue, at);
  }
  const notHeld = cueAt(model, 'not-held');
  if (notHeld) return fromText('not-held', notHeld);
  return fromText('full-disclosure');
}
