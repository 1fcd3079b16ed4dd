// Calls on a response object, which every framework recognizer starts from: the chain a call ends
// (`res.status(404).json(x)`), the calls chained after it, and the body a send writes.
import * as ts from 'typescript';
import { bodyFacts } from '../bodyFacts';
import { unwrapExpr } from '../syntax';
import type { BodyFacts, Framework } from '../model';
import type { ChainLink, ResponseCall, WalkContext } from '../walk/contract';

/**
 * The response chain `call` ends, or undefined when its root is not a response. The walker computes
 * it once per call (WalkContext.responseCallOf): every response recognizer asks.
 */
export function findResponseCall(call: ts.CallExpression, w: WalkContext): ResponseCall | undefined {
  if (!ts.isPropertyAccessExpression(call.expression)) return undefined;
  // Runs for every method call: find the chain's root and check it is a response before allocating.
  let e: ts.Expression = call;
  while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) e = e.expression.expression;
  const receiver = w.responseName(e);
  if (!receiver) return undefined;
  const links: ChainLink[] = [];
  for (let x: ts.Expression = call; ts.isCallExpression(x) && ts.isPropertyAccessExpression(x.expression); x = x.expression.expression) {
    links.push({ call: x, method: x.expression.name.text });
  }
  links.reverse();
  const link = links[links.length - 1];
  return { receiver, links, link, method: link.method, framework: w.receiverFramework(receiver), strong: w.isStrongReceiver(receiver) };
}

/** The calls chained after `call` in its expression: res.status(404) → .json(x) → ... via the ancestors. */
export function chainedAfter(call: ts.CallExpression, ancestors: readonly ts.Node[]): ChainLink[] {
  const out: ChainLink[] = [];
  let current: ts.Node = call;
  for (let i = ancestors.length - 1; i >= 1; i--) {
    if (ancestors[i] !== current) continue;
    const parent = ancestors[i - 1];
    const grand = ancestors[i - 2];
    if (
      parent &&
      ts.isPropertyAccessExpression(parent) &&
      parent.expression === current &&
      grand &&
      ts.isCallExpression(grand) &&
      grand.expression === parent
    ) {
      out.push({ call: grand, method: parent.name.text });
      current = grand;
      i -= 1;
      continue;
    }
    break;
  }
  return out;
}

/** True when the walk is inside a decorator (`@HttpCode(204)`): the Nest recognizer reads those itself. */
export function isInDecorator(w: WalkContext): boolean {
  for (let i = w.ancestors.length - 1; i >= 0; i--) {
    const a = w.ancestors[i];
    if (ts.isDecorator(a)) return true;
    if (ts.isFunctionLike(a) || ts.isClassLike(a)) return false;
  }
  return false;
}

/** The body a send writes; `JSON.stringify({ ... })` (res.end, new Response) stands for the object. */
export function responseBody(arg: ts.Expression | undefined, w: WalkContext): BodyFacts | undefined {
  if (!arg) return undefined;
  const e = unwrapExpr(arg);
  if (
    ts.isCallExpression(e) &&
    ts.isPropertyAccessExpression(e.expression) &&
    ts.isIdentifier(e.expression.expression) &&
    e.expression.expression.text === 'JSON' &&
    e.expression.name.text === 'stringify'
  ) {
    return bodyFacts(e.arguments[0], w.sf);
  }
  return bodyFacts(arg, w.sf);
}

/**
 * A method call on a response whose receiver belongs to a framework `accepts` takes, every inner link
 * returning the response (`chainable`): where the Express and Fastify recognizers start.
 */
export function responseCall(
  call: ts.CallExpression,
  w: WalkContext,
  chainable: ReadonlySet<string>,
  accepts: (framework: Framework) => boolean,
): ResponseCall | undefined {
  const found = w.responseCallOf(call);
  if (!found || !accepts(found.framework)) return undefined;
  for (let i = 0; i < found.links.length - 1; i++) if (!chainable.has(found.links[i].method)) return undefined;
  return found;
}
