import type { LetterModel } from '../model/letter';
import { isScottish } from '../knowledge/regimes';
import { rightsOf } from '../model/rights';
import type { Regime, RuleFinding, TextInsertion } from '../types';
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

/** Why the letter is a refusal notice that owes rights, or undefined when it owes none. */
export function refusalReason(model: LetterModel): string | undefined {
  return rightsOf(model).owed?.reason;
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

/** Inserts the standard rights wording (or the missing half) before the sign-off. */
export function rightsFix(model: LetterModel, hasReview: boolean, hasRegulator: boolean): TextInsertion[] {
  const snippet = firstSnippet(rightsSnippetPrefixes(model.regime, hasReview, hasRegulator));
  return snippet ? [blockInsertion(model, beforeSignOff(model), snippetToText(snippet.body, { reference: referenceOf(model), markPlaceholders: true }), `Insert review and complaint rights (${snippet.prefix})`)] : [];
}

export const rightsMissing: Rule = {
  id: 'rights-missing',
  description: 'A refusal notice (including s12, s14 and NCND) does not give both the internal review (or representations) route and the right to complain to the regulator.',
  defaultSeverity: 'error',
  reportsAbsence: true,
  check({ model }): RuleFinding[] {
    const rights = rightsOf(model);
    const owed = rights.owed;
    if (!owed) return [];
    const scottish = isScottish(model.regime);
    const hasReview = !owed.review || rights.review !== undefined;
    const hasRegulator = !owed.regulator || rights.regulator !== undefined;
    if ((hasReview && hasRegulator) || rights.elsewhere) return [];
    const reason = owed.reason;
    const regulator = scottish ? 'the Scottish Information Commissioner' : 'the Information Commissioner';
    const review = model.regime === 'EIR' ? 'make representations (an internal review) under regulation 11' : model.regime === 'FOIA' ? 'ask for an internal review' : 'require a review';
    const missing = [!hasReview ? `how to ${review}` : undefined, !hasRegulator ? `about the right to ${scottish ? 'apply' : 'complain'} to ${regulator}` : undefined]
      .filter(Boolean)
      .join(' or ');
    return [
      {
        span: lastLineSpan(model),
        message: `This letter is a refusal notice (${reason}) but does not tell the requester ${missing}.`,
        fixes: rightsFix(model, hasReview, hasRegulator),
      },
    ];
  },
};
