// The letter's prose as one normalised string, for reading sentences whatever the layout:
// hard wraps and runs of spaces become one space, paragraph and list-item starts become a
// line break, and comments, fenced code and titles are left out. Every character keeps the
// document offset it came from, so findings point at the exact text.
import type { Span } from '../types';

export interface ProseView {
  /** Normalised text: words separated by single spaces, blocks by "\n". */
  text: string;
  /** Document offset of each character of `text`. */
  offsets: Int32Array;
}

const BULLET_START = /^[ \t]{0,8}(?:[-*+•\u2022\u25CF\u25AA\u25E6\uF0A7\uF0B7\u00B7o](?=[ \t])|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)](?=[ \t])|Q\d{1,2}[.):]?(?=[ \t])|A\d{1,2}[.):]?(?=[ \t]))/;
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
      let comment = text.indexOf('<!--', offset);
      while (comment >= 0 && comment < lineEnd) {
        const close = text.indexOf('-->', comment + 4);
        const end = close < 0 ? to : Math.min(close + 3, to);
        hidden.push({ start: comment, end });
        if (end > lineEnd) lineEnd = lineEndFrom(text, end, to);
        comment = text.indexOf('<!--', end);
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
  const chars: string[] = [];
  const offsets = new Int32Array(Math.max(0, to - from) + 1);
  let length = 0;
  let pendingSpace = false;
  let pendingBreak = true;
  let hiddenIndex = 0;
  let breakIndex = 0;
  let atLineStart = true;
  let blankLine = false;
  const push = (ch: string, at: number) => {
    if (pendingBreak && length > 0) {
      chars.push('\n');
      offsets[length++] = at;
    } else if (pendingSpace && length > 0) {
      chars.push(' ');
      offsets[length++] = at;
    }
    pendingSpace = false;
    pendingBreak = false;
    chars.push(ch);
    offsets[length++] = at;
  };
  for (let i = from; i < to; i++) {
    while (breakIndex < breaks.length && breaks[breakIndex] <= i) {
      breakIndex++;
      pendingBreak = true;
    }
    while (hiddenIndex < hidden.length && hidden[hiddenIndex].end <= i) hiddenIndex++;
    const skip = hiddenIndex < hidden.length && hidden[hiddenIndex].start <= i;
    if (skip) {
      const end = hidden[hiddenIndex].end;
      pendingSpace = true;
      i = end - 1;
      continue;
    }
    const ch = text[i];
    if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') continue;
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
      const marker = /^[ \t]{0,3}(?:>[ \t]?)+|^[ \t]{0,3}#{1,6}(?=[ \t])/.exec(head);
      if (marker) {
        i += marker[0].length - 1;
        atLineStart = false;
        continue;
      }
    }
    if (ch === ' ' || ch === '\t' || ch === '\f' || ch === '\v' || ch === '\uFEFF') {
      pendingSpace = true;
      continue;
    }
    atLineStart = false;
    blankLine = false;
    if (ch === '*' || ch === '_' || ch === '`' || ch === '\\') {
      // Emphasis and escapes are markup, not words; an underscore inside a word stays.
      if (!(ch === '_' && /\w/.test(text[i - 1] ?? '') && /\w/.test(text[i + 1] ?? ''))) continue;
    }
    push(QUOTE_MARKS[ch] ?? ch, i);
  }
  offsets[length] = to;
  return { text: chars.join(''), offsets: offsets.subarray(0, length + 1) };
}

/** Document span of `[start, end)` in the prose view. */
export function documentSpan(view: ProseView, start: number, end: number): Span {
  const last = Math.max(start, end - 1);
  return { start: view.offsets[start], end: end > start ? view.offsets[last] + 1 : view.offsets[start] };
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
    } else if ((ch === '.' || ch === '!' || ch === '?') && text[i + 1] === ' ') {
      const next = text[i + 2] ?? '';
      if (!/["'(A-Z0-9]/.test(next)) continue;
      if (ch === '.' && ABBREVIATION.test(text.slice(Math.max(start, i - 5), i))) continue;
      close(i + 1);
      start = i + 2;
    }
  }
  close(text.length);
  return out;
}
