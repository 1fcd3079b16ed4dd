// Positions around a site or a send that fixes write at and rules weigh, read with the scanner
// (tokens.ts) so strings, comments and templates never count: where the status call closes, where
// the statement ends, whether a throw follows.
import type { SendEvent, StatusSite } from '../types';
import { closingParenEnd, statementEnd, throwFollows } from './tokens';
import type { FactsInput } from './input';

/** The end of the `)` closing the call whose arguments hold the status (`res.status(404)`), when the text looks like that. */
export function statusCallEnd(ctx: FactsInput, site: StatusSite): number | undefined {
  return closingParenEnd(ctx.text, site.span.end);
}

/** Where the expression statement ending with the site's status ends (`res.statusCode = 404;`), when nothing more of it follows. */
export function statusStatementEnd(ctx: FactsInput, site: StatusSite): number | undefined {
  return statementEnd(ctx.text, site.span.end);
}

/** Where the expression statement ending with the send ends, when nothing more of it follows. */
export function sendStatementEnd(ctx: FactsInput, send: SendEvent): number | undefined {
  return statementEnd(ctx.text, send.end);
}

/** A `throw` follows the site in its handler before a statement-level `return` (see tokens.ts's throwFollows). */
export function throwFollowsInHandler(ctx: FactsInput, site: StatusSite): boolean {
  return !!site.handler && throwFollows(ctx.text, site.span.end, site.handler.span.end);
}
