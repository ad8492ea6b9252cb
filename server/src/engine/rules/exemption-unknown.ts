import { lookup } from '../catalogue';
import type { Citation, LetterModel } from '../model/letter';
import type { Regime, RuleFinding, TextInsertion } from '../types';
import type { Rule } from './rule';
import { groundNoun, isEnvironmental, provisionWord } from '../knowledge/regimes';

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
  if (fm && value) return { kind: 'set-regime', title, offset: value.start, replaceLength: value.end - value.start, text: regime };
  const eol = model.text.includes('\r\n') ? '\r\n' : '\n';
  if (fm) {
    const afterOpening = model.text.indexOf('\n', fm.span.start) + 1;
    return { kind: 'set-regime', title, offset: afterOpening, text: `regime: ${regime}${eol}` };
  }
  return { kind: 'set-regime', title, offset: 0, text: `---${eol}regime: ${regime}${eol}---${eol}${eol}` };
}

const INSTRUMENT: Record<Regime, string> = { FOIA: 'FOIA', EIR: 'the EIR', FOISA: 'FOISA', EISR: 'the Scottish EIR' };

/** A section of the Act in a letter wholly under the Regulations, or a regulation in a letter wholly under the Act. */
function crossRegimeFinding(citation: Citation, model: LetterModel): RuleFinding {
  const word = citation.instrument === 'act' ? 'Section' : 'Regulation';
  const costLimit = citation.lookup.kind === 'procedural' && citation.lookup.entry.id === '12' && citation.instrument === 'act';
  const advice = costLimit
    ? ` ${INSTRUMENT[model.regime]} have no cost limit: a request that would cost too much to answer is refused as manifestly unreasonable (${model.regime === 'EISR' ? 'regulation 10(4)(b)' : 'regulation 12(4)(b)'}), with a public interest test.`
    : ` Cite the ${isEnvironmental(model.regime) ? 'exception in the Regulations' : 'exemption in the Act'} that applies, or say which parts of the request are handled under ${INSTRUMENT[citation.regime]}.`;
  return {
    span: citation.span,
    message: `${word} ${citation.path} is a ${citation.regime} provision, but this letter is handled under ${INSTRUMENT[model.regime]} and does not say it also applies ${INSTRUMENT[citation.regime]}.${advice}`,
    provision: `${word.toLowerCase()} ${citation.path}`,
  };
}

export const exemptionUnknown: Rule = {
  id: 'exemption-unknown',
  description: 'A provision is cited as a ground for refusal but is not an exemption or exception in the letter\'s regime.',
  defaultSeverity: 'error',
  check({ model }): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const citation of model.citations) {
      if (citation.crossRegime && !citation.external && citation.voice === 'authority' && !citation.withdrawn && citation.lookup.kind !== 'unknown') {
        if (citation.section?.role !== 'rights' && citedAsGround(citation, model)) findings.push(crossRegimeFinding(citation, model));
        continue;
      }
      if (citation.external || citation.lookup.kind !== 'unknown') continue;
      if (citation.section?.role === 'request' || citation.section?.role === 'rights') continue;
      if (!citedAsGround(citation, model)) continue;
      const word = provisionWord(citation.regime);
      const elsewhere = lookup(OTHER_REGIME[citation.regime], citation.path);
      const hint =
        elsewhere.kind === 'resolved'
          ? ` It is ${elsewhere.resolution.title} under ${OTHER_REGIME[citation.regime]}: check the letter's regime (set "regime:" in the front matter).`
          : '';
      findings.push({
        fixes: elsewhere.kind === 'resolved' ? [setRegimeFix(model, OTHER_REGIME[citation.regime])] : [],
        span: citation.span,
        message: `${word.charAt(0).toUpperCase() + word.slice(1)} ${citation.path} is not an ${groundNoun(citation.regime)} under ${citation.regime}.${hint}`,
        provision: `${word} ${citation.path}`,
      });
    }
    return findings;
  },
};
