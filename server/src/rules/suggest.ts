// The status a site should have, judged from its guard or catch: shared by several rules' fixes.
import type { Settings } from '../analysis/settings';
import type { StatusSite } from '../analysis/types';

export interface Suggestion {
  code: number;
  /** Why, in a few words, for the fix title. */
  because: string;
}

/** Ordered suggestions for a failing response: the first is the preferred fix. */
export function suggestErrorCodes(site: StatusSite, settings: Settings): Suggestion[] {
  const out: Suggestion[] = [];
  const add = (code: number, because: string) => {
    if (!out.some((s) => s.code === code)) out.push({ code, because });
  };
  const g = site.guard && !site.guard.negated ? site.guard : undefined;
  switch (g?.kind) {
    case 'lookup-miss':
      add(404, 'the lookup found nothing');
      break;
    case 'validation':
    case 'missing-field':
      add(settings.validationStatus, 'the request failed validation');
      break;
    case 'auth-missing':
      add(401, 'no valid credentials');
      break;
    case 'permission':
      add(403, 'authenticated but not allowed');
      break;
    case 'exists':
      add(409, 'the resource already exists');
      break;
    case 'rate-limit':
      add(429, 'rate limit exceeded');
      break;
    default:
      break;
  }
  if (site.catchClause) add(500, 'an unexpected error was caught');
  add(400, 'the request cannot be processed');
  if (site.guards.some((x) => x.kind === 'lookup-miss' && !x.negated)) add(404, 'the lookup found nothing');
  add(500, 'the server failed');
  return out;
}
