// A 4xx thrown inside a `try` whose catch answers every error with one 5xx: the client never gets
// the 4xx (`throw new ApiError(404)` in the try, `throw new ApiError(500, msg)` in the catch).
import * as ts from 'typescript';
import { positionAt } from '../analysis/edits';
import type { Fix, StatusSite } from '../analysis/types';
import { rethrowEdit, swallowedBy5xx } from './catchShape';
import { codeLabel } from './suggest';
import { nodeAt, treeOf } from './syntax';
import type { RuleContext, RuleReport } from './types';

/** The class a site's error is made with (`new ApiError(404, ...)` → ApiError), when it is a plain name. */
function errorClassOf(ctx: RuleContext, site: StatusSite): string | undefined {
  for (let n = nodeAt(treeOf(ctx), site.span); n && !ts.isStatement(n); n = n.parent) {
    if (ts.isNewExpression(n)) return ts.isIdentifier(n.expression) ? n.expression.text : undefined;
  }
  return undefined;
}

/** Reports for each thrown `codes` status the catch around it turns into a 5xx; `consequence` ends the message. */
export function swallowedReports(ctx: RuleContext, codes: ReadonlySet<number>, consequence: string): RuleReport[] {
  const reports: RuleReport[] = [];
  for (const site of ctx.sites) {
    if (site.code === undefined || !codes.has(site.code) || site.form === 'dynamic') continue;
    const swallowed = swallowedBy5xx(ctx, site);
    if (!swallowed) continue;
    const { clause, answer } = swallowed;
    const line = positionAt(ctx.analysis.lineStarts, clause.getStart()).line + 1;
    const cls = errorClassOf(ctx, site);
    const edit = cls ? rethrowEdit(ctx, clause, cls) : undefined;
    const fixes: Fix[] = edit ? [{ title: `Rethrow ${cls} from the catch`, edits: [edit], suggestion: true }] : [];
    reports.push({
      ...site.span,
      message:
        `${site.code} thrown into a catch (line ${line}) that answers every error ${answer.code}: rethrow it from the catch. ` +
        `The client gets ${codeLabel(answer.code!)} instead of ${codeLabel(site.code)}${cls ? `; \`if (err instanceof ${cls}) throw err\` first in the catch keeps it` : ''}. ${consequence}`,
      fixes,
    });
  }
  return reports;
}
