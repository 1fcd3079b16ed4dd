// A 5xx answered when the requested record does not exist: a client's wrong id looks like an outage.
import { changeCodeEdit } from '../analysis/edits';
import type { Fix, Guard, StatusSite } from '../analysis/types';
import { NOT_FOUND_NAMES, capitalized, chosenServerErrors, codeLabel, siteMessage, snippet } from './support/suggest';
import { answersClientLookup, reportSwallowed } from './support/swallowed';
import { branchLogsError, inRequestHandler, missAfterAnswered404, serverSideMiss } from './support/serverFault';
import { defineRule } from './support/defineRule';
import { reportUncheckedLookups } from './support/uncheckedLookup';
import type { RuleContext } from './types';

const NOT_FOUND_MESSAGE = /\bnot found\b|\bdoes ?n[o']t exist\b|\bdoes not exist\b|\bno such\b|\bno longer exists\b/i;
/** Things only the server is responsible for: "Config not found" on a 500 is right. */
const SERVER_SIDE_THING =
  /\b(config(uration)?|env(ironment)?|variable|template|secret|credential|certificate|module|plugin|provider|driver|migration|schema|table|column|binary|executable|handler|dependency|upstream|model file|key ?pair|private key|database|db|connection|server|service|redis|cache|queue|worker|host)\b/i;

/** Why this 5xx is really a "not found", or undefined. */
function notFoundReason(ctx: RuleContext, site: StatusSite, g: Guard | undefined, message: string | undefined): string | undefined {
  if (g?.kind === 'lookup-miss') {
    // The author says it is the server's fault: logged as an error, answered 404 above, the server's own thing.
    if (branchLogsError(ctx, site) || missAfterAnswered404(ctx, site, g) || serverSideMiss(ctx, site, g)) return undefined;
    return `the lookup found nothing (\`${snippet(g.text)}\`)`;
  }
  if (g?.kind === 'error-type' && NOT_FOUND_NAMES.test(g.errorName ?? '')) return `the error caught means "not found" (\`${snippet(g.text)}\`)`;
  // 502/503/504 "not found" messages are about upstreams and dependencies
  if (site.code !== 500 || !message || !NOT_FOUND_MESSAGE.test(message) || SERVER_SIDE_THING.test(message)) return undefined;
  // A catch-all saying "not found" may be hiding an outage: that is another rule's concern.
  if (site.catchClause && !g) return undefined;
  if (g) return undefined;
  if (!g && site.guard && site.guard.kind !== 'other') return undefined;
  // Far from the request (a helper walking stored data), "X not found" may be about anything.
  if (!inRequestHandler(site) || branchLogsError(ctx, site)) return undefined;
  return `the response itself says "${snippet(message)}"`;
}

export const serverErrorForNotFound = defineRule({
  id: 'server-error-for-not-found',
  severity: { recommended: 'warning' },
  basis: 'rfc-should',
  messages: {
    notFound:
      '{{code}} for a record that was not found: respond {{better}}. {{reason}}: clients would retry a request that cannot succeed, and monitors count a wrong id as a server failure.',
    swallowed:
      '{{code}} thrown into a catch (line {{line}}) that answers every error {{answer}}: rethrow it from the catch. The client gets {{answerLabel}} instead of {{codeLabel}}{{keepIt}}. As a 5xx, a wrong id is retried and counted as an outage.',
    uncheckedLookup:
      '`{{name}}` used without a check: answer {{better}} when it is missing. `{{call}}` answers null for an unknown id, so `{{use}}` throws a TypeError and the catch (line {{line}}) answers {{code}}: a wrong id is retried and counted as an outage.',
  },
  docs: {
    summary: 'A 5xx status answered when the requested record does not exist.',
    description:
      'A missing record is the client asking for something that is not there, not the server failing. Answered as a ' +
      '5xx, clients and proxies retry a request that can never succeed, uptime monitors and error budgets count every ' +
      'wrong id as an outage, and caches cannot store the miss. Answer 404 Not Found when a lookup by the id or key the ' +
      'client sent finds nothing (or the caught error means "not found"), and keep 5xx for real failures.',
    fixes: 'Change the status to 404.',
    examples: {
      bad: "router.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) return res.status(500).json({ error: 'User not found' });\n  res.json(user);\n});",
      good: "router.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) return res.status(404).json({ error: 'User not found' });\n  res.json(user);\n});",
    },
  },
  check(ctx) {
    for (const { site, guard: g } of chosenServerErrors(ctx.sites, ctx.text)) {
      const reason = notFoundReason(ctx, site, g, siteMessage(site));
      if (!reason) continue;
      const fixes: Fix[] = [];
      const edit = changeCodeEdit(site, 404);
      if (edit) fixes.push({ title: `Respond ${codeLabel(404)}`, edits: [edit], isPreferred: true });
      ctx.report(site, 'notFound', { code: codeLabel(site.code), better: codeLabel(404), reason: capitalized(reason) }, fixes);
    }
    for (const site of ctx.sites) if (site.catchClause && inRequestHandler(site)) reportUncheckedLookups(ctx, site);
    reportSwallowed(ctx, NOT_FOUND, (site) => answersClientLookup(ctx, site));
  },
});

const NOT_FOUND = new Set([404]);
