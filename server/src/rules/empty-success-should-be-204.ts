// TODO(rules): empty-success-should-be-204: not implemented yet.
import type { Rule } from './types';

export const emptySuccessShouldBe204: Rule = {
  id: 'empty-success-should-be-204',
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
