// TODO(rules): server-error-for-client-error: not implemented yet.
import type { Rule } from './types';

export const serverErrorForClientError: Rule = {
  id: 'server-error-for-client-error',
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
