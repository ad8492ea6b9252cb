// Why the engine decided what it did: the letter type, the regime, and for each provision
// relied on each required part with the text taken as that part. Host-agnostic: the CLI
// prints it, the language server shows it in hover and the checklist.
import type { LintResult } from './lint';
import { PART_LABELS, type Part } from './model/coverage';
import type { Citation, ProvisionUse } from './model/letter';
import { LETTER_TYPE_LABELS, letterTypeOf, type LetterType } from './model/letterType';
import { rightsOf } from './model/rights';
import type { Range, Span } from './types';

export interface Excerpt {
  span: Span;
  range: Range;
  /** The text taken, on one line, shortened to about 160 characters. */
  text: string;
}

export interface ExplainedPart {
  part: Part | 'review' | 'regulator';
  label: string;
  /** Where the letter gives it; empty when not found. */
  found: Excerpt[];
}

export interface ExplainedProvision {
  label: string;
  title: string;
  status: string;
  test: string;
  ncnd: boolean;
  anchor: Excerpt;
  parts: ExplainedPart[];
}

export interface NotReliedOn {
  citation: Excerpt;
  why: string;
}

export interface Explanation {
  letterType: LetterType;
  letterTypeLabel: string;
  letterTypeSource: 'front-matter' | 'text';
  letterTypeEvidence?: Excerpt;
  regime: string;
  regimeSource: 'front-matter' | 'text' | 'setting';
  provisions: ExplainedProvision[];
  /** Review and complaint rights, when the letter owes them. */
  rights?: { reason: string; parts: ExplainedPart[]; elsewhere?: Excerpt };
  /** Citations that were read but are not relied on, and why. */
  notReliedOn: NotReliedOn[];
}

const EXCERPT_LENGTH = 160;

export function excerptOf(result: LintResult, span: Span): Excerpt {
  const { text, lines } = result.model;
  const flat = text.slice(span.start, Math.min(span.end, span.start + EXCERPT_LENGTH * 2)).replace(/\s+/g, ' ').trim();
  return { span, range: lines.rangeOf(span), text: flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat };
}

function whyNotRelied(citation: Citation): string | undefined {
  if (citation.external) return 'cites another enactment';
  if (citation.voice === 'requester') return "in the requester's own words";
  if (citation.voice === 'statute') return 'in a legal annex that quotes the law';
  if (citation.withdrawn) return 'the letter says it is no longer relied on';
  return undefined;
}

export function explainProvision(result: LintResult, use: ProvisionUse): ExplainedProvision {
  const facts = result.coverage.factsFor(use);
  return {
    label: use.label,
    title: use.resolution.title,
    status: facts.status,
    test: facts.test,
    ncnd: facts.ncnd,
    anchor: excerptOf(result, use.anchor.span),
    parts: result.coverage.partsFor(use).required.map(({ part, foundAt }) => ({
      part,
      label: PART_LABELS[part],
      found: foundAt.map((span) => excerptOf(result, span)),
    })),
  };
}

export function explain(result: LintResult): Explanation {
  const { model } = result;
  const type = letterTypeOf(model);
  const rights = rightsOf(model);
  const explanation: Explanation = {
    letterType: type.type,
    letterTypeLabel: LETTER_TYPE_LABELS[type.type],
    letterTypeSource: type.source,
    letterTypeEvidence: type.evidence ? excerptOf(result, type.evidence) : undefined,
    regime: model.regime,
    regimeSource: model.regimeSource,
    provisions: model.provisions.map((use) => explainProvision(result, use)),
    notReliedOn: [],
  };
  if (rights.owed) {
    const parts: ExplainedPart[] = [];
    if (rights.owed.review) parts.push({ part: 'review', label: 'Internal review (or representations) route', found: rights.review ? [excerptOf(result, rights.review)] : [] });
    if (rights.owed.regulator) parts.push({ part: 'regulator', label: 'Right to complain to the regulator', found: rights.regulator ? [excerptOf(result, rights.regulator)] : [] });
    explanation.rights = { reason: rights.owed.reason, parts, elsewhere: rights.elsewhere ? excerptOf(result, rights.elsewhere) : undefined };
  }
  for (const citation of model.citations) {
    const why = whyNotRelied(citation);
    if (why) explanation.notReliedOn.push({ citation: excerptOf(result, citation.span), why });
  }
  return explanation;
}
