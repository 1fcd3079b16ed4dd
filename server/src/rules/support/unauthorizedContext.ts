// When a 401 is not about the caller's credentials, or is never sent: asking it for WWW-Authenticate
// is the wrong advice. Read from the guards and what the site says.
import type { StatusSite } from '../../analysis/types';
import { messageWords } from './serverFault';
import type { RuleContext } from '../types';

export { inBranchWithoutNext } from '../../analysis/facts/unauthorizedContext';

/** Things no credential can fix: a licence, an unconfigured feature. */
const NOT_CREDENTIALS = /licen[cs]e|\bnot configured\b|\bconfigure (a|an|the)\b|\bmisconfigur/i;
/** A routing test: the request's path or URL. */
const ROUTING_TEST = /\.(path|url|originalUrl|baseUrl|pathname)\b/;
const CREDENTIAL_WORDS = /user|auth|token|session|key|cred|cookie|secret|sign/i;

/** The 401 answers something no credential can fix: an expired licence, an unconfigured feature, a wrong path. */
export function notAboutCredentials(ctx: RuleContext, site: StatusSite): boolean {
  if (site.guards.some((g) => NOT_CREDENTIALS.test(g.text)) || NOT_CREDENTIALS.test(messageWords(ctx, site))) return true;
  const g = site.guard;
  return !!g && g.kind === 'other' && ROUTING_TEST.test(g.text) && !CREDENTIAL_WORDS.test(g.text.replace(ROUTING_TEST, ''));
}
