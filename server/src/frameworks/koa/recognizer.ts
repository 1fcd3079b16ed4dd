// Koa: the handler sets properties on ctx and Koa sends when the middleware chain ends.
//   ctx.status = n · ctx.throw(n, msg) · ctx.assert(cond, n, msg) (site applies where cond is false) ·
//   ctx.redirect(url) (302, or the 3xx set before it, or the status set after it) ·
//   ctx.body = x is the body; with no status set anywhere on its path it is the implicit 200
//   (204 for `ctx.body = null`). Headers: ctx.set(name, v) / ctx.set({...}) / ctx.append / ctx.type.
import * as ts from 'typescript';
import { bodyFacts } from '../../analysis/bodyFacts';
import { assertionGuard } from '../../analysis/guards';
import type { CodeEditPlan } from '../../analysis/model';
import type { Recognizer, WalkContext } from '../../analysis/walk/contract';
import { emptyArgsAt, headerNamesOf, isStringish, literalText, messageOf } from '../../analysis/sites/argumentReaders';
import { addSlot, errorHeaders, errorStatusArg, replacePlan, statementBeforePlan, statusCodes } from '../../analysis/sites/siteReports';
import { unwrapExpr } from '../../analysis/syntax';

/** The Koa context an expression reaches: `ctx` or `ctx.response`. */
function koaReceiver(expr: ts.Expression, w: WalkContext): string | undefined {
  let e = unwrapExpr(expr);
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'response') e = e.expression;
  const name = w.responseName(e);
  return name && w.receiverFramework(name) === 'koa' ? name : undefined;
}

const isNullish = (e: ts.Expression) => {
  const u = unwrapExpr(e);
  return u.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(u) && u.text === 'undefined');
};

/** ctx.type = t, ctx.etag = e, ctx.lastModified = d: each sets one header. */
const HEADER_OF_PROPERTY = new Map([
  ['type', 'content-type'],
  ['etag', 'etag'],
  ['lastModified', 'last-modified'],
]);
/** ctx.attachment(name), ctx.vary(field): each sets one header. */
const HEADER_OF_CALL = new Map([
  ['attachment', 'content-disposition'],
  ['vary', 'vary'],
]);

export const koaRecognizer: Recognizer = {
  framework: 'koa',

  onAssign(node, w) {
    const left = node.left;
    if (!ts.isPropertyAccessExpression(left)) return;
    const receiver = koaReceiver(left.expression, w);
    if (!receiver) return;
    const strong = w.isStrongReceiver(receiver);
    switch (left.name.text) {
      case 'status': {
        addSlot(w, 'koa', node.right);
        for (const resolved of statusCodes(node.right, w)) {
          if (!strong && resolved.code === undefined) continue;
          w.addSite({
            framework: 'koa',
            kind: 'status-assign',
            resolved,
            reportNode: resolved.node,
            codeEdit: replacePlan(resolved, w),
            receiver,
            chainFrom: node,
            sendMode: 'path',
          });
        }
        return;
      }
      case 'body': {
        const code = isNullish(node.right) ? 204 : 200;
        w.addSend(receiver, 'body', node, {
          body: bodyFacts(node.right, w.sf),
          framework: 'koa',
          how: 'framework',
          implicit: { code, reportNode: left, codeEdit: statementBeforePlan(w, `${receiver}.status = {code};`), anyOrder: true },
        });
        return;
      }
      default: {
        const header = HEADER_OF_PROPERTY.get(left.name.text);
        if (header) w.addHeader(receiver, header, node);
        return;
      }
    }
  },

  onCall(call, w) {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee)) return;
    const receiver = koaReceiver(callee.expression, w);
    if (!receiver) return;
    const args = call.arguments;
    switch (callee.name.text) {
      case 'set':
      case 'append':
        for (const name of headerNamesOf(args[0])) w.addHeader(receiver, name, call);
        return;
      case 'redirect': {
        w.addHeader(receiver, 'location', call);
        w.addSend(receiver, 'redirect', call, { framework: 'koa', how: 'framework' });
        // 302 unless a 3xx status was set before it or a status is set after it (see link.ts).
        const plan: CodeEditPlan = statementBeforePlan(w, `${receiver}.status = {code};`);
        w.addSite({
          framework: 'koa',
          kind: 'redirect',
          resolved: { code: 302, form: 'implicit', node: callee },
          reportNode: callee,
          codeEdit: plan,
          receiver,
          sendHow: 'framework',
          sendSpan: w.span(call),
          sendMethod: 'redirect',
          headers: [{ name: 'location', span: w.span(call) }],
          yieldsToStatus: true,
        });
        return;
      }
      case 'throw': {
        const statusArg = errorStatusArg(args, w);
        const message = args.map((a) => literalText(unwrapExpr(a))).find((t) => t !== undefined && !/^\d{3}$/.test(t.trim()));
        const headers = errorHeaders(args, w);
        if (!statusArg) {
          // ctx.throw(err), ctx.throw(InvalidRequestError('...')): http-errors keeps the error's own status.
          const first = args[0] && unwrapExpr(args[0]);
          if (first && !isStringish(first) && !ts.isBinaryExpression(first)) return;
          // ctx.throw('message') / ctx.throw(): http-errors answers 500.
          const at = args.length > 0 ? args[0].getStart(w.sf) : emptyArgsAt(call);
          w.addSite({
            framework: 'koa',
            kind: 'exception',
            resolved: { code: 500, form: 'implicit', node: callee },
            reportNode: callee,
            codeEdit: { kind: 'insert', at, template: args.length > 0 ? '{code}, ' : '{code}' },
            sendHow: 'thrown',
            sendSpan: w.span(call),
            sendMethod: 'throw',
            message,
            headers,
          });
          return;
        }
        addSlot(w, 'koa', statusArg, 'exception');
        for (const resolved of statusCodes(statusArg, w)) {
          w.addSite({
            framework: 'koa',
            kind: 'exception',
            resolved,
            reportNode: resolved.node,
            codeEdit: replacePlan(resolved, w),
            sendHow: 'thrown',
            sendSpan: w.span(call),
            sendMethod: 'throw',
            message,
            headers,
          });
        }
        return;
      }
      case 'assert': {
        const [cond, statusArg, msg] = args;
        if (!cond || !statusArg) return;
        addSlot(w, 'koa', statusArg, 'exception');
        // The assertion throws where its condition is false: like the else-branch of `if (cond)`.
        const guard = assertionGuard(cond, w.lookup, w.sf, w.fn?.handler?.requestName);
        for (const resolved of statusCodes(statusArg, w)) {
          w.addSite({
            framework: 'koa',
            kind: 'exception',
            resolved,
            reportNode: resolved.node,
            codeEdit: replacePlan(resolved, w),
            sendHow: 'thrown',
            sendSpan: w.span(call),
            sendMethod: 'assert',
            message: messageOf(msg),
            headers: errorHeaders(args.slice(3), w),
            guard,
          });
        }
        return;
      }
      default: {
        const header = HEADER_OF_CALL.get(callee.name.text);
        if (header) w.addHeader(receiver, header, call);
        return;
      }
    }
  },
};
