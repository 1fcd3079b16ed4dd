// TODO(rules): response-sent-twice: not implemented yet.
import type { Rule } from './types';

export const responseSentTwice: Rule = {
  id: 'response-sent-twice',
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
