// The letter read sentence by sentence: who speaks (the authority or the requester), and
// which part of the reasoning each sentence gives. Comments, fenced code, titles and front
// matter are not prose; built on first use, since many letters need none of it.
import { ARGUMENT_PATTERNS, compileTable, type ArgumentPart, type CompiledExtras, type PhrasingTable } from '../knowledge';
import voicesData from '../knowledge/voices.json';
import { buildProse, documentSpan, hiddenSpans, sentencesOf } from '../text/prose';
import type { Span } from '../types';
import type { Section } from './sections';

export type Voice = 'authority' | 'requester' | 'quoted' | 'statute';

export interface Sentence {
  /** Where the sentence is in the document. */
  span: Span;
  /** The sentence normalised: one space between words, straight quotes. */
  text: string;
  /** Index of its paragraph or list item. */
  block: number;
  section: Section | undefined;
  voice: Voice;
}

const VOICE_PATTERNS = compileTable(voicesData as PhrasingTable<'requester' | 'authority'>);
const EVIDENCE_PARTS: readonly ArgumentPart[] = ['balance', 'for', 'against', 'harm', 'ncnd', 'legitimate-interests', 'qualified-person', 'withdrawal'];

const MENTIONS = new RegExp(ARGUMENT_PATTERNS.mention.source, 'gi');
const STANDARD_WORDING = new RegExp(ARGUMENT_PATTERNS['standard-wording'].source, 'gi');
const CONTRAST_OPENING = /^(against (that|this|these|those)|on the other hand|conversely)\b/i;

/** Parts a sentence gives. A definition or quoted statute gives none; a conclusion is a balance, never a factor. */
export function classifySentence(text: string, extras: CompiledExtras = {}): ReadonlySet<ArgumentPart> {
  const parts = new Set<ArgumentPart>();
  if (ARGUMENT_PATTERNS.definition.test(text) || ARGUMENT_PATTERNS.statute.test(text)) return parts;
  // A mention of the presumption in favour of disclosure is not a factor for it.
  const argued = ARGUMENT_PATTERNS.mention.test(text) ? text.replace(MENTIONS, ' ') : text;
  for (const part of EVIDENCE_PARTS) {
    const sentence = part === 'for' || part === 'against' ? argued : text;
    if (ARGUMENT_PATTERNS[part].test(sentence) || extras[part]?.test(sentence)) parts.add(part);
  }
  // "Against that, there is a strong public interest in ..." argues the other side.
  if (parts.has('against') && CONTRAST_OPENING.test(text)) parts.delete('for');
  if (parts.has('balance')) {
    // A conclusion weighs the sides; it gives a factor only where it names one beyond the standard wording.
    const rest = argued.replace(STANDARD_WORDING, ' ');
    if (!ARGUMENT_PATTERNS.for.test(rest) && !extras.for?.test(rest)) parts.delete('for');
    if (!ARGUMENT_PATTERNS.against.test(rest) && !extras.against?.test(rest)) parts.delete('against');
  }
  return parts;
}

function sectionAt(sections: readonly Section[], offset: number): Section | undefined {
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

function inRole(section: Section | undefined, role: Section['role']): boolean {
  for (let s = section; s; s = s.parent) if (s.role === role) return true;
  return false;
}

/** A request title opens the requester's words, for it and for untitled-role sections below it. */
function opensRequest(section: Section | undefined): boolean {
  let s = section;
  while (s && s.role === undefined) s = s.parent;
  return s?.role === 'request';
}

export class Reading {
  private cached: Sentence[] | undefined;
  private readonly parts = new Map<Sentence, ReadonlySet<ArgumentPart>>();

  constructor(
    private readonly text: string,
    private readonly bodyStart: number,
    private readonly sections: readonly Section[],
    /** A team's own phrasings from `.foi.jsonc`. */
    readonly extras: CompiledExtras = {},
  ) {}

  sentences(): Sentence[] {
    if (this.cached) return this.cached;
    const hidden = hiddenSpans(this.text, this.bodyStart, this.text.length);
    for (const section of this.sections) hidden.push(section.titleSpan);
    hidden.sort((a, b) => a.start - b.start);
    const breaks = this.sections.flatMap((s) => [s.titleSpan.start, s.titleSpan.end]).sort((a, b) => a - b);
    const view = buildProse(this.text, this.bodyStart, this.text.length, hidden, breaks);
    const out: Sentence[] = [];
    let block = 0;
    let previousEnd = 0;
    let requesterRuns = false;
    let previousSection: Section | undefined;
    let quoteOpen = false;
    for (const piece of sentencesOf(view)) {
      const newBlock = view.text.slice(previousEnd, piece.start).includes('\n');
      if (newBlock) {
        block++;
        // A paragraph that opens with a quotation mark quotes someone else until it closes.
        quoteOpen = piece.text.startsWith('"');
      }
      previousEnd = piece.end;
      const quoted = quoteOpen;
      if (quoteOpen && (piece.text.split('"').length - 1) % 2 === (newBlock ? 0 : 1)) quoteOpen = false;
      const span = documentSpan(view, piece.start, piece.end);
      const section = sectionAt(this.sections, span.start);
      if (section !== previousSection) {
        // A new title ends the requester's words, unless it opens them.
        requesterRuns = opensRequest(section);
        previousSection = section;
      }
      let voice: Voice = 'authority';
      if (inRole(section, 'legal-annex')) voice = 'statute';
      else if (VOICE_PATTERNS.authority.test(piece.text)) requesterRuns = false;
      else if (VOICE_PATTERNS.requester.test(piece.text)) requesterRuns = true;
      if (voice !== 'statute' && requesterRuns) voice = 'requester';
      else if (voice === 'authority' && quoted) voice = 'quoted';
      out.push({ span, text: piece.text, block, section, voice });
    }
    this.cached = out;
    return out;
  }

  /** The parts this sentence gives (none in the requester's words or quoted statute). */
  partsOf(sentence: Sentence): ReadonlySet<ArgumentPart> {
    let found = this.parts.get(sentence);
    if (!found) {
      found = sentence.voice === 'authority' ? classifySentence(sentence.text, this.extras) : new Set();
      this.parts.set(sentence, found);
    }
    return found;
  }

  /** The sentence containing `offset`, if any. */
  sentenceAt(offset: number): Sentence | undefined {
    const list = this.sentences();
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const s = list[mid];
      if (offset < s.span.start) high = mid - 1;
      else if (offset >= s.span.end) low = mid + 1;
      else return s;
    }
    return undefined;
  }
}
