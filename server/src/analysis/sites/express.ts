// Express / Connect and node:http: both speak through a ServerResponse-like `res`.
//   res.status(n) · res.sendStatus(n) · res.statusCode = n · res.redirect([n,] url) · res.writeHead(n, …)
//   res.json/send/end(...) without a status: the implicit 200 (found when linking, see link.ts).
import ts from 'typescript';
import { bodyFacts } from '../facts';
import type { Recognizer, WalkContext } from '../walker';
import type { Framework } from '../types';
import { headerNamesOf, literalText, replacePlan } from './common';

/** Methods that send the response (and end it). */
export const EXPRESS_SEND_METHODS = new Set(['json', 'send', 'end', 'jsonp', 'render', 'sendFile', 'download', 'sendStatus', 'redirect', 'pipe', 'format', 'write']);
/** Methods that write headers and return `res` for chaining. */
const HEADER_METHODS = new Set(['set', 'header', 'setHeader', 'append', 'location', 'type', 'contentType', 'links', 'vary', 'attachment', 'cookie', 'clearCookie', 'removeHeader', 'status']);

export interface ChainLink {
  call: ts.CallExpression;
  method: string;
}

/**
 * The calls chained on a response: for `res.set(a).status(201).json(b)` returns the receiver `res`
 * and the links [set, status, json] in order. Undefined when the chain does not start at a response.
 */
export function responseChain(call: ts.CallExpression, w: WalkContext): { receiver: string; links: ChainLink[] } | undefined {
  const links: ChainLink[] = [];
  let e: ts.Expression = call;
  while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
    links.unshift({ call: e, method: e.expression.name.text });
    e = e.expression.expression;
  }
  const receiver = w.responseName(e);
  if (!receiver) return undefined;
  // Every link but the last must return the response for chaining.
  for (let i = 0; i < links.length - 1; i++) if (!HEADER_METHODS.has(links[i].method)) return undefined;
  return { receiver, links };
}

/** The calls chained after `call` in its expression: res.status(404) → .json(x) → ... via the ancestors. */
export function chainedAfter(call: ts.CallExpression, ancestors: readonly ts.Node[]): ChainLink[] {
  const out: ChainLink[] = [];
  let current: ts.Node = call;
  for (let i = ancestors.length - 1; i >= 1; i--) {
    if (ancestors[i] !== current) continue;
    const parent = ancestors[i - 1];
    const grand = ancestors[i - 2];
    if (parent && ts.isPropertyAccessExpression(parent) && parent.expression === current && grand && ts.isCallExpression(grand) && grand.expression === parent) {
      out.push({ call: grand, method: parent.name.text });
      current = grand;
      i -= 1;
      continue;
    }
    break;
  }
  return out;
}

function frameworkOf(w: WalkContext): Framework {
  return w.imports.has('http') || w.imports.has('node:http') || w.imports.has('https') || w.imports.has('node:https')
    ? w.imports.has('express') ? 'express' : 'node-http'
    : 'express';
}

function recordHeaderCall(receiver: string, link: ChainLink, w: WalkContext, chainRoot?: ts.Node): void {
  const args = link.call.arguments;
  switch (link.method) {
    case 'location':
      w.addHeader(receiver, 'location', link.call, chainRoot);
      return;
    case 'type':
    case 'contentType':
      w.addHeader(receiver, 'content-type', link.call, chainRoot);
      return;
    case 'links':
      w.addHeader(receiver, 'link', link.call, chainRoot);
      return;
    case 'vary':
      w.addHeader(receiver, 'vary', link.call, chainRoot);
      return;
    case 'set':
    case 'header':
    case 'setHeader':
    case 'append':
      for (const name of headerNamesOf(args[0])) w.addHeader(receiver, name, link.call, chainRoot);
      return;
    default:
      return;
  }
}

export const expressRecognizer: Recognizer = {
  framework: 'express',

  onCall(call, w) {
    const callee = call.expression;
    // next() / next(err): control passes on; whatever follows is not this handler's job.
    if (ts.isIdentifier(callee) && callee.text === 'next' && w.fn?.handler) {
      w.addEscape('*', call);
      return;
    }
    // The response handed to a helper (sendError(res, e)): we can't see what it sends.
    for (const a of call.arguments) {
      const name = ts.isIdentifier(a) ? w.responseName(a) : undefined;
      if (name) w.addEscape(name, a);
    }
    if (!ts.isPropertyAccessExpression(callee)) return;
    const chain = responseChain(call, w);
    if (!chain) return;
    const { receiver, links } = chain;
    const link = links[links.length - 1];
    const method = link.method;
    const framework = frameworkOf(w);
    // The status call this call is chained on, if any: res.status(404).json(...) → status(404)
    const statusLink = links.slice(0, -1).reverse().find((l) => l.method === 'status');

    if (method === 'status' && call.arguments.length > 0 && receiver !== 'ctx' && receiver !== 'c' && receiver !== 'reply') {
      const after = chainedAfter(call, w.ancestors);
      const send = after.find((l) => EXPRESS_SEND_METHODS.has(l.method));
      for (const resolved of w.resolve(call.arguments[0])) {
        w.addSite({
          framework,
          kind: 'status-call',
          resolved,
          reportNode: resolved.node,
          codeEdit: replacePlan(resolved, w),
          receiver,
          chainFrom: call,
          sendHow: send ? 'chained' : undefined,
          sendSpan: send ? w.span(send.call) : undefined,
          sendMethod: send?.method,
          body: send ? bodyFacts(send.call.arguments[send.method === 'redirect' ? send.call.arguments.length - 1 : 0], w.sf) : undefined,
        });
      }
      return;
    }
    if (method === 'sendStatus' && call.arguments.length > 0) {
      for (const resolved of w.resolve(call.arguments[0])) {
        w.addSite({ framework, kind: 'send-status', resolved, reportNode: resolved.node, codeEdit: replacePlan(resolved, w), receiver, chainFrom: call, sendHow: 'same-call', sendSpan: w.span(call), sendMethod: 'sendStatus' });
      }
      w.addSend(receiver, 'sendStatus', call, undefined, call);
      return;
    }
    if (method === 'redirect' && receiver !== 'ctx' && receiver !== 'c' && receiver !== 'reply') {
      const [a0, a1] = call.arguments;
      const codeArg = a0 && a1 ? (isStringish(a0) ? a1 : a0) : undefined;
      const location = { name: 'location', span: w.span(call) };
      if (codeArg) {
        for (const resolved of w.resolve(codeArg)) {
          w.addSite({ framework, kind: 'redirect', resolved, reportNode: resolved.node, codeEdit: replacePlan(resolved, w), receiver, chainFrom: call, sendHow: 'same-call', sendSpan: w.span(call), sendMethod: 'redirect', headers: [location] });
        }
      } else if (a0 && !statusLink) {
        // res.redirect(url): Express answers 302. Reported on the call; a fix inserts the code.
        w.addSite({
          framework,
          kind: 'redirect',
          resolved: { code: 302, form: 'implicit', node: callee },
          reportNode: callee,
          codeEdit: { kind: 'insert', at: a0.getStart(w.sf), template: '{code}, ' },
          receiver,
          chainFrom: call,
          sendHow: 'same-call',
          sendSpan: w.span(call),
          sendMethod: 'redirect',
          headers: [location],
        });
      }
      w.addSend(receiver, 'redirect', call, undefined, statusLink?.call ?? call);
      return;
    }
    if (method === 'writeHead' && call.arguments.length > 0) {
      const headerArg = call.arguments.find((a, i) => i > 0 && ts.isObjectLiteralExpression(a));
      const headers = headerNamesOf(headerArg).map((name) => ({ name, span: w.span(headerArg!) }));
      for (const resolved of w.resolve(call.arguments[0])) {
        w.addSite({ framework: 'node-http', kind: 'write-head', resolved, reportNode: resolved.node, codeEdit: replacePlan(resolved, w), receiver, chainFrom: call, headers });
      }
      return;
    }
    if (HEADER_METHODS.has(method)) {
      recordHeaderCall(receiver, link, w, statusLink?.call);
      return;
    }
    if (EXPRESS_SEND_METHODS.has(method)) {
      const bodyArg = method === 'end' || method === 'send' || method === 'json' || method === 'jsonp' || method === 'write' ? call.arguments[0] : undefined;
      w.addSend(receiver, method, call, bodyFacts(bodyArg, w.sf), statusLink?.call);
    }
  },

  onAssign(node, w) {
    const left = node.left;
    if (!ts.isPropertyAccessExpression(left)) return;
    const receiver = w.responseName(left.expression);
    if (!receiver || receiver === 'ctx' || receiver === 'c') return;
    if (left.name.text === 'statusCode') {
      for (const resolved of w.resolve(node.right)) {
        w.addSite({ framework: frameworkOf(w), kind: 'status-assign', resolved, reportNode: resolved.node, codeEdit: replacePlan(resolved, w), receiver, chainFrom: node });
      }
    }
  },
};

function isStringish(e: ts.Expression): boolean {
  return ts.isStringLiteral(e) || ts.isTemplateExpression(e) || ts.isNoSubstitutionTemplateLiteral(e) || (literalText(e) !== undefined && !ts.isNumericLiteral(e));
}
