// TODO(rules): missing-required-header: not implemented yet.
import type { Rule } from './types';

export const missingRequiredHeader: Rule = {
  id: 'missing-required-header',
  defaultSeverity: 'warning',
  basis: 'rfc-must',
  docs: {
    summary: 'TODO',
    description: 'TODO',
    fixes: 'TODO',
  },
  check() {
    return [];
  },
};
