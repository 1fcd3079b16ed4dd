// TODO(rules): conflict-should-be-409: not implemented yet.
import type { Rule } from './types';

export const conflictShouldBe409: Rule = {
  id: 'conflict-should-be-409',
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
