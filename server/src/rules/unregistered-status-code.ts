// TODO(rules): unregistered-status-code: not implemented yet.
import type { Rule } from './types';

export const unregisteredStatusCode: Rule = {
  id: 'unregistered-status-code',
  defaultSeverity: 'info',
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
