// Where a thrown error goes: out of its function to the framework's error handler, or to a catch of
// the same function, and whether headers we cannot read travel with it.
import * as ts from 'typescript';
import { NEXT_CALLBACK } from '../../frameworks/ids';
import type { StatusSite } from '../types';
import { isFunctionLike, nodeAt, treeOf } from './tree';
import type { FactsInput } from './input';

/** An options object with `headers`, or spread from elsewhere. */
function carriesHeaders(arg: ts.Expression): boolean {
  return (
    ts.isObjectLiteralExpression(arg) &&
    arg.properties.some((p) => ts.isSpreadAssignment(p) || (p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === 'headers'))
  );
}

/**
 * The error made at the site surely leaves its function (thrown, or handed to `next`, outside any
 * try of that function), with no headers passed along: `throw new HttpException(msg, 429)`, `ctx.throw(429)`.
 */
export function thrownOutOfFunction(ctx: FactsInput, site: StatusSite): boolean {
  const node = nodeAt(treeOf(ctx), site.span);
  if (!node) return false;
  let thrown = site.send.method === 'throw' || site.send.method === 'assert';
  for (let child: ts.Node = node, p = node.parent; p && !isFunctionLike(p); child = p, p = p.parent) {
    // `createError(429, msg, { headers })`: headers we cannot read travel with the error.
    if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.arguments?.some(carriesHeaders)) return false;
    // `throw err`, or `next(err)`: Express hands it to the error handler.
    if (ts.isThrowStatement(p) || (ts.isCallExpression(p) && ts.isIdentifier(p.expression) && p.expression.text === NEXT_CALLBACK)) thrown = true;
    // A catch of this function may answer it itself.
    if (ts.isTryStatement(p) && child === p.tryBlock) return false;
  }
  return thrown;
}
