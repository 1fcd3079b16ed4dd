// TODO(rules): created-without-location: not implemented yet.
import type { Rule } from './types';

export const createdWithoutLocation: Rule = {
  id: 'created-without-location',
  defaultSeverity: 'info',
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
