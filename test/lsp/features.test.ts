// Authoring features over the real LSP protocol: hover, completion, code actions,
// symbols, folding, the checklist request and settings.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lspClient';

const LETTER = path.join(__dirname, 'letters', 's31-refusal.md');
const TEXT = fs.readFileSync(LETTER, 'utf8');
const URI = pathToFileURL(LETTER).href;
const lines = TEXT.split('\n');
const EXEMPTION_LINE = lines.indexOf('- Section 31(1)(a) – Law enforcement');

// No front matter; the harm argument carries Markdown that must not render, and runs past 80 characters.
const PLAIN_URI = 'untitled:plain-s43-refusal';
const PLAIN = [
  'Dear Requester,',
  '',
  "We are withholding the supplier's price schedule under section 43(2) of the Freedom of Information Act 2000.", // line 3
  '',
  "Disclosure would prejudice Acme_Ltd's <b>commercial</b> interests [annex A], as rivals bidding for council contracts would undercut its *prices*.", // line 5
  '',
  'We have considered the public interest. In favour of disclosure, there is a public interest in transparency about how public money is spent.', // line 7
  '',
  'Yours sincerely,',
  '',
].join('\n');
const PLAIN_CITATION_LINE = 2;

function applyEdits(text: string, edits: { range: { start: { line: number; character: number } }; newText: string }[]): string {
  const offsets = text.split('\n').reduce<number[]>((acc, line, i) => [...acc, i === 0 ? 0 : acc[i - 1] + text.split('\n')[i - 1].length + 1], []);
  const sorted = [...edits].sort((a, b) => offsets[b.range.start.line] + b.range.start.character - (offsets[a.range.start.line] + a.range.start.character));
  let out = text;
  for (const edit of sorted) {
    const at = offsets[edit.range.start.line] + edit.range.start.character;
    out = out.slice(0, at) + edit.newText + out.slice(at);
  }
  return out;
}

describe('authoring features over stdio', () => {
  let client: LspClient;
  let diagnostics: any[];

  before(async () => {
    client = new LspClient();
    await client.initialize();
    diagnostics = (await client.open(URI, TEXT)).diagnostics;
  });
  after(async () => {
    await client.shutdown();
  });

  test('diagnostics: harm-missing on the exemption list citation, rights-missing on the last line', () => {
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
      [
        ['harm-missing', EXEMPTION_LINE, 2, 18],
        ['rights-missing', lines.length - 2, 0, lines[lines.length - 2].length],
      ],
    );
    assert.equal(diagnostics[0].message, 'No harm argument for section 31(1)(a) (Law enforcement), a prejudice-based exemption.');
  });

  test('hover on a citation shows title, status, test, NCND limb, what the letter has, and links', async () => {
    const hover: any = await client.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: EXEMPTION_LINE, character: 5 } });
    assert.deepEqual(hover.range, { start: { line: EXEMPTION_LINE, character: 2 }, end: { line: EXEMPTION_LINE, character: 18 } });
    assert.equal(hover.contents.kind, 'markdown');
    assert.equal(
      hover.contents.value,
      [
        '**FOIA section 31(1)(a): Law enforcement**',
        '',
        '- Qualified exemption (public interest test required)',
        '- Test: prejudice ("would, or would be likely to, prejudice"), so a harm argument is expected',
        '- Neither confirm nor deny: section 31(3)',
        '- Applies only where s30 does not; 31(3) may be relied on together with 30(3).',
        '',
        '**This letter needs:**',
        '',
        '- ✗ Harm argument — not found',
        `- ✓ Public interest test — line ${lines.indexOf('## Public interest test') + 1}: "## Public interest test"`,
        `- ✓ Factors in favour of disclosure — line ${lines.indexOf('### Factors in favour of disclosure') + 1}: "### Factors in favour of disclosure"`,
        `- ✓ Factors against disclosure — line ${lines.indexOf('### Factors against disclosure') + 1}: "### Factors against disclosure"`,
        `- ✓ Balance of the public interest — line ${lines.indexOf('## Balance of the public interest') + 1}: "## Balance of the public interest"`,
        '',
        'Letter read as: refusal notice (from the front matter)',
        '',
        '[Legislation](https://www.legislation.gov.uk/ukpga/2000/36/section/31) · [Guidance](https://ico.org.uk/for-organisations/foi/bite-sized-exemption-specific-guidance/comparing-sections-30-and-31-the-investigations-and-law-enforcement-exemptions)',
      ].join('\n'),
    );
  });

  test('hover in a letter without front matter: each ✓ names the line and text it was taken from, each ✗ says not found', async () => {
    await client.open(PLAIN_URI, PLAIN);
    const character = PLAIN.split('\n')[PLAIN_CITATION_LINE].indexOf('section 43(2)') + 9;
    const hover: any = await client.request('textDocument/hover', { textDocument: { uri: PLAIN_URI }, position: { line: PLAIN_CITATION_LINE, character } });
    const value: string[] = hover.contents.value.split('\n');
    const needs = value.indexOf('**This letter needs:**');
    assert.ok(needs > 0, hover.contents.value);
    assert.deepEqual(value.slice(needs + 2, needs + 7), [
      // Shortened at a word to about 80 characters; _ < > [ ] * are escaped so the letter's text shows as typed.
      '- ✓ Harm argument — line 5: "Disclosure would prejudice Acme\\_Ltd\'s \\<b\\>commercial\\</b\\> interests \\[annex A\\]…"',
      '- ✓ Public interest test — line 7: "In favour of disclosure, there is a public interest in transparency about how…"',
      '- ✓ Factors in favour of disclosure — line 7: "In favour of disclosure, there is a public interest in transparency about how…"',
      '- ✗ Factors against disclosure — not found',
      '- ✗ Balance of the public interest — not found',
    ]);
    assert.ok(value.includes('Letter read as: refusal notice (from the text)'), hover.contents.value);
  });

  test('hover on received shows the statutory due date (17 March, a Northern Ireland bank holiday, skipped)', async () => {
    const hover: any = await client.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 4, character: 12 } });
    assert.deepEqual(hover.range, { start: { line: 4, character: 10 }, end: { line: 4, character: 20 } });
    assert.match(hover.contents.value, /^\*\*Statutory due date: Tue 31 March 2026\*\*\n\nThe 20th working day after receipt on Mon 2 March 2026 under FOIA/);
  });

  test('hover elsewhere returns null', async () => {
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 13, character: 3 } }), null);
  });

  test('completion after "Section 3" in the exemptions list offers FOIA exemptions, the cited one first', async () => {
    const items: any[] = await client.request('textDocument/completion', { textDocument: { uri: URI }, position: { line: EXEMPTION_LINE, character: 11 } });
    const sorted = [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : 1));
    assert.equal(sorted[0].label, '31');
    assert.equal(sorted[0].detail, 'Law enforcement — qualified');
    assert.deepEqual(sorted[0].textEdit.range, { start: { line: EXEMPTION_LINE, character: 10 }, end: { line: EXEMPTION_LINE, character: 11 } });
    assert.ok(items.some((i) => i.label === '23' && i.detail === 'Information supplied by, or relating to, bodies dealing with security matters — absolute'));
    assert.ok(!items.some((i) => i.label === '17'), 'procedural sections are not offered');
  });

  test('code actions for harm-missing: insert the s31 wording, disable for line and file, docs; fix-all', async () => {
    const harm = diagnostics[0];
    const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri: URI }, range: harm.range, context: { diagnostics: [harm] } });
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind]),
      [
        ['Insert harm section (foi-harm-s31)', 'quickfix'],
        ['Disable harm-missing for this line', 'quickfix'],
        ['Disable harm-missing for this file', 'quickfix'],
        ['Show documentation for harm-missing', 'quickfix'],
        ['Insert all 2 missing FOI sections', 'source.fixAll.foi'],
      ],
    );
    const insert = actions[0].edit.changes[URI];
    const publicInterestLine = lines.indexOf('## Public interest test');
    assert.deepEqual(insert[0].range, { start: { line: publicInterestLine, character: 0 }, end: { line: publicInterestLine, character: 0 } });
    assert.ok(insert[0].newText.startsWith('## Harm — section 31(1)(a)\n\nSection 31 applies where disclosure would'));
    assert.deepEqual(actions[1].edit.changes[URI], [
      { range: { start: { line: EXEMPTION_LINE, character: 0 }, end: { line: EXEMPTION_LINE, character: 0 } }, newText: '<!-- foi-disable-next-line harm-missing -->\n' },
    ]);
    assert.deepEqual(actions[2].edit.changes[URI], [
      { range: { start: { line: 7, character: 3 }, end: { line: 7, character: 3 } }, newText: '\n\n<!-- foi-disable-file harm-missing -->' },
    ]);
    assert.deepEqual(actions[3].command, { title: 'Show documentation for harm-missing', command: 'foi.showRuleDocs', arguments: [harm.codeDescription.href] });
    assert.equal(actions[4].edit.changes[URI].length, 2);
  });

  test('code actions find their finding by diagnostic.data, never by message text', async () => {
    const harm = diagnostics[0];
    assert.match(harm.data.findingId, /^harm-missing@\d+-\d+$/);
    assert.deepEqual(harm.data.fixKinds, ['insert-section']);
    const ask = (diagnostic: unknown) => client.request<any[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: harm.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
    // A client may reword a message; the data still names the finding.
    const reworded = await ask({ ...harm, message: 'Reworded by the editor' });
    assert.equal(reworded[0]?.title, 'Insert harm section (foi-harm-s31)');
    // Without data (or with the id of a finding that no longer exists) nothing is guessed.
    const { data: _data, ...withoutData } = harm;
    assert.deepEqual(await ask(withoutData), []);
    assert.deepEqual(await ask({ ...harm, data: { findingId: 'harm-missing@0-1', fixKinds: ['insert-section'] } }), []);
  });

  test('applying the quick fix and re-syncing removes the diagnostic', async () => {
    const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri: URI }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] } });
    const edit = actions[0].edit.changes[URI][0];
    const published = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === URI && p.version === 2);
    client.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ range: edit.range, text: edit.newText }] });
    const after: any = await published;
    assert.deepEqual(after.diagnostics.map((d: any) => d.code), ['rights-missing']);
    const synced = await client.request('foi/documentText', { uri: URI });
    assert.equal(synced, applyEdits(TEXT, [edit]));
  });

  test('the disable-next-line directive silences the rule', async () => {
    const text = TEXT.replace('- Section 31(1)(a)', '<!-- foi-disable-next-line harm-missing -->\n- Section 31(1)(a)');
    const uri = URI.replace('s31-refusal.md', 'disabled.md');
    const published = await client.open(uri, text);
    assert.deepEqual(published.diagnostics.map((d: any) => d.code), ['rights-missing']);
  });

  test('document symbols name each section with its role', async () => {
    const symbols: any[] = await client.request('textDocument/documentSymbol', { textDocument: { uri: URI.replace('s31-refusal.md', 'disabled.md') } });
    const flat: string[] = [];
    const walk = (list: any[], depth: number) => list.forEach((s) => { flat.push(`${'  '.repeat(depth)}${s.name} [${s.detail}]`); walk(s.children ?? [], depth + 1); });
    walk(symbols, 0);
    assert.deepEqual(flat, [
      'Response to request NC-FOI-2026-0301 [Response]',
      '  Your request [Request]',
      '  Exemptions applied [Exemptions]',
      '  Public interest test [Public interest]',
      '    Factors in favour of disclosure [Public interest — factors for]',
      '    Factors against disclosure [Public interest — factors against]',
      '  Balance of the public interest [Public interest — balance]',
    ]);
  });

  test('folding ranges cover the sections and the front matter', async () => {
    const ranges: any[] = await client.request('textDocument/foldingRange', { textDocument: { uri: URI.replace('s31-refusal.md', 'disabled.md') } });
    assert.deepEqual(ranges.map((r) => [r.startLine, r.endLine]), [[9, 32], [11, 13], [15, 18], [20, 28], [22, 24], [26, 28], [30, 32], [0, 7]]);
  });

  test('the checklist request lists each provision with its parts ticked or crossed', async () => {
    const checklist: any = await client.request('foi/checklist', { uri: URI.replace('s31-refusal.md', 'disabled.md') });
    assert.equal(checklist.regime, 'FOIA');
    assert.deepEqual(checklist.provisions.map((p: any) => [p.label, p.title, p.status, p.parts.map((x: any) => `${x.ok ? '✓' : '✗'} ${x.part}`)]), [
      ['section 31(1)(a)', 'Law enforcement', 'qualified', ['✗ harm', '✓ public-interest', '✓ factors-for', '✓ factors-against', '✓ balance']],
    ]);
    assert.equal(checklist.rights.ok, false);
    assert.equal(checklist.letterType, 'refusal');
    assert.equal(checklist.letterTypeLabel, 'refusal notice');
    assert.equal(checklist.letterTypeSource, 'front-matter');
    // Each found part carries the text it was taken from, and its range points at that text.
    // (disabled.md has the directive line above the exemption list, so its lines are shifted by one.)
    const disabledLines = TEXT.replace('- Section 31(1)(a)', '<!-- foi-disable-next-line harm-missing -->\n- Section 31(1)(a)').split('\n');
    const forLine = disabledLines.indexOf('### Factors in favour of disclosure');
    const factorsFor = checklist.provisions[0].parts.find((x: any) => x.part === 'factors-for');
    assert.equal(factorsFor.evidence, '### Factors in favour of disclosure');
    assert.deepEqual(factorsFor.range, { start: { line: forLine, character: 0 }, end: { line: forLine, character: disabledLines[forLine].length } });
    const harm = checklist.provisions[0].parts.find((x: any) => x.part === 'harm');
    assert.equal(harm.evidence, undefined);
    assert.equal(harm.range.start.line, disabledLines.indexOf('- Section 31(1)(a) – Law enforcement'), 'a missing part points at the citation');
  });

  test('the checklist gives the sentence each part was taken from in a letter without front matter', async () => {
    await client.open(PLAIN_URI, PLAIN);
    const checklist: any = await client.request('foi/checklist', { uri: PLAIN_URI });
    assert.deepEqual([checklist.letterType, checklist.letterTypeLabel, checklist.letterTypeSource], ['refusal', 'refusal notice', 'text']);
    const harm = checklist.provisions[0].parts.find((x: any) => x.part === 'harm');
    assert.equal(harm.ok, true);
    assert.equal(harm.evidence, "Disclosure would prejudice Acme_Ltd's <b>commercial</b> interests [annex A], as rivals bidding for council contracts would undercut its *prices*.");
    assert.equal(harm.range.start.line, 4);
    const balance = checklist.provisions[0].parts.find((x: any) => x.part === 'balance');
    assert.deepEqual([balance.ok, balance.evidence], [false, undefined]);
    // Owed and not given at all.
    assert.deepEqual(
      [checklist.rights.ok, checklist.rights.label, checklist.rights.parts.map((x: any) => `${x.ok ? '✓' : '✗'} ${x.part}`)],
      [false, 'Review and complaint rights', ['✗ review', '✗ regulator']],
    );
  });
});

describe('the checklist rights item comes from the letter, not from rule settings', () => {
  test('rights owed and not given are ✗ even with rights-missing off; an attached complaints procedure is ✓ and says so', async () => {
    const client = new LspClient();
    client.configuration = { rules: { 'rights-missing': 'off' } };
    try {
      await client.initialize();
      const published = await client.open(URI, TEXT);
      assert.deepEqual(published.diagnostics.map((d: any) => d.code), ['harm-missing'], 'the rule is off');
      const checklist: any = await client.request('foi/checklist', { uri: URI });
      assert.equal(checklist.rights.ok, false, 'the letter still gives no rights');
      assert.equal(checklist.rights.label, 'Review and complaint rights');
      assert.deepEqual(checklist.rights.parts.map((x: any) => [x.part, x.ok]), [['review', false], ['regulator', false]]);
      assert.equal(checklist.rights.range.start.line, lines.length - 2, 'a missing rights item points at the end of the letter');

      const attachedUri = 'untitled:attached-rights';
      const attached = PLAIN.replace('Yours sincerely,', 'If you are unhappy you may ask for an internal review. Our complaints procedure is attached to this letter.\n\nYours sincerely,');
      await client.open(attachedUri, attached);
      const withAttachment: any = await client.request('foi/checklist', { uri: attachedUri });
      assert.deepEqual(
        [withAttachment.rights.ok, withAttachment.rights.label, withAttachment.rights.evidence, withAttachment.rights.range.start.line],
        [true, 'Review and complaint rights (in an attached or linked document)', 'Our complaints procedure is attached to this letter.', 8],
      );
      assert.deepEqual(withAttachment.rights.parts.map((x: any) => [x.part, x.ok, x.evidence]), [
        ['review', true, 'If you are unhappy you may ask for an internal review.'],
        ['regulator', false, undefined],
      ]);
    } finally {
      await client.shutdown();
    }
  });
});

describe('settings', () => {
  test('workspace/configuration is pulled per document: a rule set to off is not reported, severities apply', async () => {
    const client = new LspClient();
    client.configuration = { rules: { 'rights-missing': 'off', 'harm-missing': 'warning' } };
    try {
      await client.initialize();
      const published = await client.open(URI, TEXT);
      assert.deepEqual(published.diagnostics.map((d: any) => [d.code, d.severity]), [['harm-missing', 2]]);
    } finally {
      await client.shutdown();
    }
  });

  test('.foi.jsonc next to the letter overrides editor settings; run onSave waits for a save', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foi-config-'));
    fs.writeFileSync(path.join(dir, '.foi.jsonc'), '// team settings\n{ "rules": { "harm-missing": "off", }, }\n');
    const file = path.join(dir, 'letter.md');
    fs.writeFileSync(file, TEXT);
    const uri = pathToFileURL(file).href;
    const client = new LspClient();
    client.configuration = { run: 'onSave', rules: { 'harm-missing': 'error' } };
    try {
      await client.initialize();
      const opened = await client.open(uri, TEXT);
      assert.deepEqual(opened.diagnostics.map((d: any) => d.code), ['rights-missing']);
      client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: TEXT.replace('## Your request', '## Request') }] });
      const early = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2, 800).then(() => 'published', () => 'quiet');
      assert.equal(await early, 'quiet', 'no diagnostics on change in onSave mode');
      const saved = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2);
      client.notify('textDocument/didSave', { textDocument: { uri } });
      assert.deepEqual((await saved).diagnostics.map((d: any) => d.code), ['rights-missing']);
    } finally {
      await client.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an invalid .foi.jsonc is reported, not fatal', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foi-config-'));
    fs.writeFileSync(path.join(dir, '.foi.jsonc'), '{ "rules": { "no-such-rule": "off" } }');
    const file = path.join(dir, 'letter.md');
    const uri = pathToFileURL(file).href;
    const client = new LspClient();
    try {
      await client.initialize();
      const published = await client.open(uri, TEXT);
      const codes = published.diagnostics.map((d: any) => d.code);
      assert.deepEqual(codes, ['harm-missing', 'rights-missing', 'config-invalid']);
      assert.match(published.diagnostics[2].message, /\.foi\.jsonc: \/rules must be equal to one of the allowed values|\.foi\.jsonc: \/rules property name must be valid/);
    } finally {
      await client.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('front matter and deadlines over LSP', () => {
  test('front matter keys and values complete from the schema; invalid values and late responses are diagnosed', async () => {
    const client = new LspClient();
    const text = ['---', 'regime: FOIA', 'received: 2026-03-02', 'responded: 2026-04-01', 'response_type: full-disclosure', 'nation: wales', '', '---', '', 'Dear Requester,', '', 'We hold nothing relevant.', ''].join('\n');
    const uri = 'untitled:front-matter-test';
    try {
      await client.initialize();
      const published = await client.open(uri, text);
      assert.deepEqual(
        published.diagnostics.map((d: any) => [d.code, d.range.start.line, d.severity]),
        [
          ['deadline-exceeded', 3, 2],
          ['frontmatter-invalid', 5, 1],
        ],
      );
      assert.equal(published.diagnostics[1].message, '"nation" must be one of: england-and-wales, scotland, northern-ireland.');
      assert.deepEqual(published.diagnostics[1].range, { start: { line: 5, character: 8 }, end: { line: 5, character: 13 } });
      assert.match(published.diagnostics[0].message, /^Responded Wed 1 April 2026, after the statutory due date Tue 31 March 2026/);
      assert.deepEqual(published.diagnostics[0].relatedInformation[0].location.range.start, { line: 2, character: 10 });

      const keys: any[] = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 6, character: 0 } });
      assert.ok(keys.some((k) => k.label === 'reference' && k.insertText === 'reference: ' && /Not the requester's name/.test(k.documentation)));
      assert.ok(keys.some((k) => k.label === 'response_type'));
      const values: any[] = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 15 } });
      assert.deepEqual(values.map((v) => v.label), ['full-disclosure', 'partial-disclosure', 'refusal', 'ncnd', 'not-held', 'cost-limit', 'vexatious', 'pit-extension', 'eir-extension', 'internal-review']);
    } finally {
      await client.shutdown();
    }
  });
});
