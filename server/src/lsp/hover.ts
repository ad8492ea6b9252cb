import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { LintResult } from '../engine/lint';
import { dueDates, formatDate } from '../engine/analysis/dueDates';
import { HARM_TESTS } from '../engine/catalogue';
import type { FoiSettings } from '../engine/config/settings';
import { explain } from '../engine/explain';
import { provisionChecklist, type ChecklistPart } from './checklist';
import { groundNoun, isScottish } from '../engine/knowledge/regimes';

const TEST_NAMES: Record<string, string> = {
  class: 'class-based',
  prejudice: 'prejudice ("would, or would be likely to, prejudice")',
  'required-for': '"required for the purpose of safeguarding national security"',
  endanger: 'endangerment ("would, or would be likely to, endanger")',
  'adverse-effect': 'adverse effect ("would adversely affect")',
  'substantial-prejudice': 'substantial prejudice ("would, or would be likely to, prejudice substantially")',
};

const HOVER_EXCERPT = 80;
const TRAILING = /[\s,;:.…]/;

/** Shortens to about `max` characters, at a word break when there is one near the end. */
export function shorten(text: string, max = HOVER_EXCERPT): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const kept = space > max * 0.6 ? cut.slice(0, space) : cut;
  // Drop trailing spaces and punctuation before the ellipsis (a loop: /[…]+$/ backtracks).
  let end = kept.length;
  while (end > 0 && TRAILING.test(kept[end - 1])) end--;
  return `${kept.slice(0, end)}…`;
}

/**
 * Letter text shown inline, mid-line, in Markdown: no emphasis, links, HTML, entities, code,
 * tables, maths or line breaks from it. (Block markers such as # and - only act at a line start.)
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>&~|$]/g, (c) => `\\${c}`);
}

function partLine(part: ChecklistPart): string {
  if (!part.ok) return `- ✗ ${part.label} — not found`;
  const where = `line ${part.range.start.line + 1}`;
  return `- ✓ ${part.label} — ${part.evidence ? `${where}: "${escapeMarkdown(shorten(part.evidence))}"` : where}`;
}

const TYPE_SOURCES = { 'front-matter': 'from the front matter', text: 'from the text' } as const;

export function hoverAt(result: LintResult, offset: number, settings: FoiSettings): Hover | null {
  const { model } = result;
  const fm = model.frontMatter;
  const received = fm?.valueSpans.get('received');
  const receivedKey = fm?.keySpans.get('received');
  if (received && receivedKey && offset >= receivedKey.start && offset <= received.end) {
    const dates = dueDates(model, settings.extraHolidays);
    if (!dates) return null;
    const lines = [
      `**Statutory due date: ${formatDate(dates.due)}**`,
      '',
      `The 20th working day after receipt on ${formatDate(dates.received)} under ${model.regime} (day 1 is the first working day after receipt). ${
        isScottish(model.regime)
          ? 'Weekends, Christmas Day and Scottish bank holidays are not working days.'
          : 'Weekends, Christmas Day, Good Friday and bank holidays in any part of the UK are not working days.'
      }`,
    ];
    if (dates.extendedLimit) lines.push('', `With the recorded extension: ${formatDate(dates.extendedLimit)} at the latest.`);
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: model.lines.rangeOf(received) };
  }

  const citation = model.citations.find((c) => offset >= c.span.start && offset <= c.span.end);
  if (!citation) return null;
  const range = model.lines.rangeOf(citation.span);
  if (citation.external) return null;
  if (citation.lookup.kind === 'unknown') {
    return { contents: { kind: MarkupKind.Markdown, value: `**${citation.text}**: not an exemption or exception under ${citation.regime}.` }, range };
  }
  if (citation.lookup.kind === 'procedural') {
    const entry = citation.lookup.entry;
    return { contents: { kind: MarkupKind.Markdown, value: `**${citation.regime} ${citation.instrument === 'act' ? 'section' : 'regulation'} ${citation.path}: ${entry.title}**\n\nProcedural provision (not a ground for refusal).\n\n[Legislation](${entry.legislationUrl})` }, range };
  }
  const { resolution } = citation.lookup;
  const use = model.provisions.find((u) => u.citations.includes(citation));
  const facts = use?.resolution.facts ?? resolution.facts;
  const noun = groundNoun(citation.regime);
  const word = citation.instrument === 'act' ? 'Section' : 'Regulation';
  const lines = [
    `**${citation.regime} ${word.toLowerCase()} ${citation.path}: ${resolution.title}**`,
    '',
    `- ${facts.status === 'absolute' ? 'Absolute' : 'Qualified'} ${noun}${facts.status === 'qualified' ? ' (public interest test required)' : ' (no public interest test)'}`,
    `- Test: ${TEST_NAMES[facts.test] ?? facts.test}${HARM_TESTS.has(facts.test) ? ', so a harm argument is expected' : ''}`,
    `- Neither confirm nor deny: ${facts.ncnd ? 'this is the NCND provision' : resolution.entry.ncndProvision ? `${word.toLowerCase()} ${resolution.entry.ncndProvision}` : 'no NCND provision'}`,
  ];
  if (facts.note) lines.push(`- ${facts.note}`);
  const explanation = explain(result);
  if (use) {
    const checklist = provisionChecklist(result, use);
    if (checklist.parts.length > 0) {
      lines.push('', '**This letter needs:**', '');
      for (const part of checklist.parts) lines.push(partLine(part));
    } else {
      lines.push('', 'This letter needs no harm argument or public interest test for it.');
    }
  } else {
    const notRelied = explanation.notReliedOn.find((n) => n.citation.span.start === citation.span.start && n.citation.span.end === citation.span.end);
    if (notRelied) lines.push('', `Not relied on: ${notRelied.why}.`);
  }
  lines.push('', `Letter read as: ${explanation.letterTypeLabel} (${TYPE_SOURCES[explanation.letterTypeSource]})`);
  const links = [`[Legislation](${resolution.entry.legislationUrl})`];
  if (resolution.entry.guidanceUrl) links.push(`[Guidance](${resolution.entry.guidanceUrl})`);
  lines.push('', links.join(' · '));
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range };
}
