// Types for snippets.mjs (also bundled into the extension-host suite in test/vscode/).
export interface SnippetDefinition {
  name: string;
  file: string;
  prefix: string | string[];
  body: string | string[];
  description?: string;
}
export function findSnippet(repoRoot: string, prefix: string): SnippetDefinition;
export function expandSnippetBody(body: string | string[]): string;
