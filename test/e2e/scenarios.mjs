// Browser end-to-end scenarios: each drives the real workbench and asserts what it shows.
// Expectations come from the repo (examples, catalogue, snippets), so wording changes there
// do not need edits here; the constants below name what each scenario exercises.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expandSnippetBody, findSnippet } from './lib/snippets.mjs';
import { escapeRegExp, pollUntil } from './lib/workbench.mjs';

/** What the scenarios exercise. The letters live in examples/ (copied to a temp workspace). */
export const plan = {
  // A FOIA s31(1)(a) refusal with no harm section and no complaint rights (see examples/README.md).
  defectiveLetter: 'defective-s31-missing-rights.md',
  // At least these; the full list must equal what the shipped CLI reports for the letter.
  expectedCodes: ['harm-missing', 'rights-missing'],
  hover: { citation: 'Section 31(1)(a)', regime: 'FOIA', provision: '31' },
  quickFix: { code: 'rights-missing', title: /^Insert review and complaint rights \((foi-[a-z0-9-]+)\)$/ },
  snippet: { prefix: 'foi-ncnd', scratchFile: 'e2e-snippet.md' },
  checklistViewTitle: 'FOI checklist',
};

/** Rule codes the shipped CLI (dist/cli.js from the installed extension) reports for a letter. */
export function cliRuleCodes(cliPath, letterPath) {
  const result = spawnSync(process.execPath, [cliPath, '--format', 'json', letterPath], { encoding: 'utf8' });
  assert.ok(result.status === 0 || result.status === 1, `foi-lint exit ${result.status}: ${result.stderr}`);
  const reports = JSON.parse(result.stdout);
  return [...new Set(reports.flatMap((report) => report.diagnostics.map((d) => d.rule)))].sort();
}

function catalogueEntry(repoRoot, regime, id) {
  const catalogue = JSON.parse(readFileSync(path.join(repoRoot, 'server/src/engine/catalogue/catalogue.json'), 'utf8'));
  const entry = catalogue.entries.find((candidate) => candidate.regime === regime && candidate.id === id);
  assert.ok(entry, `catalogue has ${regime} ${id}`);
  return entry;
}

/** Provisions cited in a letter, as "31(1)(a)"-style strings, in order of first appearance. */
function citedProvisions(text) {
  const found = [];
  for (const match of text.matchAll(/\b(?:section|s\.?)\s*(\d+[A-Z]?(?:\(\w+\))*)/gi)) {
    if (!found.includes(match[1])) found.push(match[1]);
  }
  return found;
}

/** @type {{ name: string, run: (ctx: import('./run.mjs').ScenarioContext) => Promise<void> }[]} */
export const scenarios = [
  {
    name: 'activation',
    async run({ wb, page, manifest }) {
      await wb.explorerRow(plan.defectiveLetter).waitFor();
      await wb.openFile(plan.defectiveLetter);
      await wb.runCommand('Developer: Show Running Extensions');
      const list = page.locator('.runtime-extensions-editor .monaco-list');
      await list.waitFor();
      const row = page.locator('.runtime-extensions-editor .monaco-list-row', {
        has: page.locator('.name', { hasText: new RegExp(`^${escapeRegExp(manifest.displayName)}$`) }),
      });
      await wb.scrollListUntilVisible(list, row);
      // An activated extension shows its activation time; an installed but idle one does not.
      await pollUntil(() => row.innerText(), (text) => /Activation: \d+ms/.test(text), {
        describe: (text) => `running-extensions row: ${JSON.stringify(text)}`,
      });
    },
    async after({ wb, page }) {
      await page.keyboard.press('Escape'); // closes the modal Running Extensions editor
      await page.locator('.runtime-extensions-editor').waitFor({ state: 'hidden' });
      // Closing the modal does not give extensions their activeTextEditor back (VS Code 1.139);
      // clicking into the letter does, as it would for a user.
      await wb.focusEditor();
    },
  },
  {
    // Right after activation, as a user meets it: the letter that activated the extension is open.
    name: 'checklist',
    async run({ wb, page, repoRoot }) {
      const letter = readFileSync(path.join(repoRoot, 'examples', plan.defectiveLetter), 'utf8');
      const provisions = citedProvisions(letter);
      assert.deepEqual(provisions, ['31(1)(a)'], 'the letter cites section 31(1)(a) only');
      const title = catalogueEntry(repoRoot, 'FOIA', '31').title;
      await wb.openFile(plan.defectiveLetter);
      const pane = await wb.expandedViewPane(plan.checklistViewTitle);
      const rows = pane.locator('.pane-body .monaco-list-row');
      // The provision with its catalogue title, and its parts: no harm argument, factors for present.
      await pollUntil(
        () => rows.allInnerTexts(),
        (texts) =>
          texts.some((t) => t.includes(provisions[0]) && t.includes(title)) &&
          texts.some((t) => /✗\s*Harm argument/.test(t)) &&
          texts.some((t) => /✓\s*Factors in favour of disclosure/.test(t)),
        { describe: (texts) => `checklist rows ${JSON.stringify(texts)}` },
      );
      // The rights part comes last; the pane is short, so scroll to it.
      const rights = rows.filter({ hasText: /✗\s*Review and complaint rights/ });
      await wb.scrollListUntilVisible(pane.locator('.pane-body .monaco-list').first(), rights);
      await page.mouse.move(0, 0);
    },
  },
  {
    name: 'problems',
    async run({ wb, workspace, cliPath }) {
      const letterPath = path.join(workspace, plan.defectiveLetter);
      const expected = cliRuleCodes(cliPath, letterPath);
      for (const code of plan.expectedCodes) assert.ok(expected.includes(code), `the CLI reports ${code} (it reports ${expected})`);
      await wb.openFile(plan.defectiveLetter);
      const codesFor = (entries) => [...new Set(entries.filter((e) => e.file === plan.defectiveLetter).map((e) => e.code))].sort();
      // The Problems panel lists exactly the rules the CLI reports for the same letter.
      const seen = await pollUntil(
        () => wb.problems(),
        (entries) => JSON.stringify(codesFor(entries)) === JSON.stringify(expected),
        { describe: (entries) => `Problems panel codes ${codesFor(entries)} (want ${expected}): ${JSON.stringify(entries)}` },
      );
      for (const code of plan.expectedCodes) {
        const entry = seen.find((e) => e.file === plan.defectiveLetter && e.code === code);
        assert.equal(entry.source, 'foi', `${code} comes from source foi`);
        assert.ok(entry.message.length > 10, `${code} has a message`);
        assert.match(entry.href, new RegExp(`docs/rules/${escapeRegExp(code)}\\.md$`), `${code} links to its rule page`);
      }
    },
  },
  {
    name: 'hover',
    async run({ wb, page, repoRoot }) {
      const entry = catalogueEntry(repoRoot, plan.hover.regime, plan.hover.provision);
      assert.ok(!entry.limbs?.some((limb) => plan.hover.citation.endsWith(limb.path)), 'the citation uses the section title');
      await wb.openFile(plan.defectiveLetter);
      await wb.selectText(plan.hover.citation);
      await page.keyboard.press('Control+k');
      await page.keyboard.press('Control+i'); // editor.action.showHover
      const text = await pollUntil(
        () => wb.hoverText(),
        (hover) => hover.includes(entry.title) && new RegExp(`\\b${entry.status}\\b`, 'i').test(hover),
        { describe: (hover) => `hover text ${JSON.stringify(hover)} (want "${entry.title}" and "${entry.status}")` },
      );
      assert.ok(text.includes(entry.title));
    },
    async after({ page }) {
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'snippet',
    async run({ wb, page, repoRoot, workspace }) {
      const snippet = findSnippet(repoRoot, plan.snippet.prefix);
      const expected = expandSnippetBody(snippet.body);
      await wb.openFile(plan.snippet.scratchFile);
      await wb.focusEditor();
      await page.keyboard.type(plan.snippet.prefix);
      await page.keyboard.press('Control+Space');
      const suggestion = page.locator(
        `.editor-widget.suggest-widget.visible .monaco-list-row[aria-label^="${plan.snippet.prefix},"]`,
      );
      await suggestion.first().waitFor();
      await suggestion.first().click();
      await page.locator('.editor-widget.suggest-widget.visible').waitFor({ state: 'hidden' });
      await page.keyboard.press('Escape'); // leave snippet mode, keep default placeholder text
      await page.locator('.editor-group-container.active .tab.active.dirty').waitFor();
      const normalise = (text) => text.replace(/[ \t]+$/gm, '').replace(/\r\n/g, '\n').trimEnd();
      // The saved file must hold exactly the expanded snippet (placeholders at their defaults).
      await wb.saveActiveEditor(path.join(workspace, plan.snippet.scratchFile), (text) => normalise(text) === normalise(expected));
    },
  },
  {
    name: 'quick-fix',
    async run({ wb, page, workspace, repoRoot }) {
      const letterPath = path.join(workspace, plan.defectiveLetter);
      const before = readFileSync(letterPath, 'utf8');
      await wb.openFile(plan.defectiveLetter);
      await wb.showProblems();
      await pollUntil(
        () => wb.problems(),
        (entries) => entries.some((e) => e.file === plan.defectiveLetter && e.code === plan.quickFix.code),
        { describe: (entries) => JSON.stringify(entries) },
      );
      const row = await wb.problemRow(plan.defectiveLetter, plan.quickFix.code);
      const line = /Ln (\d+)/.exec(await row.locator('.marker-line').innerText())[1];
      // Click the message (the code is a link to the rule's page), then Enter reveals the diagnostic in the letter.
      await row.locator('.marker-message').click();
      await page.keyboard.press('Enter');
      await pollUntil(() => wb.cursorStatus(), (status) => status.startsWith(`Ln ${line},`), {
        describe: (status) => `cursor at "${status}", want line ${line}`,
      });
      // Focus can stay in the panel; this moves it to the editor without moving the cursor.
      await wb.runCommand('View: Focus Active Editor Group');
      await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor();
      await page.keyboard.press('Control+.');
      const fix = page.locator('.action-widget .monaco-list-row.action[aria-label$=", Quick Fix"]', {
        has: page.locator('.title', { hasText: plan.quickFix.title }),
      });
      await fix.first().waitFor();
      const title = await fix.first().locator('.title').innerText();
      const snippetPrefix = plan.quickFix.title.exec(title)[1];
      await fix.first().click();
      await page.locator('.action-widget .monaco-list-row.action').first().waitFor({ state: 'hidden' });
      await page.locator('.editor-group-container.active .tab.active.dirty').waitFor();
      // The fix inserts the wording of the snippet it names; its heading must now be in the saved letter.
      const heading = expandSnippetBody(findSnippet(repoRoot, snippetPrefix).body).split('\n')[0];
      assert.match(heading, /^#{1,6} /, `snippet ${snippetPrefix} starts with a heading`);
      const after = await wb.saveActiveEditor(letterPath, (text) => text !== before);
      assert.ok(!before.includes(heading), 'the heading was not there before');
      assert.ok(after.split('\n').includes(heading), `the saved letter has "${heading}"`);
      await pollUntil(
        () => wb.problems(),
        (entries) => !entries.some((e) => e.file === plan.defectiveLetter && e.code === plan.quickFix.code),
        { describe: (entries) => `problems still list ${plan.quickFix.code}: ${JSON.stringify(entries)}` },
      );
      // The checklist view (expanded by the checklist scenario) follows: the rights part is now ticked.
      const pane = await wb.expandedViewPane(plan.checklistViewTitle);
      const rights = pane.locator('.pane-body .monaco-list-row', { hasText: /✓\s*Review and complaint rights/ });
      await wb.scrollListUntilVisible(pane.locator('.pane-body .monaco-list').first(), rights);
    },
  },
];
