// Collects the regular expressions of server/src: literals and `new RegExp(...)` calls whose
// arguments fold to constant strings (string literals, String.raw templates and `const`
// strings of the same file joined with + or templates). Used by regex-safety.test.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export interface FoundRegex {
  source: string;
  flags: string;
  /** "server/src/engine/x.ts:12" */
  where: string;
}

export interface Unresolved {
  where: string;
  code: string;
}

export const ROOT = path.join(__dirname, '..', '..');
export const SERVER_SRC = path.join(ROOT, 'server', 'src');

export function sourceFiles(dir = SERVER_SRC): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out.sort();
}

/** Folds an expression to a constant string, or undefined. `raw` means inside String.raw. */
function fold(node: ts.Expression, consts: Map<string, ts.Expression>, seen = new Set<string>()): string | undefined {
  if (ts.isParenthesizedExpression(node)) return fold(node.expression, consts, seen);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    let out = node.head.text;
    for (const span of node.templateSpans) {
      const value = fold(span.expression, consts, seen);
      if (value === undefined) return undefined;
      out += value + span.literal.text;
    }
    return out;
  }
  if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'String.raw') {
    const template = node.template;
    if (ts.isNoSubstitutionTemplateLiteral(template)) return template.rawText ?? template.text;
    let out = template.head.rawText ?? template.head.text;
    for (const span of template.templateSpans) {
      const value = fold(span.expression, consts, seen);
      if (value === undefined) return undefined;
      out += value + (span.literal.rawText ?? span.literal.text);
    }
    return out;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = fold(node.left, consts, seen);
    const right = fold(node.right, consts, seen);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  if (ts.isIdentifier(node)) {
    const init = consts.get(node.text);
    if (!init || seen.has(node.text)) return undefined;
    // A regex literal used as a source: its pattern text.
    if (ts.isRegularExpressionLiteral(init)) return splitLiteral(init.text).source;
    return fold(init, consts, new Set(seen).add(node.text));
  }
  // ['a', 'b'].join('|')
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'join') {
    const target = node.expression.expression;
    const array = ts.isIdentifier(target) ? consts.get(target.text) : target;
    if (!array || !ts.isArrayLiteralExpression(array)) return undefined;
    const items = array.elements.map((e) => fold(e, consts, seen));
    if (items.some((i) => i === undefined)) return undefined;
    const separator = node.arguments.length > 0 ? fold(node.arguments[0], consts, seen) : ',';
    return separator === undefined ? undefined : items.join(separator);
  }
  // .source of a regex literal constant
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'source' && ts.isIdentifier(node.expression)) {
    const init = consts.get(node.expression.text);
    if (init && ts.isRegularExpressionLiteral(init)) return splitLiteral(init.text).source;
  }
  return undefined;
}

function splitLiteral(text: string): { source: string; flags: string } {
  const last = text.lastIndexOf('/');
  return { source: text.slice(1, last), flags: text.slice(last + 1) };
}

export function collectRegexes(files = sourceFiles()): { found: FoundRegex[]; unresolved: Unresolved[] } {
  const found: FoundRegex[] = [];
  const unresolved: Unresolved[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const consts = new Map<string, ts.Expression>();
    const where = (node: ts.Node) => `${path.relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    // Pass 1: const declarations anywhere in the file.
    const visitConsts = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isVariableDeclarationList(node.parent) && node.parent.flags & ts.NodeFlags.Const) {
        let init = node.initializer;
        while (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init)) init = init.expression;
        consts.set(node.name.text, init);
      }
      ts.forEachChild(node, visitConsts);
    };
    visitConsts(sf);
    // Pass 2: regex literals and RegExp constructions.
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        found.push({ ...splitLiteral(node.text), where: where(node) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const args = node.arguments ?? [];
        const source = args[0] ? fold(args[0], consts) : undefined;
        const flags = args[1] ? fold(args[1], consts) : '';
        if (source !== undefined && flags !== undefined) found.push({ source, flags, where: where(node) });
        else unresolved.push({ where: where(node), code: node.getText().slice(0, 120) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { found, unresolved };
}
