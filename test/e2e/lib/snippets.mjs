// Reads the extension's snippet files and computes the text VS Code inserts for a snippet
// when every placeholder keeps its default (the test presses Escape right after inserting).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Finds the snippet with this prefix in the manifest's contributed snippet files. */
export function findSnippet(repoRoot, prefix) {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const files = (manifest.contributes?.snippets ?? []).map((entry) => path.join(repoRoot, entry.path));
  const candidates = files.length
    ? files
    : readdirSync(path.join(repoRoot, 'snippets')).map((name) => path.join(repoRoot, 'snippets', name));
  for (const file of candidates) {
    const snippets = JSON.parse(readFileSync(file, 'utf8'));
    for (const [name, snippet] of Object.entries(snippets)) {
      const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
      if (prefixes.includes(prefix)) return { name, file, ...snippet };
    }
  }
  throw new Error(`no snippet with prefix ${prefix} in ${candidates.join(', ')}`);
}

/**
 * Text of a snippet body with placeholders at their defaults:
 * ${1:default} → default (nested allowed), ${1|a,b|} → a, $1 / ${1} → the default given elsewhere for 1, $0 → ''.
 */
export function expandSnippetBody(body) {
  const source = Array.isArray(body) ? body.join('\n') : body;
  const defaults = new Map();
  let position = 0;

  function parse(stopAtBrace) {
    let out = '';
    while (position < source.length) {
      const char = source[position];
      if (char === '\\' && position + 1 < source.length && '$}\\,|'.includes(source[position + 1])) {
        out += source[position + 1];
        position += 2;
      } else if (stopAtBrace && char === '}') {
        return out;
      } else if (char === '$') {
        out += parseDollar();
      } else {
        out += char;
        position++;
      }
    }
    return out;
  }

  function parseDollar() {
    const simple = /^\$(\d+)/.exec(source.slice(position));
    if (simple) {
      position += simple[0].length;
      return placeholderRef(simple[1]);
    }
    const variable = /^\$\{?([A-Za-z_]+)/.exec(source.slice(position));
    if (variable) throw new Error(`snippet variable ${variable[1]} is not supported by the test`);
    const braced = /^\$\{(\d+)(:|\||\})/.exec(source.slice(position));
    if (!braced) {
      position++;
      return '$'; // a lone dollar sign is literal text
    }
    const index = braced[1];
    position += braced[0].length;
    if (braced[2] === '}') return placeholderRef(index);
    if (braced[2] === '|') {
      const end = source.indexOf('|}', position);
      const first = source.slice(position, end).split(',')[0];
      position = end + 2;
      if (!defaults.has(index)) defaults.set(index, first);
      return first;
    }
    const text = parse(true);
    position++; // closing brace
    if (!defaults.has(index)) defaults.set(index, text);
    return text;
  }

  // Mirrors ($1 before or after ${1:x}) are resolved in a second pass.
  const marker = (index) => `\u0000${index}\u0000`;
  function placeholderRef(index) {
    return index === '0' ? '' : marker(index);
  }

  const firstPass = parse(false);
  return firstPass.replace(/\u0000(\d+)\u0000/g, (_, index) => defaults.get(index) ?? '');
}
