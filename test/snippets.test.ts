// Checks the VS Code snippet files of standard FOI wording: shape, required prefixes,
// strict snippet syntax, headings, regime facts and originality against the seed letter.
import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as fc from 'fast-check';
import { parse as parseYaml } from 'yaml';

// ---------------------------------------------------------------------------
// A strict parser for the VS Code / TextMate snippet grammar.
// ---------------------------------------------------------------------------

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; children: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children: SnippetNode[] }
  | { kind: 'transform'; target: number | string };

class SnippetSyntaxError extends Error {}

const KNOWN_VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER',
  'TM_FILENAME', 'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH',
  'CLIPBOARD', 'WORKSPACE_NAME', 'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER',
  'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH', 'CURRENT_MONTH_NAME',
  'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT',
  'CURRENT_HOUR', 'CURRENT_MINUTE', 'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX',
  'CURRENT_TIMEZONE_OFFSET', 'RANDOM', 'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START',
  'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

const CASE_FORMATS = new Set(['upcase', 'downcase', 'capitalize', 'camelcase', 'pascalcase']);

class SnippetParser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): SnippetNode[] {
    const nodes = this.parseAny(false);
    if (this.pos < this.src.length) this.fail('unexpected input');
    return nodes;
  }

  private fail(message: string): never {
    throw new SnippetSyntaxError(`${message} at offset ${this.pos} in ${JSON.stringify(this.src.slice(Math.max(0, this.pos - 20), this.pos + 20))}`);
  }

  private peek(offset = 0): string | undefined {
    return this.src[this.pos + offset];
  }

  /** Reads nodes until end of input (top level) or an unescaped `}` (inside a placeholder). */
  private parseAny(insidePlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === '\\') {
        const next = this.peek(1);
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += ch; // VS Code keeps a backslash before any other character
          this.pos += 1;
        }
      } else if (ch === '}') {
        if (insidePlaceholder) break;
        this.fail('unescaped "}" outside any placeholder (escape it as \\})');
      } else if (ch === '$') {
        flush();
        nodes.push(this.parseDollar());
      } else {
        text += ch;
        this.pos += 1;
      }
    }
    flush();
    return nodes;
  }

  private readInt(): number | undefined {
    const m = /^[0-9]+/.exec(this.src.slice(this.pos));
    if (!m) return undefined;
    this.pos += m[0].length;
    return Number(m[0]);
  }

  private readVarName(): string | undefined {
    const m = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(this.src.slice(this.pos));
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  private checkVariable(name: string): void {
    if (!KNOWN_VARIABLES.has(name)) this.fail(`unknown variable "${name}" (escape a literal dollar as \\$)`);
  }

  private parseDollar(): SnippetNode {
    this.pos += 1; // '$'
    const index = this.readInt();
    if (index !== undefined) return { kind: 'tabstop', index };
    const name = this.readVarName();
    if (name !== undefined) {
      this.checkVariable(name);
      return { kind: 'variable', name, children: [] };
    }
    if (this.peek() !== '{') this.fail('bare "$" must start a tabstop, placeholder or variable (escape it as \\$)');
    this.pos += 1; // '{'
    const idx = this.readInt();
    if (idx !== undefined) return this.parseIndexed(idx);
    const varName = this.readVarName();
    if (varName === undefined) this.fail('"${" must be followed by a number or a variable name');
    this.checkVariable(varName);
    const next = this.peek();
    if (next === '}') {
      this.pos += 1;
      return { kind: 'variable', name: varName, children: [] };
    }
    if (next === ':') {
      this.pos += 1;
      const children = this.parseAny(true);
      this.expectClose();
      return { kind: 'variable', name: varName, children };
    }
    if (next === '/') {
      this.parseTransform();
      return { kind: 'transform', target: varName };
    }
    return this.fail(`unexpected character after variable "${varName}"`);
  }

  private parseIndexed(index: number): SnippetNode {
    const next = this.peek();
    if (next === '}') {
      this.pos += 1;
      return { kind: 'tabstop', index };
    }
    if (next === ':') {
      this.pos += 1;
      const children = this.parseAny(true);
      this.expectClose();
      return { kind: 'placeholder', index, children };
    }
    if (next === '|') {
      this.pos += 1;
      return { kind: 'choice', index, options: this.parseChoiceOptions() };
    }
    if (next === '/') {
      this.parseTransform();
      return { kind: 'transform', target: index };
    }
    return this.fail('unbalanced "${": expected "}", ":", "|" or "/" after the index');
  }

  private expectClose(): void {
    if (this.peek() !== '}') this.fail('unbalanced "${": missing closing "}"');
    this.pos += 1;
  }

  private parseChoiceOptions(): string[] {
    const options: string[] = [];
    let current = '';
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      const next = this.src[this.pos + 1];
      if (ch === '\\' && next !== undefined && ',|\\$}'.includes(next)) {
        current += next;
        this.pos += 2;
      } else if (ch === ',') {
        options.push(current);
        current = '';
        this.pos += 1;
      } else if (ch === '|') {
        options.push(current);
        this.pos += 1;
        if (this.peek() !== '}') this.fail('a choice must end with "|}"');
        this.pos += 1;
        if (options.some((o) => o === '')) this.fail('empty option in choice');
        return options;
      } else {
        current += ch;
        this.pos += 1;
      }
    }
    return this.fail('unterminated choice');
  }

  /** Reads up to an unescaped '/', keeping escapes other than '\/' as written. */
  private readUntilSlash(what: string): string {
    let out = '';
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === '\\' && this.pos + 1 < this.src.length) {
        out += this.src[this.pos + 1] === '/' ? '/' : ch + this.src[this.pos + 1];
        this.pos += 2;
      } else if (ch === '/') {
        this.pos += 1;
        return out;
      } else {
        out += ch;
        this.pos += 1;
      }
    }
    return this.fail(`unterminated ${what} in transform`);
  }

  private parseTransform(): void {
    this.pos += 1; // first '/'
    const regex = this.readUntilSlash('regex');
    this.parseFormat();
    const options = /^[a-z]*/.exec(this.src.slice(this.pos))?.[0] ?? '';
    this.pos += options.length;
    this.expectClose();
    try {
      new RegExp(regex, options);
    } catch (err) {
      this.fail(`invalid transform regex or options: ${(err as Error).message}`);
    }
  }

  /** Format part of a transform, up to its closing '/': text, $n, ${n}, ${n:/upcase}, ${n:+if}, ${n:?if:else}, ${n:-else}, ${n:else}. */
  private parseFormat(): void {
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === '/') {
        this.pos += 1;
        return;
      }
      if (ch === '\\') {
        this.pos += 2;
      } else if (ch === '$') {
        this.pos += 1;
        if (this.readInt() !== undefined) continue;
        if (this.peek() !== '{') this.fail('bare "$" in transform format');
        this.pos += 1;
        if (this.readInt() === undefined) this.fail('"${" in a transform format must be followed by a group number');
        this.parseFormatGroupTail();
      } else {
        this.pos += 1;
      }
    }
    this.fail('unterminated format in transform');
  }

  private parseFormatGroupTail(): void {
    if (this.peek() === '}') {
      this.pos += 1;
      return;
    }
    if (this.peek() !== ':') this.fail('malformed format group in transform');
    this.pos += 1;
    if (this.peek() === '/') {
      const m = /^\/([a-z]+)\}/.exec(this.src.slice(this.pos));
      if (!m || !CASE_FORMATS.has(m[1] ?? '')) this.fail('unknown case format in transform');
      this.pos += m[0].length;
      return;
    }
    const mode = this.peek();
    if (mode === '+' || mode === '-' || mode === '?') this.pos += 1;
    this.skipFormatText(mode === '?' ? ':' : '}');
    if (mode === '?') {
      if (this.peek() !== ':') this.fail('"?if" in a transform format needs ":else"');
      this.pos += 1;
      this.skipFormatText('}');
    }
    this.expectClose();
  }

  private skipFormatText(stop: string): void {
    while (this.pos < this.src.length && this.src[this.pos] !== stop && this.src[this.pos] !== '}') {
      this.pos += this.src[this.pos] === '\\' ? 2 : 1;
    }
  }
}

function renderText(nodes: SnippetNode[], defaults: Map<number, string>): string {
  return nodes
    .map((n) => {
      switch (n.kind) {
        case 'text':
          return n.value;
        case 'tabstop':
          return defaults.get(n.index) ?? '';
        case 'placeholder':
          return renderText(n.children, defaults);
        case 'choice':
          return n.options[0] ?? '';
        case 'variable':
          return renderText(n.children, defaults);
        case 'transform':
          return '';
      }
    })
    .join('');
}

interface ParsedSnippet {
  nodes: SnippetNode[];
  /** The text VS Code inserts when every placeholder keeps its default. */
  text: string;
  /** Tab-stop indices used, including 0. */
  indices: Set<number>;
  /** Indices written as bare tab stops ($1, ${1}) without default text. */
  bareTabstops: number[];
}

/** Parses a snippet body and checks that an index never gets two different defaults. */
function parseSnippet(body: string): ParsedSnippet {
  const nodes = new SnippetParser(body).parse();
  const defaults = new Map<number, { key: string; text: string }>();
  const indices = new Set<number>();
  const bareTabstops: number[] = [];
  const walk = (list: SnippetNode[], open: Set<number>): void => {
    for (const n of list) {
      if (n.kind === 'tabstop') {
        indices.add(n.index);
        bareTabstops.push(n.index);
      }
      if (n.kind === 'placeholder' || n.kind === 'choice') {
        indices.add(n.index);
        if (open.has(n.index)) throw new SnippetSyntaxError(`placeholder ${n.index} is nested inside itself`);
        const value =
          n.kind === 'choice'
            ? { key: `choice ${JSON.stringify(n.options)}`, text: n.options[0] ?? '' }
            : { key: `default ${JSON.stringify(renderText(n.children, new Map()))}`, text: renderText(n.children, new Map()) };
        const seen = defaults.get(n.index);
        if (seen !== undefined && seen.key !== value.key) {
          throw new SnippetSyntaxError(`placeholder ${n.index} has two different defaults: ${seen.key} and ${value.key}`);
        }
        defaults.set(n.index, value);
      }
      if (n.kind === 'placeholder') walk(n.children, new Set([...open, n.index]));
      if (n.kind === 'variable') walk(n.children, open);
    }
  };
  walk(nodes, new Set());
  const plain = new Map([...defaults].map(([i, v]) => [i, v.text] as const));
  return { nodes, text: renderText(nodes, plain), indices, bareTabstops };
}

const escapeSnippetText = (t: string): string => t.replace(/[\\$}]/g, (c) => '\\' + c);

// ---------------------------------------------------------------------------
// Parser tests (positive and negative).
// ---------------------------------------------------------------------------

test('snippet parser accepts the VS Code grammar', () => {
  const ok = [
    '$1 ${2} ${3:text} ${4|a,b,c|} $0',
    '${1:outer ${2:inner ${3}} end}',
    '$TM_FILENAME ${CURRENT_YEAR} ${TM_SELECTED_TEXT:fallback ${1:x}}',
    'cost \\$5 brace \\} slash \\\\ and a lone \\n stays',
    '${TM_FILENAME/(.*)\\..+$/$1/}',
    '${1/(a)(b)?/${1:/upcase}${2:+yes}${2:?then:else}${2:-none}${2:plain}/gi}',
    '${1:x} $1 ${1} ${1:x}',
    '${1|a\\,b,c\\|d|}',
    'an opening { is plain text; a closing one is escaped \\}',
  ];
  for (const body of ok) assert.doesNotThrow(() => parseSnippet(body), body);
});

test('snippet parser rejects malformed bodies', () => {
  const bad: Array<[string, RegExp]> = [
    ['${1:abc', /unbalanced/],
    ['${1 oops}', /unbalanced/],
    ['price $ 5', /bare "\$"/],
    ['ends with $', /bare "\$"/],
    ['$!', /bare "\$"/],
    ['${}', /must be followed/],
    ['a } b', /unescaped "\}"/],
    ['${1:a}b}', /unescaped "\}"/],
    ['${1:a} ${1:b}', /two different defaults/],
    ['${1|a,b|} ${1:c}', /two different defaults/],
    ['${1|a,b|} ${1|a,c|}', /two different defaults/],
    ['${1|a,b}', /unterminated choice|must end/],
    ['${1|a,,b|}', /empty option/],
    ['${1:${1:x}}', /nested inside itself/],
    ['$provision', /unknown variable/],
    ['${PROVISION:x}', /unknown variable/],
    ['${1/(/x/}', /invalid transform/],
    ['${1/a/b/q}', /invalid transform/],
    ['${1/a/${1:/shout}/}', /unknown case format/],
    ['${1/a/b', /unterminated/],
  ];
  for (const [body, message] of bad) {
    assert.throws(() => parseSnippet(body), (err: unknown) => err instanceof SnippetSyntaxError && message.test(err.message), body);
  }
});

test('snippet parser expands defaults, mirrors and choices', () => {
  assert.equal(parseSnippet('${1:a} $1 ${2|x,y|} ${2} \\$3 ${3:q${4:r}}$0').text, 'a a x x $3 qr');
});

test('escaped arbitrary text parses back to itself', () => {
  fc.assert(
    fc.property(fc.string(), (raw) => {
      const parsed = parseSnippet(escapeSnippetText(raw));
      assert.equal(parsed.text, raw);
      assert.equal(parsed.indices.size, 0);
    }),
    { numRuns: 300 },
  );
});

// ---------------------------------------------------------------------------
// The snippet files.
// ---------------------------------------------------------------------------

interface SnippetEntry {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

function findRepoRoot(): string {
  let dir = process.cwd();
  for (;;) {
    if (existsSync(join(dir, 'snippets', 'foi-letters.code-snippets.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('run the tests from inside the repository');
    dir = parent;
  }
}

const repoRoot = findRepoRoot();
const LETTERS_FILE = join(repoRoot, 'snippets', 'foi-letters.code-snippets.json');
const BLOCKS_FILE = join(repoRoot, 'snippets', 'foi-blocks.code-snippets.json');
const DOCS_FILE = join(repoRoot, 'docs', 'snippets.md');
const SEED_FILE = join(repoRoot, '..', 'shared', 'reference', 'seed-ncnd-response.txt');

interface Loaded {
  name: string;
  file: 'letters' | 'blocks';
  prefixes: string[];
  prefix: string;
  lines: string[];
  body: string;
  description: string;
  parsed: ParsedSnippet;
}

const syntaxErrors: string[] = [];

function load(file: string, kind: Loaded['file']): Loaded[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, SnippetEntry>;
  return Object.entries(data).map(([name, entry]) => {
    const prefixes = Array.isArray(entry.prefix) ? entry.prefix : [entry.prefix];
    const lines = Array.isArray(entry.body) ? entry.body : [entry.body];
    const body = lines.join('\n');
    let parsed: ParsedSnippet;
    try {
      parsed = parseSnippet(body);
    } catch (err) {
      syntaxErrors.push(`${basename(file)} "${name}": ${(err as Error).message}`);
      parsed = parseSnippet(escapeSnippetText(body)); // keeps the other checks running
    }
    return { name, file: kind, prefixes, prefix: prefixes[0] ?? '', lines, body, description: entry.description, parsed };
  });
}

const letters = load(LETTERS_FILE, 'letters');
const blocks = load(BLOCKS_FILE, 'blocks');
const all = [...letters, ...blocks];
const byPrefix = new Map(all.flatMap((s) => s.prefixes.map((p) => [p, s] as const)));
const get = (prefix: string): Loaded => {
  const s = byPrefix.get(prefix);
  assert.ok(s, `missing snippet ${prefix}`);
  return s;
};

const PIT_KEYS = ['s24', 's30', 's31', 's35', 's36', 's38', 's40', 's42', 's43', 'eir-12-4-b', 'eir-12-4-e', 'eir-12-5-b', 'eir-12-5-e', 'foisa-s30', 'foisa-s33', 'foisa-s35'];
const HARM_KEYS = ['s22a', 's24', 's26', 's27', 's28', 's29', 's31', 's33', 's36', 's38', 's43', 'ncnd', 'eir-12-5', 'foisa'];

const LETTER_TYPES: Record<string, { regime: string; responseType: string }> = {
  'foi-letter-ncnd': { regime: 'FOIA', responseType: 'ncnd' },
  'foi-letter-qualified': { regime: 'FOIA', responseType: 'refusal' },
  'foi-letter-absolute': { regime: 'FOIA', responseType: 'refusal' },
  'foi-letter-partial': { regime: 'FOIA', responseType: 'partial-disclosure' },
  'foi-letter-s12': { regime: 'FOIA', responseType: 'cost-limit' },
  'foi-letter-s14': { regime: 'FOIA', responseType: 'vexatious' },
  'foi-letter-s17-2': { regime: 'FOIA', responseType: 'pit-extension' },
  'foi-letter-eir': { regime: 'EIR', responseType: 'refusal' },
  'foi-letter-foisa': { regime: 'FOISA', responseType: 'refusal' },
  'foi-letter-disclosure': { regime: 'FOIA', responseType: 'full-disclosure' },
};

const REQUIRED_BLOCKS = [
  'foi-harm',
  ...HARM_KEYS.map((k) => `foi-harm-${k}`),
  ...PIT_KEYS.flatMap((k) => [`foi-pit-${k}`, `foi-pit-for-${k}`, `foi-pit-against-${k}`]),
  'foi-pit', 'foi-pit-for', 'foi-pit-against', 'foi-pit-ncnd', 'foi-pit-for-ncnd', 'foi-pit-against-ncnd',
  'foi-balance', 'foi-balance-eir', 'foi-ncnd',
  'foi-rights-foia', 'foi-rights-eir', 'foi-rights-foisa', 'foi-rights-eisr',
  'foi-lia', 'foi-qp', 'foi-advice-s16',
];

/** Block prefixes that name a provision (section, EIR regulation or FOISA section). */
const NAMES_PROVISION = /-(s\d+[a-z]?|eir-12-\d+-[a-z]|foisa-s\d+)(-|$)/;
const genericBlocks = blocks.filter((s) => !NAMES_PROVISION.test(s.prefix) && !s.prefix.startsWith('foi-rights-'));

const sectionOf = (text: string, heading: RegExp): string => {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) return '';
  const level = /^#+/.exec(lines[start] ?? '')?.[0].length ?? 6;
  const end = lines.findIndex((l, i) => i > start && /^#+\s/.test(l) && (/^#+/.exec(l)?.[0].length ?? 7) <= level);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
};

test('every snippet has a foi- prefix, a description and a body, and only known keys', () => {
  for (const file of [LETTERS_FILE, BLOCKS_FILE]) {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
    assert.ok(Object.keys(data).length > 0, file);
    for (const [name, entry] of Object.entries(data)) {
      assert.deepEqual(Object.keys(entry).sort(), ['body', 'description', 'prefix'], name);
      const prefixes = Array.isArray(entry.prefix) ? entry.prefix : [entry.prefix];
      assert.ok(prefixes.length > 0, name);
      for (const p of prefixes) assert.ok(typeof p === 'string' && /^foi-[a-z0-9-]+$/.test(p), `${name}: prefix ${String(p)}`);
      assert.ok(typeof entry.description === 'string' && entry.description.trim().length > 0, `${name}: description`);
      const body = Array.isArray(entry.body) ? entry.body : [entry.body];
      assert.ok(body.every((l) => typeof l === 'string'), `${name}: body lines`);
      assert.ok(body.join('').trim().length > 0, `${name}: empty body`);
    }
  }
});

test('every body is valid VS Code snippet syntax', () => {
  assert.deepEqual(syntaxErrors, []);
});

test('prefixes are unique across both files', () => {
  const prefixes = all.flatMap((s) => s.prefixes);
  const dupes = prefixes.filter((p, i) => prefixes.indexOf(p) !== i);
  assert.deepEqual(dupes, []);
});

test('every required prefix exists, letters in the letters file and blocks in the blocks file', () => {
  for (const p of Object.keys(LETTER_TYPES)) assert.equal(get(p).file, 'letters', p);
  for (const p of REQUIRED_BLOCKS) assert.equal(get(p).file, 'blocks', p);
});

test('tab stops run 1..n without gaps and $0 appears once, on the last line', () => {
  for (const s of all) {
    const numbered = [...s.parsed.indices].filter((i) => i > 0).sort((a, b) => a - b);
    assert.deepEqual(numbered, numbered.map((_, i) => i + 1), `${s.prefix}: indices ${numbered.join(',')}`);
    assert.equal(s.body.split('$0').length - 1, 1, `${s.prefix}: $0 count`);
    assert.ok((s.lines[s.lines.length - 1] ?? '').endsWith('$0'), `${s.prefix}: $0 not at the end`);
  }
});

test('repeated tab stops repeat their default text, so plain-text readers see it too', () => {
  for (const s of all) assert.deepEqual(s.parsed.bareTabstops.filter((i) => i !== 0), [], s.prefix);
});

test('provision-specific blocks put the provision in tab stop 1', () => {
  const specific = blocks.filter((s) => NAMES_PROVISION.test(s.prefix) && s.prefix !== 'foi-advice-s16');
  assert.ok(specific.length >= 60, `only ${specific.length} provision-specific blocks`);
  for (const s of specific) assert.match(s.body, /^[^$]*\$\{1:(section|regulation)s? \d/, s.prefix);
});

test('every block starts with its Markdown heading line', () => {
  for (const s of blocks) assert.match(s.lines[0] ?? '', /^#{2,3} \S/, s.prefix);
});

test('harm blocks use a Harm heading; s38 speaks of endangerment, FOISA of substantial prejudice, EIR of adverse effect', () => {
  for (const k of ['', ...HARM_KEYS.map((h) => '-' + h)]) assert.match(get(`foi-harm${k}`).lines[0] ?? '', /^## Harm\b/, `foi-harm${k}`);
  const s38 = get('foi-harm-s38').parsed.text;
  assert.match(s38, /endanger/);
  assert.doesNotMatch(s38, /prejudic/i);
  assert.match(get('foi-harm-foisa').parsed.text, /prejudice substantially/);
  assert.match(get('foi-harm-eir-12-5').parsed.text, /adversely affect/);
  assert.match(get('foi-harm-ncnd').parsed.text, /confirming or denying/);
});

test('public interest blocks have the expected headings and sections', () => {
  for (const k of ['', ...PIT_KEYS.map((p) => '-' + p), '-ncnd']) {
    const ncnd = k.startsWith('-ncnd');
    const forHeading = ncnd ? '### Factors in favour of confirming or denying' : '### Factors in favour of disclosure';
    const againstHeading = ncnd ? '### Factors against confirming or denying' : '### Factors against disclosure';
    const whole = get(`foi-pit${k}`);
    assert.match(whole.lines[0] ?? '', /^## Public interest test — \S/, whole.prefix);
    assert.ok(whole.lines.includes(forHeading) && whole.lines.includes(againstHeading), whole.prefix);
    assert.ok(whole.lines.indexOf(forHeading) < whole.lines.indexOf(againstHeading), whole.prefix);
    const onlyFor = get(`foi-pit-for${k}`);
    assert.equal(onlyFor.lines[0], forHeading, onlyFor.prefix);
    assert.ok(!onlyFor.lines.includes(againstHeading), onlyFor.prefix);
    const onlyAgainst = get(`foi-pit-against${k}`);
    assert.equal(onlyAgainst.lines[0], againstHeading, onlyAgainst.prefix);
    assert.ok(!onlyAgainst.lines.includes(forHeading), onlyAgainst.prefix);
  }
});

test('factors against never rely on irrelevant considerations', () => {
  const irrelevant = /embarrass|misunderst|misinterpret|misread|motive|identity of the requester|who (?:made|makes) the request/i;
  for (const s of all) {
    for (const heading of [/^#+ Factors against/]) {
      const section = sectionOf(s.parsed.text, heading);
      assert.doesNotMatch(section, irrelevant, s.prefix);
    }
  }
});

test('EIR public interest and balance blocks apply the presumption in favour of disclosure', () => {
  for (const k of PIT_KEYS.filter((p) => p.startsWith('eir-'))) assert.match(get(`foi-pit-for-${k}`).parsed.text, /presumption in favour of disclosure/, k);
  assert.match(get('foi-balance-eir').parsed.text, /presumption in favour of disclosure/);
});

test('generic blocks write the provision as ${1:[provision]}', () => {
  const generic = genericBlocks.map((s) => s.prefix);
  for (const p of ['foi-harm', 'foi-pit', 'foi-pit-for', 'foi-pit-against', 'foi-pit-ncnd', 'foi-balance', 'foi-ncnd', 'foi-lia', 'foi-qp', 'foi-harm-ncnd', 'foi-harm-eir-12-5', 'foi-harm-foisa']) {
    assert.ok(generic.includes(p), `${p} should count as generic`);
  }
  for (const s of genericBlocks) {
    assert.ok(s.body.includes('${1:[provision]}'), `${s.prefix} lacks \${1:[provision]}`);
    assert.ok(s.parsed.text.includes('[provision]'), s.prefix);
  }
  // Provision-specific blocks carry a real provision, not the marker.
  for (const s of blocks.filter((b) => !genericBlocks.includes(b))) assert.ok(!s.body.includes('[provision]'), s.prefix);
});

test('NCND statement says the reply is no indication either way', () => {
  assert.match(get('foi-ncnd').parsed.text, /should not be taken as an indication of whether [^.]* is or is not held/);
  assert.match(get('foi-ncnd').lines[0] ?? '', /^## Neither confirm nor deny$/);
});

test('rights blocks carry the regime headings and current regulator details', () => {
  const ico = [/Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF/, /0303 123 1113/, /https:\/\/ico\.org\.uk\/make-a-complaint\//];
  const sic = [/Kinburn Castle, Doubledykes Road, St Andrews, Fife KY16 9DS/, /01334 464610/, /https:\/\/www\.foi\.scot\//, /six months/, /Court of Session/];
  const foia = get('foi-rights-foia').parsed.text;
  for (const re of [...ico, /^## Your right to request an internal review$/m, /^## Your right to complain to the Information Commissioner$/m, /section 50/, /40 working days/]) assert.match(foia, re);
  const eir = get('foi-rights-eir').parsed.text;
  for (const re of [...ico, /^## Representations under regulation 11$/m, /^## Your right to complain to the Information Commissioner$/m, /regulation 18/, /40 working days/]) assert.match(eir, re);
  const foisa = get('foi-rights-foisa').parsed.text;
  for (const re of [...sic, /^## Your right to require a review$/m, /^## Your right to apply to the Scottish Information Commissioner$/m, /section 20\(1\)/, /section 21/, /section 47\(1\)/, /section 56/, /40 working days/, /20 working days/]) assert.match(foisa, re);
  const eisr = get('foi-rights-eisr').parsed.text;
  for (const re of [...sic, /^## Your right to require a review$/m, /regulation 16/, /regulation 17/, /section 47\(1\)/]) assert.match(eisr, re);
  for (const s of all) assert.doesNotMatch(s.body, /01625 ?545|gsi\.gov\.uk|itspublicknowledge/, `${s.prefix}: outdated contact details`);
});

test('LIA, qualified person and advice blocks cover their required elements', () => {
  const lia = get('foi-lia').parsed.text;
  for (const re of [/^### Legitimate interest$/m, /^### Necessity$/m, /^### Balancing\b/m, /Article 6\(1\)\(f\)/]) assert.match(lia, re);
  const qp = get('foi-qp').parsed.text;
  for (const re of [/^## Qualified person's opinion/, /qualified person is/, /On 2026-01-20/, /opinion was that/]) assert.match(qp, re);
  const advice = get('foi-advice-s16').parsed.text;
  assert.match(advice, /^## Advice and assistance$/m);
  assert.match(advice, /section 16/);
});

test('letters have valid front matter for their regime and response type', () => {
  const allowedKeys = new Set(['reference', 'regime', 'authority', 'received', 'responded', 'response_type']);
  for (const s of letters) {
    const expected = LETTER_TYPES[s.prefix];
    assert.ok(expected, `unexpected letter ${s.prefix}`);
    const m = /^---\n([\s\S]*?)\n---\n/.exec(s.parsed.text);
    assert.ok(m, `${s.prefix}: no front matter`);
    const fm = parseYaml(m[1] ?? '') as Record<string, unknown>;
    for (const key of Object.keys(fm)) assert.ok(allowedKeys.has(key), `${s.prefix}: unknown key ${key}`);
    for (const key of ['reference', 'regime', 'response_type', 'received', 'responded']) assert.ok(key in fm, `${s.prefix}: missing ${key}`);
    assert.equal(fm.regime, expected.regime, s.prefix);
    assert.equal(fm.response_type, expected.responseType, s.prefix);
    assert.match(String(fm.received), /^2026-01-05$/, s.prefix);
    assert.match(String(fm.responded), /^2026-01-30$/, s.prefix);
    assert.ok(s.body.includes('reference: ${1:'), `${s.prefix}: reference is not the first tab stop`);
    assert.match(s.parsed.text, /^## Your request$/m, s.prefix);
    assert.match(s.parsed.text, /^## Our response$/m, s.prefix);
  }
});

test('letters contain the sections their response type needs', () => {
  const text = (p: string): string => get(p).parsed.text;
  const has = (p: string, ...res: RegExp[]): void => {
    for (const re of res) assert.match(text(p), re, `${p} lacks ${re}`);
  };
  const lacks = (p: string, ...res: RegExp[]): void => {
    for (const re of res) assert.doesNotMatch(text(p), re, `${p} should not have ${re}`);
  };
  const PIT = [/^## Public interest test\b/m, /^### Factors in favour of disclosure$/m, /^### Factors against disclosure$/m, /^## Balance of the public interest\b/m];
  const FOIA_RIGHTS = [/^## Your right to request an internal review$/m, /^## Your right to complain to the Information Commissioner$/m, /SK9 5AF/];

  has('foi-letter-ncnd', /^## Exemptions applied$/m, /^## Harm in confirming or denying\b/m, /^### Factors in favour of confirming or denying$/m,
    /^### Factors against confirming or denying$/m, /^## Balance of the public interest\b/m, /^## Neither confirm nor deny$/m,
    /is or is not held/, /23\(5\)/, /24\(2\)/, /31\(3\)/, ...FOIA_RIGHTS);
  has('foi-letter-qualified', /^## Exemptions applied$/m, /^## Harm\b/m, ...PIT, ...FOIA_RIGHTS);
  has('foi-letter-absolute', /^## Exemptions applied$/m, /absolute exemption/, ...FOIA_RIGHTS);
  lacks('foi-letter-absolute', /^## Public interest test/m, /^## Balance/m);
  has('foi-letter-partial', /^## Exemptions applied$/m, /^## Legitimate interests assessment\b/m, /section 40\(2\)/, ...FOIA_RIGHTS);
  has('foi-letter-s12', /section 12/, /£450/, /£25 per hour/, /18 hours/, /^## Advice and assistance$/m, /section 16/, /section 17\(5\)/, ...FOIA_RIGHTS);
  // The £600 / 24 hours limit is the second option of a choice, so it is not in the expanded text.
  assert.match(get('foi-letter-s12').body, /\|£450 \(18 hours of staff time at £25 per hour\),£600 \(24 hours of staff time at £25 per hour\)\|/);
  has('foi-letter-s14', /section 14\(1\)/, /section 17\(5\)/, ...FOIA_RIGHTS);
  has('foi-letter-s17-2', /[Ss]ection 10\(3\)/, /section 17\(2\)/, /not yet reached a decision/, /reach a decision by 2 March 2026/, ...FOIA_RIGHTS);
  lacks('foi-letter-s17-2', /^## Balance/m);
  has('foi-letter-eir', /^## Harm\b/m, /adversely affect/, ...PIT, /presumption in favour of disclosure/, /regulation 14/,
    /^## Representations under regulation 11$/m, /regulation 18/, /SK9 5AF/);
  has('foi-letter-foisa', /^## Exemptions applied$/m, /prejudice substantially/, ...PIT, /^## Your right to require a review$/m,
    /^## Your right to apply to the Scottish Information Commissioner$/m, /section 20\(1\)/, /section 47\(1\)/, /Court of Session/, /KY16 9DS/);
  lacks('foi-letter-foisa', /SK9 5AF/, /section 50/);
  has('foi-letter-disclosure', /providing all of it/, ...FOIA_RIGHTS);
  lacks('foi-letter-disclosure', /^## Exemptions applied$/m);
});

test('wording uses UK spelling', () => {
  for (const s of all) {
    assert.doesNotMatch(`${s.body}\n${s.description}`, /\bfavor|organiz|\bjudgment\b|\bdefense\b|\bprogram\b|\blicense\b|recogniz|\bcenter\b/i, s.prefix);
  }
});

test('docs/snippets.md lists every prefix', () => {
  const docs = readFileSync(DOCS_FILE, 'utf8');
  for (const p of all.flatMap((s) => s.prefixes)) assert.ok(docs.includes('`' + p + '`'), `docs/snippets.md lacks ${p}`);
});

// ---------------------------------------------------------------------------
// Originality: no run of 9 words identical to the seed letter.
// ---------------------------------------------------------------------------

const RUN = 9;
const words = (t: string): string[] => t.toLowerCase().match(/[a-z0-9']+/g) ?? [];
const shingles = (ws: string[]): string[] => ws.slice(0, Math.max(0, ws.length - RUN + 1)).map((_, i) => ws.slice(i, i + RUN).join(' '));

test('overlap finder catches a copied run', () => {
  const seed = new Set(shingles(words('one two three four five six seven eight nine ten')));
  assert.equal(shingles(words('x One two three four five six seven eight nine')).filter((s) => seed.has(s)).length, 1);
  assert.equal(shingles(words('one two three four five six seven eight')).filter((s) => seed.has(s)).length, 0);
});

test('no snippet repeats 9 consecutive words of the seed letter', (t) => {
  if (!existsSync(SEED_FILE)) {
    t.skip(`seed letter not found at ${SEED_FILE}; originality check skipped`);
    return;
  }
  const seed = new Set(shingles(words(readFileSync(SEED_FILE, 'utf8'))));
  assert.ok(seed.size > 100, 'seed letter unexpectedly short');
  const texts: Array<[string, string]> = all.flatMap((s) => [[`${s.prefix} (expanded)`, s.parsed.text], [`${s.prefix} (description)`, s.description]] as Array<[string, string]>);
  for (const file of [LETTERS_FILE, BLOCKS_FILE, DOCS_FILE]) texts.push([file, readFileSync(file, 'utf8')]);
  for (const [where, text] of texts) {
    const copied = shingles(words(text)).filter((s) => seed.has(s));
    assert.deepEqual(copied, [], `${where} repeats the seed letter`);
  }
});
