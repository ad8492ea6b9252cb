// Markdown parsing. CommonMark plus YAML front matter; GFM is not used: letters need no
// tables, strikethrough, task lists or footnotes, and the GFM extension doubled parse time
// (docs/performance.md). Section finding needs only the block structure, so the engine
// parses with the inline constructs switched off and reads inline markup (bold titles,
// code spans) from single blocks parsed again on their own.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { flattenDeepContainers } from './text/containers';
// Side effect: micromark's EditMap.consume made linear (see the file).
import './text/micromarkPatch';

/** micromark's inline (text) constructs: block structure never depends on them. */
const INLINE_CONSTRUCTS = [
  'attention',
  'autolink',
  'characterEscape',
  'characterReference',
  'codeText',
  'hardBreakEscape',
  'htmlText',
  'labelStartImage',
  'labelStartLink',
  'labelEnd',
];

function blocksOnly(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ disable: { null: INLINE_CONSTRUCTS } });
}

const full = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
const inlineOnly = unified().use(remarkParse);
const blocksWithFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(blocksOnly);
const blocksAfterStart = unified().use(remarkParse).use(blocksOnly);

/** Parses Markdown (with YAML front matter) into a full mdast tree with offsets. */
export function parseMarkdown(text: string): Root {
  return full.parse(flattenDeepContainers(text).text) as Root;
}

/**
 * Block structure only (paragraph text is left as plain text). `atDocumentStart` is false
 * for a slice that starts further into a letter, where front matter cannot begin.
 */
export function parseBlockStructure(text: string, atDocumentStart: boolean): Root {
  // Over-deep nesting is flattened first: micromark is quadratic on it (see text/containers.ts).
  return (atDocumentStart ? blocksWithFrontMatter : blocksAfterStart).parse(flattenDeepContainers(text).text) as Root;
}

/** One block's text parsed alone with inline markup, for bold titles and code spans. */
export function parseInline(text: string): Root {
  return inlineOnly.parse(text) as Root;
}
