// A response sent in a branch without `return`, then sent again after the branch on the same path.
import { indentAt, positionAt } from '../analysis/edits';
import { fallsThroughInto, inLoop } from '../analysis/flow';
import type { Fix, SendEvent, StatusSite } from '../analysis/types';
import { fileIndex } from '../analysis/facts/fileIndex';
import { codeLabel } from './support/suggest';
import { sendStatementEnd } from '../analysis/facts/positions';
import { surelyHttpResponse } from '../analysis/scope';
import { defineRule } from './support/defineRule';
import type { RuleContext } from './types';
import { pluginFor } from '../frameworks/registry';

/** Methods that finish the response; `write` and `pipe` stream and may legitimately come before `end`. */
const FINISHING = new Set(['json', 'send', 'end', 'jsonp', 'sendStatus', 'redirect', 'sendFile', 'download', 'render']);

/** A check of the response's state between the two sends means the author already handles it. */
const SENT_CHECK = /\.\s*(headersSent|writableEnded|writableFinished|finished|sent)\b/;

function consequence(framework: StatusSite['framework'] | undefined): string {
  const said = framework && pluginFor(framework).secondSend;
  if (said) return said;
  return 'Node throws ERR_HTTP_HEADERS_SENT ("Cannot set headers after they are sent to the client"), which surfaces as an unhandled error or a crash';
}

/** The site whose response this send completes, to report on its status expression. */
function siteOf(send: SendEvent, ctx: RuleContext): StatusSite | undefined {
  return fileIndex(ctx).siteSentAt(send.start, send.receiver);
}

function fixesFor(first: SendEvent, ctx: RuleContext): Fix[] {
  const fixes: Fix[] = [];
  const returnBefore: Fix | undefined =
    first.statementStart !== undefined
      ? { title: 'Insert `return` before this send', edits: [{ start: first.statementStart, end: first.statementStart, newText: 'return ' }] }
      : undefined;
  const end = sendStatementEnd(ctx, first);
  // Only inside a block: after `if (x) res.json(y);` a new statement would leave the branch.
  const inBlock = first.statementStart !== undefined && /[{};]\s*$/.test(ctx.text.slice(Math.max(0, first.statementStart - 200), first.statementStart));
  const returnAfter: Fix | undefined =
    end !== undefined && inBlock
      ? { title: 'Add `return;` after it', edits: [{ start: end, end, newText: `\n${indentAt(ctx.text, first.statementStart!)}return;` }] }
      : undefined;
  // A handler typed `: void` / `Promise<void>` rejects `return res.json(x)`: prefer a bare return there.
  const handler = fileIndex(ctx).handlerAround(first);
  const head = handler ? ctx.text.slice(handler.span.start, first.start) : '';
  const typedVoid = /\)\s*:\s*(?:Promise\s*<\s*)?void\s*>?\s*(?:=>|\{)/.test(head);
  const ordered = typedVoid ? [returnAfter, returnBefore] : [returnBefore, returnAfter];
  // Control flow changes: suggestions for the user to review, never applied by fix-all.
  for (const f of ordered) if (f) fixes.push({ ...f, isPreferred: fixes.length === 0, suggestion: true });
  return fixes;
}

export const responseSentTwice = defineRule({
  id: 'response-sent-twice',
  severity: { recommended: 'error' },
  basis: 'runtime',
  messages: {
    sentTwice:
      '{{sent}} is sent, then `{{second}}(…)` on line {{line}} sends again: return right after sending. Sending does not stop the handler, and {{consequence}}.',
  },
  docs: {
    summary: 'A response is sent in a branch without `return`, and execution goes on to send another one.',
    description:
      'Sending a response does not stop the handler. When a branch answers (`res.status(404).json(...)`) without `return`, ' +
      'the code after the branch runs too and sends a second response. Express and node:http throw ' +
      '`ERR_HTTP_HEADERS_SENT` ("Cannot set headers after they are sent to the client"): an unhandled rejection in an async ' +
      'handler, a crash in a callback; Fastify logs "Reply was already sent". The client gets the first response, while the ' +
      'code after it (writes, emails, charges) runs for a request you meant to reject. Return right after sending: ' +
      '`return res.status(404).json(...)`. The rule stays silent when the second send is itself conditional, in a loop or a ' +
      'callback, or when the code checks `res.headersSent`.',
    fixes:
      'Insert `return` before the first send (or `return;` after it in a handler typed to return `void`). Control flow changes, so fix all and `--fix` leave it for you to review.',
    examples: {
      bad: `router.get('/uploads/:id', async (req, res) => {\n  const file = await Upload.findByPk(req.params.id);\n  if (!file) {\n    res.status(404).json({ error: 'Upload not found' });\n  }\n  res.download(file.path, file.name);\n});`,
      good: `router.get('/uploads/:id', async (req, res) => {\n  const file = await Upload.findByPk(req.params.id);\n  if (!file) {\n    return res.status(404).json({ error: 'Upload not found' });\n  }\n  res.download(file.path, file.name);\n});`,
    },
  },
  check(ctx) {
    const sends = ctx.analysis.sends.filter((s) => FINISHING.has(s.method));
    // A second send can only follow in the same function: grouping keeps big files linear, not quadratic.
    const byFn = new Map<number, SendEvent[]>();
    for (const s of sends) {
      const list = byFn.get(s.flow.fn);
      if (list) list.push(s);
      else byFn.set(s.flow.fn, [s]);
    }
    for (const first of sends) {
      // In a loop the order of sends is not the text's order: stay silent. An error is only for a
      // response surely this server's: ldapjs's `res.end()` after `res.send(entry)` is how a search ends.
      if (first.terminates || inLoop(first.flow) || !surelyHttpResponse(first, ctx.analysis.registeredHandlers)) continue;
      // res.render(view, (err, html) => ...) sends from its callback, not here.
      if (first.method === 'render' && /=>|function\b/.test(ctx.text.slice(first.start, first.end))) continue;
      const again = byFn
        .get(first.flow.fn)!
        .find(
          (b) => b !== first && b.receiver === first.receiver && fallsThroughInto(first.flow, b.flow) && !SENT_CHECK.test(ctx.text.slice(first.end, b.start)),
        );
      if (!again) continue;
      const site = siteOf(first, ctx);
      const at = site ? site.span : first;
      const line = positionAt(ctx.analysis.lineStarts, again.start).line + 1;
      const secondText = ctx.text.slice(again.start, again.end).split('(')[0];
      const sent = site?.code !== undefined ? codeLabel(site.code) : `\`${ctx.text.slice(first.start, first.end).split('(')[0]}(…)\``;
      ctx.report(
        { start: at.start, end: at.end },
        'sentTwice',
        { sent, second: secondText, line, consequence: consequence(site?.framework) },
        fixesFor(first, ctx),
      );
    }
  },
});
