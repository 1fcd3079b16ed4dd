// Hono: the context builds the Response the handler returns.
//   c.json/text/html/body(body, n | { status }, headers?) · c.newResponse(body, n) · c.status(n) ·
//   c.redirect(url, n) (302 when absent) · new HTTPException(n, { message }) · c.header(name, v).
//   c.json(body) without a status answers what c.status() set, else 200: the fix inserts `, {code}`.
import * as ts from 'typescript';
import { bodyFacts } from '../../analysis/bodyFacts';
import type { CodeEditPlan } from '../../analysis/model';
import type { Recognizer, WalkContext } from '../../analysis/walk/contract';
import { emptyArgsAt, headerNamesOf, messageOf, objectProp, objectPropValue } from '../../analysis/sites/argumentReaders';
import { addSlot, replacePlan, statusCodes } from '../../analysis/sites/siteReports';
import { unwrapExpr } from '../../analysis/syntax';

const BODY_HELPERS = new Set(['json', 'text', 'html', 'body', 'newResponse']);

function honoReceiver(expr: ts.Expression, w: WalkContext): string | undefined {
  const name = w.responseName(expr);
  return name && w.receiverFramework(name) === 'hono' ? name : undefined;
}

/** Is `HTTPException` here Hono's? Imported from hono, or used in a file that imports hono. */
function isHonoException(name: string, w: WalkContext): boolean {
  const b = w.bindings.get(name);
  if (b) return b.module === 'hono' || b.module.startsWith('hono/');
  return name === 'HTTPException' && [...w.imports].some((m) => m === 'hono' || m.startsWith('hono/'));
}

/** Where the fix puts a status into a body helper call that has none. */
function insertStatusPlan(call: ts.CallExpression, w: WalkContext): CodeEditPlan {
  const [body, init] = call.arguments;
  if (!body) return { kind: 'none' };
  if (!init) return { kind: 'insert', at: body.getEnd(), template: ', {code}' };
  const i = unwrapExpr(init);
  if (ts.isObjectLiteralExpression(i)) return { kind: 'insert', at: i.getStart(w.sf) + 1, template: ' status: {code},' };
  return { kind: 'none' };
}

export const honoRecognizer: Recognizer = {
  framework: 'hono',

  onCall(call, w) {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee)) return;
    const receiver = honoReceiver(callee.expression, w);
    if (!receiver) return;
    const method = callee.name.text;
    const args = call.arguments;

    if (BODY_HELPERS.has(method)) {
      const [body, second, third] = args;
      const init = second && ts.isObjectLiteralExpression(unwrapExpr(second)) ? second : undefined;
      const statusExpr = init ? objectPropValue(init, 'status') : second;
      const headerArg = init ? objectPropValue(init, 'headers') : third;
      const headers = headerNamesOf(headerArg).map((name) => ({ name, span: w.span(headerArg!) }));
      const facts = bodyFacts(body, w.sf);
      if (!statusExpr) {
        if (args.length === 1 && args.hasTrailingComma) addSlot(w, 'hono', args.end);
        w.addSend(receiver, method, call, {
          body: facts,
          framework: 'hono',
          implicit: { code: 200, reportNode: callee, codeEdit: insertStatusPlan(call, w) },
        });
        // Headers passed in this call belong to the implicit site too.
        for (const h of headers) w.addHeader(receiver, h.name, headerArg!, call);
        return;
      }
      addSlot(w, 'hono', statusExpr);
      for (const resolved of statusCodes(statusExpr, w)) {
        w.addSite({
          framework: 'hono',
          kind: 'response-init',
          resolved,
          reportNode: resolved.node,
          codeEdit: replacePlan(resolved, w),
          receiver,
          chainFrom: call,
          sendHow: 'same-call',
          sendSpan: w.span(call),
          sendMethod: method,
          body: facts,
          headers,
        });
      }
      w.addSend(receiver, method, call, { body: facts, chainRoot: call, framework: 'hono' });
      return;
    }
    switch (method) {
      case 'status': {
        if (args.length === 0) return addSlot(w, 'hono', emptyArgsAt(call));
        addSlot(w, 'hono', args[0]);
        for (const resolved of statusCodes(args[0], w)) {
          w.addSite({
            framework: 'hono',
            kind: 'status-call',
            resolved,
            reportNode: resolved.node,
            codeEdit: replacePlan(resolved, w),
            receiver,
            chainFrom: call,
          });
        }
        return;
      }
      case 'redirect': {
        const [url, code] = args;
        if (!url) return;
        const location = [{ name: 'location', span: w.span(call) }];
        if (code) {
          addSlot(w, 'hono', code, 'redirect');
          for (const resolved of statusCodes(code, w)) {
            w.addSite({
              framework: 'hono',
              kind: 'redirect',
              resolved,
              reportNode: resolved.node,
              codeEdit: replacePlan(resolved, w),
              receiver,
              chainFrom: call,
              sendHow: 'same-call',
              sendSpan: w.span(call),
              sendMethod: 'redirect',
              headers: location,
            });
          }
        } else {
          w.addSite({
            framework: 'hono',
            kind: 'redirect',
            resolved: { code: 302, form: 'implicit', node: callee },
            reportNode: callee,
            codeEdit: { kind: 'insert', at: url.getEnd(), template: ', {code}' },
            receiver,
            chainFrom: call,
            sendHow: 'same-call',
            sendSpan: w.span(call),
            sendMethod: 'redirect',
            headers: location,
          });
        }
        w.addSend(receiver, 'redirect', call, { chainRoot: call, framework: 'hono' });
        return;
      }
      case 'header': {
        for (const name of headerNamesOf(args[0])) w.addHeader(receiver, name, call);
        return;
      }
      case 'notFound':
        w.addSend(receiver, 'notFound', call, { chainRoot: call, framework: 'hono' });
        return;
      default:
        return;
    }
  },

  onNew(node, w) {
    const callee = node.expression;
    if (!ts.isIdentifier(callee) || !isHonoException(callee.text, w)) return;
    const bound = w.bindings.get(callee.text);
    if ((bound ? bound.name : callee.text) !== 'HTTPException') return;
    const [status, options] = node.arguments ?? [];
    const message = messageOf(options);
    if (!status) {
      // new HTTPException(): 500
      w.addSite({
        framework: 'hono',
        kind: 'exception',
        resolved: { code: 500, form: 'implicit', node: callee },
        reportNode: callee,
        codeEdit: node.arguments ? { kind: 'insert', at: emptyArgsAt(node), template: '{code}' } : { kind: 'none' },
        sendHow: 'thrown',
        sendSpan: w.span(node),
        message,
      });
      return;
    }
    addSlot(w, 'hono', status, 'exception');
    const res = objectProp(options, 'res');
    for (const resolved of statusCodes(status, w)) {
      w.addSite({
        framework: 'hono',
        kind: 'exception',
        resolved,
        reportNode: resolved.node,
        codeEdit: replacePlan(resolved, w),
        sendHow: res ? 'unknown' : 'thrown',
        sendSpan: w.span(node),
        message,
      });
    }
  },
};
