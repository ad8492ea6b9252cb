import type { Content, Heading, List, ListItem, Paragraph, RootContent } from 'mdast';
import type { Span, TitleCandidate, TitleStyle } from '../types';
import { CONTEXTUAL_CONCLUSION, matchRole, PUBLIC_INTEREST_ROLES, type SectionRole } from './roles';
import { findCitations } from '../text/citations';
import { replaceComments } from '../text/comments';
import { parseInline } from '../parse';
import { LIST_MARKER } from '../text/prose';

export type { TitleCandidate, TitleStyle } from '../types';

export interface Section {
  index: number;
  /** Title as written, cleaned of Markdown markup, numbering and a trailing colon. */
  title: string;
  titleSpan: Span;
  /** Text after the title up to the next title of any level. */
  bodySpan: Span;
  /** Title start to the next title at the same or a higher level (for folding and outline). */
  span: Span;
  style: TitleStyle;
  level: number;
  role: SectionRole | undefined;
  parent: Section | undefined;
}

const MAX_TITLE_LENGTH = 100;
const MAX_TITLE_WORDS = 14;
const MAX_PROVISION_TITLE_WORDS = 9;

/** `text` with each closed HTML comment replaced by a space. */
function withoutComments(text: string): string {
  return replaceComments(text, () => ' ', false);
}

const WHITESPACE = /\s/;

/** Drops an ATX closing sequence (whitespace, #s, trailing whitespace), as /\s+#+\s*$/ would but in linear time. */
function withoutClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && WHITESPACE.test(text[end - 1])) end--;
  let hashes = end;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  if (hashes === end || hashes === 0 || !WHITESPACE.test(text[hashes - 1])) return text;
  let start = hashes;
  while (start > 0 && WHITESPACE.test(text[start - 1])) start--;
  return text.slice(0, start);
}

/** Cleans a title line: markup, numbering, trailing colon, dashes folded. */
export function cleanTitle(raw: string): string {
  return withoutClosingHashes(withoutComments(raw).replace(/^\s{0,3}#{1,6}\s+/, ''))
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .replace(/[*_`]{1,3}/g, '')
    .replace(/^\s*(\(?\d{1,2}[.)]|\(?[A-Za-z][.)]|[ivx]{1,4}[.)])\s+/, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ ?:$/, '');
}

/** Lower-cased title with citations and provision decoration removed, for role matching. */
export function normaliseForRole(title: string): string {
  let text = title;
  const citations = findCitations(text);
  for (let i = citations.length - 1; i >= 0; i--) {
    const { start, end } = citations[i].span;
    text = text.slice(0, start) + ' section ' + text.slice(end);
  }
  const folded = text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\b(of|under) (the )?(foisa|foia|eir|eisr|act|regulations)\b/g, ' ')
    .replace(/\b(re|for):?\s/g, (m) => (m.startsWith('for') ? m : ' '))
    .replace(/\s-\s|\s-$|^-\s|[(),;]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // A citation leading or closing a title is decoration: "S31 – Balance test".
    .replace(/^(section )+(?=\S)/, '');
  return withoutTrailing(folded, ' section').trim();
}

/** Drops every trailing repeat of `suffix`, as /(suffix)+$/ would but in linear time. */
function withoutTrailing(text: string, suffix: string): string {
  let end = text.length;
  while (end >= suffix.length && text.startsWith(suffix, end - suffix.length)) end -= suffix.length;
  return text.slice(0, end);
}

function spanOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, base: number): Span | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start: base + start, end: base + end };
}

function isSingleLine(text: string): boolean {
  return !/[\r\n]/.test(text);
}

function wordCount(text: string): number {
  return text.split(' ').filter(Boolean).length;
}

/** True for a paragraph whose only visible content is bold (or bold-italic) text. */
function isBoldOnly(paragraph: Paragraph): boolean {
  const visible = paragraph.children.filter((child) => !(child.type === 'html' || (child.type === 'text' && child.value.trim() === '')));
  return visible.length === 1 && visible[0].type === 'strong';
}

const SIMPLE_BOLD = /^(\*\*|__)(?=[^\s*_])[^*_`[\]<>\\&!\r\n]*[^\s*_`[\]<>\\&!]\1$/;

/**
 * True for a one-line paragraph whose only visible content is bold. The line is parsed on
 * its own, so the answer never depends on link definitions elsewhere in the letter.
 */
function isBoldOnlyLine(raw: string): boolean {
  if (!raw.includes('**') && !raw.includes('__')) return false;
  // The usual cases without a parse: "**Title**" with nothing inline-special inside, and
  // lines whose first or last character cannot belong to bold or an ignorable piece.
  if (SIMPLE_BOLD.test(raw)) return true;
  if (!/^[\s*_<&]/.test(raw) || !/[*_>;\s]$/.test(raw)) return false;
  const root = parseInline(raw);
  const first = root.children[0];
  return root.children.length === 1 && first.type === 'paragraph' && isBoldOnly(first);
}

/**
 * Cheap test for prose lines: cleaning never removes letters or digits outside comments (bar
 * a numbering prefix of at most four), so more than that many means no title can result.
 */
function tooLongForTitle(raw: string): boolean {
  if (raw.length <= MAX_TITLE_LENGTH + 4 || raw.includes('<!--')) return false;
  let count = 0;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
      if (++count > MAX_TITLE_LENGTH + 4) return true;
    }
  }
  return false;
}

/** Plain one-line titles qualify only when they look like a known role or a provision heading. */
function looksLikePlainTitle(title: string): boolean {
  if (title.length === 0 || title.length > MAX_TITLE_LENGTH || wordCount(title) > MAX_TITLE_WORDS) return false;
  if (/[.,;?!]$/.test(title)) return false;
  return matchRole(normaliseForRole(title)) !== undefined || CONTEXTUAL_CONCLUSION.test(title.toLowerCase()) || isProvisionHeading(title);
}

/** "Section 24(2) – National security", "S31(3)", "Regulation 12(5)(b): course of justice". */
export function isProvisionHeading(title: string): boolean {
  const citations = findCitations(title);
  if (citations.length === 0) return false;
  const before = title.slice(0, citations[0].span.start).trim().toLowerCase();
  if (before !== '' && !/^(re|for|exemption|exception|the exemption at|the exception at)$/.test(before.replace(/:$/, ''))) return false;
  return wordCount(normaliseForRole(title).replace(/\bsection\b/g, ' ').trim()) <= MAX_PROVISION_TITLE_WORDS;
}

function candidateFromParagraph(paragraph: Paragraph, text: string, style: TitleStyle, base: number): TitleCandidate | undefined {
  const span = spanOf(paragraph, base);
  if (!span) return undefined;
  const raw = text.slice(span.start, span.end);
  if (!isSingleLine(raw) || tooLongForTitle(raw)) return undefined;
  const found = lineTitle(raw, style);
  return found ? { ...found, titleSpan: span } : undefined;
}

const MAX_INLINE_TITLE_LENGTH = 90;
const MAX_INLINE_TITLE_WORDS = 12;
const MAX_LABEL_LENGTH = 80;
const LINE_BREAK = /\r\n|\r|\n/g;
const STARTS_NEW_TEXT = /^[ \t]*(["'(\u2018\u201C]?[A-Z0-9]|[-*+\u2022\u25CF\u25AA\u25E6\uF0A7\uF0B7\u00B7])/;
const ENDS_SENTENCE = /[.:;!?)"\u201D]\s*$/;
const LIST_ITEM_LINE = new RegExp(String.raw`^[ \t]{0,8}(?:${LIST_MARKER})[ \t]`);
const RUN_IN_LABEL = /^[ \t]{0,3}(?:\*\*|__)?([A-Z][^:.!?\r\n]{2,80}?)(?:\*\*|__)?[ \t]?:(?:\*\*|__)?[ \t]+(?=\S)/;

/** A line inside a paragraph that is a title on its own: short, known wording, no sentence punctuation. */
function inlineTitle(line: string, provisionAlone = false): string | undefined {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_INLINE_TITLE_LENGTH || !/^(\*\*|__)?[A-Z0-9(]/.test(trimmed)) return undefined;
  const found = lineTitle(trimmed, 'plain');
  if (!found || wordCount(found.title) > MAX_INLINE_TITLE_WORDS) return undefined;
  if (matchRole(normaliseForRole(found.title)) !== undefined) return found.title;
  // A provision line is an entry of a list of exemptions, not a title, unless it stands alone.
  return provisionAlone && isProvisionHeading(found.title) ? found.title : undefined;
}

/** "Section 36(2)(b) – prejudice to public affairs": a citation, then a dash or colon and a gloss. */
const PROVISION_WITH_GLOSS = /^\W{0,4}(sections?|s\.?|regulations?|reg\.?)\s?\d[^\r\n]{0,60}?(\s[-\u2013\u2014]\s|:\s)\S/i;

function isProvisionLine(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= MAX_INLINE_TITLE_LENGTH && PROVISION_WITH_GLOSS.test(trimmed) && isProvisionHeading(cleanTitle(trimmed));
}

/**
 * Titles inside a paragraph, as hard-wrapped and PDF letters have them: a title line followed
 * directly by its text ("Balance test" then the text) and run-in labels ending in a colon
 * ("Factors in favour of disclosure: ..."). A line that merely wraps a sentence is not one.
 */
function candidatesInParagraph(paragraph: Paragraph, text: string, base: number, out: TitleCandidate[]): void {
  const span = spanOf(paragraph, base);
  if (!span) return;
  const raw = text.slice(span.start, span.end);
  const lines: { start: number; text: string }[] = [];
  let from = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(raw); m; m = LINE_BREAK.exec(raw)) {
    lines.push({ start: from, text: raw.slice(from, m.index) });
    from = m.index + m[0].length;
  }
  lines.push({ start: from, text: raw.slice(from) });
  if (lines.length < 2) {
    runInLabel(lines[0], span.start, out);
    return;
  }
  let previousIsTitle = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const previous = lines[i - 1];
    const next = lines[i + 1];
    const opensText = next !== undefined && STARTS_NEW_TEXT.test(next.text);
    // A list item often has no full stop, so the line after one starts afresh too.
    const afterSentence = previous === undefined || previousIsTitle || ENDS_SENTENCE.test(previous.text) || previous.text.trim() === '' || LIST_ITEM_LINE.test(previous.text);
    previousIsTitle = false;
    if (opensText && afterSentence && !ENDS_SENTENCE.test(line.text.replace(/:\s*$/, ''))) {
      // A provision line followed by prose (not by another provision line) heads that prose.
      const provisionAlone = isProvisionLine(line.text) && !isProvisionLine(next.text) && !(previous !== undefined && isProvisionLine(previous.text));
      const title = inlineTitle(line.text, provisionAlone);
      // A wrapped line is about as long as its neighbours; a title line is much shorter.
      if (title && (provisionAlone || line.text.trim().endsWith(':') || line.text.trim().length < 0.8 * Math.max(next.text.trim().length, previous?.text.trim().length ?? 0))) {
        const lead = line.text.length - line.text.trimStart().length;
        out.push({ title, titleSpan: { start: span.start + line.start + lead, end: span.start + line.start + line.text.trimEnd().length }, style: 'plain' });
        previousIsTitle = true;
        continue;
      }
    }
    if (afterSentence) runInLabel(line, span.start, out);
  }
}

/** "Factors in favour of disclosure: text..." at the start of a line: the label is a title. */
function runInLabel(line: { start: number; text: string }, offset: number, out: TitleCandidate[]): void {
  if (line.text.length < 6 || !line.text.includes(':')) return;
  const match = RUN_IN_LABEL.exec(line.text);
  if (!match || match[1].length > MAX_LABEL_LENGTH) return;
  const title = inlineTitle(match[1]);
  if (!title) return;
  const start = offset + line.start + (match[0].length - match[0].trimStart().length);
  out.push({ title, titleSpan: { start, end: offset + line.start + match[0].trimEnd().length }, style: 'plain' });
}

// Whether a one-line paragraph is a title depends only on its text and style, and letters
// repeat their titles, so the answer is kept (short lines only, a bounded number of them).
const lineTitleCache = new Map<string, { title: string; style: TitleStyle } | null>();
const LINE_TITLE_CACHE_LIMIT = 20_000;

function lineTitle(raw: string, style: TitleStyle): { title: string; style: TitleStyle } | null {
  const key = raw.length <= 300 ? `${style}\u0000${raw}` : undefined;
  const cached = key === undefined ? undefined : lineTitleCache.get(key);
  if (cached !== undefined) return cached;
  const found = computeLineTitle(raw, style);
  if (key !== undefined) {
    if (lineTitleCache.size >= LINE_TITLE_CACHE_LIMIT) lineTitleCache.clear();
    lineTitleCache.set(key, found);
  }
  return found;
}

function computeLineTitle(raw: string, style: TitleStyle): { title: string; style: TitleStyle } | null {
  const title = cleanTitle(raw);
  if (style === 'plain' && isBoldOnlyLine(raw)) {
    if (title.length === 0 || title.length > MAX_TITLE_LENGTH || /[.,;?!]$/.test(title)) return null;
    return { title, style: 'bold' };
  }
  return looksLikePlainTitle(title) ? { title, style } : null;
}

function candidateFromHeading(heading: Heading, text: string, base: number): TitleCandidate | undefined {
  const span = spanOf(heading, base);
  if (!span) return undefined;
  const raw = text.slice(span.start, span.end);
  const isAtx = /^\s{0,3}#/.test(raw);
  const firstLine = isAtx ? raw : raw.split(/\r\n|\r|\n/).slice(0, -1).join(' ');
  return { title: cleanTitle(firstLine), titleSpan: span, style: isAtx ? 'atx' : 'setext', hardLevel: heading.depth };
}

/** Numbered titles: "3. Public interest test" is an ordered list item whose first line is a title. */
function candidatesFromList(list: List, text: string, base: number, out: TitleCandidate[]): void {
  if (!list.ordered) return;
  for (const item of list.children as ListItem[]) {
    const first = item.children[0];
    if (!first || first.type !== 'paragraph') continue;
    const itemSpan = spanOf(item, base);
    const paraSpan = spanOf(first, base);
    if (!itemSpan || !paraSpan) continue;
    const candidate = candidateFromParagraph(first, text, 'numbered', base);
    if (!candidate) continue;
    // The numbering belongs to the title line.
    out.push({ ...candidate, titleSpan: { start: itemSpan.start, end: paraSpan.end } });
  }
}

/** Title candidates of one top-level node; `base` is the offset of the parsed slice in `text`. */
export function titleCandidatesOf(node: RootContent, text: string, base = 0): TitleCandidate[] {
  const out: TitleCandidate[] = [];
  if (node.type === 'heading') {
    const candidate = candidateFromHeading(node, text, base);
    if (candidate) out.push(candidate);
  } else if (node.type === 'paragraph') {
    const candidate = candidateFromParagraph(node, text, 'plain', base);
    if (candidate) out.push(candidate);
    else candidatesInParagraph(node, text, base, out);
  } else if (node.type === 'list') {
    candidatesFromList(node, text, base, out);
  }
  return out;
}

/** Sections that give the right to apply to the regulator or appeal: FOIA s50, s57; FOISA s47, s56; EIR reg 18; EISR reg 17. */
function citesOnlyRightsProvisions(title: string): boolean {
  const citations = findCitations(title);
  return citations.length > 0 && citations.every((c) => (c.instrument === 'act' ? /^(50|57|47|56)(\(|$)/ : /^(18|17)(\(|$)/).test(c.path));
}

interface TitleFacts {
  normalised: string;
  role: SectionRole | undefined;
  hasCitation: boolean;
  provisionHeading: boolean;
  onlyRightsProvisions: boolean;
}

// What a title says on its own, kept across model builds: most titles survive an edit.
const titleFactsCache = new Map<string, TitleFacts>();
const TITLE_FACTS_CACHE_LIMIT = 20_000;

function titleFacts(title: string): TitleFacts {
  let facts = titleFactsCache.get(title);
  if (!facts) {
    const normalised = normaliseForRole(title);
    const hasCitation = findCitations(title).length > 0;
    facts = {
      normalised,
      role: matchRole(normalised),
      hasCitation,
      provisionHeading: hasCitation && isProvisionHeading(title),
      onlyRightsProvisions: hasCitation && citesOnlyRightsProvisions(title),
    };
    if (titleFactsCache.size >= TITLE_FACTS_CACHE_LIMIT) titleFactsCache.clear();
    titleFactsCache.set(title, facts);
  }
  return facts;
}

/** Soft titles (bold, plain, numbered) nest under the last Markdown heading by role rank. */
function softRank(role: SectionRole | undefined): number {
  if (role === 'provision') return 2;
  if (role === 'factors-for' || role === 'factors-against') return 3;
  return 1;
}

const CLEARS_PUBLIC_INTEREST: ReadonlySet<SectionRole> = new Set([
  'request',
  'response',
  'exemptions',
  'rights',
  'ncnd',
  'legitimate-interests',
  'advice',
  'qualified-person',
  'harm',
  'legal-annex',
]);

/** "Re: Your request for information", "Subject: FOI 1234": a subject line, not a request section. */
const SUBJECT_LINE = /^(re|subject|ref|our ref|your ref|fao)\s?:/i;

/**
 * Builds the section list from title candidates: roles (with context), levels and
 * parents. A plain provision line inside an exemptions list is a list entry, not a title.
 */
export function buildSections(candidates: TitleCandidate[], textLength: number): Section[] {
  const sections: Section[] = [];
  let hardLevel = 0;
  let inExemptionsList = false;
  let inPublicInterest = false;
  let inLegitimateInterests = false;
  const stack: Section[] = [];

  for (const candidate of candidates) {
    const facts = titleFacts(candidate.title);
    const normalised = facts.normalised;
    let role = SUBJECT_LINE.test(candidate.title) ? undefined : facts.role;
    const hasCitation = facts.hasCitation;
    const isSoft = candidate.hardLevel === undefined;
    if (role === 'exemptions' && hasCitation && /^(exemptions?|exceptions?)$/.test(normalised)) role = 'provision';
    if (role === undefined && hasCitation && facts.provisionHeading) role = facts.onlyRightsProvisions ? 'rights' : 'provision';
    // "Section 36(2)(b) – prejudice to the conduct of public affairs" names the provision, whose
    // statutory title happens to say "prejudice"; "S31 – harm" is a harm section.
    if (role === 'harm' && facts.provisionHeading && wordCount(normalised.replace(/\bsection\b/g, ' ').trim()) > 3) role = 'provision';
    if (role === undefined && CONTEXTUAL_CONCLUSION.test(normalised)) role = inPublicInterest ? 'balance' : 'response';
    if (role === 'response' && /^(our |the )?decision\b/.test(normalised) && inPublicInterest) role = 'balance';

    // Plain provision lines inside an exemptions list are entries of the list.
    if (isSoft && candidate.style === 'plain' && role === 'provision' && inExemptionsList) continue;
    if (isSoft && role === undefined && candidate.style !== 'bold') continue;

    if (role === 'balance' && inLegitimateInterests && !inPublicInterest) role = 'legitimate-interests';

    const level = isSoft ? hardLevel + softRank(role) : (candidate.hardLevel as number);
    if (!isSoft) hardLevel = level;

    while (stack.length > 0 && stack[stack.length - 1].level >= level) stack.pop();
    const parent = stack[stack.length - 1];
    if (role === 'balance' && parent && ancestorHasRole(parent, 'legitimate-interests')) role = 'legitimate-interests';

    const section: Section = {
      index: sections.length,
      title: candidate.title,
      titleSpan: { ...candidate.titleSpan },
      bodySpan: { start: candidate.titleSpan.end, end: textLength },
      span: { start: candidate.titleSpan.start, end: textLength },
      style: candidate.style,
      level,
      role,
      parent,
    };
    sections.push(section);
    stack.push(section);

    if (role === 'exemptions') inExemptionsList = true;
    else if (role !== undefined && role !== 'provision') inExemptionsList = false;
    else if (role === 'provision' && !isSoft) inExemptionsList = inExemptionsList && parent?.role === 'exemptions';
    if (role !== undefined && PUBLIC_INTEREST_ROLES.has(role)) inPublicInterest = true;
    else if (role !== undefined && CLEARS_PUBLIC_INTEREST.has(role)) inPublicInterest = false;
    if (role === 'legitimate-interests') inLegitimateInterests = true;
    else if (role !== undefined && role !== 'balance' && role !== 'provision') inLegitimateInterests = false;
  }

  for (let i = 0; i < sections.length; i++) {
    const next = sections[i + 1];
    sections[i].bodySpan.end = next ? next.titleSpan.start : textLength;
    let j = i + 1;
    while (j < sections.length && sections[j].level > sections[i].level) j++;
    sections[i].span.end = j < sections.length ? sections[j].titleSpan.start : textLength;
  }
  return sections;
}

export function ancestorHasRole(section: Section | undefined, role: SectionRole): boolean {
  for (let s = section; s; s = s.parent) if (s.role === role) return true;
  return false;
}

export type { Content };
