// The engine's layers import downwards only, and the front ends translate: lsp/ and cli/ import
// no rule and not each other, and nothing under server/src imports vscode. Imports are read with
// TypeScript's own pre-processor (static, dynamic and require), so a new file is checked too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { SERVER_SRC, sourceFiles } from './robustness/regexSources';

/** Lowest first: a file may import its own layer or a lower one. Paths are relative to server/src. */
const LAYERS: { name: string; paths: string[] }[] = [
  { name: 'text and facts', paths: ['engine/types.ts', 'engine/version.ts', 'engine/text/', 'engine/knowledge/', 'engine/catalogue/', 'engine/deadline/', 'engine/config/', 'engine/snippets/'] },
  { name: 'parse', paths: ['engine/parse.ts', 'engine/incremental.ts', 'engine/frontmatter/'] },
  { name: 'model', paths: ['engine/model/'] },
  { name: 'analysis', paths: ['engine/analysis/', 'engine/directives.ts'] },
  { name: 'rules', paths: ['engine/rules/'] },
  { name: 'engine entry points', paths: ['engine/lint.ts', 'engine/explain.ts'] },
  { name: 'host', paths: ['host/'] },
  { name: 'adapters', paths: ['lsp/', 'cli/'] },
];
const ADAPTERS = ['lsp/', 'cli/'];
const RULES = 'engine/rules/';

type ImportGraph = Map<string, string[]>;

function layerOf(file: string): number {
  return LAYERS.findIndex((layer) => layer.paths.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p)));
}

/** Each file's imports: relative ones resolved to server/src paths, packages by name. */
function importGraph(): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const full of sourceFiles()) {
    const file = path.relative(SERVER_SRC, full).split(path.sep).join('/');
    const imports = ts.preProcessFile(fs.readFileSync(full, 'utf8'), true, true).importedFiles.map(({ fileName }) => {
      if (!fileName.startsWith('.')) return fileName;
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), fileName));
      for (const candidate of [resolved, `${resolved}.ts`, `${resolved}/index.ts`]) {
        if (fs.existsSync(path.join(SERVER_SRC, candidate)) && fs.statSync(path.join(SERVER_SRC, candidate)).isFile()) return candidate;
      }
      return resolved; // outside server/src (schemas, snippets data)
    });
    graph.set(file, imports);
  }
  return graph;
}

/** One line per import that breaks the layering. */
function violations(graph: ImportGraph): string[] {
  const found: string[] = [];
  for (const [file, imports] of graph) {
    const from = layerOf(file);
    if (from < 0) {
      found.push(`${file} belongs to no layer (add it to LAYERS in test/architecture.test.ts)`);
      continue;
    }
    for (const target of imports) {
      if (target === 'vscode') found.push(`${file} imports vscode: the server must run without it`);
      if (!graph.has(target)) continue; // a package or data outside server/src
      const to = layerOf(target);
      const fromAdapter = ADAPTERS.find((a) => file.startsWith(a));
      if (fromAdapter && target.startsWith(RULES)) found.push(`${file} imports the rule module ${target}: adapters translate, they do not run rules`);
      else if (fromAdapter && ADAPTERS.some((a) => a !== fromAdapter && target.startsWith(a))) found.push(`${file} imports ${target}: one adapter must not import another`);
      else if (to > from) found.push(`${file} (${LAYERS[from].name}) imports ${target} (${LAYERS[to].name}), a higher layer`);
    }
  }
  return found;
}

test('every file under server/src is in a layer, and imports only its own layer or lower ones', () => {
  const graph = importGraph();
  assert.ok(graph.size > 60, `${graph.size} source files read`);
  assert.deepEqual(violations(graph), []);
});

test('planted violations are caught: a lower layer importing a higher one, an adapter importing a rule or another adapter, vscode in the server', () => {
  const graph = importGraph();
  const planted = new Map(graph);
  planted.set('engine/text/lineIndex.ts', [...graph.get('engine/text/lineIndex.ts')!, 'engine/model/letter.ts']);
  planted.set('engine/incremental.ts', [...graph.get('engine/incremental.ts')!, 'engine/model/sections.ts']);
  planted.set('lsp/hover.ts', [...graph.get('lsp/hover.ts')!, 'engine/rules/deadline-exceeded.ts']);
  planted.set('cli/lintFile.ts', [...graph.get('cli/lintFile.ts')!, 'lsp/settingsSource.ts']);
  planted.set('engine/lint.ts', [...graph.get('engine/lint.ts')!, 'vscode']);
  planted.set('engine/newThing.ts', []);
  assert.deepEqual(violations(planted).sort(), [
    'cli/lintFile.ts imports lsp/settingsSource.ts: one adapter must not import another',
    'engine/incremental.ts (parse) imports engine/model/sections.ts (model), a higher layer',
    'engine/lint.ts imports vscode: the server must run without it',
    'engine/newThing.ts belongs to no layer (add it to LAYERS in test/architecture.test.ts)',
    'engine/text/lineIndex.ts (text and facts) imports engine/model/letter.ts (model), a higher layer',
    'lsp/hover.ts imports the rule module engine/rules/deadline-exceeded.ts: adapters translate, they do not run rules',
  ]);
});
