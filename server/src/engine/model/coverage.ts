import { HARM_TESTS, type ResolvedFacts } from '../catalogue';
import type { Span } from '../types';
import type { Citation, LetterModel, ProvisionUse } from './letter';
import { PUBLIC_INTEREST_ROLES, type SectionRole } from './roles';
import type { Sentence } from './reading';
import { letterTypeOf } from './letterType';
import type { Section } from './sections';

/** The parts a letter may owe for a provision. */
export type Part =
  | 'harm'
  | 'public-interest'
  | 'factors-for'
  | 'factors-against'
  | 'balance'
  | 'ncnd'
  | 'legitimate-interests'
  | 'qualified-person';

export const PART_LABELS: Record<Part, string> = {
  harm: 'Harm argument',
  'public-interest': 'Public interest test',
  'factors-for': 'Factors in favour of disclosure',
  'factors-against': 'Factors against disclosure',
  balance: 'Balance of the public interest',
  ncnd: 'Neither confirm nor deny statement',
  'legitimate-interests': 'Legitimate interests assessment',
  'qualified-person': "Qualified person's opinion",
};

export interface PartStatus {
  part: Part;
  /** Where the letter provides it (section titles or the paragraph that argues it). */
  foundAt: Span[];
}

const SCOPE_GIVING_ROLES: ReadonlySet<SectionRole | undefined> = new Set([undefined, 'provision', 'public-interest', 'factors-for', 'factors-against', 'balance']);
type Evidence = 'harm' | 'for' | 'against' | 'balance' | 'ncnd' | 'legitimate-interests' | 'qualified-person';

/** Cached per model: section scopes and the sentences that give each part. */
export class Coverage {
  private readonly scopes = new Map<Section, Set<string> | 'all'>();
  private readonly evidence = new Map<Evidence, Sentence[]>();
  private readonly sentenceScopes = new Map<Sentence, Set<string> | 'all'>();
  private byTitle: Map<Section, Citation[]> | undefined;

  constructor(private readonly model: LetterModel) {}

  /** Citations in each section's title, gathered once (a scan per section was quadratic in long letters). */
  private titleCitations(): Map<Section, Citation[]> {
    if (!this.byTitle) {
      this.byTitle = new Map();
      for (const citation of this.model.citations) {
        if (!citation.inTitle || !citation.section) continue;
        const list = this.byTitle.get(citation.section);
        if (list) list.push(citation);
        else this.byTitle.set(citation.section, [citation]);
      }
    }
    return this.byTitle;
  }

  /** Provisions (regime:section) a section is about, from its own or an ancestor's title; 'all' when none. */
  scopeOf(section: Section): Set<string> | 'all' {
    const cached = this.scopes.get(section);
    if (cached) return cached;
    const own = provisionKeys(this.titleCitations().get(section) ?? []);
    const scope = own.size > 0 ? own : this.inheritedScope(section.parent);
    this.scopes.set(section, scope);
    return scope;
  }

  /** Scope passed down from the nearest enclosing provision or public interest heading (a titled harm section does not pass its scope on). */
  private inheritedScope(ancestor: Section | undefined): Set<string> | 'all' {
    for (let s = ancestor; s; s = s.parent) {
      if (SCOPE_GIVING_ROLES.has(s.role)) {
        const scope = this.scopeOf(s);
        if (scope !== 'all') return scope;
      }
    }
    return 'all';
  }

  appliesTo(section: Section, use: ProvisionUse): boolean {
    const scope = this.scopeOf(section);
    return scope === 'all' || scope.has(`${use.regime}:${use.resolution.entry.id}`);
  }

  /**
   * A sentence argues about the provisions it cites, else about those cited earlier in its
   * paragraph, else about its section's.
   */
  private sentenceScope(sentence: Sentence): Set<string> | 'all' {
    if (this.sentenceScopes.size === 0) {
      let block = -1;
      let inherited: Set<string> | undefined;
      for (const s of this.model.reading.sentences()) {
        if (s.block !== block) {
          block = s.block;
          inherited = undefined;
        }
        const inside = citationsWithin(this.model.citations, s.span.start, s.span.end);
        const own = provisionKeys(inside.filter((c) => c.voice === 'authority' && c.lookup.kind === 'resolved' && !c.crossRegime));
        if (own.size > 0) inherited = own;
        this.sentenceScopes.set(s, inherited ?? (s.section ? this.scopeOf(s.section) : 'all'));
      }
    }
    return this.sentenceScopes.get(sentence) ?? 'all';
  }

  /** Sentences of the authority's prose that give `kind`. */
  evidenceFor(kind: Evidence): Sentence[] {
    let found = this.evidence.get(kind);
    if (!found) {
      const reading = this.model.reading;
      found = reading.sentences().filter((sentence) => reading.partsOf(sentence).has(kind));
      this.evidence.set(kind, found);
    }
    return found;
  }

  private collect(use: ProvisionUse | undefined, roles: ReadonlySet<SectionRole>, evidence: Evidence | undefined): Span[] {
    const spans: Span[] = [];
    for (const section of this.model.sections) {
      if (use && !this.appliesTo(section, use)) continue;
      if (section.role !== undefined && roles.has(section.role)) spans.push(section.titleSpan);
    }
    if (evidence) {
      const key = use ? `${use.regime}:${use.resolution.entry.id}` : undefined;
      const otherSide = evidence === 'for' ? 'factors-against' : evidence === 'against' ? 'factors-for' : undefined;
      for (const sentence of this.evidenceFor(evidence)) {
        // Under "Factors against disclosure" a sentence argues that side, whatever its wording.
        if (otherSide && sentence.section?.role === otherSide) continue;
        const scope = key ? this.sentenceScope(sentence) : 'all';
        if (scope === 'all' || (key !== undefined && scope.has(key))) spans.push(sentence.span);
      }
    }
    return spans.sort((a, b) => a.start - b.start);
  }

  /** The provision's facts as they apply to this letter. */
  factsFor(use: ProvisionUse): ResolvedFacts {
    const facts = { ...use.resolution.facts };
    // FOIA s36 is absolute for information held by either House of Parliament.
    if (use.regime === 'FOIA' && use.resolution.entry.id === '36' && this.model.frontMatter?.data.house_of_parliament === true) facts.status = 'absolute';
    return facts;
  }

  partsFor(use: ProvisionUse): { required: PartStatus[] } {
    const facts = this.factsFor(use);
    // A s17(2) holding notice gives the public interest decision (and its full reasons) later.
    const holdingNotice = letterTypeOf(this.model).type === 'pit-extension';
    const required: PartStatus[] = [];
    const add = (part: Part) => required.push({ part, foundAt: this.find(part, use) });
    if (HARM_TESTS.has(facts.test) && !holdingNotice) add('harm');
    if (facts.needsQualifiedPerson) add('qualified-person');
    if (facts.needsLegitimateInterests) add('legitimate-interests');
    if (facts.status === 'qualified' && facts.publicInterestStatement && !holdingNotice) {
      add('public-interest');
      add('factors-for');
      add('factors-against');
      add('balance');
    }
    if (facts.ncnd) add('ncnd');
    return { required };
  }

  find(part: Part, use?: ProvisionUse): Span[] {
    switch (part) {
      case 'harm':
        return this.collect(use, new Set(['harm']), 'harm');
      case 'public-interest':
        return this.collect(use, PUBLIC_INTEREST_ROLES, undefined).concat(this.collect(use, new Set(), 'for'), this.collect(use, new Set(), 'against'));
      case 'factors-for':
        return this.collect(use, new Set(['factors-for']), 'for');
      case 'factors-against':
        return this.collect(use, new Set(['factors-against']), 'against');
      case 'balance':
        return this.collect(use, new Set(['balance']), 'balance');
      case 'ncnd':
        return this.collect(undefined, new Set(['ncnd']), 'ncnd');
      case 'legitimate-interests':
        return this.collect(undefined, new Set(['legitimate-interests']), 'legitimate-interests');
      case 'qualified-person':
        return this.collect(undefined, new Set(['qualified-person']), 'qualified-person');
    }
  }
}

/** "regime:section" of each resolved, non-external citation. */
function provisionKeys(citations: readonly Citation[]): Set<string> {
  const keys = new Set<string>();
  for (const citation of citations) {
    if (!citation.external && citation.lookup.kind !== 'unknown') {
      const id = citation.lookup.kind === 'resolved' ? citation.lookup.resolution.entry.id : citation.lookup.entry.id;
      keys.add(`${citation.regime}:${id}`);
    }
  }
  return keys;
}

/** Citations (sorted by position) that lie within [start, end). */
function citationsWithin(citations: readonly Citation[], start: number, end: number): Citation[] {
  let low = 0;
  let high = citations.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (citations[mid].span.start < start) low = mid + 1;
    else high = mid;
  }
  const out: Citation[] = [];
  for (let i = low; i < citations.length && citations[i].span.start < end; i++) out.push(citations[i]);
  return out;
}
