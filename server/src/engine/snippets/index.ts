// Standard wording comes from the VS Code snippet files: one source of truth for
// the snippets users type and the sections quick fixes insert.
import blocks from '../../../../snippets/foi-blocks.code-snippets.json';
import letters from '../../../../snippets/foi-letters.code-snippets.json';

export interface Snippet {
  name: string;
  prefix: string;
  body: string;
  description: string;
}

interface SnippetFile {
  [name: string]: { prefix: string | string[]; body: string | string[]; description?: string };
}

function load(file: SnippetFile): Snippet[] {
  return Object.entries(file).map(([name, value]) => ({
    name,
    prefix: Array.isArray(value.prefix) ? value.prefix[0] : value.prefix,
    body: Array.isArray(value.body) ? value.body.join('\n') : value.body,
    description: value.description ?? '',
  }));
}

export const SNIPPETS: readonly Snippet[] = [...load(blocks as SnippetFile), ...load(letters as SnippetFile)];
const byPrefix = new Map(SNIPPETS.map((snippet) => [snippet.prefix, snippet]));

export function snippetByPrefix(prefix: string): Snippet | undefined {
  return byPrefix.get(prefix);
}

/** The first snippet that exists among the prefixes given, most specific first. */
export function firstSnippet(prefixes: string[]): Snippet | undefined {
  for (const prefix of prefixes) {
    const snippet = byPrefix.get(prefix);
    if (snippet) return snippet;
  }
  return undefined;
}

/**
 * Turns snippet syntax into plain text: placeholders become their default text,
 * choices their first option, tab stops and unknown variables nothing, and the
 * generic "[provision]" placeholder the cited provision.
 */
export interface SnippetValues {
  /** Replaces "[provision]" and a provision default of tab stop 1. */
  provision?: string;
  /** Replaces the example case reference. */
  reference?: string;
  /** Wrap other placeholder text in [brackets] so it reads as "fill this in". */
  markPlaceholders?: boolean;
}

const EXAMPLE_REFERENCE = 'FOI-2026-0001';

export function snippetToText(body: string, values: SnippetValues | string = {}): string {
  const { provision, reference, markPlaceholders } = typeof values === 'string' ? { provision: values } : values;
  let out = '';
  let i = 0;
  // Text given to each tab stop, so a later bare "$1" mirrors it.
  const given = new Map<string, string>();
  const read = (stopAt: string | undefined): string => {
    let text = '';
    while (i < body.length) {
      const ch = body[i];
      if (ch === '\\' && i + 1 < body.length && '$}\\,|'.includes(body[i + 1])) {
        text += body[i + 1];
        i += 2;
      } else if (stopAt !== undefined && ch === stopAt) {
        return text;
      } else if (ch === '$') {
        text += readDollar();
      } else {
        text += ch;
        i++;
      }
    }
    return text;
  };
  const readDollar = (): string => {
    i++; // $
    const simple = /^(\d+|[A-Z_][A-Z_0-9]*)/.exec(body.slice(i));
    if (simple) {
      i += simple[0].length;
      return given.get(simple[0]) ?? '';
    }
    if (body[i] !== '{') return '$';
    i++; // {
    const head = /^(\d+|[A-Z_][A-Z_0-9]*)/.exec(body.slice(i));
    if (!head) return '${';
    i += head[0].length;
    if (body[i] === '}') {
      i++;
      return given.get(head[0]) ?? '';
    }
    if (body[i] === ':') {
      i++;
      const value = placeholderText(head[0], read('}'));
      i++; // }
      given.set(head[0], value);
      return value;
    }
    if (body[i] === '|') {
      i++;
      // The first option, up to an unescaped comma or the closing "|".
      let first = '';
      while (i < body.length && !(body[i] === '|' && body[i + 1] === '}') && body[i] !== ',') {
        if (body[i] === '\\' && i + 1 < body.length) i++;
        first += body[i++];
      }
      const close = body.indexOf('|}', i);
      i = close < 0 ? body.length : close + 2;
      given.set(head[0], first);
      return first;
    }
    // Transforms and anything else: skip to the closing brace.
    const close = body.indexOf('}', i);
    i = close < 0 ? body.length : close + 1;
    return '';
  };
  const placeholderText = (index: string, value: string): string => {
    // Tab stop 1 of a block names the provision: use the one the letter cites.
    if (provision && index === '1' && /^(\[provision\]|(section|regulation)s? \d)/i.test(value)) return provision;
    if (reference && value === EXAMPLE_REFERENCE) return reference;
    if (markPlaceholders && value !== '[provision]' && !/^\[.*\]$/.test(value) && value.trim() !== '') return `[${value}]`;
    return value;
  };
  out = read(undefined);
  return provision ? out.split('[provision]').join(provision) : out;
}
