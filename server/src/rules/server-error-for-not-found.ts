// TODO(rules): server-error-for-not-found: not implemented yet.
import type { Rule } from './types';

export const serverErrorForNotFound: Rule = {
  id: 'server-error-for-not-found',
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
