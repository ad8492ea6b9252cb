// Writes what is derived from the rules' own metadata (id, default severity, description):
// the `foi.rules` settings in package.json, the rule list of schemas/foi-config.schema.json, and
// the rule tables in README.md and docs/rules/README.md (between `<!-- rules:start -->` and
// `<!-- rules:end -->`). `npm run generate` writes them; test/generated.test.ts fails when a
// checked-in file differs from what this would write.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_METADATA } from '../server/src/engine/lint';

export const ROOT = path.join(__dirname, '..');
const SEVERITIES = ['off', 'hint', 'information', 'warning', 'error'];
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|');
/** Descriptions are sentences; table cells drop the full stop. */
const phrase = (description: string) => cell(description.replace(/\.$/, ''));

function replaceBetweenMarkers(text: string, table: string, file: string): string {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file}: no ${START} … ${END} markers`);
  return `${text.slice(0, start + START.length)}\n${table}\n${text.slice(end)}`;
}

/** Every generated file: its path (relative to the repository) and the text it should have. */
export function generatedFiles(): { file: string; text: string }[] {
  const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

  const manifest = JSON.parse(read('package.json'));
  const ruleSettings = manifest.contributes.configuration.properties['foi.rules'];
  ruleSettings.properties = Object.fromEntries(
    RULE_METADATA.map((rule) => [rule.id, { type: 'string', enum: SEVERITIES, description: `${rule.description.replace(/`/g, '')} Default: ${rule.defaultSeverity}.` }]),
  );

  const schema = JSON.parse(read('schemas/foi-config.schema.json'));
  schema.properties.rules.propertyNames.enum = RULE_METADATA.map((rule) => rule.id);

  const readmeTable = [
    '| Rule | Default | What it reports |',
    '| --- | --- | --- |',
    ...RULE_METADATA.map((rule) => `| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${rule.defaultSeverity} | ${phrase(rule.description)} |`),
  ].join('\n');
  const docsTable = [
    '| Rule | Default severity | What it reports |',
    '| --- | --- | --- |',
    ...RULE_METADATA.map((rule) => `| [${rule.id}](${rule.id}.md) | ${rule.defaultSeverity} | ${cell(rule.description)} |`),
  ].join('\n');

  return [
    { file: 'package.json', text: `${JSON.stringify(manifest, null, 2)}\n` },
    { file: 'schemas/foi-config.schema.json', text: `${JSON.stringify(schema, null, 2)}\n` },
    { file: 'README.md', text: replaceBetweenMarkers(read('README.md'), readmeTable, 'README.md') },
    { file: 'docs/rules/README.md', text: replaceBetweenMarkers(read('docs/rules/README.md'), docsTable, 'docs/rules/README.md') },
  ];
}

if (require.main === module) {
  for (const { file, text } of generatedFiles()) {
    const full = path.join(ROOT, file);
    if (fs.readFileSync(full, 'utf8') === text) continue;
    fs.writeFileSync(full, text);
    console.log(`wrote ${file}`);
  }
}
