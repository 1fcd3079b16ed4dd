// A 200 sent with no content: 204 No Content says so, and clients stop trying to parse a body.
import { changeCodeEdit } from '../analysis/edits';
import type { StatusSite } from '../analysis/types';
import { phraseOf } from '../knowledge/statusData';
import { fileIndex } from '../analysis/facts/fileIndex';
import { bodyState, streamsBody } from './support/responseBody';
import { routeMethodOf } from '../analysis/facts/routeMethods';
import { isOutsideApiOperation, isProbeRoute, isWebhookReceiver } from '../analysis/facts/routePurpose';
import { defineRule } from './support/defineRule';
import type { RuleContext } from './types';
import { pluginFor } from '../frameworks/registry';

/** Headers that mean the empty 200 is deliberate: a HEAD-style answer or a CORS preflight. */
const DELIBERATE_EMPTY_HEADERS = /^(content-length|content-range|access-control-)/;
/** Sends that, called with no argument and no status, answer an empty 200. */
const IMPLICIT_EMPTY_SENDS = new Set(['send', 'json', 'body']);
/** Sends that put content on the response before an argument-less end(). */
const CONTENT_SENDS = new Set(['sendFile', 'download', 'render', 'attachment']);

function deliberatelyEmpty(ctx: RuleContext, site: StatusSite): boolean {
  const method = routeMethodOf(ctx, site);
  if (method === 'HEAD' || method === 'OPTIONS') return true;
  if (site.guards.some((g) => /\bmethod\b[^&|]*['"`](HEAD|OPTIONS)['"`]/i.test(g.text))) return true;
  if (site.headers.some((h) => DELIBERATE_EMPTY_HEADERS.test(h.name))) return true;
  // Counterparts that read only the status, or documented an empty 200: probes, webhook senders, an outside API copied.
  if (isProbeRoute(ctx, site, method) || isOutsideApiOperation(ctx, site) || isWebhookReceiver(ctx, site)) return true;
  // res.write(chunk) … res.status(200).end(), an SSE stream: the content goes out around the status.
  if (streamsBody(ctx, site)) return true;
  if (site.receiver) {
    const sendAt = site.send.span?.start ?? site.span.start;
    const index = fileIndex(ctx);
    const fn = site.flow?.fn ?? index.sendAt(sendAt)?.flow.fn;
    if (index.sendsOf(fn).some((s) => s.receiver === site.receiver && CONTENT_SENDS.has(s.method))) return true;
  }
  return false;
}

export const emptySuccessShouldBe204 = defineRule({
  id: 'empty-success-should-be-204',
  severity: { recommended: 'info' },
  basis: 'convention',
  messages: {
    emptyBody:
      '200 {{phrase}} with an empty body: respond 204 {{better}}. Clients expect content with a 200: `response.json()` and most SDKs throw on an empty body, and monitors can\'t tell "nothing to return" from a truncated response.',
  },
  docs: {
    summary: 'A 200 OK sent with no body, where 204 No Content says exactly that.',
    description:
      'A 200 promises content; an empty one makes clients guess. `response.json()` in browsers and most SDKs throws on an ' +
      'empty 200 body, generated API clients expect a payload, and monitors cannot tell "nothing to return" from a ' +
      'truncated response. 204 No Content (RFC 9110 §15.3.5) tells every client there is no body to read, and lets them ' +
      'skip parsing. `res.sendStatus(200)` is not reported (it sends "OK"), nor are HEAD/OPTIONS answers, CORS preflights, ' +
      'responses that wrote content before `end()`, and answers to counterparts that read only the status: liveness and ' +
      'readiness probes (`/status`, `/healthz`), webhook receivers (a `webhook` path, or a signature header checked), ' +
      'and routes named like an AWS operation (`/CreateBucket`), which copy an API whose success is an empty 200.',
    fixes: 'Change the status to 204 No Content.',
    examples: {
      bad: "router.delete('/users/:id', async (req, res) => {\n  await User.deleteOne({ _id: req.params.id });\n  res.status(200).end();\n});",
      good: "router.delete('/users/:id', async (req, res) => {\n  await User.deleteOne({ _id: req.params.id });\n  res.status(204).end();\n});",
    },
  },
  check(ctx) {
    for (const site of ctx.sites) {
      if (site.code !== 200 || site.form === 'dynamic') continue;
      // An implicit 200 from a bare `res.end()` usually finishes a stream; `res.send()` / `reply.send()` / `c.body(null)` do not.
      if (site.form === 'implicit' && (pluginFor(site.framework).emptyBodyImplies204 || !IMPLICIT_EMPTY_SENDS.has(site.send.method ?? ''))) continue;
      if (bodyState(ctx, site) !== 'empty' || deliberatelyEmpty(ctx, site)) continue;
      const edit = changeCodeEdit(site, 204);
      const fixes = edit ? [{ title: `Respond 204 ${phraseOf(204)}`, edits: [edit], isPreferred: true }] : [];
      ctx.report(site, 'emptyBody', { phrase: phraseOf(200) ?? '', better: phraseOf(204) ?? '' }, fixes);
    }
  },
});
