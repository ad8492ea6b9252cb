import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isScalar, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import schema from '../../../../schemas/response-frontmatter.schema.json';
import { parseLetterDate } from '../deadline';
import type { Regime, Span } from '../types';

export interface FrontMatter {
  /** The whole block including the --- fences. */
  span: Span;
  data: FrontMatterData;
  problems: FrontMatterProblem[];
  /** Span of each top-level key's value (for hover and diagnostics). */
  valueSpans: Map<string, Span>;
  keySpans: Map<string, Span>;
}

export interface FrontMatterData {
  reference?: string;
  regime?: Regime;
  authority?: string;
  received?: string;
  responded?: string;
  response_type?: string;
  extension?: 'none' | 'public-interest' | 'eir-regulation-7';
  extended_to?: string;
  house_of_parliament?: boolean;
  statistical_information?: boolean;
  nation?: string;
  [key: string]: unknown;
}

export interface FrontMatterProblem {
  span: Span;
  message: string;
}

export const FRONT_MATTER_SCHEMA = schema;
const PERSONAL_KEYS = /^(requester|requestor|applicant|name|full_?name|first_?name|surname|email|e-mail|address|phone|telephone|mobile|dob|date_of_birth)/i;
const MAX_ALIASES = 20;

// Compiled on first use, without checking our own schema against the meta-schema and without
// code optimisation: that took ~85 ms of the language server's start-up (docs/performance.md).
let validator: ValidateFunction | undefined;
function validate(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false, code: { optimize: false } });
    ajv.addFormat('date', { type: 'string', validate: (value: string) => parseLetterDate(value).ok });
    validator = ajv.compile(schema);
  }
  return validator;
}

/** The first key repeated within one map, anywhere in the document (a set per map: linear in keys). */
function firstDuplicateKey(root: unknown): { key: string; range: [number, number, number] | null | undefined } | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > 64 || !node || typeof node !== 'object' || !('items' in node) || !Array.isArray((node as { items: unknown }).items)) continue;
    const seen = new Set<string>();
    for (const item of (node as { items: unknown[] }).items) {
      if (isMap(node) && item && typeof item === 'object' && 'key' in item) {
        const key = (item as { key: unknown }).key;
        const name = isScalar(key) ? String(key.value) : undefined;
        if (name !== undefined) {
          if (seen.has(name)) return { key: name, range: isScalar(key) ? key.range : undefined };
          seen.add(name);
        }
        stack.push({ node: (item as unknown as { value: unknown }).value, depth: depth + 1 });
      } else {
        stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/** Parses and validates YAML front matter. `span` covers the fences; `yamlStart` is where the YAML text begins. */
export function readFrontMatter(text: string, span: Span, yamlStart: number, yamlEnd: number): FrontMatter {
  // The yaml package does not take a lone \r (old Mac files) as a line break; \n has the same length, so offsets hold.
  const source = text.slice(yamlStart, yamlEnd).replace(/\r(?!\n)/g, '\n');
  const problems: FrontMatterProblem[] = [];
  const keySpans = new Map<string, Span>();
  const valueSpans = new Map<string, Span>();
  const at = (range: [number, number, number] | null | undefined): Span =>
    range ? { start: yamlStart + range[0], end: yamlStart + range[1] } : { start: span.start, end: Math.min(span.end, span.start + 3) };

  let document: Document.Parsed;
  try {
    // The library's own unique-keys check compares every key with every other (quadratic in
    // keys); duplicates are found below with one set per map instead.
    document = parseDocument(source, { prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    return { span, data: {}, problems: [{ span: at(null), message: `Front matter could not be read: ${String(error)}` }], keySpans, valueSpans };
  }
  for (const error of document.errors) {
    problems.push({ span: { start: yamlStart + error.pos[0], end: yamlStart + Math.max(error.pos[1], error.pos[0] + 1) }, message: `Front matter is not valid YAML: ${error.message.split('\n')[0]}` });
  }
  if (document.errors.length === 0) {
    const duplicate = firstDuplicateKey(document.contents);
    if (duplicate) problems.push({ span: at(duplicate.range), message: `Front matter is not valid YAML: Map keys must be unique ("${duplicate.key}" appears twice)` });
  }
  if (problems.length > 0) return { span, data: {}, problems, keySpans, valueSpans };

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = /alias/i.test(String(error))
      ? 'Front matter uses too many YAML aliases (possible "billion laughs" expansion); it was not expanded.'
      : `Front matter could not be read: ${String(error)}`;
    return { span, data: {}, problems: [{ span: at(null), message }], keySpans, valueSpans };
  }
  if (data === null || data === undefined) return { span, data: {}, problems, keySpans, valueSpans };
  if (typeof data !== 'object' || Array.isArray(data) || !isMap(document.contents)) {
    return { span, data: {}, problems: [{ span: at(null), message: 'Front matter must be a set of "key: value" lines.' }], keySpans, valueSpans };
  }
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    keySpans.set(key, at(pair.key.range));
    const value = pair.value as YamlNode | null;
    if (value) valueSpans.set(key, at(value.range));
  }

  // YAML reads an unquoted 2026-01-05 as a string here (core schema), but a bare date-time may become a Date.
  const record = data as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (value instanceof Date) record[key] = value.toISOString().slice(0, 10);
  }

  const check = validate();
  if (!check(record)) {
    for (const error of check.errors ?? []) problems.push(describe(error, record, keySpans, valueSpans, at(null)));
  }
  return { span, data: record as FrontMatterData, problems, keySpans, valueSpans };
}

function describe(
  error: ErrorObject,
  record: Record<string, unknown>,
  keySpans: Map<string, Span>,
  valueSpans: Map<string, Span>,
  fallback: Span,
): FrontMatterProblem {
  const key = error.instancePath.split('/')[1];
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty);
    const span = keySpans.get(extra) ?? fallback;
    if (PERSONAL_KEYS.test(extra)) {
      return { span, message: `Front matter key "${extra}" looks like personal data of the requester, which does not belong in front matter. Remove it.` };
    }
    return { span, message: `Unknown front matter key "${extra}". Known keys: ${Object.keys(schema.properties).join(', ')}.` };
  }
  const span = (key && (valueSpans.get(key) ?? keySpans.get(key))) || fallback;
  const value = key ? record[key] : undefined;
  if (error.keyword === 'format' && (error.params as { format: string }).format === 'date') {
    const parsed = parseLetterDate(String(value));
    return { span, message: `"${key}" must be a real date written YYYY-MM-DD (${parsed.ok ? 'invalid' : parsed.reason}).` };
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.join(', ');
    return { span, message: `"${key}" must be one of: ${allowed}.` };
  }
  return { span, message: `Front matter "${key ?? ''}" ${error.message ?? 'is invalid'}.` };
}
