// A status set on a response that is never sent on that path: the client waits until it times out.
import { indentAt } from '../analysis/edits';
import { inLoop } from '../analysis/flow';
import type { Fix, StatusSite } from '../analysis/types';
import { phraseOf } from '../knowledge/statusData';
import { fileIndex } from '../analysis/facts/fileIndex';
import { streamsBody } from './support/responseBody';
import { statusCallEnd, statusStatementEnd, throwFollowsInHandler } from '../analysis/facts/positions';
import { surelyHttpResponse } from '../analysis/scope';
import { defineRule } from './support/defineRule';
import type { RuleContext } from './types';
import { pluginFor } from '../frameworks/registry';

/**
 * Frameworks that ignore a handler's return value: `return res.status(400)` still sends nothing
 * (Next.js pages API routes log "API resolved without sending a response"). Elsewhere (Fastify's
 * `return reply.code(400)`) what a returned response object does is the framework's call: silent.
 */

/** Sends of this response in another function (a callback, an event listener) make the path unknowable. */
function sentElsewhere(site: StatusSite, ctx: RuleContext): boolean {
  for (const s of fileIndex(ctx).sendsWithin(site.handler!.span)) if (s.receiver === site.receiver && s.flow.fn !== site.flow!.fn) return true;
  return false;
}

/** How to send it, in the words of the site's framework. */
function suggestion(site: StatusSite): string {
  const r = site.receiver;
  const code = site.code!;
  const plugin = pluginFor(site.framework);
  if (plugin.finishMethod) return `send it with \`${r}.${plugin.statusMethod ?? 'status'}(${code}).${plugin.finishMethod}()\``;
  if (site.kind === 'status-call')
    return plugin.hasSendStatus ? `send it with \`${r}.status(${code}).end()\` or \`${r}.sendStatus(${code})\`` : `send it with \`${r}.status(${code}).end()\``;
  if (site.kind === 'write-head') return `end the response after writeHead with \`${r}.end()\``;
  return `send it with \`${r}.end()\` after setting the status`;
}

function fixesFor(site: StatusSite, ctx: RuleContext): Fix[] {
  const text = ctx.text;
  const fixes: Fix[] = [];
  const code = site.code!;
  const plugin = pluginFor(site.framework);
  const send = plugin.finishMethod ?? 'end';
  if (site.kind === 'status-call' || site.kind === 'write-head') {
    const close = statusCallEnd(ctx, site);
    if (close === undefined) return fixes;
    // Sending changes what runs next (a later send would now fail): suggestions, never applied by fix-all.
    fixes.push({ title: `Send it: chain .${send}()`, edits: [{ start: close, end: close, newText: `.${send}()` }], isPreferred: true, suggestion: true });
    // res.status(404) → res.sendStatus(404): Express sends the reason phrase as the body.
    const callee = /\.(\s*)status\s*\(\s*$/.exec(text.slice(Math.max(0, site.span.start - 40), site.span.start));
    if (site.kind === 'status-call' && plugin.hasSendStatus && callee) {
      const nameStart = site.span.start - callee[0].length + 1 + callee[1].length;
      fixes.push({
        title: `Use ${site.receiver}.sendStatus(${code})`,
        edits: [{ start: nameStart, end: nameStart + 'status'.length, newText: 'sendStatus' }],
        suggestion: true,
      });
    }
    return fixes;
  }
  if (site.kind === 'status-assign' && site.receiver) {
    const end = statusStatementEnd(ctx, site);
    if (end === undefined) return fixes;
    const indent = indentAt(text, site.span.start);
    fixes.push({
      title: `Send it: add ${site.receiver}.end()`,
      edits: [{ start: end, end, newText: `\n${indent}${site.receiver}.end();` }],
      isPreferred: true,
      suggestion: true,
    });
  }
  return fixes;
}

export const statusNotSent = defineRule({
  id: 'status-not-sent',
  severity: { recommended: 'error' },
  basis: 'runtime',
  messages: {
    setNotSent:
      '{{status}} is set but never sent: {{suggestion}}. Nothing sends the response on this path, so the request hangs until the client or a proxy times out, and the client never sees {{code}}.',
    returnedNotSent:
      '{{status}} is returned but never sent: {{suggestion}}. Returning the response does not send it, so the request hangs until the client or a proxy times out, and the client never sees {{code}}.',
  },
  docs: {
    summary: 'A status is set (`res.status(404)`, `reply.code(400)`, `res.statusCode = 404`) but the response is never sent on that path.',
    description:
      'Setting a status only records it: nothing reaches the client until the response is sent with `send`, `json`, `end`, ' +
      '`redirect` or `sendStatus`. When the handler returns without sending, the request hangs until the client, the proxy ' +
      'or the server times out (Node closes idle requests after `server.requestTimeout`, 300 seconds by default), and the client ' +
      'then sees a 502/504 or a dropped connection instead of the status you chose. Monitors count the timeout, not the 404. ' +
      'Send the response on that path: chain `.end()` (or `.json(...)` with a body), or use `res.sendStatus(n)` in Express. ' +
      'The rule stays silent when the response may be sent elsewhere: passed to a helper, handed to `next()`, followed by a ' +
      '`throw` (an error middleware reads `res.statusCode`), sent in a callback, or set inside a loop.',
    fixes:
      'Chain `.end()` (`.send()` in Fastify) on the status call, or switch to `res.sendStatus(n)` in Express. What runs next changes, so fix all and `--fix` leave it for you to review.',
    examples: {
      bad: `router.get('/reports/:id/export', async (req, res) => {\n  const report = await Report.findById(req.params.id);\n  if (!report) {\n    res.status(404);\n    return;\n  }\n  res.attachment('report.csv').send(report.csv);\n});`,
      good: `router.get('/reports/:id/export', async (req, res) => {\n  const report = await Report.findById(req.params.id);\n  if (!report) {\n    res.status(404).end();\n    return;\n  }\n  res.attachment('report.csv').send(report.csv);\n});`,
    },
  },
  check(ctx) {
    const seen = new Set<number>();
    for (const site of ctx.sites) {
      if (site.send.how !== 'not-sent') continue;
      if (site.kind !== 'status-call' && site.kind !== 'status-assign' && site.kind !== 'write-head') continue;
      if (site.code === undefined || site.form === 'dynamic' || !site.handler || !site.flow || !site.receiver) continue;
      // An error: only for a response surely this server's (a registered or typed handler's), not one guessed from names.
      if (!surelyHttpResponse(site, ctx.analysis.registeredHandlers)) continue;
      if (inLoop(site.flow)) continue;
      if (site.flow.isExit && !pluginFor(site.framework).ignoresReturnedResponse) continue;
      if (sentElsewhere(site, ctx)) continue;
      // A stream (SSE, chunked) is written elsewhere over time: ending it here would cut it off.
      if (streamsBody(ctx, site)) continue;
      // A throw hands the response to the error handler, which may read the status and send it.
      if (throwFollowsInHandler(ctx, site)) continue;
      // `res.status(ok ? 200 : 503)` is one call with two sites: one report.
      const key = (site.kind === 'status-assign' ? undefined : statusCallEnd(ctx, site)) ?? site.span.start;
      if (seen.has(key)) continue;
      seen.add(key);
      const status = `${site.code} ${phraseOf(site.code) ?? ''}`.trim();
      ctx.report(site, site.flow.isExit ? 'returnedNotSent' : 'setNotSent', { status, suggestion: suggestion(site), code: site.code }, fixesFor(site, ctx));
    }
  },
});
