// A 2xx whose body says the request failed: clients believe the status, not the body.
import { changeCodeEdit } from '../analysis/edits';
import type { BodyProp, Fix, StatusSite } from '../analysis/types';
import { phraseOf } from '../knowledge/statusData';
import { codeLabel, snippet, suggestErrorCodes } from './support/suggest';
import { wrappingCallees } from '../analysis/facts/routePurpose';
import { defineRule } from './support/defineRule';
import { validationStatus } from './support/options';
import type { RuleContext } from './types';

const FAILURE_STATUS_WORDS = new Set(['error', 'fail', 'failed', 'failure']);

/** The body property that signals failure, if any. Conservative: null, [], '' and false never count. */
export function failureSignal(site: StatusSite): BodyProp | undefined {
  const props = site.body?.kind === 'object' ? site.body.props : [];
  for (const p of props) {
    const name = p.name;
    if ((name === 'success' || name === 'ok') && p.literal === false) return p;
    if (name === 'status' && typeof p.literal === 'string' && FAILURE_STATUS_WORDS.has(p.literal.toLowerCase())) return p;
    if (name === 'error') {
      if (p.valueKind === 'null' || p.valueKind === 'undefined' || p.literal === false || p.empty) continue;
      if (p.valueKind === 'string' || p.valueKind === 'template' || p.valueKind === 'object') return p;
      // error: err.message / error: e: a real error value travelling in a success response
      if (p.valueKind === 'member' || p.valueKind === 'identifier' || p.valueKind === 'call') {
        if (site.catchClause || site.guards.some((g) => g.kind !== 'other' && !g.negated)) return p;
      }
    }
    if (name === 'errors') {
      if (p.valueKind === 'array' || p.valueKind === 'object') {
        if (!p.empty) return p;
        continue;
      }
      if (
        (p.valueKind === 'call' || p.valueKind === 'member' || p.valueKind === 'identifier') &&
        (site.catchClause || site.guards.some((g) => (g.kind === 'validation' || g.kind === 'missing-field') && !g.negated))
      )
        return p;
    }
  }
  return undefined;
}

/** A check's own verdict (`isValid: false`, `reachable: false`): the check ran and answered, the request did not fail. */
const VERDICT = /^(is[A-Z]\w*|valid|available|reachable|healthy|connected|verified|exists|allowed|eligible)$/;

/**
 * The 200 is the protocol's, or the failure is the answer: JSON-RPC and GraphQL carry errors in a 200,
 * a checker endpoint reports `{ isValid: false, error }`, a queue delivery is acknowledged so it is not retried.
 */
function failureIsTheAnswer(ctx: RuleContext, site: StatusSite): boolean {
  const props = site.body?.kind === 'object' ? site.body.props : [];
  const names = new Set(props.map((p) => p.name));
  if (names.has('jsonrpc') || (names.has('data') && names.has('errors'))) return true;
  if (props.some((p) => VERDICT.test(p.name) && !/error|fail|success/i.test(p.name) && p.literal === false)) return true;
  return queueWrapped(ctx, site);
}

/** The handler is wrapped for queue delivery (`withQstash(...)`, `verifySignatureAppRouter(...)`): a 200 stops redelivery. */
function queueWrapped(ctx: RuleContext, site: StatusSite): boolean {
  return wrappingCallees(ctx, site).some((callee) => /qstash|verifySignature|queue/i.test(callee));
}

export const errorInSuccessResponse = defineRule({
  id: 'error-in-success-response',
  severity: { recommended: 'warning' },
  basis: 'runtime',
  options: { validationStatus },
  messages: {
    failureBody:
      '{{code}} with a failure body (`{{signal}}`): respond {{better}}. Clients, retries and monitors trust the status, so they count this as a success.',
    failureBodyImplicit:
      'Implicit {{status}} (no status set) with a failure body (`{{signal}}`): respond {{better}}. Clients, retries and monitors trust the status, so they count this as a success.',
  },
  docs: {
    summary: 'A 2xx response whose body says the request failed (`success: false`, `error: ...`).',
    description:
      'Clients, SDKs, retry logic, caches, API gateways and dashboards act on the status code, not on the body. ' +
      'A `200` carrying `{ success: false }` is counted as a success by monitoring, may be cached, is never retried, ' +
      'and makes every client parse the body to find out what happened. Answer with the 4xx or 5xx that describes the ' +
      'failure (404 for a missing resource, 400/422 for invalid input, 401/403 for auth, 500 for an unexpected error) ' +
      'and keep the error details in the body.',
    fixes: 'Change the status to the error code that matches the guard (lookup miss → 404, validation → 400/422, auth → 401/403, catch → 500).',
    examples: {
      bad: "router.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) return res.status(200).json({ success: false, error: 'User not found' });\n  res.json(user);\n});",
      good: "router.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) return res.status(404).json({ error: 'User not found' });\n  res.json(user);\n});",
    },
  },
  check(ctx) {
    for (const site of ctx.sites) {
      if (site.code === undefined || site.code < 200 || site.code > 299) continue;
      const signal = failureSignal(site);
      if (!signal || failureIsTheAnswer(ctx, site)) continue;
      const suggestions = suggestErrorCodes(site, ctx.settings);
      const fixes: Fix[] = [];
      for (const s of suggestions.slice(0, 3)) {
        const edit = changeCodeEdit(site, s.code);
        if (edit)
          fixes.push({
            title: `Respond ${s.code} ${phraseOf(s.code) ?? ''} (${s.because})`.replace(/\s+\(/, ' ('),
            edits: [edit],
            isPreferred: fixes.length === 0,
          });
      }
      const data = { signal: snippet(`${signal.name}: ${signal.valueText}`, 28), better: codeLabel(suggestions[0].code) };
      if (site.form === 'implicit') ctx.report(site, 'failureBodyImplicit', { ...data, status: site.code }, fixes);
      else ctx.report(site, 'failureBody', { ...data, code: codeLabel(site.code) }, fixes);
    }
  },
});
