// The letter's prose as one normalised string, for reading sentences whatever the layout:
// hard wraps and runs of spaces become one space, paragraph and list-item starts become a
// line break, and comments, fenced code and titles are left out. Every character keeps the
// document offset it came from, so findings point at the exact text.
import type { Span } from '../types';

export interface ProseView {
  /** Normalised text: words separated by single spaces, blocks by "\n". */
  text: string;
  /** Runs copied from the document: run k starts at `runStarts[k]` in `text` and at `runOffsets[k]` in the document. */
  runStarts: number[];
  runOffsets: number[];
  /** Where the view ends in the document. */
  end: number;
}

/** Document offset of character `index` of the view. */
export function documentOffset(view: ProseView, index: number): number {
  if (index >= view.text.length) return view.end;
  const starts = view.runStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= index) low = mid;
    else high = mid - 1;
  }
  return view.runOffsets[low] + (index - starts[low]);
}

/** A list item's marker as letters write them: Markdown bullets, glyphs from Word and PDF text, "1." and "(a)". */
export const LIST_MARKER = String.raw`[-*+\u2022\u25CF\u25AA\u25E6\uF0A7\uF0B7\u00B7o]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]`;
const BULLET_START = new RegExp(String.raw`^[ \t]{0,8}(?:(?:${LIST_MARKER})(?=[ \t])|Q\d{1,2}[.):]?(?=[ \t])|A\d{1,2}[.):]?(?=[ \t]))`);
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;
const QUOTE_MARKS: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201C': '"', '\u201D': '"', '\u00A0': ' ', '\u2013': '-', '\u2014': '-', '\u2212': '-' };

/** Where the line starting at `offset` ends (\n, \r\n or a lone \r), at most `to`. */
function lineEndFrom(text: string, offset: number, to: number): number {
  for (let i = offset; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return to;
}

/** Spans to leave out: HTML comments and fenced code blocks, between `from` and `to`. */
export function hiddenSpans(text: string, from: number, to: number): Span[] {
  const hidden: Span[] = [];
  let offset = from;
  let fence: string | undefined;
  let fenceStart = 0;
  // The next "<!--" at or after the scan; found once and moved on only when passed.
  let nextComment = text.indexOf('<!--', from);
  while (offset < to) {
    let lineEnd = lineEndFrom(text, offset, to);
    const line = text.slice(offset, Math.min(lineEnd, offset + 40));
    const match = FENCE.exec(line);
    if (fence === undefined && match) {
      fence = match[1][0].repeat(match[1].length);
      fenceStart = offset;
    } else if (fence !== undefined && match && match[1].startsWith(fence)) {
      hidden.push({ start: fenceStart, end: lineEnd });
      fence = undefined;
    } else if (fence === undefined) {
      if (nextComment >= 0 && nextComment < offset) nextComment = text.indexOf('<!--', offset);
      while (nextComment >= 0 && nextComment < lineEnd && nextComment < to) {
        const close = text.indexOf('-->', nextComment + 4);
        const end = close < 0 ? to : Math.min(close + 3, to);
        hidden.push({ start: nextComment, end });
        if (end > lineEnd) lineEnd = lineEndFrom(text, end, to);
        nextComment = close < 0 ? -1 : text.indexOf('<!--', end);
      }
    }
    offset = text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
  }
  if (fence !== undefined) hidden.push({ start: fenceStart, end: to });
  return hidden.sort((a, b) => a.start - b.start);
}

/**
 * Builds the prose view of `text` from `from` to `to`, leaving out `hidden` spans (sorted,
 * may overlap) and putting a block break at each offset in `breaks` (sorted).
 */
export function buildProse(text: string, from: number, to: number, hidden: readonly Span[], breaks: readonly number[] = []): ProseView {
  const pieces: string[] = [];
  const runStarts: number[] = [];
  const runOffsets: number[] = [];
  let length = 0;
  const single = (ch: string, at: number) => {
    pieces.push(ch);
    runStarts.push(length);
    runOffsets.push(at);
    length++;
  };
  let pendingSpace = false;
  let pendingBreak = true;
  let hiddenIndex = 0;
  let breakIndex = 0;
  let atLineStart = true;
  let blankLine = false;
  const separate = (at: number) => {
    if (pendingBreak && length > 0) single('\n', at);
    else if (pendingSpace && length > 0) single(' ', at);
    pendingSpace = false;
    pendingBreak = false;
  };
  let nextStop = Math.min(to, breaks[0] ?? to, hidden[0]?.start ?? to);
  for (let i = from; i < to; i++) {
    if (i >= nextStop) {
      while (breakIndex < breaks.length && breaks[breakIndex] <= i) {
        breakIndex++;
        pendingBreak = true;
      }
      while (hiddenIndex < hidden.length && hidden[hiddenIndex].end <= i) hiddenIndex++;
      if (hiddenIndex < hidden.length && hidden[hiddenIndex].start <= i) {
        pendingSpace = true;
        i = hidden[hiddenIndex].end - 1;
        continue;
      }
      nextStop = Math.min(to, breaks[breakIndex] ?? to, hidden[hiddenIndex]?.start ?? to);
    }
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      if (code === 13 && text.charCodeAt(i + 1) === 10) continue;
      if (atLineStart) blankLine = true;
      if (blankLine) pendingBreak = true;
      pendingSpace = true;
      atLineStart = true;
      continue;
    }
    if (atLineStart) {
      // Skip Markdown block markers (quotes, headings) and see whether a list item starts here.
      const head = text.slice(i, Math.min(i + 12, to));
      const bullet = BULLET_START.exec(head);
      if (bullet) {
        pendingBreak = true;
        i += bullet[0].length - 1;
        atLineStart = false;
        blankLine = false;
        continue;
      }
      const marker = BLOCK_MARKER.exec(head);
      if (marker) {
        i += marker[0].length - 1;
        atLineStart = false;
        continue;
      }
    }
    if (code === 32 || code === 9 || code === 12 || code === 11 || code === 0xfeff) {
      pendingSpace = true;
      continue;
    }
    atLineStart = false;
    blankLine = false;
    if (code === 42 || code === 95 || code === 96 || code === 92) {
      // Emphasis and escapes are markup, not words; an underscore inside a word stays.
      if (!(code === 95 && isWordCode(text.charCodeAt(i - 1)) && isWordCode(text.charCodeAt(i + 1)))) continue;
    }
    separate(i);
    const folded = QUOTE_MARKS[text[i]];
    if (folded !== undefined) {
      single(folded, i);
      continue;
    }
    // A run of ordinary characters is copied in one piece.
    PLAIN_RUN.lastIndex = i + 1;
    let end = PLAIN_RUN.test(text) ? PLAIN_RUN.lastIndex : i + 1;
    if (end > nextStop) end = Math.max(i + 1, nextStop);
    pieces.push(text.slice(i, end));
    runStarts.push(length);
    runOffsets.push(i);
    length += end - i;
    i = end - 1;
  }
  return { text: pieces.join(''), runStarts, runOffsets, end: to };
}

const BLOCK_MARKER = /^[ \t]{0,3}(?:>[ \t]?)+|^[ \t]{0,3}#{1,6}(?=[ \t])/;

/** Characters copied as they are: not whitespace, markup or a quote or dash to fold. */
const PLAIN_RUN = /[^ \t\n\r\v\f*_`\\\u00a0\ufeff\u2013\u2014\u2212\u2018-\u201d]+/y;

function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}


/** Document span of `[start, end)` in the prose view. */
export function documentSpan(view: ProseView, start: number, end: number): Span {
  const first = documentOffset(view, start);
  return { start: first, end: end > start ? documentOffset(view, end - 1) + 1 : first };
}

export interface ProseSentence {
  /** Start and end in the prose view. */
  start: number;
  end: number;
  text: string;
}

const ABBREVIATION = /(?:\b(?:s|ss|reg|regs|para|paras|no|nos|e\.g|i\.e|etc|cf|mr|mrs|ms|dr|st|ltd|vs|v|art|sch|p|pp|ch)|\b[A-Z])$/i;

/** Splits the prose view into sentences: at block breaks, and after . ! ? or ; before a capital. */
export function sentencesOf(view: ProseView): ProseSentence[] {
  const out: ProseSentence[] = [];
  const text = view.text;
  let start = 0;
  const close = (end: number) => {
    let s = start;
    while (s < end && text[s] === ' ') s++;
    if (end > s) out.push({ start: s, end, text: text.slice(s, end) });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      close(i);
      start = i + 1;
    } else if (ch === '.' || ch === '!' || ch === '?') {
      // The sentence may end after a closing quotation mark or bracket: `... it)." This`.
      let end = i + 1;
      while (end < text.length && end <= i + 2 && (text[end] === '"' || text[end] === "'" || text[end] === ')')) end++;
      if (text[end] !== ' ') continue;
      const next = text[end + 1] ?? '';
      if (!/["'(A-Z0-9]/.test(next)) continue;
      if (ch === '.' && end === i + 1 && ABBREVIATION.test(text.slice(Math.max(start, i - 5), i))) continue;
      close(end);
      start = end + 1;
      i = end;
    }
  }
  close(text.length);
  return out;
}
