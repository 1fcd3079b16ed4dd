// Express / Connect, node:http and Next.js pages API routes: all speak through a ServerResponse-like `res`.
//   res.status(n) · res.sendStatus(n) · res.statusCode = n · res.redirect([n,] url) · res.writeHead(n, …)
//   res.json/send/end(...) without a status: the implicit 200 (decided when linking, see link.ts).
import * as ts from 'typescript';
import { ID } from '../ids';
import type { Framework } from '../../analysis/model';
import type { Recognizer, WalkContext } from '../../analysis/walk/contract';
import { emptyArgsAt, headerNamesOf, isStringish } from '../../analysis/sites/argumentReaders';
import { chainedAfter, responseBody, responseCall } from '../../analysis/sites/responseCalls';
import { addSlot, addStatusCallSite, replacePlan, statusCodes } from '../../analysis/sites/siteReports';
import type { ChainLink } from '../../analysis/walk/contract';

/** Methods that send the response (and end it), or start sending it (`write`, `flushHeaders` of a stream). */
export const EXPRESS_SEND_METHODS = new Set([
  'json',
  'send',
  'end',
  'jsonp',
  'render',
  'sendFile',
  'download',
  'sendStatus',
  'redirect',
  'format',
  'write',
  'flushHeaders',
]);
/** Sends whose status, when none was set, is 200. */
const IMPLICIT_200_METHODS = new Set(['json', 'send', 'end', 'jsonp', 'render', 'sendFile', 'download']);
/** Methods that write headers or the status and return `res` for chaining. */
const CHAINABLE = new Set([
  'set',
  'header',
  'setHeader',
  'append',
  'location',
  'type',
  'contentType',
  'links',
  'vary',
  'attachment',
  'cookie',
  'clearCookie',
  'status',
  'writeHead',
]);

const EXPRESS_LIKE = new Set<Framework>(['express', ID.nodeHttp, ID.next]);
const isExpressLike = (framework: Framework): boolean => EXPRESS_LIKE.has(framework);

/** Express helpers that set one header each: res.location(url) sets Location, res.type(t) Content-Type... */
const HEADER_OF_METHOD: Record<string, string> = {
  location: 'location',
  type: 'content-type',
  contentType: 'content-type',
  links: 'link',
  vary: 'vary',
  attachment: 'content-disposition',
  cookie: 'set-cookie',
  clearCookie: 'set-cookie',
};
/** Calls that set the headers their first argument names (one name, or an object of them). */
const HEADER_SETTERS = new Set(['set', 'header', 'setHeader', 'append']);

function recordHeaderCall(receiver: string, link: ChainLink, w: WalkContext, chainRoot?: ts.Node): void {
  const single = Object.hasOwn(HEADER_OF_METHOD, link.method) ? HEADER_OF_METHOD[link.method] : undefined;
  if (single) w.addHeader(receiver, single, link.call, chainRoot);
  else if (HEADER_SETTERS.has(link.method)) for (const name of headerNamesOf(link.call.arguments[0])) w.addHeader(receiver, name, link.call, chainRoot);
}

export const expressRecognizer: Recognizer = {
  framework: 'express',

  onCall(call, w) {
    const found = responseCall(call, w, CHAINABLE, isExpressLike);
    if (!found) return;
    const { receiver, links, link, method, framework, strong } = found;
    // The status call this call is chained on, if any: res.status(404).json(...) → status(404)
    const statusLink = links
      .slice(0, -1)
      .reverse()
      .find((l) => l.method === 'status' || l.method === 'writeHead');

    if (method === 'status') {
      addStatusCallSite(call, w, { framework, receiver, strong, sendMethods: EXPRESS_SEND_METHODS, bodyOf: (arg) => responseBody(arg, w) });
      return;
    }
    if (method === 'sendStatus') {
      if (call.arguments.length === 0) return addSlot(w, framework, emptyArgsAt(call));
      addSlot(w, framework, call.arguments[0]);
      for (const resolved of statusCodes(call.arguments[0], w)) {
        w.addSite({
          framework,
          kind: 'send-status',
          resolved,
          reportNode: resolved.node,
          codeEdit: replacePlan(resolved, w),
          receiver,
          chainFrom: call,
          sendHow: 'same-call',
          sendSpan: w.span(call),
          sendMethod: 'sendStatus',
        });
      }
      w.addSend(receiver, 'sendStatus', call, { chainRoot: call, framework });
      return;
    }
    if (method === 'redirect') {
      const [a0, a1] = call.arguments;
      // res.redirect(301, url), or the deprecated res.redirect(url, 301)
      const codeArg = a0 && a1 ? (isStringish(a0) ? a1 : a0) : undefined;
      const location = { name: 'location', span: w.span(call) };
      if (codeArg) {
        addSlot(w, framework, codeArg, 'redirect');
        for (const resolved of statusCodes(codeArg, w)) {
          w.addSite({
            framework,
            kind: 'redirect',
            resolved,
            reportNode: resolved.node,
            codeEdit: replacePlan(resolved, w),
            receiver,
            chainFrom: call,
            sendHow: 'same-call',
            sendSpan: w.span(call),
            sendMethod: 'redirect',
            headers: [location],
          });
        }
      } else if (a0 && !statusLink) {
        // res.redirect(url): Express answers 302. Reported on the call; a fix inserts the code.
        w.addSite({
          framework,
          kind: 'redirect',
          resolved: { code: 302, form: 'implicit', node: call.expression },
          reportNode: call.expression,
          codeEdit: { kind: 'insert', at: a0.getStart(w.sf), template: '{code}, ' },
          receiver,
          chainFrom: call,
          sendHow: 'same-call',
          sendSpan: w.span(call),
          sendMethod: 'redirect',
          headers: [location],
        });
      }
      w.addSend(receiver, 'redirect', call, { chainRoot: statusLink?.call ?? call, framework });
      return;
    }
    if (method === 'writeHead') {
      if (call.arguments.length === 0) return addSlot(w, framework, emptyArgsAt(call));
      addSlot(w, framework, call.arguments[0]);
      const headerArg = call.arguments.find((a, i) => i > 0 && (ts.isObjectLiteralExpression(a) || ts.isArrayLiteralExpression(a)));
      const headers = headerNamesOf(headerArg).map((name) => ({ name, span: w.span(headerArg!) }));
      const send = chainedAfter(call, w.ancestors).find((l) => EXPRESS_SEND_METHODS.has(l.method));
      for (const resolved of statusCodes(call.arguments[0], w)) {
        w.addSite({
          framework,
          kind: 'write-head',
          resolved,
          reportNode: resolved.node,
          codeEdit: replacePlan(resolved, w),
          receiver,
          chainFrom: call,
          headers,
          sendHow: send ? 'chained' : undefined,
          sendSpan: send ? w.span(send.call) : undefined,
          sendMethod: send?.method,
          body: send ? responseBody(send.call.arguments[0], w) : undefined,
        });
      }
      return;
    }
    if (CHAINABLE.has(method)) {
      recordHeaderCall(receiver, link, w, statusLink?.call);
      return;
    }
    if (EXPRESS_SEND_METHODS.has(method)) {
      const bodyArg = method === 'end' || method === 'send' || method === 'json' || method === 'jsonp' || method === 'write' ? call.arguments[0] : undefined;
      const callee = call.expression as ts.PropertyAccessExpression;
      // node:http has no res.status(): the fix chains writeHead, which returns the response.
      const template = framework === ID.nodeHttp ? '.writeHead({code})' : '.status({code})';
      w.addSend(receiver, method, call, {
        body: responseBody(bodyArg, w),
        chainRoot: statusLink?.call,
        framework,
        implicit: IMPLICIT_200_METHODS.has(method)
          ? { code: 200, reportNode: callee, codeEdit: { kind: 'insert', at: callee.expression.getEnd(), template } }
          : undefined,
      });
    }
  },

  onAssign(node, w) {
    const left = node.left;
    if (!ts.isPropertyAccessExpression(left) || left.name.text !== 'statusCode') return;
    const receiver = w.responseName(left.expression);
    if (!receiver) return;
    const framework = w.receiverFramework(receiver);
    if (!EXPRESS_LIKE.has(framework)) return;
    addSlot(w, framework, node.right);
    const strong = w.isStrongReceiver(receiver);
    for (const resolved of statusCodes(node.right, w)) {
      if (!strong && resolved.code === undefined) continue;
      w.addSite({ framework, kind: 'status-assign', resolved, reportNode: resolved.node, codeEdit: replacePlan(resolved, w), receiver, chainFrom: node });
    }
  },
};
