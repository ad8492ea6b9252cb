// Incremental block parsing. A letter is kept as its top-level Markdown blocks (with their
// title candidates). After an edit only the blocks around it are parsed again.
//
// Why this is exact: CommonMark decides block structure line by line. When a top-level node
// starts on line L (and nothing before L is still open, which is what "top-level" means),
// everything parsed from L on is the same as parsing the text from L alone. So:
//  - parsing may restart at the line start of any known top-level block before the edit
//    whose first line the edit does not touch;
//  - once a freshly parsed window holds a top-level block that starts on the same line as
//    an old block after the edit, the old blocks from there on are reused (shifted).
// Windows end at a line end; the last node of a window may be cut short, so it is never
// kept: the next window restarts at its line. The property test in
// test/engine/incremental.test.ts checks the result against a fresh parse.
import type { Root, RootContent } from 'mdast';
import { parseBlockStructure } from './parse';
import { LineIndex } from './text/lineIndex';
import type { TitleCandidate } from './types';

export interface Block {
  /** mdast node type: heading, paragraph, list, yaml, code, html, blockquote, ... */
  type: RootContent['type'];
  start: number;
  end: number;
  /** Start of the line the block begins on: parsing can restart here. */
  lineStart: number;
  candidates: TitleCandidate[];
}

/** Where the parse stands: `blocks` cover the text up to `frontier` (the whole text when it equals its length). */
interface ParseState {
  text: string;
  blocks: Block[];
  frontier: number;
  /** Blocks past the frontier from an earlier parse of the same text; reused once the parse reaches one of them. */
  tail: Block[];
}

export interface UpdateStats {
  /** Characters parsed again. */
  parsed: number;
  windows: number;
  /** Blocks reused from the previous parse. */
  reused: number;
}

/** Default window: about 10 ms of parsing. */
export const DEFAULT_WINDOW = 32_768;
/** The first window after an edit reaches this far past it, to find a block to resynchronise on. */
const EDIT_LOOKAHEAD = 1_024;

export function lineStartOf(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i + 1;
  }
  return 0;
}

/**
 * True when the line before `lineStart` is blank (or there is none). Only such lines are
 * restart points: a paragraph (or a link definition's content) can run on into the next line.
 */
export function followsBlankLine(text: string, lineStart: number): boolean {
  for (let i = lineStart - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (i === lineStart - 1 && code === 10) continue;
    if (code === 13 && (i === lineStart - 1 || (i === lineStart - 2 && text.charCodeAt(lineStart - 1) === 10))) continue;
    if (code === 10 || code === 13) return true;
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

/** Offset just past the line break ending the line that holds `offset` (or the text end). */
export function lineEndAfter(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) return i + 1;
    if (code === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}

/**
 * The title candidates of one top-level block, kept with it so a reused block keeps them. The
 * model supplies this: the parser knows syntax only.
 */
export type ReadTitles = (node: RootContent, text: string, base: number) => TitleCandidate[];

function blockOf(node: RootContent, text: string, base: number, readTitles: ReadTitles): Block {
  const start = base + (node.position?.start.offset ?? 0);
  const end = base + (node.position?.end.offset ?? 0);
  return { type: node.type, start, end, lineStart: lineStartOf(text, start), candidates: readTitles(node, text, base) };
}

function extentOf(node: RootContent, base: number): Pick<Block, 'type' | 'end'> {
  return { type: node.type, end: base + (node.position?.end.offset ?? 0) };
}

/** Top-level blocks of a parsed slice of `text` that starts at `base`. */
export function blocksOfRoot(root: Root, text: string, readTitles: ReadTitles, base = 0): Block[] {
  const offset = sliceOffset(text, base);
  return (root.children as RootContent[]).map((node) => blockOf(node, text, offset, readTitles));
}

/** micromark drops a leading byte order mark and counts offsets after it. */
function sliceOffset(text: string, base: number): number {
  return base === 0 && text.charCodeAt(0) === 0xfeff ? 1 : base;
}

function shiftBlock(block: Block, delta: number): Block {
  if (delta === 0) return block;
  return {
    type: block.type,
    start: block.start + delta,
    end: block.end + delta,
    lineStart: block.lineStart + delta,
    candidates: block.candidates.map((c) => ({ ...c, titleSpan: { start: c.titleSpan.start + delta, end: c.titleSpan.end + delta } })),
  };
}

/** The changed region between two texts: common prefix and suffix left out. */
export function diffTexts(before: string, after: string): { start: number; endBefore: number; endAfter: number } {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { start, endBefore, endAfter };
}

const FRONT_MATTER_OPEN = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/;
const FRONT_MATTER_CLOSE = /(?:\r\n|\r|\n)---[ \t]*(?=\r\n|\r|\n|$)/g;

/**
 * Front matter is the one construct whose start depends on later lines (its closing fence).
 * Returns where its closing line ends, Infinity when it opens but never closes, -1 when there is none.
 */
export function frontMatterExtent(text: string): number {
  const open = FRONT_MATTER_OPEN.exec(text);
  if (!open) return -1;
  FRONT_MATTER_CLOSE.lastIndex = open[0].length - 1;
  const close = FRONT_MATTER_CLOSE.exec(text);
  return close ? lineEndAfter(text, close.index + close[0].length) : Infinity;
}

function firstIndexAtOrAfter(blocks: Block[], lineStart: number): number {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (blocks[mid].lineStart < lineStart) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Old blocks that may be reused once the new parse reaches one of them. */
interface Source {
  blocks: Block[];
  /** First index that lies wholly after the edit. */
  from: number;
  delta: number;
  /** After reusing blocks[k..], parsing goes on here (new coordinates); the text end when the run reaches it. */
  resumeAt: number;
  /** True for the old frontier alone (no blocks): parsing goes on from it. */
  frontierOnly?: boolean;
}

/**
 * Whether parsing can start afresh on a line after `previous`: it must end before the line (a
 * link definition and the setext heading after it share a start) and not be code: micromark
 * reads the line after indented code as interrupting it, even after blank lines, and whether it
 * does depends on what came before the code. So code blocks are never restart points either.
 */
function cleanAfter(previous: Pick<Block, 'type' | 'end'> | undefined, lineStart: number): boolean {
  return previous === undefined || (previous.end <= lineStart && previous.type !== 'code');
}

function endsWithLineBreak(text: string, end: number): boolean {
  const code = text.charCodeAt(end - 1);
  return code === 10 || code === 13;
}

// ---- Shortened prose lines ----------------------------------------------------
//
// Block structure never depends on the middle of a prose line, so long lines that start
// with a letter are shortened before parsing (their middle becomes one "x") and positions
// are mapped back. micromark then reads a fraction of the characters.

/** Characters kept at each end of a shortened line. */
const KEEP = 16;

/**
 * A line qualifies when its first non-space character (within three spaces) is a letter,
 * which starts no block construct, and its middle holds a letter (so it stays a text line)
 * and no "<" or ">" (HTML block ends may sit mid-line).
 */
function shortenable(slice: string, lineStart: number, contentEnd: number): { middleStart: number; middleEnd: number } | undefined {
  let first = lineStart;
  while (first < contentEnd && first - lineStart <= 3 && slice.charCodeAt(first) === 32) first++;
  if (first - lineStart > 3) return undefined;
  const c = slice.charCodeAt(first);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return undefined;
  let last = contentEnd;
  while (last > first && (slice.charCodeAt(last - 1) === 32 || slice.charCodeAt(last - 1) === 9)) last--;
  const middleStart = first + KEEP;
  const middleEnd = last - KEEP;
  if (middleEnd - middleStart < 8) return undefined;
  let letter = false;
  for (let i = middleStart; i < middleEnd; i++) {
    const code = slice.charCodeAt(i);
    if (code === 60 || code === 62 || code === 9) return undefined;
    if (!letter && ((code >= 65 && code <= 90) || (code >= 97 && code <= 122))) letter = true;
  }
  return letter ? { middleStart, middleEnd } : undefined;
}

interface Shortened {
  text: string;
  /** Offsets in the shortened text where a middle was cut, and how many characters had been cut before each. */
  cuts: number[];
  removedBefore: number[];
}

function shorten(slice: string): Shortened | undefined {
  // Link reference definitions can continue onto prose-looking lines: leave such slices alone.
  if (slice.includes(']:')) return undefined;
  const parts: string[] = [];
  const cuts: number[] = [];
  const removedBefore: number[] = [];
  let removed = 0;
  let copiedTo = 0;
  let lineStart = 0;
  while (lineStart < slice.length) {
    let contentEnd = lineStart;
    while (contentEnd < slice.length && slice.charCodeAt(contentEnd) !== 10 && slice.charCodeAt(contentEnd) !== 13) contentEnd++;
    if (contentEnd - lineStart > 2 * KEEP + 12) {
      const middle = shortenable(slice, lineStart, contentEnd);
      if (middle) {
        parts.push(slice.slice(copiedTo, middle.middleStart), 'x');
        const at = middle.middleStart - removed;
        removed += middle.middleEnd - middle.middleStart - 1;
        cuts.push(at);
        removedBefore.push(removed);
        copiedTo = middle.middleEnd;
      }
    }
    lineStart = lineEndAfter(slice, contentEnd);
    if (lineStart === contentEnd) break;
  }
  if (cuts.length === 0) return undefined;
  parts.push(slice.slice(copiedTo));
  return { text: parts.join(''), cuts, removedBefore };
}

/** Offset in the original slice of an offset in the shortened one (block edges never fall inside a cut). */
function unshorten(shortened: Shortened, offset: number): number {
  const { cuts, removedBefore } = shortened;
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cuts[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? offset : offset + removedBefore[low - 1];
}

function remap(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, shortened: Shortened): void {
  const position = node.position;
  if (!position) return;
  if (position.start.offset !== undefined) position.start.offset = unshorten(shortened, position.start.offset);
  if (position.end.offset !== undefined) position.end.offset = unshorten(shortened, position.end.offset);
}

/** Top-level nodes of a slice, with offsets into the slice; only what blocks read is mapped back. */
export function parseBlocks(slice: string, atDocumentStart: boolean, allowShortening = true): RootContent[] {
  const shortened = allowShortening ? shorten(slice) : undefined;
  const nodes = parseBlockStructure(shortened ? shortened.text : slice, atDocumentStart).children as RootContent[];
  if (shortened) {
    for (const node of nodes) {
      remap(node, shortened);
      if (node.type !== 'list') continue;
      for (const item of node.children) {
        remap(item, shortened);
        if (item.children[0]) remap(item.children[0], shortened);
      }
    }
  }
  return nodes;
}

/**
 * Headings and thematic breaks close at the end of their line, so the next line starts afresh
 * even without a blank line between: without this, a letter of headings and no blank lines
 * (200,000 lines of "#") found no restart point and re-parsed ever wider windows.
 */
function endsItsLine(node: RootContent): boolean {
  return node.type === 'heading' || node.type === 'thematicBreak';
}

/** Keeps a letter's blocks up to date as its text changes. */
export class IncrementalParser {
  private state: ParseState = { text: '', blocks: [], frontier: 0, tail: [] };
  lastStats: UpdateStats = { parsed: 0, windows: 0, reused: 0 };
  private lines: LineIndex | undefined;

  constructor(
    private readonly readTitles: ReadTitles,
    private readonly windowSize = DEFAULT_WINDOW,
  ) {}

  /** Line index of the current text, kept up to date edit by edit. */
  lineIndex(): LineIndex {
    const { text } = this.state;
    if (this.lines?.text !== text) {
      if (this.lines) {
        const edit = diffTexts(this.lines.text, text);
        this.lines = LineIndex.edited(this.lines, text, edit.start, edit.endBefore, edit.endAfter);
      } else this.lines = new LineIndex(text);
    }
    return this.lines;
  }

  get text(): string {
    return this.state.text;
  }

  /** The blocks; they cover the whole text once `update` has run to completion. */
  get blocks(): Block[] {
    return this.state.blocks;
  }

  get complete(): boolean {
    return this.state.frontier >= this.state.text.length;
  }

  /** Parses `text` in one go. */
  parse(text: string): Block[] {
    const steps = this.update(text);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * Brings the blocks up to date with `text`, yielding after each parsed window. A caller
   * may stop early (`return()`): the work done so far is kept and the next update goes on from it.
   */
  *update(text: string): Generator<'parse', Block[]> {
    const old = this.state;
    const stats: UpdateStats = { parsed: 0, windows: 0, reused: 0 };
    this.lastStats = stats;
    const oldComplete = old.frontier >= old.text.length;
    if (old.text === text && oldComplete) {
      stats.reused = old.blocks.length;
      return old.blocks;
    }
    const edit = diffTexts(old.text, text);
    const delta = edit.endAfter - edit.endBefore;
    if (this.lines?.text === old.text) this.lines = LineIndex.edited(this.lines, text, edit.start, edit.endBefore, edit.endAfter);
    // A restart line: the edit leaves it alone, a blank line comes before it, and no indented
    // code block (micromark reads the line after one as interrupting it).
    const restartable = (lineStart: number, previous: Block | undefined, type: string | undefined) => {
      const firstLineEnd = lineEndAfter(old.text, lineStart);
      return (
        type !== 'code' &&
        cleanAfter(previous, lineStart) &&
        firstLineEnd <= edit.start &&
        endsWithLineBreak(old.text, firstLineEnd) &&
        old.text.charCodeAt(lineStart) !== 0xfeff &&
        followsBlankLine(old.text, lineStart)
      );
    };

    // Restart at the last known block (or the frontier) whose first line the edit leaves alone.
    let keep = 0;
    let low = 0;
    let high = old.blocks.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (lineEndAfter(old.text, old.blocks[mid].lineStart) <= edit.start) {
        keep = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    while (keep > 0 && !restartable(old.blocks[keep].lineStart, old.blocks[keep - 1], old.blocks[keep].type)) keep--;
    let position = keep > 0 ? old.blocks[keep].lineStart : 0;
    const lastOld = old.blocks[old.blocks.length - 1];
    if (!oldComplete && restartable(old.frontier, lastOld, undefined)) {
      keep = old.blocks.length;
      position = old.frontier;
    }
    // An edit before the end of front matter (or one that may close it) can change the first block.
    const oldFrontMatterEnd = frontMatterExtent(old.text);
    const frontMatterEnd = Math.max(oldFrontMatterEnd, frontMatterExtent(text));
    if (frontMatterEnd >= 0 && edit.start <= frontMatterEnd) {
      keep = 0;
      position = 0;
    }
    const blocks = old.blocks.slice(0, keep);

    // Old blocks wholly after the edit, in text order. A block at the very start (front matter) is never reused elsewhere.
    const after = Math.max(1, edit.endBefore);
    const sources: Source[] = [];
    // Front matter that never closes changes how micromark reads the rest of the letter: reuse nothing.
    if (oldFrontMatterEnd !== Infinity) {
      const headFrom = Math.max(keep, firstIndexAtOrAfter(old.blocks, after));
      if (headFrom < old.blocks.length) sources.push({ blocks: old.blocks, from: headFrom, delta, resumeAt: old.frontier + delta });
      if (!oldComplete && old.frontier >= after && cleanAfter(lastOld, old.frontier)) sources.push({ blocks: [], from: 0, delta, resumeAt: old.frontier + delta, frontierOnly: true });
      const tailFrom = firstIndexAtOrAfter(old.tail, after);
      if (tailFrom < old.tail.length) sources.push({ blocks: old.tail, from: tailFrom, delta, resumeAt: text.length });
    }

    // If stopped early: the first old run that reaches the text end, from the parse position on.
    const pendingTail = (): Block[] => {
      for (const source of sources) {
        if (source.frontierOnly || source.resumeAt < text.length) continue;
        const at = Math.max(source.from, firstIndexAtOrAfter(source.blocks, position - source.delta));
        return source.blocks.slice(at).map((b) => shiftBlock(b, source.delta));
      }
      return [];
    };

    let size = this.windowSize;
    // With old blocks to reuse, the first window only reaches a little past the edit.
    let target = sources.length > 0 ? Math.min(Math.max(edit.endAfter, position) + EDIT_LOOKAHEAD, position + size) : position + size;
    try {
      while (position < text.length) {
        // A window from the start holds all of the front matter.
        if (position === 0 && frontMatterEnd >= 0) target = Math.max(target, Math.min(frontMatterExtent(text), text.length));
        const end = lineEndAfter(text, Math.min(text.length, Math.max(target, position + 1)) - 1);
        const nodes = parseBlocks(text.slice(position, end), position === 0);
        stats.parsed += end - position;
        stats.windows++;
        if (end >= text.length) {
          for (const node of nodes) blocks.push(blockOf(node, text, sliceOffset(text, position), this.readTitles));
          position = text.length;
          break;
        }
        // Every node but the last is final. Reuse old blocks from the first one that starts where an old block did.
        const accepted = blocks.length;
        const base = sliceOffset(text, position);
        let resumed = false;
        for (let j = 0; j < nodes.length - 1 && !resumed; j++) {
          const lineStart = lineStartOf(text, base + (nodes[j].position?.start.offset ?? 0));
          const previous = j > 0 ? extentOf(nodes[j - 1], base) : blocks[blocks.length - 1];
          // Never resume at the very start: there "---" opens front matter, anywhere else a rule.
          if (lineStart > 0 && lineStart >= edit.endAfter && nodes[j].type !== 'code' && cleanAfter(previous, lineStart) && followsBlankLine(text, lineStart) && this.resync(lineStart, sources, blocks, stats, old)) {
            position = this.resumeAt;
            resumed = true;
          } else blocks.push(blockOf(nodes[j], text, base, this.readTitles));
        }
        if (resumed) {
          target = position + size;
          if (position < text.length) yield 'parse';
          continue;
        }
        // Go on from the last node that can be a restart point.
        let restart = nodes.length - 1;
        let restartAt = -1;
        for (; restart > 0; restart--) {
          const lineStart = lineStartOf(text, base + (nodes[restart].position?.start.offset ?? 0));
          if (lineStart > position && nodes[restart].type !== 'code' && cleanAfter(extentOf(nodes[restart - 1], base), lineStart) && text.charCodeAt(lineStart) !== 0xfeff && (followsBlankLine(text, lineStart) || endsItsLine(nodes[restart - 1]))) {
            restartAt = lineStart;
            break;
          }
        }
        if (restartAt < 0) {
          // One block fills the window: keep nothing and widen it. Widening fourfold keeps the
          // re-parsing of one huge block (a 2 MB list) to a third of it; doubling re-parsed all of it.
          blocks.length = accepted;
          size *= 4;
          target = position + size;
          yield 'parse';
          continue;
        }
        blocks.length = accepted + restart;
        position = restartAt;
        target = position + size;
        yield 'parse';
      }
    } finally {
      this.state = { text, blocks, frontier: position, tail: position >= text.length ? [] : pendingTail() };
    }
    return blocks;
  }

  private resumeAt = 0;

  /** If an old block (or the old frontier) starts on `lineStart`, appends the old blocks from there and drops the sources passed. */
  private resync(lineStart: number, sources: Source[], blocks: Block[], stats: UpdateStats, old: ParseState): boolean {
    for (let s = 0; s < sources.length; s++) {
      const source = sources[s];
      if (source.frontierOnly) {
        if (source.resumeAt !== lineStart) continue;
      } else {
        const at = firstIndexAtOrAfter(source.blocks, lineStart - source.delta);
        if (at < source.from || at >= source.blocks.length || source.blocks[at].lineStart + source.delta !== lineStart) continue;
        // The old block must have been a restart line too (before a tail's first block is unknown).
        const oldLineStart = source.blocks[at].lineStart;
        if (at === 0 && source.blocks !== old.blocks) continue;
        if (source.blocks[at].type === 'code' || !cleanAfter(source.blocks[at - 1], oldLineStart) || !followsBlankLine(old.text, oldLineStart)) continue;
        for (let i = at; i < source.blocks.length; i++) blocks.push(shiftBlock(source.blocks[i], source.delta));
        stats.reused += source.blocks.length - at;
      }
      this.resumeAt = source.resumeAt;
      sources.splice(0, s + 1);
      return true;
    }
    return false;
  }
}
