import { HARM_TESTS, type ResolvedFacts } from '../catalogue';
import type { Span } from '../types';
import type { Citation, LetterModel, ProvisionUse } from './letter';
import { BODY_EVIDENCE, PUBLIC_INTEREST_ROLES, type SectionRole } from './roles';
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
type Evidence = keyof typeof BODY_EVIDENCE;
const HARM_BODY_ROLES: ReadonlySet<SectionRole | undefined> = new Set([undefined, 'provision', 'response', 'harm', 'exemptions', 'qualified-person']);
const FACTOR_BODY_ROLES: ReadonlySet<SectionRole | undefined> = new Set(['public-interest', 'provision']);
const BALANCE_BODY_ROLES: ReadonlySet<SectionRole | undefined> = new Set(['public-interest', 'provision', 'factors-for', 'factors-against']);

/** Cached per model: section scopes and body evidence. */
export class Coverage {
  private readonly scopes = new Map<Section, Set<string> | 'all'>();
  private readonly evidence = new Map<Section | 'preamble', Partial<Record<Evidence, Span>>>();
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
    const own = new Set<string>();
    for (const citation of this.titleCitations().get(section) ?? []) {
      if (!citation.external && citation.lookup.kind !== 'unknown') {
        const id = citation.lookup.kind === 'resolved' ? citation.lookup.resolution.entry.id : citation.lookup.entry.id;
        own.add(`${citation.regime}:${id}`);
      }
    }
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

  private bodyEvidence(section: Section | 'preamble', kind: Evidence): Span | undefined {
    let found = this.evidence.get(section);
    if (!found) {
      found = {};
      this.evidence.set(section, found);
    }
    if (kind in found) return found[kind];
    const span = section === 'preamble' ? this.preambleSpan() : section.bodySpan;
    const body = this.model.text.slice(span.start, span.end);
    const match = BODY_EVIDENCE[kind].exec(body);
    const at = match ? { start: span.start + match.index, end: span.start + match.index + match[0].length } : undefined;
    found[kind] = at;
    return at;
  }

  private preambleSpan(): Span {
    const first = this.model.sections[0];
    return { start: this.model.bodyStart, end: first ? first.titleSpan.start : this.model.text.length };
  }

  private collect(use: ProvisionUse | undefined, roles: ReadonlySet<SectionRole>, evidence: Evidence | undefined, bodyRoles: ReadonlySet<SectionRole | undefined>, withPreamble: boolean): Span[] {
    const spans: Span[] = [];
    for (const section of this.model.sections) {
      if (use && !this.appliesTo(section, use)) continue;
      if (section.role !== undefined && roles.has(section.role)) spans.push(section.titleSpan);
      else if (evidence && bodyRoles.has(section.role)) {
        const at = this.bodyEvidence(section, evidence);
        if (at) spans.push(at);
      }
    }
    if (evidence && withPreamble) {
      const at = this.bodyEvidence('preamble', evidence);
      if (at) spans.push(at);
    }
    return spans;
  }

  /** The parts this provision needs, with where the letter provides each. */
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
    const holdingNotice = this.model.frontMatter?.data.response_type === 'pit-extension';
    const required: PartStatus[] = [];
    const add = (part: Part) => required.push({ part, foundAt: this.find(part, use) });
    if (HARM_TESTS.has(facts.test) && !holdingNotice) add('harm');
    if (facts.needsQualifiedPerson) add('qualified-person');
    if (facts.needsLegitimateInterests) add('legitimate-interests');
    if (facts.status === 'qualified' && !holdingNotice) {
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
        return this.collect(use, new Set(['harm']), 'harm', HARM_BODY_ROLES, true);
      case 'public-interest':
        return this.collect(use, PUBLIC_INTEREST_ROLES, undefined, FACTOR_BODY_ROLES, false).concat(
          this.collect(use, new Set(), 'for', FACTOR_BODY_ROLES, true),
          this.collect(use, new Set(), 'against', FACTOR_BODY_ROLES, true),
        );
      case 'factors-for':
        return this.collect(use, new Set(['factors-for']), 'for', FACTOR_BODY_ROLES, true);
      case 'factors-against':
        return this.collect(use, new Set(['factors-against']), 'against', FACTOR_BODY_ROLES, true);
      case 'balance':
        return this.collect(use, new Set(['balance']), 'balance', BALANCE_BODY_ROLES, true);
      case 'ncnd':
        return this.collect(undefined, new Set(['ncnd']), 'ncnd', ALL_BODY_ROLES, true);
      case 'legitimate-interests':
        return this.collect(undefined, new Set(['legitimate-interests']), 'legitimateInterests', ALL_BODY_ROLES, true);
      case 'qualified-person':
        return this.collect(undefined, new Set(['qualified-person']), 'qualifiedPerson', ALL_BODY_ROLES, true);
    }
  }
}

const ALL_BODY_ROLES: ReadonlySet<SectionRole | undefined> = new Set<SectionRole | undefined>([
  undefined,
  'response',
  'exemptions',
  'harm',
  'public-interest',
  'factors-for',
  'factors-against',
  'balance',
  'ncnd',
  'legitimate-interests',
  'qualified-person',
  'provision',
  'advice',
]);
