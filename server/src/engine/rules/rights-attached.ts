import { rightsOf } from '../model/rights';
import type { RuleFinding } from '../types';
import type { Rule } from './rule';
import { rightsFix } from './rights-missing';

export const rightsAttached: Rule = {
  id: 'rights-attached',
  description: 'The review and complaint rights are given only by an attached or linked document, which must go out with the letter.',
  defaultSeverity: 'information',
  check({ model }): RuleFinding[] {
    const rights = rightsOf(model);
    if (!rights.owed || !rights.elsewhere) return [];
    const missingReview = rights.owed.review && !rights.review;
    const missingRegulator = rights.owed.regulator && !rights.regulator;
    if (!missingReview && !missingRegulator) return [];
    const what = missingReview && missingRegulator ? 'the review and complaint rights' : missingReview ? 'the review route' : 'the right to complain to the regulator';
    return [
      {
        span: rights.elsewhere,
        fixes: rightsFix(model, !missingReview, !missingRegulator),
        message: `The letter gives ${what} only by an attached or linked document: check that it goes out with the letter and that the link works in the version you send (a PDF or printed copy loses links).`,
      },
    ];
  },
};
