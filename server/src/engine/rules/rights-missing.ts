import type { LetterModel } from '../model/letter';
import type { Regime, RuleFinding } from '../types';
import { blockInsertion, referenceOf, snippetPrefixes } from './placement';

const HALF_SNIPPETS: Record<Regime, { review: string; regulator: string }> = {
  FOIA: { review: 'foi-rights-foia-review', regulator: 'foi-rights-foia-ico' },
  EIR: { review: 'foi-rights-eir-reg11', regulator: 'foi-rights-eir-ico' },
  FOISA: { review: 'foi-rights-foisa-review', regulator: 'foi-rights-foisa-sic' },
  EISR: { review: 'foi-rights-eisr-review', regulator: 'foi-rights-eisr-sic' },
};

/** The whole rights block, or only the half that is missing. */
function rightsSnippetPrefixes(regime: Regime, hasReview: boolean, hasRegulator: boolean): string[] {
  if (hasReview && !hasRegulator) return [HALF_SNIPPETS[regime].regulator, ...snippetPrefixes('rights', undefined, regime)];
  if (!hasReview && hasRegulator) return [HALF_SNIPPETS[regime].review, ...snippetPrefixes('rights', undefined, regime)];
  return snippetPrefixes('rights', undefined, regime);
}
import { firstSnippet, snippetToText } from '../snippets';
import type { Rule } from './rule';

// Evidence must read as telling the requester what they can do, not a passing mention ("ICO guidance").
const ASK = String.raw`\b(ask|asking|request|requesting|apply|write|contact|require|requiring|make|making|right)\w*\b`;
const REVIEW_WORDS: Record<Regime, string> = {
  FOIA: String.raw`\b(internal )?review\b`,
  EIR: String.raw`\b(internal review|review|representations|reconsider\w*)\b`,
  FOISA: String.raw`\breview\b`,
  EISR: String.raw`\breview\b`,
};
const REVIEW: Record<Regime, RegExp> = Object.fromEntries(
  Object.entries(REVIEW_WORDS).map(([regime, words]) => [regime, new RegExp(String.raw`${ASK}[^.]{0,80}${words}|\b(section 20|regulation 11|reg\.? 11|regulation 16)\b`, 'i')]),
) as Record<Regime, RegExp>;
const COMPLAIN = String.raw`\b(complain|complaint|apply|application|appeal|refer|decision)\w*\b`;
const UK_REGULATOR = new RegExp(String.raw`${COMPLAIN}[^.]{0,150}\b(Information Commissioner|ICO)\b|\b(Information Commissioner|ICO)\b[^.]{0,150}${COMPLAIN}|\bsection 50\b|ico\.org\.uk/make-a-complaint`, 'i');
const SCOTTISH_REGULATOR = new RegExp(String.raw`${COMPLAIN}[^.]{0,150}\b(Scottish Information Commissioner|SIC)\b|\b(Scottish Information Commissioner|SIC)\b[^.]{0,150}${COMPLAIN}|\bsection 47\b|\bfoi\.scot\b|\bitspublicknowledge\b`, 'i');
const REFUSAL_TYPES = new Set(['partial-disclosure', 'refusal', 'ncnd', 'cost-limit', 'vexatious', 'pit-extension']);
const NCND_TEXT = /\bneither (confirm|confirms|confirming) nor (deny|denies|denying)\b/i;

/** Why the letter is a refusal notice, or undefined when it is not one. */
export function refusalReason(model: LetterModel): string | undefined {
  const type = model.frontMatter?.data.response_type;
  if (type === 'full-disclosure') return undefined;
  if (typeof type === 'string' && REFUSAL_TYPES.has(type)) return `its response_type is ${type}`;
  if (model.provisions.length > 0) return `it relies on ${model.provisions[0].label}`;
  for (const citation of model.citations) {
    if (citation.lookup.kind !== 'procedural' || citation.external) continue;
    const id = citation.lookup.entry.id;
    if ((citation.regime === 'FOIA' || citation.regime === 'FOISA') && (id === '12' || id === '14')) return `it refuses under section ${id}`;
  }
  if (NCND_TEXT.test(model.text.slice(model.bodyStart))) return 'it neither confirms nor denies';
  return undefined;
}

function lastLineSpan(model: LetterModel): { start: number; end: number } {
  for (let line = model.lines.lineCount - 1; line >= 0; line--) {
    const span = model.lines.lineSpan(line);
    if (span.start < model.bodyStart) break;
    if (model.text.slice(span.start, span.end).trim() !== '') return span;
  }
  return { start: model.text.length, end: model.text.length };
}

const SIGN_OFF = /^[ \t]*(\*{0,2})(yours (sincerely|faithfully|truly)|kind regards|best regards|regards|with best wishes)\b/gim;

/** Rights go before the sign-off ("Yours sincerely"), or at the end when there is none. */
function beforeSignOff(model: LetterModel): number {
  const tailStart = Math.max(model.bodyStart, model.text.length - 3000);
  const tail = model.text.slice(tailStart);
  let last: RegExpExecArray | null = null;
  SIGN_OFF.lastIndex = 0;
  for (let match = SIGN_OFF.exec(tail); match; match = SIGN_OFF.exec(tail)) last = match;
  return last ? tailStart + last.index : model.text.length;
}

export const rightsMissing: Rule = {
  id: 'rights-missing',
  description: 'A refusal notice (including s12, s14 and NCND) does not give both the internal review (or representations) route and the right to complain to the regulator.',
  defaultSeverity: 'error',
  reportsAbsence: true,
  check({ model }): RuleFinding[] {
    const reason = refusalReason(model);
    if (!reason) return [];
    const body = model.text.slice(model.bodyStart);
    const scottish = model.regime === 'FOISA' || model.regime === 'EISR';
    const hasReview = REVIEW[model.regime].test(body);
    const hasRegulator = (scottish ? SCOTTISH_REGULATOR : UK_REGULATOR).test(body);
    if (hasReview && hasRegulator) return [];
    const regulator = scottish ? 'the Scottish Information Commissioner' : 'the Information Commissioner';
    const review = model.regime === 'EIR' ? 'make representations (an internal review) under regulation 11' : model.regime === 'FOIA' ? 'ask for an internal review' : 'require a review';
    const missing = [!hasReview ? `how to ${review}` : undefined, !hasRegulator ? `about the right to ${scottish ? 'apply' : 'complain'} to ${regulator}` : undefined]
      .filter(Boolean)
      .join(' or ');
    const snippet = firstSnippet(rightsSnippetPrefixes(model.regime, hasReview, hasRegulator));
    return [
      {
        span: lastLineSpan(model),
        message: `This letter is a refusal notice (${reason}) but does not tell the requester ${missing}.`,
        fixes: snippet ? [blockInsertion(model, beforeSignOff(model), snippetToText(snippet.body, { reference: referenceOf(model), markPlaceholders: true }), `Insert review and complaint rights (${snippet.prefix})`)] : [],
      },
    ];
  },
};
