// TODO(rules): auth-status-mismatch: not implemented yet.
import type { Rule } from './types';

export const authStatusMismatch: Rule = {
  id: 'auth-status-mismatch',
  defaultSeverity: 'warning',
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
