// TODO(rules): client-error-for-server-fault: not implemented yet.
import type { Rule } from './types';

export const clientErrorForServerFault: Rule = {
  id: 'client-error-for-server-fault',
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
