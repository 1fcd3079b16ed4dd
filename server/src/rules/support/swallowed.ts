// A 4xx thrown inside a `try` whose catch answers every error with one 5xx: the client never gets
// the 4xx. The facts come from the analysis (analysis/facts/swallowed.ts); this writes the report.
import { positionAt } from '../../analysis/edits';
import { swallowedThrow } from '../../analysis/facts/swallowed';
import type { Fix, StatusSite } from '../../analysis/types';
import { codeLabel } from './suggest';
import type { RuleCheckContext } from '../types';

export { answersClientLookup } from '../../analysis/facts/swallowed';

/**
 * Reports, with the rule's `swallowed` message, each thrown `codes` status that the catch around it
 * turns into a 5xx. Slots: code, line, answer, answerLabel, codeLabel, keepIt (empty without an error class).
 */
export function reportSwallowed(
  ctx: RuleCheckContext<{ swallowed: string }>,
  codes: ReadonlySet<number>,
  applies: (site: StatusSite) => boolean = () => true,
): void {
  for (const site of ctx.sites) {
    if (site.code === undefined || !codes.has(site.code) || site.form === 'dynamic') continue;
    const swallowed = swallowedThrow(ctx, site);
    if (!swallowed || !applies(site)) continue;
    const { answer, errorClass: cls, rethrow: edit } = swallowed;
    const line = positionAt(ctx.analysis.lineStarts, swallowed.catchStart).line + 1;
    const fixes: Fix[] = edit ? [{ title: `Rethrow ${cls} from the catch`, edits: [edit], suggestion: true }] : [];
    const keepIt = cls ? `; \`if (err instanceof ${cls}) throw err\` first in the catch keeps it` : '';
    ctx.report(
      site,
      'swallowed',
      { code: site.code, line, answer: answer.code!, answerLabel: codeLabel(answer.code!), codeLabel: codeLabel(site.code), keepIt },
      fixes,
    );
  }
}
