// Over stdio, one bad header (a Content-Length that is missing, not a number, negative or absurd)
// loses the message framing for good: the JSON-RPC reader would wait or misread for ever. This
// stream checks each header as the bytes pass and, on a bad one, exits so the editor restarts us.
import { Transform, type TransformCallback } from 'node:stream';

/** Far above any real message (a 2,000,000-character letter, JSON-escaped, is well under this). */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
/** A header block longer than this has no end in sight. */
const MAX_HEADER_BYTES = 8 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');

export class FramingGuard extends Transform {
  private header = Buffer.alloc(0);
  /** Body bytes still to pass before the next header; -1 while reading a header. */
  private bodyLeft = -1;

  constructor(private readonly onLost: (reason: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.bodyLeft > 0) {
        const take = Math.min(this.bodyLeft, chunk.length - offset);
        this.bodyLeft -= take;
        offset += take;
        continue;
      }
      // Reading a header: look for its end across chunk boundaries, within a bounded window
      // (copying the rest of a large chunk for every message would be work on the hot path).
      const start = offset;
      const window = chunk.subarray(start, start + MAX_HEADER_BYTES + HEADER_END.length);
      const joined = this.header.length > 0 ? Buffer.concat([this.header, window]) : window;
      const end = joined.indexOf(HEADER_END);
      if (end < 0) {
        if (joined.length > MAX_HEADER_BYTES) return this.lose(`a header longer than ${MAX_HEADER_BYTES} bytes`, done);
        this.header = Buffer.from(joined);
        break;
      }
      const problem = checkHeader(joined.subarray(0, end).toString('ascii'));
      if (typeof problem === 'string') return this.lose(problem, done);
      offset = start + (end + HEADER_END.length - this.header.length);
      this.header = Buffer.alloc(0);
      this.bodyLeft = problem;
    }
    done(null, chunk);
  }

  private lose(reason: string, done: TransformCallback): void {
    this.onLost(reason);
    done();
  }
}

/** The body length a header announces, or why it is unusable. */
function checkHeader(header: string): number | string {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return `a header line without a colon (${JSON.stringify(line.slice(0, 60))})`;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,15}$/.test(value)) return `a Content-Length that is not a number of bytes (${JSON.stringify(value.slice(0, 40))})`;
    length = Number(value);
    if (length > MAX_MESSAGE_BYTES) return `a Content-Length of ${length} bytes, over the ${MAX_MESSAGE_BYTES}-byte limit`;
  }
  return length ?? 'a header without Content-Length';
}
