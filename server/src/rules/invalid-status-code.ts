// TODO(rules): invalid-status-code: not implemented yet.
import type { Rule } from './types';

export const invalidStatusCode: Rule = {
  id: 'invalid-status-code',
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
