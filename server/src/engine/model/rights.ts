// Review and complaint rights: whether the letter owes them, and where it gives them.
import { compileTable, type PhrasingTable } from '../knowledge';
import rightsData from '../knowledge/rights.json';
import type { Span } from '../types';
import type { LetterModel } from './letter';
import { letterTypeOf } from './letterType';
import { TextCache } from '../text/textCache';
import { isEnvironmental, isScottish } from '../knowledge/regimes';

type RightsCue = 'review' | 'regulator-uk' | 'regulator-scotland' | 'elsewhere' | 'not-rights';
const CUES = compileTable(rightsData as PhrasingTable<RightsCue>);

export interface RightsOwed {
  /** Why the letter owes rights: "it relies on section 43(2)". */
  reason: string;
  /** The review (or representations) route is owed; not after an internal review. */
  review: boolean;
  regulator: boolean;
}

export interface RightsReading {
  owed: RightsOwed | undefined;
  /** The first sentence giving each right, if any. */
  review?: Span;
  regulator?: Span;
  /** A complaints procedure given by attachment or link (stands in for both). */
  elsewhere?: Span;
}

const cache = new WeakMap<LetterModel, RightsReading>();

interface SentenceCues {
  review: boolean;
  regulator: boolean;
  elsewhere: boolean;
  notRights: boolean;
}
const cueCache = { uk: new TextCache<SentenceCues>(), scotland: new TextCache<SentenceCues>() };

function cuesOf(text: string, scottish: boolean): SentenceCues {
  return (scottish ? cueCache.scotland : cueCache.uk).get(text, (t) => ({
    notRights: CUES['not-rights'].test(t),
    elsewhere: CUES.elsewhere.test(t),
    review: CUES.review.test(t),
    regulator: (scottish ? CUES['regulator-scotland'] : CUES['regulator-uk']).test(t),
  }));
}

function refusalGround(model: LetterModel): string | undefined {
  if (model.provisions.length > 0) return `it relies on ${model.provisions[0].label}`;
  for (const citation of model.citations) {
    if (citation.lookup.kind !== 'procedural' || citation.external || citation.voice !== 'authority' || citation.withdrawn) continue;
    const id = citation.lookup.entry.id;
    if (!isEnvironmental(citation.regime) && (id === '12' || id === '14')) return `it refuses under section ${id}`;
  }
  return undefined;
}

function owedRights(model: LetterModel): RightsOwed | undefined {
  const { type, source } = letterTypeOf(model);
  const ground = refusalGround(model);
  if (source === 'front-matter') {
    if (type === 'full-disclosure' || type === 'not-held' || type === 'eir-extension') return undefined;
    if (type === 'internal-review') return ground ? { reason: `it is an internal review outcome and ${ground}`, review: false, regulator: true } : undefined;
    return { reason: `its response_type is ${type}`, review: true, regulator: true };
  }
  if (type === 'internal-review') return ground || hasNcndStatement(model) ? { reason: `it is an internal review outcome that still refuses (${ground ?? 'neither confirm nor deny'})`, review: false, regulator: true } : undefined;
  if (ground) return { reason: ground, review: true, regulator: true };
  if (type === 'ncnd' || hasNcndStatement(model)) return { reason: 'it neither confirms nor denies', review: true, regulator: true };
  if (type === 'cost-limit' || type === 'vexatious') return { reason: type === 'cost-limit' ? 'it refuses on grounds of cost' : 'it refuses the request as vexatious or repeated', review: true, regulator: true };
  return undefined;
}

function hasNcndStatement(model: LetterModel): boolean {
  return model.reading.sentences().some((s) => model.reading.partsOf(s).has('ncnd'));
}

export function rightsOf(model: LetterModel): RightsReading {
  const cached = cache.get(model);
  if (cached) return cached;
  const found: RightsReading = { owed: owedRights(model) };
  if (found.owed) {
    const scottish = isScottish(model.regime);
    const { extras } = model.reading;
    for (const sentence of model.reading.sentences()) {
      if (sentence.voice !== 'authority') continue;
      const cues = cuesOf(sentence.text, scottish);
      if (cues.notRights) continue;
      // A sentence that points to a leaflet or link gives the rights elsewhere, not here.
      if (cues.elsewhere) {
        found.elsewhere ??= sentence.span;
        continue;
      }
      if (!found.review && (cues.review || extras.review?.test(sentence.text))) found.review = sentence.span;
      if (!found.regulator && (cues.regulator || extras.regulator?.test(sentence.text))) found.regulator = sentence.span;
      if (found.review && found.regulator) break;
    }
  }
  cache.set(model, found);
  return found;
}
