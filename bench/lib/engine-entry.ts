// Bundled by the benchmark (minified, like the shipped server) to time the engine against remark-parse.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
export { lint, lintSteps } from '../../server/src/engine/lint';
export { IncrementalParser } from '../../server/src/engine/incremental';
export { DEFAULT_SETTINGS } from '../../server/src/engine/config/settings';

const remark = unified().use(remarkParse);

/** The baseline: remark-parse alone, `unified().use(remarkParse).parse`. */
export function remarkParseOnly(text: string): unknown {
  return remark.parse(text);
}
