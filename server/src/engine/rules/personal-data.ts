// personal-data: likely personal data in the letter body (disclosure safety).
// No regex here nests repetition, every multi-character repeat is bounded, and every
// look-back/look-ahead window has a fixed size, so the rule runs in linear time.
import type { FoiSettings, PersonalDataCategory } from '../config/settings';
import type { LetterModel } from '../model/letter';
import type { RuleFinding, Span, TextInsertion } from '../types';
import { directiveComment } from '../directives';
import type { Rule } from './rule';

export interface PersonalDataHit {
  category: PersonalDataCategory;
  span: Span;
}

const LABELS: Record<PersonalDataCategory, string> = {
  email: 'email address',
  phone: 'phone number',
  'ni-number': 'National Insurance number',
  'postcode-address': 'postal address',
  'date-of-birth': 'date of birth',
  'vehicle-registration': 'vehicle registration',
  'salutation-name': 'name',
};

/** When findings overlap, the earlier category in this list wins. */
const PRIORITY: readonly PersonalDataCategory[] = ['email', 'ni-number', 'phone', 'date-of-birth', 'vehicle-registration', 'postcode-address', 'salutation-name'];

// The regulators' published details appear in every rights section.
const REGULATOR_PHONES = new Set(['03031231113', '01625545700', '01625545745', '01334464610']);
const REGULATOR_POSTCODES = new Set(['SK95AF', 'KY169DS']);
const REGULATOR_EMAIL_DOMAINS = /(^|\.)(ico\.org\.uk|ico\.gsi\.gov\.uk|foi\.scot|itspublicknowledge\.info)$/i;
const REGULATOR_STREETS = /Wycliffe House|Water Lane,? Wilmslow|Kinburn Castle|Doubledykes Road/i;

/** Mailboxes that name a function, not a person. */
const ROLE_MAILBOXES = new Set([
  'foi', 'foia', 'eir', 'foisa', 'foirequests', 'foirequest', 'freedomofinformation', 'informationgovernance', 'infogov',
  'informationrights', 'information', 'info', 'enquiries', 'enquiry', 'contact', 'contactus', 'complaints', 'feedback', 'dpo',
  'dataprotection', 'records', 'recordsmanagement', 'admin', 'office', 'help', 'helpdesk', 'customerservices', 'reception',
  'press', 'media', 'noreply', 'donotreply', 'requests', 'governance', 'internalreview', 'reviews', 'review', 'mail', 'post',
  'hello', 'support', 'casework', 'icocasework', 'accessrequests', 'sar',
]);

// ---- masking -----------------------------------------------------------------

const URL = /(?<![\w@.-])(?:https?:\/\/|www\.)[^\s<>"'`)\]]{1,2048}/gi;

/** The text with front matter, HTML comments, code and URLs blanked out (line breaks kept). */
export function maskedText(model: LetterModel): string {
  const { text } = model;
  const ranges: Span[] = [{ start: 0, end: model.bodyStart }];
  let open = text.indexOf('<!--', model.bodyStart);
  while (open >= 0) {
    const close = text.indexOf('-->', open + 4);
    const end = close < 0 ? text.length : close + 3;
    ranges.push({ start: open, end });
    open = text.indexOf('<!--', end);
  }
  for (const range of codeRanges(text, model.bodyStart)) ranges.push(range);
  URL.lastIndex = 0;
  for (let m = URL.exec(text); m; m = URL.exec(text)) ranges.push({ start: m.index, end: m.index + m[0].length });

  ranges.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const range of ranges) {
    const start = Math.max(range.start, at);
    if (range.end <= start) continue;
    parts.push(text.slice(at, start), text.slice(start, range.end).replace(/[^\r\n]/g, ' '));
    at = range.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

// The model keeps no syntax tree, so code is found here with a linear scan (CommonMark's main cases).
const FENCE = /^[ \t>]{0,12}(`{3,64}|~{3,64})/;

/** Fenced code blocks (an unclosed fence runs to the end) and inline code spans. */
function codeRanges(text: string, bodyStart: number): Span[] {
  if (!text.includes('`', bodyStart) && !text.includes('~~~', bodyStart)) return [];
  const { fenced, blankLines } = scanLines(text, bodyStart);
  return [...fenced, ...inlineCodeSpans(text, bodyStart, fenced, blankLines)];
}

function scanLines(text: string, bodyStart: number): { fenced: Span[]; blankLines: number[] } {
  const fenced: Span[] = [];
  const blankLines: number[] = [];
  let open: { char: string; length: number; start: number } | undefined;
  for (let lineStart = bodyStart; lineStart <= text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() === '') blankLines.push(lineStart);
    const fence = FENCE.exec(line);
    if (fence) {
      const run = fence[1];
      const rest = line.slice(fence[0].length);
      if (!open && !(run[0] === '`' && rest.includes('`'))) open = { char: run[0], length: run.length, start: lineStart };
      else if (open && run[0] === open.char && run.length >= open.length && rest.trim() === '') {
        fenced.push({ start: open.start, end: lineEnd });
        open = undefined;
      }
    }
    lineStart = lineEnd + 1;
  }
  if (open) fenced.push({ start: open.start, end: text.length });
  return { fenced, blankLines };
}

/** Inline code: a backtick run closed by the next run of the same length in the same paragraph. */
function inlineCodeSpans(text: string, bodyStart: number, fenced: Span[], blankLines: number[]): Span[] {
  const runs: { start: number; length: number }[] = [];
  let f = 0;
  for (let i = text.indexOf('`', bodyStart); i >= 0; ) {
    while (f < fenced.length && fenced[f].end <= i) f++;
    if (f < fenced.length && fenced[f].start <= i) {
      i = text.indexOf('`', fenced[f].end);
      continue;
    }
    let j = i;
    while (j < text.length && text[j] === '`') j++;
    runs.push({ start: i, length: j - i });
    i = text.indexOf('`', j);
  }
  const byLength = new Map<number, number[]>();
  runs.forEach((run, k) => {
    const list = byLength.get(run.length);
    if (list) list.push(k);
    else byLength.set(run.length, [k]);
  });
  const next = new Map<number, number>();
  const spans: Span[] = [];
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k];
    if (text[run.start - 1] === '\\') continue;
    const list = byLength.get(run.length)!;
    let p = next.get(run.length) ?? 0;
    while (p < list.length && list[p] <= k) p++;
    next.set(run.length, p);
    if (p >= list.length) continue;
    const closer = runs[list[p]];
    if (blankLineBetween(blankLines, run.start, closer.start)) continue;
    spans.push({ start: run.start, end: closer.start + closer.length });
    k = list[p];
  }
  return spans;
}

function blankLineBetween(sortedStarts: number[], from: number, to: number): boolean {
  let low = 0;
  let high = sortedStarts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sortedStarts[mid] <= from) low = mid + 1;
    else high = mid;
  }
  return low < sortedStarts.length && sortedStarts[low] < to;
}

/** Up to `size` characters before `offset`, cut at the last line break. */
function lineBefore(text: string, offset: number, size: number): string {
  const window = text.slice(Math.max(0, offset - size), offset);
  const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('\r'));
  return cut < 0 ? window : window.slice(cut + 1);
}

/** Up to `size` characters after `offset`, cut at the first line break. */
function lineAfter(text: string, offset: number, size: number): string {
  const window = text.slice(offset, offset + size);
  const cut = window.search(/[\r\n]/);
  return cut < 0 ? window : window.slice(0, cut);
}

// ---- email -------------------------------------------------------------------

const isLocalChar = (c: string) => /[A-Za-z0-9._%+'-]/.test(c);
const isDomainChar = (c: string) => /[A-Za-z0-9.-]/.test(c);

/** Email addresses, found by expanding around each "@" (at most 64 + 253 characters). */
export function findEmails(text: string): Span[] {
  const out: Span[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && isLocalChar(text[start - 1])) start--;
    if (start > 0 && isLocalChar(text[start - 1])) continue;
    while (start < at && /[.'-]/.test(text[start])) start++;
    if (start === at) continue;
    let end = at + 1;
    while (end < text.length && end - at <= 253 && isDomainChar(text[end])) end++;
    while (end > at + 1 && /[.-]/.test(text[end - 1])) end--;
    const labels = text.slice(at + 1, end).split('.');
    if (labels.length < 2 || labels.some((l) => l.length === 0 || l.length > 63)) continue;
    if (!/^[A-Za-z]{2,24}$/.test(labels[labels.length - 1])) continue;
    out.push({ start, end });
  }
  return out;
}

function isRoleMailbox(address: string): boolean {
  const local = address.slice(0, address.indexOf('@')).toLowerCase().replace(/[._+-]/g, '');
  return ROLE_MAILBOXES.has(local);
}

// ---- phone -------------------------------------------------------------------

const PHONE_TAIL = String.raw`(?:\d{4}[ -]?\d{6}|\d{4}[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}|\d{4}[ -]?\d{3}[ -]?\d{3}|\d{3}[ -]?\d{3}[ -]?\d{4}|\d{2}[ -]?\d{4}[ -]?\d{4}|\d{3}[ -]?\d{7}|\d{2}[ -]?\d{8})`;
const PHONE = new RegExp(
  String.raw`(?<![\w+£$€/.#-])(?:(?:\+44 ?\(0\) ?|\+44 ?|0)${PHONE_TAIL}|\(0\d{2,4}\) ?\d{3,4}[ -]?\d{3,4})(?![\w@/]|[-.]\d)`,
  'g',
);
/** Words that make a following digit run a reference, not a phone number. */
const REFERENCE_BEFORE = /\b(?:ref|reference|case|crime|incident|account|a\/c|sort code|invoice|order|policy|claim|isbn|serial|licen[cs]e|permit|application|payroll|employee|staff|file)(?: no| no\.| number| num| id| ref)?[.:#]?[ \t]{0,3}$/i;

/** A UK number as 11 national digits ("01632960123"), or undefined when it is not one we flag. */
export function nationalPhone(raw: string): string | undefined {
  let digits: string;
  if (raw.startsWith('+44')) digits = '0' + raw.slice(3).replace('(0)', '').replace(/\D/g, '');
  else digits = raw.replace(/\D/g, '');
  if (digits.length !== 11 || !/^0[1237]/.test(digits)) return undefined;
  return digits;
}

export function findPhones(text: string): { span: Span; digits: string }[] {
  const out: { span: Span; digits: string }[] = [];
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(text); m; m = PHONE.exec(text)) {
    const digits = nationalPhone(m[0]);
    if (!digits) continue;
    if (REFERENCE_BEFORE.test(lineBefore(text, m.index, 40))) continue;
    out.push({ span: { start: m.index, end: m.index + m[0].length }, digits });
  }
  return out;
}

// ---- National Insurance number -----------------------------------------------

const NI_NUMBER = /\b([A-Z]{2}) ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g;
const NI_BAD_PREFIXES = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);

export function isValidNiPrefix(prefix: string): boolean {
  return !/[DFIQUV]/.test(prefix[0]) && !/[DFIQUVO]/.test(prefix[1]) && !NI_BAD_PREFIXES.has(prefix);
}

function findNiNumbers(text: string): Span[] {
  const out: Span[] = [];
  NI_NUMBER.lastIndex = 0;
  for (let m = NI_NUMBER.exec(text); m; m = NI_NUMBER.exec(text)) {
    if (isValidNiPrefix(m[1])) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// ---- postcode with street address --------------------------------------------

const POSTCODE = /\b([A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?) ?(\d[ABD-HJLNP-UW-Z]{2})\b/g;
const STREET_TYPES =
  'Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Crescent|Cres|Place|Grove|Gardens|Gdns|Court|Terrace|Row|Hill|Park|Square|Walk|Mews|View|Rise|Green|Parade|Wynd|Brae|Gate|Yard|Vale|Meadow|Meadows|Fields|Cottages|Loan|Vennel|Crofts|Croft|Heights|Bank|End|Passage|Quay|Wharf|Boulevard';
const STREET_TYPE = new RegExp(String.raw`\b(?:${STREET_TYPES})\b`, 'g');
/** A house name standing in for a number: "Rose Cottage". */
const HOUSE_NAME = /\b[A-Z][a-z'’-]{1,20} Cottage\b/g;
const CAPITALISED = /^[A-Z][a-z'’-]{1,20}$/;
const HOUSE_NUMBER = /^\d{1,4}[A-Za-z]?,?$/;

/**
 * Where a street address ending just before the street type at `typeStart` begins:
 * a house number and one to three capitalised words ("14 Mill Lane", "7a St John's Road"),
 * or "Flat 2, Harbour Wynd". -1 when there is none.
 */
function streetStart(window: string, typeStart: number): number {
  if (window[typeStart - 1] !== ' ') return -1;
  const from = Math.max(0, typeStart - 90);
  const tokens = [...window.slice(from, typeStart - 1).matchAll(/\S{1,40}/g)].map((m) => ({ word: m[0], start: from + (m.index ?? 0) }));
  /** Whether token i is followed by exactly one space (the words of an address line). */
  const spaced = (i: number) => {
    const end = tokens[i].start + tokens[i].word.length;
    return end === (i + 1 < tokens.length ? tokens[i + 1].start : typeStart) - 1;
  };
  let names = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const { word, start } = tokens[i];
    if (!spaced(i)) return -1;
    if (names < 3 && CAPITALISED.test(word)) {
      names++;
      continue;
    }
    if (names === 0) return -1;
    if (/^\d{1,4}[A-Za-z]?,$/.test(word) && i > 0 && /^(Flat|Apartment)$/.test(tokens[i - 1].word) && spaced(i - 1)) return tokens[i - 1].start;
    if (HOUSE_NUMBER.test(word)) return start;
    return -1;
  }
  return -1;
}

/** The street address nearest before the end of `window`: its start and end, or undefined. */
function lastStreet(window: string): Span | undefined {
  let best: Span | undefined;
  STREET_TYPE.lastIndex = 0;
  for (let m = STREET_TYPE.exec(window); m; m = STREET_TYPE.exec(window)) {
    const start = streetStart(window, m.index);
    if (start >= 0) best = { start, end: m.index + m[0].length };
  }
  HOUSE_NAME.lastIndex = 0;
  for (let m = HOUSE_NAME.exec(window); m; m = HOUSE_NAME.exec(window)) {
    const end = m.index + m[0].length;
    if (!best || end > best.end) best = { start: m.index, end };
  }
  return best;
}
const ADDRESS_WINDOW = 160;
/** Between the street and the postcode: at most four place names ("Harrowfield, Westshire"). */
function isPlaceGap(gap: string): boolean {
  const words = gap.split(/[\s,\\]{1,100}/).filter(Boolean);
  return gap.length <= 90 && words.length <= 4 && words.every((w) => /^[A-Z][A-Za-z'’.-]{0,25}$/.test(w));
}

export function normalisePostcode(value: string): string {
  return value.replace(/\s/g, '').toUpperCase();
}

function findPostcodes(text: string): { span: Span; postcode: string }[] {
  const out: { span: Span; postcode: string }[] = [];
  POSTCODE.lastIndex = 0;
  for (let m = POSTCODE.exec(text); m; m = POSTCODE.exec(text)) out.push({ span: { start: m.index, end: m.index + m[0].length }, postcode: m[1] + m[2] });
  return out;
}

/** Where the paragraph holding `offset` starts, looking back at most `size` characters. */
function paragraphStartWithin(text: string, offset: number, size: number): number {
  const limit = Math.max(0, offset - size);
  let sawBreak = false;
  for (let i = offset - 1; i >= limit; i--) {
    const c = text[i];
    if (c === '\n') {
      if (sawBreak) return i + 1;
      sawBreak = true;
    } else if (c !== ' ' && c !== '\t' && c !== '\r') sawBreak = false;
  }
  return limit;
}

function findAddresses(text: string, allowedPostcodes: Set<string>): Span[] {
  const out: Span[] = [];
  for (const { span, postcode } of findPostcodes(text)) {
    if (REGULATOR_POSTCODES.has(postcode) || allowedPostcodes.has(postcode)) continue;
    const windowStart = paragraphStartWithin(text, span.start, ADDRESS_WINDOW);
    const window = text.slice(windowStart, span.start);
    if (REGULATOR_STREETS.test(window)) continue;
    const street = lastStreet(window);
    if (!street || !isPlaceGap(window.slice(street.end))) continue;
    out.push({ start: windowStart + street.start, end: span.end });
  }
  return out;
}

// ---- date of birth -----------------------------------------------------------

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const DATE = new RegExp(
  String.raw`\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:${MONTHS})\.?,? \d{4}|(?:${MONTHS})\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})\b`,
  'gi',
);
const BIRTH_BEFORE = /\b(?:date of birth|birth ?date|birthday|d\.o\.b\.?|dob|born|aged \d{1,3})(?!\w)/gi;
/** "12/04/1987 (date of birth)" */
const BIRTH_AFTER = /^[ \t,(\[–-]{0,4}(?:date of birth|d\.o\.b|dob|birth ?date)\b/i;

/** A date is a date of birth when a birth word comes just before it (in the same sentence, no number between) or a label just after. */
function isBirthDate(text: string, start: number, end: number): boolean {
  if (BIRTH_AFTER.test(lineAfter(text, end, 25))) return true;
  const before = lineBefore(text, start, 45);
  let last: RegExpExecArray | undefined;
  BIRTH_BEFORE.lastIndex = 0;
  for (let m = BIRTH_BEFORE.exec(before); m; m = BIRTH_BEFORE.exec(before)) last = m;
  if (!last) return false;
  const between = before.slice(last.index + last[0].length);
  if (/^aged/i.test(last[0])) return /^[ \t,;:(\[–-]{0,4}$/.test(between);
  return !/\d|[.!?]\s/.test(between);
}

function findBirthDates(text: string): Span[] {
  const out: Span[] = [];
  DATE.lastIndex = 0;
  for (let m = DATE.exec(text); m; m = DATE.exec(text)) {
    const end = m.index + m[0].length;
    if (isBirthDate(text, m.index, end)) out.push({ start: m.index, end });
  }
  return out;
}

// ---- vehicle registration ----------------------------------------------------

/** Current format (2001 on): area letters, age identifier, three random letters; I and Q never used. */
const CURRENT_REG = /\b[A-HJ-PR-Y][A-HJ-PR-Z](\d{2}) ?[A-HJ-PR-Z]{3}\b/g;
/** Prefix (1983–2001) "A123 BCD" and suffix (1963–1983) "ABC 123D" formats: flagged only with a vehicle word nearby. */
const PREFIX_REG = /\b[A-HJ-NPR-Y]\d{1,3} ?[A-HJ-PR-Y][A-HJ-PR-Z]{2}\b/g;
const SUFFIX_REG = /\b[A-HJ-PR-Y][A-HJ-PR-Z]{2} ?\d{1,3} ?[A-HJ-NPR-TV-Y]\b/g;
const VEHICLE_WORDS = /\b(?:registration|registered|reg(?!\.? ?\d)|vrm|vrn|vehicle|car|van|lorry|motorcycle|motorbike|number ?plate|plate)\b/i;

function findRegistrations(text: string): Span[] {
  const out: Span[] = [];
  CURRENT_REG.lastIndex = 0;
  for (let m = CURRENT_REG.exec(text); m; m = CURRENT_REG.exec(text)) {
    const age = Number(m[1]);
    if ((age >= 2 && age <= 29) || (age >= 51 && age <= 79)) out.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const pattern of [PREFIX_REG, SUFFIX_REG]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const end = m.index + m[0].length;
      if (VEHICLE_WORDS.test(lineBefore(text, m.index, 40)) || VEHICLE_WORDS.test(lineAfter(text, end, 20))) out.push({ start: m.index, end });
    }
  }
  return out;
}

// ---- salutation name ---------------------------------------------------------

const DEAR = /\bDear[ \t]{1,4}/g;
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'rev', 'revd']);
/** Words that make "Dear X Y" a form of address, not a name. */
const GENERIC_ADDRESSEES = new Set([
  'sir', 'sirs', 'madam', 'requester', 'requestor', 'applicant', 'applicants', 'customer', 'customers', 'colleague', 'colleagues',
  'resident', 'residents', 'member', 'members', 'team', 'all', 'everyone', 'friend', 'friends', 'enquirer', 'complainant', 'correspondent',
  'editor', 'manager', 'officer', 'council', 'councillor', 'clerk', 'chair', 'chairman', 'chairperson', 'director', 'secretary',
  'executive', 'chief', 'head', 'information', 'data', 'subject', 'freedom', 'parent', 'parents', 'carer', 'student', 'user',
  'service', 'partner', 'partners', 'representative', 'solicitor', 'solicitors', 'agent', 'client', 'tenant', 'tenants', 'householder',
  'occupier', 'owner', 'landlord', 'neighbour', 'supporter', 'volunteer', 'reader', 'recipient', 'commissioner', 'minister', 'mayor',
  'governor', 'governors', 'trustee', 'trustees', 'board', 'panel', 'committee', 'department', 'office', 'public', 'general',
  'contractor', 'supplier', 'company', 'organisation', 'business', 'licensee', 'journalist', 'researcher', 'campaigner', 'claimant',
  'patient', 'relative', 'family', 'title', 'name', 'surname', 'firstname', 'forename', 'lastname', 'requesters', 'applicant’s',
]);
const NAME_TOKEN = /^\p{Lu}[\p{L}'’-]{1,30}$/u;
const INITIAL_TOKEN = /^\p{Lu}\.?$/u;

function findSalutationNames(text: string): Span[] {
  const out: Span[] = [];
  DEAR.lastIndex = 0;
  for (let m = DEAR.exec(text); m; m = DEAR.exec(text)) {
    const from = m.index + m[0].length;
    const line = lineAfter(text, from, 100);
    const tokens: { word: string; start: number }[] = [];
    for (const t of line.matchAll(/[^\s,;:!?()]{1,40}/g)) tokens.push({ word: t[0], start: from + (t.index ?? 0) });
    let i = 0;
    let titled = false;
    while (i < tokens.length && TITLES.has(tokens[i].word.replace(/\.$/, '').toLowerCase())) {
      titled = true;
      i++;
      // "Dear Mr and Mrs Patel"
      if (i + 1 < tokens.length && /^(and|&)$/.test(tokens[i].word) && TITLES.has(tokens[i + 1].word.replace(/\.$/, '').toLowerCase())) i++;
    }
    const name: { word: string; start: number }[] = [];
    for (; i < tokens.length && name.length < 4; i++) {
      const word = tokens[i].word.replace(/[.,]$/, '');
      const initial = INITIAL_TOKEN.test(tokens[i].word);
      if (!initial && (!NAME_TOKEN.test(word) || word === 'Dear')) break;
      if (!initial && word === word.toUpperCase()) break; // acronyms and placeholders ("FOI", "NAME")
      name.push({ word: tokens[i].word, start: tokens[i].start });
      const nextGap = i + 1 < tokens.length ? text.slice(tokens[i].start + tokens[i].word.length, tokens[i + 1].start) : ',';
      if (nextGap.trim() !== '') break; // a comma ends the name
    }
    const full = name.filter((t) => !INITIAL_TOKEN.test(t.word));
    if (full.length === 0) continue;
    if (!titled && name.length < 2) continue;
    if (name.some((t) => GENERIC_ADDRESSEES.has(t.word.replace(/[.,]$/, '').toLowerCase()))) continue;
    const last = name[name.length - 1];
    out.push({ start: name[0].start, end: last.start + last.word.replace(/[.,]$/, '').length });
  }
  return out;
}

// ---- allow list --------------------------------------------------------------

interface AllowList {
  emails: Set<string>;
  phones: Set<string>;
  postcodes: Set<string>;
}

/** The allow list, read with the same detectors: an entry may be a bare value or a whole contact line. */
export function readAllowList(entries: readonly string[]): AllowList {
  const allow: AllowList = { emails: new Set(), phones: new Set(), postcodes: new Set() };
  for (const entry of entries) {
    const trimmed = entry.trim();
    allow.emails.add(trimmed.toLowerCase());
    for (const span of findEmails(trimmed)) allow.emails.add(trimmed.slice(span.start, span.end).toLowerCase());
    const phone = nationalPhone(trimmed.replace(/[^\d+()]/g, ''));
    if (phone) allow.phones.add(phone);
    for (const found of findPhones(trimmed)) allow.phones.add(found.digits);
    const upper = trimmed.toUpperCase();
    allow.postcodes.add(normalisePostcode(upper));
    for (const found of findPostcodes(upper)) allow.postcodes.add(found.postcode);
  }
  return allow;
}

// ---- the rule ----------------------------------------------------------------

/** Every likely piece of personal data in the letter body, in text order (categories switched off are skipped). */
export function findPersonalData(model: LetterModel, settings: FoiSettings['personalData']): PersonalDataHit[] {
  const on = (category: PersonalDataCategory) => settings.categories[category] !== false;
  const text = maskedText(model);
  const allow = readAllowList(settings.allow);
  const hits: PersonalDataHit[] = [];
  const add = (category: PersonalDataCategory, spans: Span[]) => {
    if (on(category)) for (const span of spans) hits.push({ category, span });
  };

  add(
    'email',
    findEmails(text).filter((span) => {
      const address = text.slice(span.start, span.end);
      const domain = address.slice(address.indexOf('@') + 1);
      return !allow.emails.has(address.toLowerCase()) && !REGULATOR_EMAIL_DOMAINS.test(domain) && !isRoleMailbox(address);
    }),
  );
  add('ni-number', findNiNumbers(text));
  add(
    'phone',
    findPhones(text)
      .filter((p) => !REGULATOR_PHONES.has(p.digits) && !allow.phones.has(p.digits))
      .map((p) => p.span),
  );
  add('date-of-birth', findBirthDates(text));
  add('vehicle-registration', findRegistrations(text));
  add('postcode-address', on('postcode-address') ? findAddresses(text, allow.postcodes) : []);
  add('salutation-name', on('salutation-name') ? findSalutationNames(text) : []);

  return dropOverlaps(hits);
}

/** One finding per piece of text: a hit overlapping one of a higher-priority category (or an earlier one of its own) is dropped. */
function dropOverlaps(hits: PersonalDataHit[]): PersonalDataHit[] {
  let kept: PersonalDataHit[] = [];
  for (const category of PRIORITY) {
    const own = hits.filter((h) => h.category === category).sort((a, b) => a.span.start - b.span.start);
    const accepted: PersonalDataHit[] = [];
    for (const hit of own) {
      const previous = accepted[accepted.length - 1];
      if (previous && previous.span.end > hit.span.start) continue;
      if (!overlapsAny(kept, hit.span)) accepted.push(hit);
    }
    kept = mergeByStart(kept, accepted);
  }
  return kept;
}

/** `sorted` holds non-overlapping spans in text order. */
function overlapsAny(sorted: PersonalDataHit[], span: Span): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].span.end <= span.start) low = mid + 1;
    else high = mid;
  }
  return low < sorted.length && sorted[low].span.start < span.end;
}

function mergeByStart(a: PersonalDataHit[], b: PersonalDataHit[]): PersonalDataHit[] {
  const out: PersonalDataHit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].span.start <= b[j].span.start)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

export function personalDataMessage(category: PersonalDataCategory): string {
  return `Possible personal data (${LABELS[category]}) in the letter body: check it should be disclosed before sending.`;
}

/** Quick fix: mark the line as checked with a line directive (kept before any Markdown hard break). */
function markCheckedFix(model: LetterModel, hit: PersonalDataHit): TextInsertion {
  const line = model.lines.positionAt(hit.span.start).line;
  let offset = model.lines.lineEnd(line);
  const lineStart = model.lines.lineStart(line);
  while (offset > lineStart && /[ \t\\]/.test(model.text[offset - 1])) offset--;
  const name = `personal-data/${hit.category}`;
  return { kind: 'mark-checked', title: `Mark as checked (ignore ${name} on this line)`, offset, text: ` ${directiveComment('disable-line', name)}` };
}

export const personalData: Rule = {
  id: 'personal-data',
  description: 'The letter body contains what looks like personal data (email, phone, NI number, address, date of birth, vehicle registration, a name in the salutation).',
  defaultSeverity: 'warning',
  check({ model, settings }): RuleFinding[] {
    return findPersonalData(model, settings.personalData).map((hit) => ({
      span: hit.span,
      category: hit.category,
      message: personalDataMessage(hit.category),
      fixes: [markCheckedFix(model, hit)],
    }));
  },
};
