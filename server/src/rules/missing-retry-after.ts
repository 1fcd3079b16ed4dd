// TODO(rules): missing-retry-after: not implemented yet.
import type { Rule } from './types';

export const missingRetryAfter: Rule = {
  id: 'missing-retry-after',
  defaultSeverity: 'info',
  basis: 'rfc-should',
  docs: {
    summary: 'TODO',
    description: 'TODO',
    fixes: 'TODO',
  },
  check() {
    return [];
  },
};
