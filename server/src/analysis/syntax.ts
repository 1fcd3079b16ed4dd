// Expression wrappers that change nothing a status analysis reads. One definition, so that every
// reader sees through `satisfies` and `<T>x` alike.
import * as ts from 'typescript';

/** `(x)`, `x!`, `x as T`, `<T>x`, `x satisfies T` → `x`: wrappers with no effect at run time. */
export function unwrapExpr(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e)) e = e.expression;
  return e;
}

/** unwrapExpr, and `await x` → `x` too: the value an awaited call settles to comes from that call. */
export function unwrapAwaited(expr: ts.Expression): ts.Expression {
  let e = unwrapExpr(expr);
  while (ts.isAwaitExpression(e)) e = unwrapExpr(e.expression);
  return e;
}
