// Expression helpers shared by the guard readers (guardReaders.ts): callee and member names, the
// call a value came from, literals, and values reshaped by string transforms.
import * as ts from 'typescript';
import { unwrapAwaited } from './syntax';
import { TRANSFORM } from './guardVocabulary';

export function calleeName(call: ts.CallExpression): string | undefined {
  const c = unwrapAwaited(call.expression);
  if (ts.isIdentifier(c)) return c.text;
  if (ts.isPropertyAccessExpression(c)) return c.name.text;
  return undefined;
}

/** The call a value came from: `await User.findById(id).lean()` → 'findById'. */
export function callNameOf(init: ts.Expression | undefined): string | undefined {
  const call = sourceCall(init);
  return call ? calleeName(call) : undefined;
}

/** The call that produced a value, skipping query-builder tails (.lean(), .exec(), .populate(...)) and `rows[0]`. */
export function sourceCall(init: ts.Expression | undefined): ts.CallExpression | undefined {
  if (!init) return undefined;
  let e = unwrapAwaited(init);
  if (ts.isElementAccessExpression(e)) e = unwrapAwaited(e.expression);
  let last: ts.CallExpression | undefined;
  while (ts.isCallExpression(e)) {
    const name = calleeName(e);
    if (
      name &&
      !/^(lean|exec|populate|select|sort|limit|skip|then|catch|orFail|unwrap|toArray|json|first|one|single|maybeSingle|eq|where|bind|run|all|get)$/.test(name)
    )
      return e;
    // Builders end in first()/single()/get(): keep the outermost meaningful call.
    last = last ?? e;
    const callee = unwrapAwaited(e.expression);
    if (!ts.isPropertyAccessExpression(callee)) break;
    e = unwrapAwaited(callee.expression);
  }
  return last;
}

/** The root identifier of a member chain: req.body.email → 'req'. */
export function rootName(e: ts.Expression): string | undefined {
  let x = unwrapAwaited(e);
  while (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x) || ts.isCallExpression(x)) x = unwrapAwaited(x.expression);
  return ts.isIdentifier(x) ? x.text : undefined;
}

/** Member names along a chain (calls included by name): req.session.user.id → ['session','user','id']. */
export function memberNames(e: ts.Expression): string[] {
  const names: string[] = [];
  let x = unwrapAwaited(e);
  while (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x) || ts.isCallExpression(x)) {
    if (ts.isPropertyAccessExpression(x)) names.unshift(x.name.text);
    else if (ts.isElementAccessExpression(x) && ts.isStringLiteralLike(x.argumentExpression)) names.unshift(x.argumentExpression.text);
    x = unwrapAwaited(x.expression);
  }
  return names;
}

export function lastName(e: ts.Expression): string | undefined {
  const x = unwrapAwaited(e);
  if (ts.isIdentifier(x)) return x.text;
  if (ts.isPropertyAccessExpression(x)) return x.name.text;
  if (ts.isCallExpression(x)) return lastName(x.expression);
  if (ts.isElementAccessExpression(x) && ts.isStringLiteralLike(x.argumentExpression)) return x.argumentExpression.text;
  return undefined;
}

export function isLiteral(e: ts.Expression): boolean {
  const x = unwrapAwaited(e);
  return (
    ts.isStringLiteralLike(x) ||
    ts.isNumericLiteral(x) ||
    x.kind === ts.SyntaxKind.TrueKeyword ||
    x.kind === ts.SyntaxKind.FalseKeyword ||
    (ts.isPrefixUnaryExpression(x) && ts.isNumericLiteral(x.operand))
  );
}

export function isNullish(e: ts.Expression): boolean {
  const x = unwrapAwaited(e);
  return x.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(x) && x.text === 'undefined') || ts.isVoidExpression(x);
}

export function literalValue(e: ts.Expression): string | undefined {
  const x = unwrapAwaited(e);
  if (ts.isStringLiteralLike(x) || ts.isNumericLiteral(x)) return x.text;
  return undefined;
}

/** `header.replace(/^Bearer /, '')`, `auth.split(' ')[1]`, `cookie?.value`: the value reshaped. */
export function stripTransforms(e: ts.Expression): ts.Expression {
  let x = unwrapAwaited(e);
  for (;;) {
    if (ts.isElementAccessExpression(x) && ts.isNumericLiteral(x.argumentExpression)) x = unwrapAwaited(x.expression);
    else if (ts.isCallExpression(x) && ts.isPropertyAccessExpression(unwrapAwaited(x.expression)) && TRANSFORM.test(calleeName(x) ?? ''))
      x = unwrapAwaited((unwrapAwaited(x.expression) as ts.PropertyAccessExpression).expression);
    else if (
      ts.isBinaryExpression(x) &&
      (x.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || x.operatorToken.kind === ts.SyntaxKind.BarBarToken) &&
      (isLiteral(x.right) || isNullish(x.right))
    )
      x = unwrapAwaited(x.left);
    else return x;
  }
}
