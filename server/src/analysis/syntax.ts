// Expression wrappers that change nothing a status analysis reads. One definition, so that every
// reader sees through `satisfies` and `<T>x` alike.
import * as ts from 'typescript';
import { partitionPoint } from './partitionPoint';

type Wrapper = ts.ParenthesizedExpression | ts.AsExpression | ts.NonNullExpression | ts.SatisfiesExpression | ts.TypeAssertion;

/** `(x)`, `x!`, `x as T`, `<T>x`, `x satisfies T`: wrappers with no effect at run time. */
export function isTransparentWrapper(n: ts.Node): n is Wrapper {
  return ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isNonNullExpression(n) || ts.isSatisfiesExpression(n) || ts.isTypeAssertionExpression(n);
}

/** The expression inside any transparent wrappers: `(x as T)!` → `x`. */
export function unwrapExpr(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (isTransparentWrapper(e)) e = e.expression;
  return e;
}

/** unwrapExpr, and `await x` → `x` too: the value an awaited call settles to comes from that call. */
export function unwrapAwaited(expr: ts.Expression): ts.Expression {
  let e = unwrapExpr(expr);
  while (ts.isAwaitExpression(e)) e = unwrapExpr(e.expression);
  return e;
}

/**
 * Visit, in order, the children of `node` whose full range (leading trivia included) holds
 * [start, end]. A node's lists (statements, members, arguments) are in source order and do not
 * overlap, so a binary search skips the entries that end before `start` and the visit stops at the
 * first that begins after it: a look-up by position costs the depth of the tree, not its width.
 */
export function forEachChildAround(node: ts.Node, start: number, end: number, visit: (child: ts.Node) => void): void {
  const around = (child: ts.Node) => {
    if (child.pos <= start && child.end >= end) visit(child);
  };
  const inList = (list: ts.NodeArray<ts.Node>) => {
    for (let i = partitionPoint(list, (child) => child.end < end); i < list.length && list[i].pos <= start; i++) visit(list[i]);
  };
  ts.forEachChild(node, around, inList);
}
