// A record looked up by the request's id and used without a check, inside a try whose catch answers
// every error 5xx: an unknown id throws a TypeError there, and the client gets a 500 for a not-found.
// The look-ups come from the analysis (analysis/facts/uncheckedLookup.ts); this writes the report.
import { positionAt } from '../../analysis/edits';
import { uncheckedLookups } from '../../analysis/facts/uncheckedLookup';
import type { StatusSite } from '../../analysis/types';
import { codeLabel } from './suggest';
import type { RuleCheckContext } from '../types';

/** Reports each unchecked lookup whose TypeError the catch around it answers with `answer`'s 5xx. */
export function reportUncheckedLookups(ctx: RuleCheckContext<{ uncheckedLookup: string }>, answer: StatusSite): void {
  const code = answer.code;
  if (code === undefined || code < 500 || code > 599 || answer.form === 'dynamic' || answer.guards.length > 0 || answer.branch) return;
  if (!answer.catchClause || answer.catchClause.narrowed) return;
  for (const lookup of uncheckedLookups(ctx, answer)) {
    const line = positionAt(ctx.analysis.lineStarts, lookup.catchStart).line + 1;
    ctx.report(lookup.span, 'uncheckedLookup', { name: lookup.name, better: codeLabel(404), call: lookup.call, use: lookup.use, line, code }, []);
  }
}
