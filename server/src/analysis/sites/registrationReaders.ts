// Reading a registering call's arguments: its handlers (functions, or names of functions declared
// apart) and a route options object. Shared by the generic `app.<method>(path, h)` reader
// (registration.ts) and the frameworks' own registration hooks.
import * as ts from 'typescript';
import type { RouteFacts } from '../model';
import { literalText } from './argumentReaders';

export const isFunctionNode = (n: ts.Node | undefined): n is ts.FunctionExpression | ts.ArrowFunction =>
  !!n && (ts.isFunctionExpression(n) || ts.isArrowFunction(n));

/** `{ method: 'POST', url: '/x', handler }` of fastify.route(...), or `{ method, path }` of zod-openapi's createRoute(...). */
export function routeOptions(obj: ts.ObjectLiteralExpression): { route?: RouteFacts; handlers: Set<ts.Node>; named: string[] } {
  let method: string | undefined;
  let path: string | undefined;
  const handlers = new Set<ts.Node>();
  const named: string[] = [];
  for (const p of obj.properties) {
    const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
    if (name === 'handler') {
      if (ts.isMethodDeclaration(p)) handlers.add(p);
      else if (ts.isPropertyAssignment(p) && isFunctionNode(p.initializer)) handlers.add(p.initializer);
      else if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.initializer)) named.push(p.initializer.text);
      else if (ts.isShorthandPropertyAssignment(p)) named.push(p.name.text);
    } else if (ts.isPropertyAssignment(p) && (name === 'method' || name === 'url' || name === 'path')) {
      const v = p.initializer;
      if (name === 'method') {
        method = literalText(v)?.toUpperCase();
        // method: ['GET', 'HEAD']: the first one names the route
        if (!method && ts.isArrayLiteralExpression(v)) method = literalText(v.elements[0])?.toUpperCase();
      } else path = literalText(v);
    }
  }
  return { route: method ? { method, path } : undefined, handlers, named };
}

/** The function arguments of a registering call: its handlers. */
export function functionArgs(args: readonly ts.Expression[]): Set<ts.Node> {
  return new Set<ts.Node>(args.filter(isFunctionNode));
}

/** The arguments that name a handler declared apart. */
export function namedArgs(args: readonly ts.Expression[]): string[] {
  const out: string[] = [];
  for (const a of args) if (ts.isIdentifier(a)) out.push(a.text);
  return out;
}

/** `x.<method>('/prefix', a, b)`: the prefix and the arguments after it, the things mounted there. */
export function mountAfterPath(call: ts.CallExpression, method: string): { prefix: string; routers: ts.Expression[] } | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== method || call.arguments.length < 2) return undefined;
  const prefix = literalText(call.arguments[0]);
  if (prefix === undefined || !prefix.startsWith('/')) return undefined;
  return { prefix, routers: call.arguments.slice(1) };
}
