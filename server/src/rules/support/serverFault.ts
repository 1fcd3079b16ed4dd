// Readings of a 5xx site that say the author meant a server fault, not a client mistake: the branch
// logs an error first, the same key was already answered 404 above, what is missing is the server's
// own (a secret, a storage, a registry entry), the message says something failed unexpectedly.
// The syntax is read by the analysis (analysis/facts/serverFault.ts); this weighs what it found.
import { bodyConstantTexts, errorArgumentsText, lookupKeysOf, testedLocalNames } from '../../analysis/facts/serverFault';
import type { Guard, StatusSite } from '../../analysis/types';
import { problemGuard, siteMessage } from './suggest';
import type { RuleContext } from '../types';

export { branchLogsError } from '../../analysis/facts/serverFault';

/** Words saying the thing missing is the server's own, or that the failure was not expected. */
const SERVER_SIDE_MISS =
  /\b(secret|config(uration)?|env(ironment)? var(iable)?|credentials?|certificate|key ?pair|private key|plugin|driver|migration|storage|registry|unhandled|unexpected|edge case|invariant|inconsisten\w*|should (not|never) happen|could not be (read|loaded|saved|written)|failed to)\b/i;

/** camelCase, snake_case and UPPER_CASE names spelled out as words: UNHANDLED_EDGE_CASE → "unhandled edge case". */
function spelledOut(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
}

/**
 * An earlier branch of the same function answered 404 for a lookup by the same key: the record
 * exists by now, so a later miss (a re-read after a write, a delete that reports false) is the server's.
 */
export function missAfterAnswered404(ctx: RuleContext, site: StatusSite, g: Guard): boolean {
  const fn = site.flow?.fn;
  if (fn === undefined) return false;
  let mine: Set<string> | undefined;
  for (const other of ctx.sites) {
    if (other.code !== 404 || other.flow?.fn !== fn || other.span.start >= site.span.start) continue;
    const og = problemGuard(other);
    if (og?.kind !== 'lookup-miss') continue;
    mine ??= lookupKeysOf(ctx, g);
    if (mine.size === 0) return false;
    for (const k of lookupKeysOf(ctx, og)) if (mine.has(k)) return true;
  }
  return false;
}

/** The source text of what the site says: its literal message, else its body, else its error's arguments. */
function messageSource(ctx: RuleContext, site: StatusSite): string {
  const literal = siteMessage(site);
  if (literal) return literal;
  if (site.body) return site.body.text;
  return errorArgumentsText(ctx, site);
}

/** What the site says, with the string constants its body names spelled out (`{ error: customAuthWarning }`). */
export function messageWords(ctx: RuleContext, site: StatusSite): string {
  const own = messageSource(ctx, site);
  if (!site.body) return own;
  return [own, ...bodyConstantTexts(ctx, site)].join(' ');
}

/** The thing missing is the server's own (a secret, a storage, a plugin), or the message says the failure was unexpected. */
export function serverSideMiss(ctx: RuleContext, site: StatusSite, g: Guard | undefined): boolean {
  const names = g ? testedLocalNames(ctx, g) : [];
  return [...names, messageSource(ctx, site)].some((t) => SERVER_SIDE_MISS.test(spelledOut(t)));
}

/** The site is in a request handler (a route, middleware or Nest/Next route method), not in a helper far from the request. */
export function inRequestHandler(site: StatusSite): boolean {
  return !!(site.handler || site.route);
}
