// Turns the command line's files, folders and globs into a list of Markdown letters.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';

export interface Discovery {
  files: string[];
  errors: string[];
}

const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git']);
/** Folder READMEs describe a folder; they are not letters (name one explicitly to check it). */
const SKIP_FILES = /^readme\.(md|markdown)$/i;

function walk(dir: string, out: string[], errors: string[], seen: Set<string>): void {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch (error) {
    errors.push(`${dir}: cannot resolve folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return;
  }
  if (seen.has(real)) {
    errors.push(`${dir}: symbolic link loop, skipped`);
    return;
  }
  seen.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    errors.push(`${dir}: cannot read folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(full, out, errors, seen);
    } else if (entry.isSymbolicLink()) {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(full);
      } catch (error) {
        errors.push(`${full}: broken or looping symbolic link (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
        continue;
      }
      if (stat.isDirectory()) walk(full, out, errors, seen);
      else if (MARKDOWN.test(entry.name) && !SKIP_FILES.test(entry.name)) out.push(full);
    } else if (entry.isFile() && MARKDOWN.test(entry.name) && !SKIP_FILES.test(entry.name)) {
      out.push(full);
    }
  }
}

export function discover(inputs: string[]): Discovery {
  const files: string[] = [];
  const errors: string[] = [];
  for (const input of inputs) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(input);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' || !isDynamicPattern(input)) {
        if (code === 'ELOOP') errors.push(`${input}: symbolic link loop`);
        else if (code === 'ENOENT') errors.push(`${input}: no such file or folder`);
        else errors.push(`${input}: cannot read (${code ?? String(error)})`);
        continue;
      }
    }
    if (stat?.isDirectory()) {
      const found: string[] = [];
      walk(input, found, errors, new Set());
      if (found.length === 0) errors.push(`${input}: no Markdown files in this folder`);
      files.push(...found);
    } else if (stat) {
      files.push(input);
    } else {
      const matched = globSync(input, { onlyFiles: true, followSymbolicLinks: false, expandDirectories: false }).sort();
      if (matched.length === 0) errors.push(`${input}: the pattern matches no files`);
      files.push(...matched);
    }
  }
  return { files: [...new Set(files)], errors };
}
