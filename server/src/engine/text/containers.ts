// Guard against pathological container nesting before Markdown parsing. micromark slows
// down sharply (worse than linearly) with deeply nested block quotes and lists and can
// overflow the stack on thousands of levels. No letter nests that deep, so on each line
// the container markers (`>`, list bullets and numbers) past a limit are read as spaces.
// The rule is per line and keeps every offset, so windowed parsing stays exact.

/** Container markers kept on one line. */
export const MAX_LINE_MARKERS = 8;
/** A marker further than this many characters into the line is not kept. */
export const MAX_MARKER_COLUMN = 32;

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

function isBlankOrEnd(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const code = text.charCodeAt(i);
  return code === SPACE || code === TAB || code === LF || code === CR;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Offsets of the container markers on the line starting at `start` that are over the limits. */
function excessMarkers(text: string, start: number, out: [number, number][]): void {
  let markers = 0;
  let i = start;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    let markerEnd = -1;
    if (code === SPACE || code === TAB) {
      i++;
      continue;
    }
    if (code === 62 /* > */) markerEnd = i + 1;
    else if ((code === 45 /* - */ || code === 42 /* * */ || code === 43) /* + */ && isBlankOrEnd(text, i + 1)) markerEnd = i + 1;
    else if (isDigit(code)) {
      let j = i;
      while (j < text.length && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
      const after = text.charCodeAt(j);
      if ((after === 46 /* . */ || after === 41) /* ) */ && isBlankOrEnd(text, j + 1)) markerEnd = j + 1;
    }
    if (markerEnd < 0) return;
    markers++;
    if (markers > MAX_LINE_MARKERS || markerEnd - start > MAX_MARKER_COLUMN) out.push([i, markerEnd]);
    i = markerEnd;
  }
}

/**
 * `text` with over-deep container markers replaced by spaces (same length, same line
 * breaks), and the offset of the first one replaced (-1 when nothing was).
 */
export function flattenDeepContainers(text: string): { text: string; firstFlattened: number } {
  const excess: [number, number][] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    excessMarkers(text, lineStart, excess);
    // Next line: after \n, \r\n or a lone \r.
    let next = lineStart;
    while (next < text.length) {
      const code = text.charCodeAt(next);
      if (code === LF || code === CR) break;
      next++;
    }
    if (next >= text.length) break;
    lineStart = text.charCodeAt(next) === CR && text.charCodeAt(next + 1) === LF ? next + 2 : next + 1;
  }
  if (excess.length === 0) return { text, firstFlattened: -1 };
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of excess) {
    parts.push(text.slice(at, start), ' '.repeat(end - start));
    at = end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), firstFlattened: excess[0][0] };
}
