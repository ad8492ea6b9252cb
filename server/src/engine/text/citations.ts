import type { Regime, Span } from '../types';

/** One provision as cited in the letter, split into single limbs. */
export interface CitationMatch {
  span: Span;
  /** The cited text exactly as written (the whole list item for split limbs). */
  text: string;
  /** "section" words cite the Act, "regulation" words cite the Regulations. */
  instrument: 'act' | 'regulations';
  /** Normalised path: "31(1)(a)". */
  path: string;
  /** Regime named right after the citation ("of FOISA"), if any. */
  namedRegime?: Regime;
  /** True when the citation is to another enactment ("of the Data Protection Act 2018"). */
  external: boolean;
}

type GroupClass = 'sub' | 'para' | 'roman';
const ROMAN = /^(i|ii|iii|iv|v|vi|vii|viii|ix|x)$/;

// Keyword, then a number with optional limb groups. Quantifiers are bounded and
// alternatives are disjoint, so matching is linear in the input.
const KEYWORD = String.raw`(?<![\w'’./-])(sections?|ss\.?|s\.|s(?=\s?\d)(?!\d{1,2}\s?\d[A-Z]{2}\b)|regulations?|regs?\.?|r\.(?=\s?\d))`;
const GROUP = String.raw`\((?:\d{1,2}[A-Z]{0,2}|[a-z]{1,4})\)`;
const NUMBER = String.raw`\d{1,3}(?!\d)[A-Z]?`;
const HEAD = new RegExp(String.raw`${KEYWORD}\s{0,2}(${NUMBER})((?:\s?${GROUP}){0,6})`, 'gi');
// Continuations: ", 24(2)", " and (3A)(a)", " or regulation 12(5)(b)", " & 31".
const CONTINUATION = new RegExp(
  String.raw`^\s{0,2}(?:,\s{0,2}(?:and|or)?|and\/or|and|or|&|\/)\s{0,2}(?:(sections?|ss\.?|s\.?|regulations?|regs?\.?)\s{0,2})?(?:(${NUMBER})((?:\s?${GROUP}){0,6})|((?:\s?${GROUP}){1,6}))`,
  'i',
);
const QUANTITY_AFTER = /^\s{1,3}(working|calendar|days?|weeks?|months?|years?|hours?|minutes?|per\b|percent|%|people|requests?|pages?|items?)/i;
const SEPARATOR = /^\s{0,2}(?:,\s{0,2}(?:and|or)?|and\/or|and|or|&|\/)\s{0,2}/i;
const GROUPS_IN = new RegExp(GROUP, 'gi');

const REGIME_NAMES: [RegExp, Regime][] = [
  [/^(FOISA|the Freedom of Information \(Scotland\) Act( 2002)?)/i, 'FOISA'],
  [/^(EISR|the Environmental Information \(Scotland\) Regulations( 2004)?)/i, 'EISR'],
  [/^(FOIA|FoIA|the Freedom of Information Act( 2000)?)/i, 'FOIA'],
  [/^(EIR|the EIR|the Environmental Information Regulations( 2004)?)/i, 'EIR'],
];
const OF_WHAT = /^\s{0,2}(?:of|under|in)\s{1,2}/;
// Another enactment: "the Police Reform and Social Responsibility Act 2011", "the 2005 Act",
// or an abbreviation such as "CRCA" or "PACE" that is not one of the four regimes.
const OTHER_ENACTMENT =
  /^(the\s)?(?:(?:[A-Z][\w'’()-]{0,30}|and|of|for|the|on|in|to|&)\s){0,12}?(Act|Regulations|Order|Rules|Code|Convention|Directive|Schedule)\b|^(the\s)?\d{4}\s(Act|Regulations|Order)\b|^(the\s)?(DPA|UK GDPR|GDPR|PACE|RIPA|IPA|HRA)\b|^(the\s)?(?!(FOIA|FoIA|FOISA|EIRs?|EISR|FOI|FoI|ICO|SIC)\b)[A-Z][A-Za-z]{0,5}[A-Z]\b|^(Part|Schedule|Article)\s/;
// "of the Act" / "of the Regulations" refer to the letter's own instrument.
const OWN_INSTRUMENT = /^the (Act|Regulations)\b/;

function classify(group: string, previous: GroupClass | undefined): GroupClass {
  const inner = group.slice(1, -1);
  if (/^\d/.test(inner)) return 'sub';
  if (ROMAN.test(inner) && (previous === 'para' || previous === 'roman')) return 'roman';
  return 'para';
}

function groupsOf(text: string): string[] {
  return text.match(GROUPS_IN) ?? [];
}

/**
 * Expands "(1)(a)(b)" into ["(1)(a)", "(1)(b)"]: consecutive groups of the same
 * class are siblings, not parent and child.
 */
export function expandLimbs(groups: string[]): string[][] {
  const results: string[][] = [];
  let current: string[] = [];
  let currentClasses: GroupClass[] = [];
  for (const group of groups) {
    const cls = classify(group, currentClasses[currentClasses.length - 1]);
    const lastClass = currentClasses[currentClasses.length - 1];
    if (lastClass !== undefined && cls === lastClass) {
      results.push(current);
      current = current.slice(0, -1);
      currentClasses = currentClasses.slice(0, -1);
    }
    current = [...current, group];
    currentClasses = [...currentClasses, cls];
  }
  results.push(current);
  return results;
}

/** Replaces the tail of a previous path with a limb-only continuation: 40(2) + (3A)(a) = 40(3A)(a). */
function continueFrom(previous: string[], continuation: string[]): string[] {
  let classes: GroupClass[] = [];
  for (const g of previous) classes = [...classes, classify(g, classes[classes.length - 1])];
  const firstInner = continuation[0].slice(1, -1);
  const firstClass = ROMAN.test(firstInner) && classes.includes('roman') ? 'roman' : classify(continuation[0], undefined);
  const at = classes.lastIndexOf(firstClass);
  const base = at >= 0 ? previous.slice(0, at) : previous;
  return [...base, ...continuation];
}

function regimeAfter(text: string, end: number): { namedRegime?: Regime; external: boolean } {
  // Hard-wrapped letters break "of the Environmental / Information Regulations" across lines.
  const tail = text.slice(end, end + 160).replace(/\s+/g, ' ');
  const of = OF_WHAT.exec(tail);
  if (!of) return { external: false };
  const rest = tail.slice(of[0].length);
  for (const [pattern, regime] of REGIME_NAMES) if (pattern.test(rest)) return { namedRegime: regime, external: false };
  if (OWN_INSTRUMENT.test(rest)) return { external: false };
  if (OTHER_ENACTMENT.test(rest)) return { external: true };
  return { external: false };
}

/** Finds every citation of a section or regulation in `text` between `from` and `to`. */
export function findCitations(text: string, from = 0, to = text.length): CitationMatch[] {
  const found: CitationMatch[] = [];
  HEAD.lastIndex = from;
  let head: RegExpExecArray | null;
  while ((head = HEAD.exec(text)) !== null && head.index < to) {
    const keyword = head[1];
    const instrument = /^r/i.test(keyword) ? 'regulations' : 'act';
    const plural = /^(sections|ss|regulations|regs)/i.test(keyword);
    let number = head[2];
    let groups = groupsOf(head[3]);
    let spanEnd = head.index + head[0].length;
    const items: { number: string; groups: string[]; instrument: 'act' | 'regulations'; start: number; end: number }[] = [
      { number, groups, instrument, start: head.index, end: spanEnd },
    ];
    // Follow the list: "sections 23(5) and 24(2)", "section 40(2) and (3A)(a)".
    for (let guard = 0; guard < 20; guard++) {
      const rest = text.slice(spanEnd, spanEnd + 60);
      const next = CONTINUATION.exec(rest);
      if (!next) break;
      const restartKeyword = next[1];
      const nextInstrument = restartKeyword ? (/^r/i.test(restartKeyword) ? 'regulations' : 'act') : items[items.length - 1].instrument;
      if (next[2] !== undefined) {
        const nextGroups = groupsOf(next[3] ?? '');
        // A bare number continues a list only after a plural keyword or with limbs, and never as a quantity ("and 20 working days").
        if (!restartKeyword && nextGroups.length === 0 && (!plural || QUANTITY_AFTER.test(rest.slice(next[0].length)))) break;
        number = next[2];
        groups = nextGroups;
      } else {
        groups = continueFrom(groups, groupsOf(next[4]));
      }
      const start = spanEnd + (SEPARATOR.exec(rest)?.[0].length ?? 0);
      spanEnd += next[0].length;
      items.push({ number, groups, instrument: nextInstrument, start, end: spanEnd });
    }
    const after = regimeAfter(text, spanEnd);
    for (const item of items) {
      for (const limb of expandLimbs(item.groups)) {
        found.push({
          span: { start: item.start, end: item.end },
          text: text.slice(item.start, item.end),
          instrument: item.instrument,
          path: item.number + limb.join(''),
          ...after,
        });
      }
    }
    HEAD.lastIndex = spanEnd;
  }
  return found;
}

/** "31(1)(a)" → ["31", "(1)", "(a)"]. */
export function splitPath(path: string): string[] {
  const number = /^\d{1,3}[A-Z]?/.exec(path)?.[0] ?? path;
  return [number, ...groupsOf(path.slice(number.length))];
}

/** True when `prefix` is `path` or one of its ancestors. */
export function isPathPrefix(prefix: string, path: string): boolean {
  const a = splitPath(prefix);
  const b = splitPath(path);
  if (a.length > b.length) return false;
  return a.every((part, i) => part === b[i]);
}
