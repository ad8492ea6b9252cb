import type { RuleFinding } from '../types';
import type { Rule } from './rule';

export const frontmatterInvalid: Rule = {
  id: 'frontmatter-invalid',
  description: 'The YAML front matter is malformed, never closes, or has unknown keys or invalid values (such as 2026-02-30).',
  defaultSeverity: 'error',
  check({ model }): RuleFinding[] {
    if (model.unclosedFrontMatter) {
      return [{ span: model.unclosedFrontMatter, message: 'Front matter opens with "---" but never closes: add a closing "---" line after the last key.' }];
    }
    return (model.frontMatter?.problems ?? []).map((problem) => ({ span: problem.span, message: problem.message }));
  },
};
