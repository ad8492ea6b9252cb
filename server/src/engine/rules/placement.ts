// Where a missing section belongs, and the text a quick fix inserts there.
import type { LetterModel, ProvisionUse } from '../model/letter';
import type { Coverage } from '../model/coverage';
import { PUBLIC_INTEREST_ROLES, type SectionRole } from '../model/roles';
import type { Section } from '../model/sections';
import { firstSnippet, snippetToText } from '../snippets';
import type { Regime, TextInsertion } from '../types';
import { isEnvironmental, isScottish } from '../knowledge/regimes';

/** Offset at the start of the line holding `offset`, or the end of the text. */
function lineStartOf(model: LetterModel, offset: number): number {
  return model.lines.lineStart(model.lines.positionAt(offset).line);
}

function before(section: Section | undefined, model: LetterModel): number | undefined {
  return section ? lineStartOf(model, section.titleSpan.start) : undefined;
}

function after(section: Section | undefined): number | undefined {
  return section ? section.span.end : undefined;
}

function first(model: LetterModel, predicate: (s: Section) => boolean): Section | undefined {
  return model.sections.find(predicate);
}

function last(model: LetterModel, predicate: (s: Section) => boolean): Section | undefined {
  for (let i = model.sections.length - 1; i >= 0; i--) if (predicate(model.sections[i])) return model.sections[i];
  return undefined;
}

const has = (roles: SectionRole[]) => (s: Section) => s.role !== undefined && roles.includes(s.role);

/** Where to insert a section playing `role` for `use`. */
export function insertionOffset(model: LetterModel, coverage: Coverage, role: SectionRole, use?: ProvisionUse): number {
  const inScope = (s: Section) => !use || coverage.appliesTo(s, use);
  const rights = first(model, has(['rights']));
  const end = model.text.length;
  switch (role) {
    case 'harm':
    case 'legitimate-interests':
    case 'qualified-person':
      return (
        before(first(model, (s) => s.role !== undefined && PUBLIC_INTEREST_ROLES.has(s.role)), model) ??
        after(last(model, has(['exemptions', 'harm', 'response']))) ??
        before(rights, model) ??
        end
      );
    case 'public-interest':
      return before(first(model, has(['balance'])), model) ?? after(last(model, has(['harm', 'exemptions', 'legitimate-interests']))) ?? before(rights, model) ?? end;
    case 'factors-for':
      return before(first(model, (s) => s.role === 'factors-against' && inScope(s)), model) ?? pitEnd(model, inScope) ?? before(rights, model) ?? end;
    case 'factors-against':
      return after(last(model, (s) => s.role === 'factors-for' && inScope(s))) ?? pitEnd(model, inScope) ?? before(rights, model) ?? end;
    case 'balance':
      return pitEnd(model, inScope) ?? before(rights, model) ?? end;
    case 'ncnd':
      return before(rights, model) ?? end;
    default:
      return end;
  }
}

function pitEnd(model: LetterModel, inScope: (s: Section) => boolean): number | undefined {
  const lastPit = last(model, (s) => s.role !== undefined && PUBLIC_INTEREST_ROLES.has(s.role) && inScope(s));
  if (!lastPit) return undefined;
  // End of the whole public interest part: the last PIT-family section's direct body.
  return lastPit.bodySpan.end;
}

/** Wraps a block so it sits on its own lines with blank lines around it. */
export function blockInsertion(model: LetterModel, offset: number, block: string, title: string): TextInsertion {
  const text = model.text;
  const atEnd = offset >= text.length;
  const precededByNewline = offset === 0 || /[\r\n]$/.test(text.slice(Math.max(0, offset - 1), offset));
  const blankBefore = offset === 0 || /(\r?\n|\r)\s*(\r?\n|\r)$/.test(text.slice(Math.max(0, offset - 4), offset));
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lead = precededByNewline ? (blankBefore ? '' : eol) : eol + eol;
  const body = block.replace(/\r?\n/g, eol).trimEnd();
  return { kind: 'insert-section', title, offset, text: lead + body + eol + (atEnd ? '' : eol) };
}

function provisionKey(use: ProvisionUse): string {
  const id = use.resolution.entry.id.toLowerCase();
  const path = use.citations[0]?.path ?? id;
  const parts = path.replace(/[()]+/g, '-').replace(/-$/, '').toLowerCase();
  switch (use.regime) {
    case 'FOIA':
      return `s${id}`;
    case 'EIR':
      return `eir-${parts.split('-').slice(0, 3).join('-')}`;
    case 'FOISA':
      return `foisa-s${id}`;
    case 'EISR':
      return `eisr-${parts.split('-').slice(0, 3).join('-')}`;
  }
}

function regimeKey(regime: Regime): string {
  return regime.toLowerCase();
}

/** Snippet prefixes to try for a part, most specific first. */
export function snippetPrefixes(role: SectionRole, use: ProvisionUse | undefined, regime: Regime): string[] {
  const key = use ? provisionKey(use) : undefined;
  const ncnd = use?.resolution.facts.ncnd ?? false;
  const scottish = isScottish(regime);
  const eir = isEnvironmental(regime);
  switch (role) {
    case 'harm':
      return [
        ...(ncnd ? ['foi-harm-ncnd'] : []),
        ...(key ? [`foi-harm-${key}`] : []),
        ...(use?.resolution.facts.test === 'adverse-effect' ? ['foi-harm-eir-12-5'] : []),
        ...(scottish ? ['foi-harm-foisa'] : []),
        'foi-harm',
      ];
    case 'public-interest':
      return ncnd ? [`foi-pit-ncnd-${key}`, 'foi-pit-ncnd', 'foi-pit'] : [`foi-pit-${key}`, 'foi-pit'];
    case 'factors-for':
      return ncnd ? [`foi-pit-for-ncnd-${key}`, 'foi-pit-for-ncnd', 'foi-pit-for'] : [`foi-pit-for-${key}`, 'foi-pit-for'];
    case 'factors-against':
      return ncnd ? [`foi-pit-against-ncnd-${key}`, 'foi-pit-against-ncnd', 'foi-pit-against'] : [`foi-pit-against-${key}`, 'foi-pit-against'];
    case 'balance':
      return [...(ncnd ? ['foi-balance-ncnd'] : []), ...(eir ? ['foi-balance-eir'] : []), ...(regime === 'FOISA' ? ['foi-balance-foisa'] : []), 'foi-balance'];
    case 'ncnd':
      return ['foi-ncnd'];
    case 'rights':
      return [`foi-rights-${regimeKey(regime)}`, 'foi-rights-foia'];
    case 'legitimate-interests':
      return ['foi-lia'];
    case 'qualified-person':
      return ['foi-qp'];
    default:
      return [];
  }
}

/** A quick fix that inserts the standard wording for `role`, or none when no snippet fits. */
export function sectionFix(model: LetterModel, coverage: Coverage, role: SectionRole, use: ProvisionUse | undefined, what: string): TextInsertion[] {
  const snippet = firstSnippet(snippetPrefixes(role, use, model.regime));
  if (!snippet) return [];
  const offset = insertionOffset(model, coverage, role, use);
  const values = { provision: use?.label, reference: referenceOf(model), markPlaceholders: true };
  let text = snippetToText(snippet.body, values);
  let prefixes = snippet.prefix;
  if (role === 'public-interest') {
    // A whole public interest test ends with its balance.
    const balance = firstSnippet(snippetPrefixes('balance', use, model.regime));
    if (balance) {
      text = `${text.trimEnd()}\n\n${snippetToText(balance.body, values)}`;
      prefixes += ` + ${balance.prefix}`;
    }
  }
  return [blockInsertion(model, offset, text, `Insert ${what} (${prefixes})`)];
}

export function referenceOf(model: LetterModel): string | undefined {
  const reference = model.frontMatter?.data.reference;
  return typeof reference === 'string' ? reference : undefined;
}
