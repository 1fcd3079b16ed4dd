// Expression wrappers that change nothing a status analysis reads. One definition, so that every
// reader sees through `satisfies` and `<T>x` alike.
import * as ts from 'typescript';

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
