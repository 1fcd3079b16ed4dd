// TODO(rules): rate-limit-should-be-429: not implemented yet.
import type { Rule } from './types';

export const rateLimitShouldBe429: Rule = {
  id: 'rate-limit-should-be-429',
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
