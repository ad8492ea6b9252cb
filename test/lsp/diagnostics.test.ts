// Drives the real server over stdio and asserts the exact publishDiagnostics JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lspClient';

const ROOT = path.join(__dirname, '..', '..');
const DOCS = pathToFileURL(path.join(ROOT, 'docs', 'rules')).href + '/';

test('publishDiagnostics for the seed-layout fixture: exactly rights-missing, with code, range and docs link', async () => {
  const client = new LspClient();
  try {
    const init = await client.initialize();
    assert.equal(init.capabilities.textDocumentSync.change, 2, 'incremental sync');
    const file = path.join(ROOT, 'test', 'fixtures', 'seed-layout.md');
    const text = fs.readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).href;
    const published = await client.open(uri, text);
    const lastLine = text.split('\n').length - 2; // the file ends with a newline
    const lastLineText = text.split('\n')[lastLine];
    const lastLineStart = text.split('\n').slice(0, lastLine).join('\n').length + 1;
    assert.deepEqual(published, {
      uri,
      version: 1,
      diagnostics: [
        {
          range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: lastLineText.length } },
          severity: 1,
          code: 'rights-missing',
          codeDescription: { href: `${DOCS}rights-missing.md` },
          source: 'foi',
          message: 'This letter is a refusal notice (its response_type is ncnd) but does not tell the requester how to ask for an internal review or about the right to complain to the Information Commissioner.',
          // What code actions need: the finding (rule @ start-end offsets) and what its fixes do.
          data: { findingId: `rights-missing@${lastLineStart}-${lastLineStart + lastLineText.length}`, fixKinds: ['insert-section'] },
        },
      ],
    });
  } finally {
    await client.shutdown();
  }
});
