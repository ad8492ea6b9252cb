import type { Position, Range, Span } from '../types';

/** Maps UTF-16 offsets to LSP positions. Line breaks: \n, \r\n and lone \r. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(
    readonly text: string,
    lineStarts?: number[],
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    this.lineStarts = LineIndex.scan(text, 0, [0]);
  }

  /** Appends the starts of the lines that begin after `from`, stopping before `stopAt`. */
  private static scan(text: string, from: number, starts: number[], stopAt = Infinity): number[] {
    for (let i = from; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
      } else if (code !== 10 /* \n */) continue;
      if (i + 1 >= stopAt) break;
      starts.push(i + 1);
    }
    return starts;
  }

  /**
   * The index of `text`, which differs from `previous.text` only between `start` and the old
   * and new ends of the edit: lines before it are kept, lines after it shifted.
   */
  static edited(previous: LineIndex, text: string, start: number, endBefore: number, endAfter: number): LineIndex {
    const old = previous.lineStarts;
    // Rescan from the line before the edit's (a \r\n may have been split or joined).
    const keep = Math.max(0, previous.positionAt(start).line - 1);
    const starts = old.slice(0, keep + 1);
    // Old lines whose line break lies wholly after the edit are reused, shifted.
    let low = keep + 1;
    let high = old.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (old[mid] > endBefore + 1) high = mid;
      else low = mid + 1;
    }
    const delta = endAfter - endBefore;
    LineIndex.scan(text, old[keep], starts, low < old.length ? old[low] + delta : Infinity);
    for (let i = low; i < old.length; i++) starts.push(old[i] + delta);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    // An offset between the \r and \n of a CRLF is still the end of the line's content.
    return { line: low, character: Math.min(clamped, this.lineEnd(low)) - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.lineStarts[position.line];
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset of the end of the line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineSpan(line: number): Span {
    return { start: this.lineStart(line), end: this.lineEnd(line) };
  }
}
