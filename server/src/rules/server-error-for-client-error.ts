// A 5xx answered because the client sent bad input: clients retry, monitors page someone, and
// nobody tells the client what to fix.
import { changeCodeEdit } from '../analysis/edits';
import type { Fix, Guard, StatusSite } from '../analysis/types';
import { capitalized, chosenServerErrors, codeLabel, isBodySyntaxError, isClientInputGuard, snippet } from './support/suggest';
import { bodyParseInTry, narrowedByRethrow } from '../analysis/facts/catchShape';
import { defineRule } from './support/defineRule';
import { validationStatus } from './support/options';
import type { RuleContext } from './types';

function reasonOf(site: StatusSite, g: Guard): string {
  if (g.kind === 'validation') return 'the request failed validation';
  if (g.kind === 'missing-field') return 'a request field is missing or invalid';
  if (isBodySyntaxError(site, g)) return 'the request body is not valid JSON';
  const generic = g.errorName === 'validation' || g.errorName === 'isJoi' || g.errorName === 'issues';
  return generic ? "the request's input failed validation" : `the request's input threw \`${g.errorName}\``;
}

/**
 * `try { const body = await req.json(); ... } catch { return 500 }`: a body that does not parse is
 * answered as a server failure. No quick fix: a 4xx there would hide the real outages the catch also sees.
 */
function malformedBodyInCatchAll(ctx: RuleContext, site: StatusSite & { code: number }): { parse: string } | undefined {
  const cc = site.catchClause;
  if (!cc || cc.narrowed || site.guards.length > 0 || site.branch || narrowedByRethrow(ctx, site)) return undefined;
  const parse = bodyParseInTry(ctx, site);
  if (!parse) return undefined;
  return { parse };
}

export const serverErrorForClientError = defineRule({
  id: 'server-error-for-client-error',
  severity: { recommended: 'warning' },
  basis: 'rfc-should',
  options: { validationStatus },
  messages: {
    invalidInput:
      '{{code}} for invalid input: respond {{better}}. {{reason}} (`{{condition}}`), but a 5xx tells clients the server failed: they retry, monitors count an outage, and the client never learns what to fix.',
    malformedBody:
      '{{code}} when the request body does not parse: answer {{better}} for it. `{{parse}}` throws on malformed input inside this try, and the catch answers every error {{status}}, so clients retry a request that can never succeed. Parse before the try, or answer 400 for the parse error in the catch.',
  },
  docs: {
    summary: 'A 5xx status answered for bad client input (failed validation, a missing field, a ValidationError/ZodError/CastError).',
    description:
      'A 5xx tells clients the server failed and the same request may work later: SDKs and proxies retry it, ' +
      'error budgets and alerting count it against the service, and the client is never told that its input is what ' +
      'needs fixing. When the branch runs because the request failed validation, lacks a required field, or the error ' +
      'caught is a validation/cast/parse error of the input, answer 400 Bad Request (or 422 Unprocessable Content for ' +
      'well-formed input that fails validation) with the validation details in the body.',
    fixes: 'Change the status to 400 or 422 (the `validationStatus` setting picks which is offered first).',
    examples: {
      bad: "export async function createOrder(req: Request, res: Response) {\n  const parsed = CreateOrder.safeParse(req.body);\n  if (!parsed.success) return res.status(500).json({ error: 'Invalid order payload' });\n  const order = await orders.save(parsed.data);\n  res.status(201).location(`/orders/${order.id}`).json(order);\n}",
      good: "export async function createOrder(req: Request, res: Response) {\n  const parsed = CreateOrder.safeParse(req.body);\n  if (!parsed.success) return res.status(400).json({ error: 'Invalid order payload', issues: parsed.error.issues });\n  const order = await orders.save(parsed.data);\n  res.status(201).location(`/orders/${order.id}`).json(order);\n}",
      file: 'orders.ts',
    },
  },
  check(ctx) {
    for (const { site, guard: g } of chosenServerErrors(ctx.sites, ctx.text)) {
      if (!g) {
        const malformed = malformedBodyInCatchAll(ctx, site);
        if (malformed)
          ctx.report(site, 'malformedBody', { code: codeLabel(site.code), better: codeLabel(400), parse: snippet(malformed.parse), status: site.code });
        continue;
      }
      if (!isClientInputGuard(site, g)) continue;
      const preferred = ctx.settings.validationStatus;
      const fixes: Fix[] = [];
      for (const code of [preferred, preferred === 400 ? 422 : 400]) {
        const edit = changeCodeEdit(site, code);
        if (edit) fixes.push({ title: `Respond ${codeLabel(code)}`, edits: [edit], isPreferred: fixes.length === 0 });
      }
      ctx.report(
        site,
        'invalidInput',
        { code: codeLabel(site.code), better: codeLabel(preferred), reason: capitalized(reasonOf(site, g)), condition: snippet(g.text) },
        fixes,
      );
    }
  },
});
