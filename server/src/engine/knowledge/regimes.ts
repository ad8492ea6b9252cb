// Facts about each access regime, as data (knowledge/regimes.json, checked by
// schemas/regime-facts.schema.json): one place to ask "is this Scottish? environmental?".
import type { Regime } from '../types';
import regimeData from './regimes.json';

export interface RegimeFacts {
  legislation: string;
  scottish: boolean;
  environmental: boolean;
  provisionWord: 'section' | 'regulation';
  groundNoun: 'exemption' | 'exception';
}

export const REGIME_FACTS = regimeData.regimes as Record<Regime, RegimeFacts>;

export const isScottish = (regime: Regime): boolean => REGIME_FACTS[regime].scottish;
export const isEnvironmental = (regime: Regime): boolean => REGIME_FACTS[regime].environmental;
/** "section" or "regulation". */
export const provisionWord = (regime: Regime): RegimeFacts['provisionWord'] => REGIME_FACTS[regime].provisionWord;
/** The regime of the Act or the Regulations a citation names, in a letter under `letterRegime` (same jurisdiction). */
export function regimeOfInstrument(letterRegime: Regime, instrument: 'act' | 'regulations'): Regime {
  const scottish = isScottish(letterRegime);
  if (instrument === 'regulations') return scottish ? 'EISR' : 'EIR';
  return scottish ? 'FOISA' : 'FOIA';
}

/** "exemption" or "exception". */
export const groundNoun = (regime: Regime): RegimeFacts['groundNoun'] => REGIME_FACTS[regime].groundNoun;
