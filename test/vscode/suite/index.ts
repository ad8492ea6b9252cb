// Mocha entry point loaded in the extension host (by @vscode/test-electron, or by the
// code-server runner in ../run.mjs). Prints a spec report and, when FOI_VSCODE_TESTS_RESULT
// names a file, also writes a JSON summary there.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Outcome {
  title: string;
  error?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'extension.test.js'));
  const outcomes: Outcome[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const resultFile = process.env.FOI_VSCODE_TESTS_RESULT;
      if (resultFile) writeFileSync(resultFile, JSON.stringify({ failures, outcomes }, null, 2));
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => outcomes.push({ title: test.fullTitle() }));
    runner.on('fail', (test, error: Error) => outcomes.push({ title: test.fullTitle(), error: error.stack ?? error.message }));
  });
}
