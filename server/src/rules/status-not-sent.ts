// TODO(rules): status-not-sent: not implemented yet.
import type { Rule } from './types';

export const statusNotSent: Rule = {
  id: 'status-not-sent',
  defaultSeverity: 'error',
  basis: 'runtime',
  docs: {
    summary: 'TODO',
    description: 'TODO',
    fixes: 'TODO',
  },
  check() {
    return [];
  },
};
