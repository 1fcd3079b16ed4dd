// A body on a status that cannot carry one (1xx, 204, 205, 304): dropped on Node, a TypeError on Fetch.
import { changeCodeEdit } from '../analysis/edits';
import type { Fix, StatusSite } from '../analysis/types';
import { getStatus, phraseOf } from '../knowledge/statusData';
import { bodyState, isFetchResponse, meaningfulBody, removeBodyEdits } from './support/responseBody';
import { codeLabel, snippet } from './support/suggest';
import { defineRule } from './support/defineRule';
import { pluginFor } from '../frameworks/registry';

function noContentAllowed(code: number): boolean {
  const entry = getStatus(code);
  return entry?.registered === true && entry.bodyAllowed === false;
}

/** What happens to the body at runtime, in the site's framework. */
function consequence(site: StatusSite, code: number): string {
  if (isFetchResponse(site)) {
    return `The Fetch \`Response\` constructor throws a TypeError for a ${code} with a body ("Response with null body status cannot have body"), so this request fails with a 500 instead.`;
  }
  // Node.js drops content for 1xx/204/304 only; Koa also empties 205.
  if (code === 205 && !pluginFor(site.framework).empties205)
    return `RFC 9110 forbids content in a 205; clients that follow it ignore the body, others may misread the connection.`;
  const who =
    site.kind === 'decorator' ? 'NestJS (through Express or Fastify)' : (pluginFor(site.framework).bodyDroppedBy ?? pluginFor(site.framework).displayName);
  return `${who} silently drops the body of a ${code}, so the client never receives it.`;
}

export const bodyWithNoContentStatus = defineRule({
  id: 'body-with-no-content-status',
  severity: { recommended: 'warning' },
  basis: 'runtime',
  messages: {
    bodyNotSent: '{{code}} with a body ({{body}}): respond {{ok}} to send it, or drop the body. {{consequence}}',
    bodyOnNotModified: '{{code}} with a body ({{body}}): drop the body. A 304 tells the client to reuse its cached copy. {{consequence}}',
    bodyOnInformational: '{{code}} with a body ({{body}}): drop the body. {{consequence}}',
  },
  docs: {
    summary: 'A body sent with 204, 304, 205 or a 1xx status, which cannot carry content.',
    description:
      'RFC 9110 says 204 No Content, 205 Reset Content and 304 Not Modified responses (and every 1xx) end at the headers. ' +
      'Servers enforce it: Express, Node.js, Fastify, Koa and NestJS silently drop the body, so the client never sees the ' +
      'data the handler meant to send; the Fetch `Response` constructor (Hono, Next.js route handlers, Workers, Deno, Bun) ' +
      'throws a TypeError, so the request fails with a 500. If the body matters, answer 200 OK; if it does not, send ' +
      'nothing. A 304 tells the client to reuse its cached copy, so drop the body there. A body that is what a call ' +
      'returned (`reply.code(204).send(await service.drop(id))`) is not reported: it may well be `undefined`.',
    fixes: 'Change the status to 200 OK (preferred when the body has content), or remove the body (a suggestion: fix all and `--fix` never drop a body).',
    examples: {
      bad: "router.delete('/uploads/:id', async (req, res) => {\n  await Upload.destroy({ where: { id: req.params.id } });\n  res.status(204).json({ deleted: true });\n});",
      good: "router.delete('/uploads/:id', async (req, res) => {\n  await Upload.destroy({ where: { id: req.params.id } });\n  res.status(204).end();\n});",
    },
  },
  check(ctx) {
    for (const site of ctx.sites) {
      const code = site.code;
      if (code === undefined || site.form === 'dynamic' || !noContentAllowed(code)) continue;
      // Without body facts only a Nest handler's return value can be a body: no parse needed otherwise.
      if ((site.body === undefined && site.kind !== 'decorator') || bodyState(ctx, site) !== 'present') continue;
      const to200 = code === 204 || code === 205 ? changeCodeEdit(site, 200) : undefined;
      const remove = removeBodyEdits(ctx, site);
      const fixes: Fix[] = [];
      const add200 = () => to200 && fixes.push({ title: `Respond 200 ${phraseOf(200)} (send the body)`, edits: [to200] });
      const addRemove = () => remove && fixes.push({ title: `Remove the body (keep ${code})`, edits: remove, suggestion: true });
      if (code === 204 && meaningfulBody(site)) {
        add200();
        addRemove();
      } else {
        addRemove();
        add200();
      }
      if (fixes[0]) fixes[0].isPreferred = true;
      const data = {
        code: codeLabel(code),
        body: site.body ? `\`${snippet(site.body.text, 30)}\`` : 'the returned value',
        consequence: consequence(site, code),
      };
      if (code === 304) ctx.report(site, 'bodyOnNotModified', data, fixes);
      else if (code < 200) ctx.report(site, 'bodyOnInformational', data, fixes);
      else ctx.report(site, 'bodyNotSent', { ...data, ok: codeLabel(200) }, fixes);
    }
  },
});
