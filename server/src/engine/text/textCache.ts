/**
 * What a piece of text says, kept by the text itself: letters repeat sentences and most of
 * a letter survives an edit. Bounded by entries; when full it starts again.
 */
export class TextCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit = 50_000) {}

  get(text: string, compute: (text: string) => V): V {
    const found = this.entries.get(text);
    if (found !== undefined || this.entries.has(text)) return found as V;
    const value = compute(text);
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(text, value);
    return value;
  }
}
