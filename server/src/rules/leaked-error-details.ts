// TODO(rules): leaked-error-details: not implemented yet.
import type { Rule } from './types';

export const leakedErrorDetails: Rule = {
  id: 'leaked-error-details',
  defaultSeverity: 'warning',
  basis: 'convention',
  docs: {
    summary: 'TODO',
    description: 'TODO',
    fixes: 'TODO',
  },
  check() {
    return [];
  },
};
