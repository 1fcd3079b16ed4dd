// TODO(rules): body-with-no-content-status: not implemented yet.
import type { Rule } from './types';

export const bodyWithNoContentStatus: Rule = {
  id: 'body-with-no-content-status',
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
