import { lookup } from '../catalogue';
import type { Citation, LetterModel } from '../model/letter';
import type { Regime, RuleFinding, TextInsertion } from '../types';
import type { Rule } from './rule';

const RELIANCE_WORDS = /\b(exempt\w*|exception\w*|engag\w*|rel(y|ied|ying|iance)|withh\w*|applies|apply|applied|refus\w*)\b/i;
const OTHER_REGIME: Record<Regime, Regime> = { FOIA: 'FOISA', FOISA: 'FOIA', EIR: 'EISR', EISR: 'EIR' };

/** A citation counts as relied on when it heads a section, sits in the exemptions list, or a nearby word says so. */
function citedAsGround(citation: Citation, model: LetterModel): boolean {
  if (citation.inTitle) return true;
  for (let s = citation.section; s; s = s.parent) if (s.role === 'exemptions') return true;
  const window = model.text.slice(Math.max(0, citation.span.start - 80), citation.span.end + 80);
  return RELIANCE_WORDS.test(window);
}

/** Sets `regime:` in the front matter (adding front matter if there is none). */
export function setRegimeFix(model: LetterModel, regime: Regime): TextInsertion {
  const title = `Set the letter's regime to ${regime}`;
  const fm = model.frontMatter;
  const value = fm?.valueSpans.get('regime');
  if (fm && value) return { title, offset: value.start, replaceLength: value.end - value.start, text: regime };
  const eol = model.text.includes('\r\n') ? '\r\n' : '\n';
  if (fm) {
    const afterOpening = model.text.indexOf('\n', fm.span.start) + 1;
    return { title, offset: afterOpening, text: `regime: ${regime}${eol}` };
  }
  return { title, offset: 0, text: `---${eol}regime: ${regime}${eol}---${eol}${eol}` };
}

export const exemptionUnknown: Rule = {
  id: 'exemption-unknown',
  description: 'A provision is cited as a ground for refusal but is not an exemption or exception in the letter\'s regime.',
  defaultSeverity: 'error',
  check({ model }): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const citation of model.citations) {
      if (citation.external || citation.lookup.kind !== 'unknown') continue;
      if (citation.section?.role === 'request' || citation.section?.role === 'rights') continue;
      if (!citedAsGround(citation, model)) continue;
      const word = citation.regime === 'EIR' || citation.regime === 'EISR' ? 'regulation' : 'section';
      const elsewhere = lookup(OTHER_REGIME[citation.regime], citation.path);
      const hint =
        elsewhere.kind === 'resolved'
          ? ` It is ${elsewhere.resolution.title} under ${OTHER_REGIME[citation.regime]}: check the letter's regime (set "regime:" in the front matter).`
          : '';
      findings.push({
        fixes: elsewhere.kind === 'resolved' ? [setRegimeFix(model, OTHER_REGIME[citation.regime])] : [],
        span: citation.span,
        message: `${word.charAt(0).toUpperCase() + word.slice(1)} ${citation.path} is not an ${citation.regime === 'EIR' || citation.regime === 'EISR' ? 'exception' : 'exemption'} under ${citation.regime}.${hint}`,
        provision: `${word} ${citation.path}`,
      });
    }
    return findings;
  },
};
