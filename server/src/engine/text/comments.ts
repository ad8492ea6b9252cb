/**
 * Replaces each HTML comment in `text` with `replace(comment)`, scanning linearly (a lazy
 * regex is quadratic on many unclosed "<!--"). An unclosed comment runs to the end of the
 * text when `unclosedRunsToEnd`, as it does in Markdown; otherwise it is left as it is.
 */
export function replaceComments(text: string, replace: (comment: string) => string, unclosedRunsToEnd: boolean): string {
  let start = text.indexOf('<!--');
  if (start < 0) return text;
  let out = '';
  let from = 0;
  while (start >= 0) {
    const close = text.indexOf('-->', start + 4);
    if (close < 0 && !unclosedRunsToEnd) break;
    const end = close < 0 ? text.length : close + 3;
    out += text.slice(from, start) + replace(text.slice(start, end));
    from = end;
    start = close < 0 ? -1 : text.indexOf('<!--', end);
  }
  return out + text.slice(from);
}
