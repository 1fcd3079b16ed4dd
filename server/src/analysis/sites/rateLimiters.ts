// Rate-limit middlewares that set Retry-After on the response before they call the `handler` option
// the project gives them, so a 429 that handler sends carries the header already:
//   express-rate-limit  rateLimit({ handler: (req, res, next, options) => ... })  (unless both header options are off)
//   hono-rate-limiter   rateLimiter({ handler: (c, next, options) => ... })       (unless standardHeaders is off)
import * as ts from 'typescript';
import type { Recognizer, WalkContext } from '../walk/contract';

interface Limiter {
  /** Which parameter of the handler is the response (or the context that builds it). */
  responseParam: number;
  /** Options that turn the library's headers off; Retry-After is set unless all of them are `false`. */
  headerOptions: readonly string[];
}

const LIMITERS: Record<string, Limiter> = {
  'express-rate-limit': { responseParam: 1, headerOptions: ['standardHeaders', 'legacyHeaders'] },
  'hono-rate-limiter': { responseParam: 0, headerOptions: ['standardHeaders'] },
};

/** The limiter whose `handler` option this function is, when its headers are on. */
function limiterOf(node: ts.SignatureDeclaration, w: WalkContext): Limiter | undefined {
  // The walk's ancestors end with the function: [..., call, options, `handler:`, fn], or for a method [..., call, options, fn].
  const a = w.ancestors;
  let i = a.length - 2;
  let name: ts.PropertyName | undefined;
  if (ts.isMethodDeclaration(node)) name = node.name;
  else if (a[i] && ts.isPropertyAssignment(a[i])) name = (a[i--] as ts.PropertyAssignment).name;
  const options = a[i];
  const call = a[i - 1];
  if (!name || !ts.isIdentifier(name) || name.text !== 'handler') return undefined;
  if (!options || !call || !ts.isObjectLiteralExpression(options) || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return undefined;
  const module = w.bindings.get(call.expression.text)?.module;
  const limiter = module !== undefined && Object.hasOwn(LIMITERS, module) ? LIMITERS[module] : undefined;
  if (!limiter) return undefined;
  const off = (key: string) =>
    options.properties.some(
      (p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === key && p.initializer.kind === ts.SyntaxKind.FalseKeyword,
    );
  return limiter.headerOptions.every(off) ? undefined : limiter;
}

export const rateLimiterRecognizer: Recognizer = {
  onFunction(node, _fn, w) {
    const limiter = limiterOf(node, w);
    const param = limiter ? node.parameters[limiter.responseParam] : undefined;
    if (param && ts.isIdentifier(param.name)) w.addHeader(param.name.text, 'retry-after', node);
  },
};
