// Fastify: the reply decides the status.
//   reply.code(n) / reply.status(n) / reply.statusCode = n · reply.redirect(url, [code]) (v5) or
//   reply.redirect([code,] url) (v4) · reply.send(x) without a code: the implicit 200 ·
//   `return value` from a route handler sends the value (after a reply.code(201) too) ·
//   @fastify/sensible's reply.notFound(msg), reply.internalServerError(msg)...: status and send in one;
//   its error factories fastify.httpErrors.notFound(msg) / httpErrors.createError(404, msg), thrown or
//   sent: Fastify's error handler answers with their status.
import * as ts from 'typescript';
import { bodyFacts } from '../../analysis/bodyFacts';
import type { Framework } from '../../analysis/model';
import type { Recognizer, WalkContext } from '../../analysis/walk/contract';
import { errorMessageArg, headerNamesOf, isStringish, messageOf } from '../../analysis/sites/argumentReaders';
import { responseCall } from '../../analysis/sites/responseCalls';
import {
  addNamedErrorSite,
  addNumberedErrorSite,
  addSlot,
  addStatusCallSite,
  errorStatusArg,
  replacePlan,
  statusCodes,
  type ErrorWhere,
} from '../../analysis/sites/siteReports';
import type { ChainLink } from '../../analysis/walk/contract';
import { unwrapExpr } from '../../analysis/syntax';
import { codeOfName } from '../../analysis/sites/named';

/** Reply methods that return the reply for chaining. */
const CHAINABLE = new Set(['code', 'status', 'header', 'headers', 'type', 'removeHeader', 'serializer']);
const isFastify = (framework: Framework): boolean => framework === 'fastify';
/** Reply methods that send. */
const SEND_METHODS = new Set(['send', 'redirect', 'view', 'sendFile', 'download', 'callNotFound']);
/** Sends whose status, when none was set, is 200. */
const IMPLICIT_200 = new Set(['send', 'view', 'sendFile', 'download']);

function recordHeader(receiver: string, link: ChainLink, w: WalkContext, chainRoot?: ts.Node): void {
  const [a0] = link.call.arguments;
  if (link.method === 'type') w.addHeader(receiver, 'content-type', link.call, chainRoot);
  else if (link.method === 'header' || link.method === 'headers') for (const name of headerNamesOf(a0)) w.addHeader(receiver, name, link.call, chainRoot);
}

/** An error handed to reply.send: Fastify answers with the error's status, not 200. */
function looksLikeError(arg: ts.Expression | undefined): boolean {
  if (!arg) return false;
  const e = unwrapExpr(arg);
  if (ts.isNewExpression(e)) return true;
  if (ts.isCallExpression(e)) {
    let callee: ts.Expression = e.expression;
    while (ts.isPropertyAccessExpression(callee)) callee = callee.expression;
    return ts.isIdentifier(callee) && /error|boom|exception/i.test(callee.text);
  }
  return ts.isIdentifier(e) && /^(err|error|e)$/.test(e.text);
}

/** Which argument of reply.redirect is the code: v5 is (url, code), v4 is (code, url). */
function redirectCodeArg(args: readonly ts.Expression[], w: WalkContext): ts.Expression | undefined {
  const [a0, a1] = args;
  if (!a0 || !a1) return undefined;
  if (isStringish(a0)) return a1;
  if (isStringish(a1)) return a0;
  return w.resolve(a0).some((r) => r.code !== undefined) ? a0 : a1;
}

/**
 * `<instance>.httpErrors.<factory>(...)`, the instance being `fastify`, `this`, `app`, `request.server`...
 * (the member name is @fastify/sensible's own, so the instance is not checked), or the plugin's
 * `httpErrors` export imported by name.
 */
function sensibleErrorCall(call: ts.CallExpression, w: WalkContext): void {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return;
  const holder = callee.expression;
  const isHttpErrors = ts.isPropertyAccessExpression(holder) ? holder.name.text === 'httpErrors' : ts.isIdentifier(holder) && isSensibleExport(holder.text, w);
  if (!isHttpErrors) return;
  const args = call.arguments;
  const nameNode = callee.name;
  const where: ErrorWhere = { framework: 'fastify', node: call, message: errorMessageArg(args), headers: [] };
  if (nameNode.text === 'createError' || nameNode.text === 'getHttpError') {
    const statusArg = nameNode.text === 'getHttpError' ? args[0] : errorStatusArg(args, w);
    if (statusArg) addNumberedErrorSite(where, statusArg, w);
    return;
  }
  const code = codeOfName('fastify-sensible', nameNode.text);
  if (code !== undefined && ts.isIdentifier(nameNode)) addNamedErrorSite(where, 'fastify-sensible', code, nameNode, true, w);
}

function isSensibleExport(name: string, w: WalkContext): boolean {
  const b = w.bindings.get(name);
  return b !== undefined && b.module === '@fastify/sensible' && b.name === 'httpErrors' && !w.lookup(name);
}

export const fastifyRecognizer: Recognizer = {
  framework: 'fastify',

  onCall(call, w) {
    sensibleErrorCall(call, w);
    const found = responseCall(call, w, CHAINABLE, isFastify);
    if (!found) return;
    const { receiver, links, link, method, strong } = found;
    const statusLink = links
      .slice(0, -1)
      .reverse()
      .find((l) => l.method === 'code' || l.method === 'status');

    if (method === 'code' || method === 'status') {
      addStatusCallSite(call, w, { framework: 'fastify', receiver, strong, sendMethods: SEND_METHODS, bodyOf: (arg) => bodyFacts(arg, w.sf) });
      return;
    }
    if (method === 'redirect') {
      const args = call.arguments;
      const codeArg = redirectCodeArg(args, w);
      const url = codeArg ? args.find((a) => a !== codeArg) : args[0];
      w.addHeader(receiver, 'location', call, statusLink?.call ?? call);
      if (codeArg) {
        addSlot(w, 'fastify', codeArg, 'redirect');
        for (const resolved of statusCodes(codeArg, w)) {
          w.addSite({
            framework: 'fastify',
            kind: 'redirect',
            resolved,
            reportNode: resolved.node,
            codeEdit: replacePlan(resolved, w),
            receiver,
            chainFrom: call,
            sendHow: 'same-call',
            sendSpan: w.span(call),
            sendMethod: 'redirect',
          });
        }
        w.addSend(receiver, 'redirect', call, { chainRoot: call, framework: 'fastify' });
        return;
      }
      // reply.redirect(url): 302, unless a code was set on the reply before (Fastify keeps it).
      w.addSend(receiver, 'redirect', call, {
        chainRoot: statusLink?.call,
        framework: 'fastify',
        implicit: url
          ? { code: 302, kind: 'redirect', reportNode: call.expression, codeEdit: { kind: 'insert', at: url.getEnd(), template: ', {code}' } }
          : undefined,
      });
      return;
    }
    if (CHAINABLE.has(method)) {
      recordHeader(receiver, link, w, statusLink?.call);
      return;
    }
    if (method === 'hijack') {
      w.addEscape(receiver, call);
      return;
    }
    // @fastify/sensible: reply.getHttpError(code, msg) sends the error for a code.
    if (method === 'getHttpError' && call.arguments[0]) {
      const codeArg = call.arguments[0];
      addSlot(w, 'fastify', codeArg);
      for (const resolved of statusCodes(codeArg, w)) {
        w.addSite({
          framework: 'fastify',
          kind: 'send-status',
          resolved,
          reportNode: resolved.node,
          codeEdit: replacePlan(resolved, w),
          receiver,
          chainFrom: call,
          sendHow: 'same-call',
          sendSpan: w.span(call),
          sendMethod: method,
          message: messageOf(call.arguments[1]),
        });
      }
      w.addSend(receiver, method, call, { chainRoot: call, framework: 'fastify' });
      return;
    }
    // @fastify/sensible: reply.notFound(msg), reply.internalServerError(msg)... set the status and send an error.
    const named = codeOfName('fastify-sensible', method);
    if (named !== undefined) {
      const nameNode = (call.expression as ts.PropertyAccessExpression).name;
      w.addSite({
        framework: 'fastify',
        kind: 'send-status',
        resolved: { code: named, form: 'named', node: nameNode },
        reportNode: nameNode,
        codeEdit: { kind: 'rename', span: w.span(nameNode), family: 'fastify-sensible' },
        receiver,
        chainFrom: call,
        sendHow: 'same-call',
        sendSpan: w.span(call),
        sendMethod: method,
        message: messageOf(call.arguments[0]),
      });
      w.addSend(receiver, method, call, { chainRoot: call, framework: 'fastify' });
      return;
    }
    if (SEND_METHODS.has(method)) {
      const bodyArg = method === 'send' ? call.arguments[0] : undefined;
      const callee = call.expression as ts.PropertyAccessExpression;
      const implicit = IMPLICIT_200.has(method) && !looksLikeError(bodyArg);
      w.addSend(receiver, method, call, {
        body: bodyFacts(bodyArg, w.sf),
        chainRoot: statusLink?.call,
        framework: 'fastify',
        implicit: implicit
          ? { code: 200, reportNode: callee, codeEdit: { kind: 'insert', at: callee.expression.getEnd(), template: '.code({code})' } }
          : undefined,
      });
    }
  },

  onAssign(node, w) {
    const left = node.left;
    if (!ts.isPropertyAccessExpression(left) || left.name.text !== 'statusCode') return;
    const receiver = w.responseName(left.expression);
    if (!receiver || w.receiverFramework(receiver) !== 'fastify') return;
    addSlot(w, 'fastify', node.right);
    for (const resolved of statusCodes(node.right, w)) {
      w.addSite({
        framework: 'fastify',
        kind: 'status-assign',
        resolved,
        reportNode: resolved.node,
        codeEdit: replacePlan(resolved, w),
        receiver,
        chainFrom: node,
      });
    }
  },

  onReturn(expr, node, w) {
    const fn = w.fn;
    // Only what the handler itself returns is sent; hooks' and nested callbacks' returns are not.
    const registered = fn?.role === 'route' || fn?.role === 'error' || fn?.role === 'not-found';
    // A handler registered by name (`server.route({ handler: onCreate })`, declared apart) has no role
    // here. An async function taking the request and its own reply returns what Fastify sends, so a
    // code set before the return is sent; being unsure it is a handler, no implicit 200 is assumed.
    const byShape = fn?.role === undefined && fn?.handler?.isAsync === true && fn.handler.requestName !== undefined && fn.handler.responseName !== undefined;
    if (!expr || !fn || fn.framework !== 'fastify' || !(registered || byShape)) return;
    const value = unwrapExpr(ts.isAwaitExpression(unwrapExpr(expr)) ? (unwrapExpr(expr) as ts.AwaitExpression).expression : expr);
    if (ts.isIdentifier(value) && value.text === 'undefined') return;
    if (ts.isVoidExpression(value)) return;
    const replyName = fn.handler?.responseName;
    // `return reply.code(404).send(x)` / `return reply`: the reply is the value, sent already.
    let root: ts.Expression = value;
    while (ts.isCallExpression(root) || ts.isPropertyAccessExpression(root)) root = root.expression;
    if (ts.isIdentifier(root) && w.responseName(root)) return;
    // `return handleLogin(request, reply)`: the helper decides.
    if (ts.isCallExpression(value) && value.arguments.some((a) => ts.isIdentifier(a) && w.responseName(a))) return;
    const text = w.text.slice(expr.getStart(w.sf), expr.getEnd());
    w.addSend(replyName ?? '@return', 'return', node, {
      body: bodyFacts(expr, w.sf),
      framework: 'fastify',
      how: 'returned',
      strong: true,
      implicit: registered
        ? {
            code: 200,
            reportNode: expr,
            codeEdit: replyName ? { kind: 'template', span: w.span(expr), template: `${replyName}.code({code}).send(${text})` } : { kind: 'none' },
          }
        : undefined,
    });
  },
};
