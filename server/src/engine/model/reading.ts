// The letter read sentence by sentence: who speaks (the authority or the requester), and
// which part of the reasoning each sentence gives. Comments, fenced code, titles and front
// matter are not prose; built on first use, since many letters need none of it.
import { ARGUMENT_PATTERNS, compileTable, type ArgumentPart, type CompiledExtras, type PhrasingTable } from '../knowledge';
import voicesData from '../knowledge/voices.json';
import { buildProse, documentSpan, hiddenSpans, sentencesOf } from '../text/prose';
import { TextCache } from '../text/textCache';
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

const NO_EXTRAS: CompiledExtras = {};
const VOICE_PATTERNS = compileTable(voicesData as PhrasingTable<'requester' | 'authority'>);
const EVIDENCE_PARTS: readonly ArgumentPart[] = ['balance', 'for', 'against', 'harm', 'ncnd', 'legitimate-interests', 'qualified-person', 'withdrawal'];

const MENTIONS = new RegExp(ARGUMENT_PATTERNS.mention.source, 'gi');
const STANDARD_WORDING = new RegExp(ARGUMENT_PATTERNS['standard-wording'].source, 'gi');
const CONTRAST_OPENING = /^(against (that|this|these|those)|on the other hand|conversely)\b/i;

function firstMatch(text: string, ...patterns: RegExp[]): number | undefined {
  let first: number | undefined;
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match && (first === undefined || match.index < first)) first = match.index;
  }
  return first;
}

/** Parts a sentence gives. A definition or quoted statute gives none; a conclusion is a balance, never a factor. */
export function classifySentence(text: string, extras: CompiledExtras = {}): ReadonlySet<ArgumentPart> {
  const parts = new Set<ArgumentPart>();
  // A definition of the test or quoted statute gives nothing; only what comes before it counts
  // (a flattened letter can run a real statement and a quotation together).
  const quoted = firstMatch(text, ARGUMENT_PATTERNS.definition, ARGUMENT_PATTERNS.statute);
  if (quoted !== undefined) {
    const before = text.slice(0, quoted).trim();
    return before.length >= 20 ? classifySentence(before, extras) : parts;
  }
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

const NO_PARTS: ReadonlySet<ArgumentPart> = new Set();
const voices = new TextCache<'authority' | 'requester' | undefined>();
const partsByExtras = new WeakMap<CompiledExtras, TextCache<ReadonlySet<ArgumentPart>>>();

function voiceCue(text: string): 'authority' | 'requester' | undefined {
  return voices.get(text, (t) => (VOICE_PATTERNS.authority.test(t) ? 'authority' : VOICE_PATTERNS.requester.test(t) ? 'requester' : undefined));
}

function cachedClassification(text: string, extras: CompiledExtras): ReadonlySet<ArgumentPart> {
  let cache = partsByExtras.get(extras);
  if (!cache) partsByExtras.set(extras, (cache = new TextCache()));
  return cache.get(text, (t) => classifySentence(t, extras));
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

interface ChunkSentence {
  /** Offsets relative to the chunk. */
  start: number;
  end: number;
  text: string;
  block: number;
  voice: Voice;
}

interface ChunkReading {
  sentences: ChunkSentence[];
  blocks: number;
}

// Chunks survive most edits (only the edited one changes), so their reading is kept by text,
// within a bound on the characters held.
const chunkCache = new Map<string, ChunkReading>();
const CHUNK_CACHE_CHARACTERS = 1_500_000;
let chunkCacheCharacters = 0;

function readChunk(text: string, start: number, end: number, opensRequestWords: boolean, legalAnnex: boolean): ChunkReading {
  const source = text.slice(start, end);
  const key = `${opensRequestWords ? 'R' : '-'}${legalAnnex ? 'A' : '-'}${source}`;
  const cached = chunkCache.get(key);
  if (cached) return cached;
  const view = buildProse(source, 0, source.length, hiddenSpans(source, 0, source.length));
  const sentences: ChunkSentence[] = [];
  let block = 0;
  let previousEnd = 0;
  let requesterRuns = opensRequestWords;
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
    let voice: Voice = 'authority';
    if (legalAnnex) voice = 'statute';
    else {
      const cue = voiceCue(piece.text);
      if (cue === 'authority') requesterRuns = false;
      else if (cue === 'requester') requesterRuns = true;
      if (requesterRuns) voice = 'requester';
      else if (quoted) voice = 'quoted';
    }
    const span = documentSpan(view, piece.start, piece.end);
    sentences.push({ start: span.start, end: span.end, text: piece.text, block, voice });
  }
  const reading = { sentences, blocks: block };
  if (source.length <= CHUNK_CACHE_CHARACTERS / 8) {
    if (chunkCacheCharacters + key.length > CHUNK_CACHE_CHARACTERS) {
      chunkCache.clear();
      chunkCacheCharacters = 0;
    }
    chunkCache.set(key, reading);
    chunkCacheCharacters += key.length;
  }
  return reading;
}

export class Reading {
  private cached: Sentence[] | undefined;
  private readonly parts = new Map<Sentence, ReadonlySet<ArgumentPart>>();

  constructor(
    private readonly text: string,
    private readonly bodyStart: number,
    private readonly sections: readonly Section[],
    /** A team's own phrasings from `.foi.jsonc`. */
    readonly extras: CompiledExtras = NO_EXTRAS,
  ) {}

  sentences(): Sentence[] {
    if (this.cached) return this.cached;
    const out: Sentence[] = [];
    let block = 0;
    // The prose between one title and the next is read on its own: who speaks starts afresh
    // at each title, so a chunk's reading depends only on its text and its section's kind.
    let start = this.bodyStart;
    for (let k = 0; k <= this.sections.length; k++) {
      const section = k === 0 ? undefined : this.sections[k - 1];
      const end = k < this.sections.length ? this.sections[k].titleSpan.start : this.text.length;
      if (end > start) {
        const chunk = readChunk(this.text, start, end, opensRequest(section), inRole(section, 'legal-annex'));
        for (const piece of chunk.sentences) {
          out.push({ span: { start: start + piece.start, end: start + piece.end }, text: piece.text, block: block + piece.block, section, voice: piece.voice });
        }
        block += chunk.blocks + 1;
      }
      if (k < this.sections.length) start = Math.max(start, this.sections[k].titleSpan.end);
    }
    this.cached = out;
    return out;
  }

  /** The parts this sentence gives (none in the requester's words or quoted statute). */
  partsOf(sentence: Sentence): ReadonlySet<ArgumentPart> {
    let found = this.parts.get(sentence);
    if (!found) {
      found = sentence.voice === 'authority' ? cachedClassification(sentence.text, this.extras) : NO_PARTS;
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
