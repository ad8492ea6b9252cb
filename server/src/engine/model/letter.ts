import type { Root } from 'mdast';
import { blocksOfRoot, IncrementalParser, lineEndAfter, type Block } from '../incremental';
import { LineIndex } from '../text/lineIndex';
import { replaceComments } from '../text/comments';
import type { Regime, Span } from '../types';
import { readFrontMatter, type FrontMatter } from '../frontmatter';
import { lookup, type Resolution } from '../catalogue';
import { findCitations, type CitationMatch } from '../text/citations';
import { buildSections, titleCandidatesOf, type Section } from './sections';
import { Reading, type Voice } from './reading';
import { compileExtras, type ExtraPhrasings } from '../knowledge';
import { provisionWord, regimeOfInstrument } from '../knowledge/regimes';

export interface Citation extends CitationMatch {
  regime: Regime;
  lookup: ReturnType<typeof lookup>;
  /** The section the citation sits in (title or body), if any. */
  section: Section | undefined;
  inTitle: boolean;
  /** Who speaks where it is cited: only the authority's own citations are relied on. */
  voice: Voice;
  /** True when the letter says it no longer relies on this provision. */
  withdrawn: boolean;
  /** A section of the Act in a letter wholly under the Regulations, or the reverse. */
  crossRegime: boolean;
}

/** A provision the letter relies on, with all the places it is cited. */
export interface ProvisionUse {
  key: string;
  regime: Regime;
  /** How it reads in messages: "section 31(1)(a)", "regulation 12(5)(b)". */
  label: string;
  resolution: Resolution;
  citations: Citation[];
  /** Where findings about this provision are reported: its first citation in the exemptions list, else its first citation. */
  anchor: Citation;
}

export interface LetterModel {
  text: string;
  lines: LineIndex;
  frontMatter: FrontMatter | undefined;
  /** Front matter that opens with --- but never closes. */
  unclosedFrontMatter: Span | undefined;
  regime: Regime;
  regimeSource: 'front-matter' | 'text' | 'setting';
  /** Where the letter body starts (after front matter). */
  bodyStart: number;
  sections: Section[];
  citations: Citation[];
  provisions: ProvisionUse[];
  /** The prose, sentence by sentence. */
  reading: Reading;
}

export interface ModelOptions {
  defaultRegime: Regime;
  /** A team's own phrasings per part (`.foi.jsonc` "phrasings"). */
  phrasings?: ExtraPhrasings;
}


/** Which regime a citation belongs to: the named one, else the letter's jurisdiction and instrument. */
export function citationRegime(letterRegime: Regime, citation: CitationMatch): Regime {
  return citation.namedRegime ?? regimeOfInstrument(letterRegime, citation.instrument);
}

/** Regime named in the text, if any. */
export function regimeFromText(text: string): Regime | undefined {
  const sample = text.length > 200_000 ? text.slice(0, 100_000) + text.slice(-100_000) : text;
  if (/Environmental Information \(Scotland\) Regulations|\bEISR\b/.test(sample)) return 'EISR';
  if (/Freedom of Information \(Scotland\) Act|\bFOISA\b|\bFOI\(S\)A\b/.test(sample)) return 'FOISA';
  const eir = /Environmental Information Regulations|\bEIR\b/.test(sample);
  const foia = /Freedom of Information Act|\bFOIA\b/.test(sample);
  if (eir && !foia) return 'EIR';
  if (eir && foia) return /\b(regulation|reg\.?)\s?1[23]\(/i.test(sample) ? 'EIR' : 'FOIA';
  if (foia) return 'FOIA';
  return undefined;
}

const INSTRUMENT_NAMES: Record<Regime, RegExp> = {
  FOIA: /Freedom of Information Act|\bFOIA\b|\bFoIA\b/,
  EIR: /Environmental Information Regulations|\bEIRs?\b/,
  FOISA: /Freedom of Information \(Scotland\) Act|\bFOISA\b|\bFOI\(S\)A\b/,
  EISR: /Environmental Information \(Scotland\) Regulations|\bEISR\b/,
};

/** Whether the letter names each regime's instrument anywhere in its body, tested once per regime. */
function instrumentNames(text: string, bodyStart: number): (regime: Regime) => boolean {
  const known = new Map<Regime, boolean>();
  return (regime) => {
    let named = known.get(regime);
    if (named === undefined) {
      named = INSTRUMENT_NAMES[regime].test(text.slice(bodyStart));
      known.set(regime, named);
    }
    return named;
  };
}

/** Where the last line break before `end` starts (the \r of a \r\n), or -1. */
function lastLineBreakBefore(text: string, end: number): number {
  for (let i = end - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 10) return i > 0 && text.charCodeAt(i - 1) === 13 ? i - 1 : i;
    if (code === 13) return i;
  }
  return -1;
}

function findFrontMatter(blocks: Block[], text: string): { frontMatter?: FrontMatter; unclosed?: Span; bodyStart: number } {
  const first = blocks[0];
  if (first && first.type === 'yaml') {
    const span = { start: first.start, end: first.end };
    // Line breaks may be \n, \r\n or a lone \r (old Mac files).
    const yamlStart = lineEndAfter(text, span.start);
    const closing = Math.max(lastLineBreakBefore(text, span.end), yamlStart);
    return { frontMatter: readFrontMatter(text, span, yamlStart, closing), bodyStart: span.end };
  }
  if (/^(\uFEFF)?---[ \t]*(\r\n|\r|\n)/.test(text)) {
    const end = text.search(/\r\n|\r|\n/);
    return { unclosed: { start: 0, end }, bodyStart: 0 };
  }
  return { bodyStart: 0 };
}

// The catalogue never changes, so each (regime, path) is looked up once; long letters cite the same few often.
const lookupCache = new Map<string, ReturnType<typeof lookup>>();
function cachedLookup(regime: Regime, path: string): ReturnType<typeof lookup> {
  const key = `${regime}:${path}`;
  let found = lookupCache.get(key);
  if (!found) {
    if (lookupCache.size > 10_000) lookupCache.clear();
    found = lookup(regime, path);
    lookupCache.set(key, found);
  }
  return found;
}

/** The section whose title starts last at or before `offset`. */
export function sectionAt(sections: Section[], offset: number): Section | undefined {
  let low = 0;
  let high = sections.length - 1;
  let found: Section | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sections[mid].titleSpan.start <= offset) {
      found = sections[mid];
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

export function provisionLabel(regime: Regime, path: string): string {
  const word = provisionWord(regime);
  return `${word} ${path}`;
}

/** The letter's top-level blocks: parsed here unless given (from an incremental parse, or as an mdast tree). */
/** A block parser that finds each block's title candidates as it parses (the letter's own reading of titles). */
export function letterParser(windowSize?: number): IncrementalParser {
  return new IncrementalParser(titleCandidatesOf, windowSize);
}

export function buildModel(text: string, options: ModelOptions, parsed?: Root | Block[], lineIndex?: LineIndex): LetterModel {
  const blocks = parsed === undefined ? letterParser().parse(text) : Array.isArray(parsed) ? parsed : blocksOfRoot(parsed, text, titleCandidatesOf);
  const lines = lineIndex?.text === text ? lineIndex : new LineIndex(text);
  const { frontMatter, unclosed, bodyStart } = findFrontMatter(blocks, text);

  let regime = options.defaultRegime;
  let regimeSource: LetterModel['regimeSource'] = 'setting';
  const named = frontMatter?.data.regime;
  if (named === 'FOIA' || named === 'EIR' || named === 'FOISA' || named === 'EISR') {
    regime = named;
    regimeSource = 'front-matter';
  } else {
    const fromText = regimeFromText(text.slice(bodyStart));
    if (fromText) {
      regime = fromText;
      regimeSource = 'text';
    }
  }

  const sections = buildSections(blocks.flatMap((block) => block.candidates), text.length);
  const reading = new Reading(text, bodyStart, sections, compileExtras(options.phrasings));
  const namesInstrument = instrumentNames(text, bodyStart);
  const citations: Citation[] = [];
  for (const match of findCitations(maskComments(text), bodyStart)) {
    const citationRegimeValue = citationRegime(regime, match);
    const section = sectionAt(sections, match.span.start);
    const inTitle = section !== undefined && match.span.start < section.titleSpan.end;
    let voice: Voice = 'authority';
    if (inTitle) {
      for (let s: Section | undefined = section; s; s = s.parent) if (s.role === 'legal-annex') voice = 'statute';
    } else voice = reading.sentenceAt(match.span.start)?.voice ?? 'authority';
    citations.push({
      ...match,
      text: text.slice(match.span.start, match.span.end),
      regime: citationRegimeValue,
      lookup: cachedLookup(citationRegimeValue, match.path),
      section,
      inTitle,
      voice,
      withdrawn: false,
      crossRegime: regimeSource !== 'setting' && !match.namedRegime && citationRegimeValue !== regime && !namesInstrument(citationRegimeValue),
    });
  }
  markWithdrawn(reading, citations);

  return {
    text,
    lines,
    frontMatter,
    unclosedFrontMatter: unclosed,
    regime,
    regimeSource,
    bodyStart,
    sections,
    citations,
    provisions: groupProvisions(citations),
    reading,
  };
}

/**
 * A sentence saying a provision is no longer relied on withdraws the provisions it cites,
 * or, when it cites none, those cited earlier in its paragraph.
 */
function markWithdrawn(reading: Reading, citations: Citation[]): void {
  if (citations.length === 0) return;
  const withdrawnKeys = new Set<string>();
  const keyOf = (c: Citation) => (c.lookup.kind === 'resolved' ? `${c.regime}:${c.lookup.resolution.entry.id}` : undefined);
  const sentences = reading.sentences();
  let cursor = 0;
  for (const sentence of sentences) {
    if (sentence.voice !== 'authority' || !reading.partsOf(sentence).has('withdrawal')) continue;
    while (cursor < citations.length && citations[cursor].span.end <= sentence.span.start) cursor++;
    const inside = citations.filter((c) => c.span.start >= sentence.span.start && c.span.end <= sentence.span.end);
    const named = inside.length > 0 ? inside : citations.slice(0, cursor).filter((c) => reading.sentenceAt(c.span.start)?.block === sentence.block);
    for (const c of named) {
      const key = keyOf(c);
      if (key) withdrawnKeys.add(key);
    }
  }
  if (withdrawnKeys.size === 0) return;
  for (const c of citations) {
    const key = keyOf(c);
    if (key && withdrawnKeys.has(key)) c.withdrawn = true;
  }
}

/** Replaces HTML comments with spaces so directives and fixture markers are not read as citations. */
function maskComments(text: string): string {
  return replaceComments(text, (comment) => comment.replace(/[^\r\n]/g, ' '), true);
}

function inExemptionsList(citation: Citation): boolean {
  for (let s = citation.section; s; s = s.parent) if (s.role === 'exemptions') return true;
  return false;
}

/**
 * Groups the provisions relied on. Limbs of one section go together (31(1)(a) and
 * 31(1)(b)); the NCND limb is its own provision; a s40 condition limb (3A) merges
 * with 40(2) and decides its facts.
 */
function groupProvisions(citations: Citation[]): ProvisionUse[] {
  const groups = new Map<string, Citation[]>();
  for (const citation of citations) {
    if (citation.external || citation.lookup.kind !== 'resolved') continue;
    if (citation.voice !== 'authority' || citation.withdrawn || citation.crossRegime) continue;
    const { resolution } = citation.lookup;
    let key = `${citation.regime}:${resolution.entry.id}:${resolution.facts.ncnd ? 'ncnd' : 'main'}`;
    if (resolution.entry.separateLimbs) {
      // Each paragraph of reg 12 (or EISR reg 10) is its own exception; a bare "regulation 12(2)" is a reference, not a ground.
      const limb = resolution.limbs[resolution.limbs.length - 1];
      if (!limb) continue;
      key = `${citation.regime}:${limb.path}`;
    }
    const list = groups.get(key);
    if (list) list.push(citation);
    else groups.set(key, [citation]);
  }
  const uses: ProvisionUse[] = [];
  for (const [key, list] of groups) {
    const resolutions = list.map((c) => (c.lookup as { resolution: Resolution }).resolution);
    const withCondition = resolutions.find((r) => r.facts.condition !== undefined && r.facts.condition !== 'first');
    const merged: Resolution = withCondition ?? mergeResolutions(resolutions);
    const anchor = list.find(inExemptionsList) ?? list[0];
    const paths = [...new Set(list.map((c) => c.path))];
    uses.push({
      key,
      regime: list[0].regime,
      label: provisionLabel(list[0].regime, paths.length <= 3 ? paths.join(', ') : `${paths[0]} (and ${paths.length - 1} more limbs)`),
      resolution: merged,
      citations: list,
      anchor,
    });
  }
  return uses.sort((a, b) => a.anchor.span.start - b.anchor.span.start);
}

/** Several limbs of one section: the strictest requirements of any of them apply. */
function mergeResolutions(resolutions: Resolution[]): Resolution {
  const [first, ...rest] = resolutions;
  if (rest.length === 0) return first;
  const facts = { ...first.facts };
  let title = first.title;
  for (const r of rest) {
    if (r.facts.status === 'qualified') facts.status = 'qualified';
    if (r.facts.test !== 'class' && facts.test === 'class') facts.test = r.facts.test;
    facts.needsLegitimateInterests ||= r.facts.needsLegitimateInterests;
    facts.needsQualifiedPerson ||= r.facts.needsQualifiedPerson;
    if (r.limbs.length > 0 && first.limbs.length === 0) title = r.title;
  }
  return { ...first, facts, title };
}
