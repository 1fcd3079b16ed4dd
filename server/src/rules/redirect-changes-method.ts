// TODO(rules): redirect-changes-method: not implemented yet.
import type { Rule } from './types';

export const redirectChangesMethod: Rule = {
  id: 'redirect-changes-method',
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
