import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { entriesFor } from '../engine/catalogue';
import { FRONT_MATTER_SCHEMA } from '../engine/frontmatter';
import type { LintResult } from '../engine/lint';
import { PUBLIC_INTEREST_ROLES } from '../engine/model/roles';
import { isEnvironmental, regimeOfInstrument } from '../engine/knowledge/regimes';
import { sectionAt } from '../engine/model/letter';

const CITATION_PREFIX = /(?<![\w'])(sections?|s\.?|ss\.?|regulations?|regs?\.?)\s?((?:\d{1,3}[A-Z]?(?:\([0-9A-Za-z]{0,4}\)?){0,4})?)$/i;

interface Property {
  description?: string;
  enum?: string[];
  type?: string;
}

export function completionsAt(result: LintResult, position: Position): CompletionItem[] {
  const { model } = result;
  const offset = model.lines.offsetAt(position);
  const lineStart = model.lines.lineStart(position.line);
  const before = model.text.slice(lineStart, offset);

  if (model.frontMatter && offset > model.frontMatter.span.start && offset < model.frontMatter.span.end) {
    return frontMatterCompletions(before);
  }

  const match = CITATION_PREFIX.exec(before);
  if (!match) return [];
  const regulations = /^r/i.test(match[1]);
  const regime = regimeOfInstrument(model.regime, regulations ? 'regulations' : 'act');
  const typedStart = offset - match[2].length;
  const cited = new Set(model.provisions.map((use) => `${use.regime}:${use.resolution.entry.id}`));
  const section = sectionAt(model.sections, offset);
  const preferCited = section !== undefined && (section.role === 'exemptions' || (section.role !== undefined && PUBLIC_INTEREST_ROLES.has(section.role)) || section.role === 'provision');

  const items: CompletionItem[] = [];
  for (const entry of entriesFor(regime)) {
    if (entry.kind !== 'exemption') continue;
    const limbs = entry.limbs && entry.limbs.length > 0 && isEnvironmental(regime) ? entry.limbs : [{ path: entry.id, title: entry.title, status: entry.status, ncnd: false }];
    for (const limb of limbs) {
      const status = limb.status ?? entry.status ?? 'qualified';
      const isCited = cited.has(`${regime}:${entry.id}`);
      items.push({
        label: limb.path,
        kind: CompletionItemKind.Reference,
        detail: `${limb.title ?? entry.title} — ${status}${limb.ncnd ? ', NCND' : ''}`,
        documentation: { kind: MarkupKind.Markdown, value: `${regime} ${regulations ? 'regulation' : 'section'} ${limb.path}: ${limb.title ?? entry.title}\n\n[Legislation](${entry.legislationUrl})` },
        sortText: `${preferCited && isCited ? '0' : '1'}${entry.id.padStart(4, '0')}${limb.path}`,
        filterText: limb.path,
        textEdit: { range: { start: model.lines.positionAt(typedStart), end: position }, newText: limb.path },
        insertTextFormat: InsertTextFormat.PlainText,
      });
    }
  }
  return items;
}

function frontMatterCompletions(before: string): CompletionItem[] {
  const properties = FRONT_MATTER_SCHEMA.properties as Record<string, Property>;
  const keyValue = /^([a-z_]+):\s*(\S*)$/.exec(before);
  if (keyValue) {
    const property = properties[keyValue[1]];
    const values = property?.enum ?? (property?.type === 'boolean' ? ['true', 'false'] : []);
    return values.map((value) => ({ label: value, kind: CompletionItemKind.EnumMember, documentation: property?.description }));
  }
  if (/^[a-z_]*$/.test(before)) {
    return Object.entries(properties).map(([key, property]) => ({
      label: key,
      kind: CompletionItemKind.Property,
      documentation: property.description,
      insertText: `${key}: `,
    }));
  }
  return [];
}
