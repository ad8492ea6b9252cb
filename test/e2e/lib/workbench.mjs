// Page helpers for driving the VS Code workbench (as served by code-server) with playwright-core.
// Selectors were checked against VS Code 1.139 (code-server 4.139.1).

import { readFileSync } from 'node:fs';

export const TIMEOUT = 30_000;

/** Polls `read` until `accept(value)` holds; returns the last value or throws with `describe(value)`. */
export async function pollUntil(read, accept, { timeout = TIMEOUT, interval = 200, describe = String } = {}) {
  const deadline = Date.now() + timeout;
  let value;
  for (;;) {
    value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms; last seen: ${describe(value)}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

export class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  async open(url, folder) {
    await this.page.goto(`${url}?folder=${encodeURIComponent(folder)}`);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  }

  explorerRow(fileName) {
    return this.page.locator('.explorer-folders-view .monaco-list-row', {
      has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(fileName)}$`) }),
    });
  }

  /** Closes overlays (quick input, hovers, widgets) so the next step starts from the editor. */
  async dismissOverlays() {
    for (let i = 0; i < 3; i++) await this.page.keyboard.press('Escape');
  }

  /** Makes the Explorer visible (Ctrl+Shift+E would toggle focus, so use the activity bar only when hidden). */
  async showExplorer() {
    if (await this.page.locator('.explorer-folders-view').isVisible()) return;
    await this.runCommand('View: Show Explorer');
    await this.page.locator('.explorer-folders-view').waitFor({ timeout: TIMEOUT });
  }

  /** Opens a file by clicking its name in the Explorer (Quick Open is unreliable with the Welcome tab). */
  async openFile(fileName) {
    await this.showExplorer();
    const row = this.explorerRow(fileName);
    await row.waitFor({ timeout: TIMEOUT });
    await row.click();
    await this.activeTab(fileName).waitFor({ timeout: TIMEOUT });
    await this.activeEditor().locator('.view-lines').waitFor({ timeout: TIMEOUT });
  }

  activeTab(fileName) {
    return this.page.locator(
      `.editor-group-container.active .tabs-container .tab.active[data-resource-name="${fileName.replace(/"/g, '\\"')}"]`,
    );
  }

  activeEditor() {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  async focusEditor() {
    await this.activeEditor().locator('.view-lines').click({ position: { x: 5, y: 5 } });
  }

  /** The status bar's cursor position, e.g. "Ln 44, Col 1 (52 selected)". */
  async cursorStatus() {
    const item = this.page.locator('#status\\.editor\\.selection');
    return (await item.count()) ? (await item.innerText()).trim() : '';
  }

  /** Runs a command by its title through the Command Palette. */
  async runCommand(title) {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor({ timeout: TIMEOUT });
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-widget .monaco-list-row', {
      has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }),
    });
    await row.first().waitFor({ timeout: TIMEOUT });
    await row.first().click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
  }

  /** Moves the cursor to the first match of `text` in the active editor, via the Find widget. */
  async selectText(text) {
    await this.focusEditor();
    await this.page.keyboard.press('Control+Home');
    await this.page.keyboard.press('Control+f');
    const findInput = this.page.locator('.editor-group-container.active .find-widget.visible textarea').first();
    await findInput.waitFor({ timeout: TIMEOUT });
    await findInput.fill(text);
    await pollUntil(
      () => this.page.locator('.editor-group-container.active .find-widget .matchesCount').innerText(),
      (count) => /^1 of \d+$/.test(count.trim()),
      { describe: (count) => `find "${text}": ${count}` },
    );
    await this.page.keyboard.press('Escape'); // closes Find, keeps the selection on the match
    await this.page.locator('.editor-group-container.active .find-widget.visible').waitFor({ state: 'hidden' });
  }

  /**
   * Scrolls a virtualised list (rows exist only while on screen) until `item` is visible:
   * passes from top to bottom, repeated until the timeout, since such lists re-render as they update.
   */
  async scrollListUntilVisible(list, item, { timeout = TIMEOUT } = {}) {
    const deadline = Date.now() + timeout;
    const offset = () => list.locator('.monaco-list-rows').first().evaluate((rows) => `${rows.style.top}|${rows.style.transform}`);
    while (Date.now() < deadline) {
      await list.hover();
      await this.page.mouse.wheel(0, -100_000); // back to the top
      for (let step = 0; step < 100; step++) {
        await this.page.waitForTimeout(50); // let the list render the rows scrolled into view
        if (await item.isVisible()) return;
        const before = await offset();
        await this.page.mouse.wheel(0, 150);
        await this.page.waitForTimeout(50);
        if ((await offset()) === before) break; // reached the bottom
      }
    }
    await item.waitFor({ timeout: 1000 }); // throws with a description of what was wanted
  }

  /** Shows the Problems panel and returns a locator for its rows. */
  async showProblems() {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
      await panel.waitFor({ timeout: TIMEOUT });
    }
    return panel.locator('.monaco-list-row');
  }

  /** Problems panel entries: [{ file, message, source, code, href, line }] (file rows give `file`). */
  async problems() {
    const rows = await this.showProblems();
    return rows.evaluateAll((elements) => {
      let file = '';
      const entries = [];
      for (const row of elements) {
        if (!row.querySelector('.marker-message')) {
          file = row.querySelector('.label-name')?.textContent ?? file;
          continue;
        }
        entries.push({
          file,
          message: row.querySelector('.marker-message')?.textContent ?? '',
          source: row.querySelector('.marker-source')?.textContent ?? '',
          code: row.querySelector('.marker-code')?.textContent ?? '',
          href: row.querySelector('.marker-code')?.closest('a')?.getAttribute('href') ?? '',
          line: row.querySelector('.marker-line')?.textContent ?? '',
        });
      }
      return entries;
    });
  }

  /** The Problems panel row for `code` in `file` (the panel must be showing). */
  async problemRow(file, code) {
    const index = await this.page.locator('.markers-panel .monaco-list-row').evaluateAll(
      (rows, [wantedFile, wantedCode]) => {
        let currentFile = '';
        for (const row of rows) {
          if (!row.querySelector('.marker-message')) currentFile = row.querySelector('.label-name')?.textContent ?? '';
          else if (currentFile === wantedFile && row.querySelector('.marker-code')?.textContent === wantedCode) {
            return row.getAttribute('data-index');
          }
        }
        return null;
      },
      [file, code],
    );
    if (index === null) throw new Error(`no ${code} problem for ${file} in the Problems panel`);
    return this.page.locator(`.markers-panel .monaco-list-row[data-index="${index}"]`);
  }

  /** The visible hover widget's text (editor hover), or '' when none. */
  async hoverText() {
    const hover = this.page.locator('.monaco-editor-hover .monaco-hover:not(.hidden), .monaco-hover:not(.hidden)');
    const texts = await hover.allInnerTexts();
    return texts.join('\n').trim();
  }

  /**
   * Saves the active editor with Ctrl+S and waits until the file on disk satisfies `saved(text)`.
   * (The tab's dirty mark clears before the remote write lands, so the disk is the reliable signal.)
   */
  async saveActiveEditor(filePath, saved) {
    await this.page.keyboard.press('Control+s');
    return pollUntil(
      () => readFileSync(filePath, 'utf8'),
      saved,
      { describe: (text) => `${filePath} after save: ${JSON.stringify(text.slice(0, 400))}` },
    );
  }

  /** The status bar item whose text starts with `prefix` (icons are spans without text). */
  statusBarItem(prefix) {
    return this.page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: new RegExp(`^\\s*${escapeRegExp(prefix)}`) });
  }

  /** The text of the status bar item starting with `prefix`, or '' when there is none. */
  async statusBarText(prefix) {
    const texts = await this.statusBarItem(prefix).allInnerTexts();
    return texts.map((text) => text.trim()).join(' | ');
  }

  /**
   * Records every text the status bar item starting with `prefix` shows from now on, however briefly
   * (a MutationObserver in the page); `stop()` ends the recording and returns the texts in order.
   */
  async recordStatusBar(prefix) {
    const key = `__statusRecording${Math.random().toString(36).slice(2)}`;
    await this.page.evaluate(
      ([wantedPrefix, storeKey]) => {
        const bar = document.getElementById('workbench.parts.statusbar');
        const seen = [];
        let last;
        const record = () => {
          const item = [...bar.querySelectorAll('.statusbar-item')].find((el) => el.textContent.trim().startsWith(wantedPrefix));
          const text = item ? item.textContent.trim() : '';
          if (text !== last) seen.push((last = text));
        };
        const observer = new MutationObserver(record);
        observer.observe(bar, { subtree: true, childList: true, characterData: true, attributes: true });
        record();
        window[storeKey] = { seen, observer };
      },
      [prefix, key],
    );
    return {
      seen: () => this.page.evaluate((storeKey) => [...window[storeKey].seen], key),
      stop: () =>
        this.page.evaluate((storeKey) => {
          window[storeKey].observer.disconnect();
          const { seen } = window[storeKey];
          delete window[storeKey];
          return seen;
        }, key),
    };
  }

  /** The view pane in the side bar whose title matches (case-insensitive), expanded. */
  async expandedViewPane(title) {
    const header = this.page.locator('.pane-header', {
      has: this.page.locator('h3.title', { hasText: new RegExp(`^${escapeRegExp(title)}$`, 'i') }),
    });
    await header.waitFor({ timeout: TIMEOUT });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await pollUntil(() => header.getAttribute('aria-expanded'), (value) => value === 'true');
    return this.page.locator('.pane', { has: header });
  }
}

export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
