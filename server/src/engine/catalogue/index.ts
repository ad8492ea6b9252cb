import catalogueData from './catalogue.json';
import type { Regime } from '../types';
import type { Catalogue, CatalogueEntry, Limb, ProvisionFacts, Status, TestKind } from './types';
import { isPathPrefix, splitPath } from '../text/citations';
import { provisionWord } from '../knowledge/regimes';

export type { Catalogue, CatalogueEntry, Limb, Status, TestKind } from './types';

export const catalogue = catalogueData as Catalogue;

export interface ResolvedFacts {
  status: Status;
  test: TestKind;
  ncnd: boolean;
  needsLegitimateInterests: boolean;
  needsQualifiedPerson: boolean;
  /** False where the notice need not state the public interest reasons (FOISA s18(2)). */
  publicInterestStatement: boolean;
  condition?: 'first' | 'second' | 'third';
  note?: string;
}

export interface Resolution {
  entry: CatalogueEntry;
  /** Limbs that govern the citation, outermost first. */
  limbs: Limb[];
  facts: ResolvedFacts;
  title: string;
}

/** Tests that call for a harm argument in the letter. */
export const HARM_TESTS: ReadonlySet<TestKind> = new Set([
  'prejudice',
  'required-for',
  'endanger',
  'adverse-effect',
  'substantial-prejudice',
]);

const index = new Map<string, CatalogueEntry>();
for (const entry of catalogue.entries) index.set(`${entry.regime}:${entry.id}`, entry);

export function findEntry(regime: Regime, id: string): CatalogueEntry | undefined {
  return index.get(`${regime}:${id}`);
}

export function entriesFor(regime: Regime): CatalogueEntry[] {
  return catalogue.entries.filter((entry) => entry.regime === regime);
}

function applyFacts(target: ResolvedFacts, facts: ProvisionFacts): void {
  if (facts.status !== undefined) target.status = facts.status;
  if (facts.test !== undefined) target.test = facts.test;
  if (facts.ncnd !== undefined) target.ncnd = facts.ncnd;
  if (facts.needsLegitimateInterests !== undefined) target.needsLegitimateInterests = facts.needsLegitimateInterests;
  if (facts.needsQualifiedPerson !== undefined) target.needsQualifiedPerson = facts.needsQualifiedPerson;
  if (facts.publicInterestStatement !== undefined) target.publicInterestStatement = facts.publicInterestStatement;
  if (facts.condition !== undefined) target.condition = facts.condition;
  if (facts.note !== undefined) target.note = facts.note;
}

export type Lookup =
  | { kind: 'resolved'; resolution: Resolution }
  | { kind: 'procedural'; entry: CatalogueEntry }
  | { kind: 'unknown'; reason: string };

/** Resolves a cited path ("31(1)(a)") in a regime against the catalogue. */
export function lookup(regime: Regime, path: string): Lookup {
  const parts = splitPath(path);
  const entry = findEntry(regime, parts[0]);
  if (!entry) return { kind: 'unknown', reason: `${regime} has no ${provisionWord(regime)} ${parts[0]} that can be relied on` };
  if (entry.kind === 'procedural') return { kind: 'procedural', entry };
  const limbs = (entry.limbs ?? [])
    .filter((limb) => isPathPrefix(limb.path, path))
    .sort((a, b) => splitPath(a.path).length - splitPath(b.path).length);
  if (isUnlistedParagraph(entry, parts)) {
    return { kind: 'unknown', reason: `${entry.id}${parts.slice(1).join('')} is not a paragraph of ${regime} ${entry.id}` };
  }
  const facts: ResolvedFacts = {
    status: 'qualified',
    test: 'class',
    ncnd: false,
    needsLegitimateInterests: false,
    needsQualifiedPerson: false,
    publicInterestStatement: true,
  };
  applyFacts(facts, entry);
  for (const limb of limbs) applyFacts(facts, limb);
  const titled = [...limbs].reverse().find((limb) => limb.title);
  return { kind: 'resolved', resolution: { entry, limbs, facts, title: titled?.title ?? entry.title } };
}

/**
 * True when the catalogue lists the paragraphs under the cited subsection
 * (e.g. 12(5)(a)-(g)) and the cited one is not among them (12(5)(h)).
 */
function isUnlistedParagraph(entry: CatalogueEntry, parts: string[]): boolean {
  for (let depth = 3; depth <= parts.length; depth++) {
    const parent = parts.slice(0, depth - 1).join('');
    const cited = parts.slice(0, depth).join('');
    const known = new Set<string>();
    for (const limb of entry.limbs ?? []) {
      const limbParts = splitPath(limb.path);
      if (limbParts.length >= depth && limbParts.slice(0, depth - 1).join('') === parent) known.add(limbParts.slice(0, depth).join(''));
    }
    if (known.size > 0 && !known.has(cited)) return true;
  }
  return false;
}
