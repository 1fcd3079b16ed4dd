// A 401 that is never sent: the branch without `next` of an Express handler, which always has one.
// Asking it for WWW-Authenticate is the wrong advice.
import * as ts from 'typescript';
import { pluginFor } from '../../frameworks/registry';
import { NEXT_CALLBACK } from '../../frameworks/ids';
import type { StatusSite } from '../types';
import { declarationOf, isFunctionLike, nodeAt, treeOf } from './tree';
import type { FactsInput } from './input';

/** `next` is the third parameter of an Express-style `(req, res, next)` function: Express always passes it. */
function isHandlerNext(id: ts.Identifier): boolean {
  const d = declarationOf(id.text, id);
  if (!d || !ts.isParameter(d) || !isFunctionLike(d.parent)) return false;
  const params = d.parent.parameters;
  return params.length >= 3 && params[2] === d && /^(req|request)$/.test(params[0].name.getText()) && /^(res|response)$/.test(params[1].name.getText());
}

/** `x` or `!x` where x is the handler's `next`: which way it tests (true = "next is given"). */
function testsNext(cond: ts.Expression): boolean | undefined {
  let e = cond;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isIdentifier(e) && e.text === NEXT_CALLBACK) return isHandlerNext(e) ? true : undefined;
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = testsNext(e.operand);
    return inner === undefined ? undefined : !inner;
  }
  return undefined;
}

/** `next ? next(err) : res.status(401).json(err)` in an Express handler: the branch without `next` never runs. */
export function inBranchWithoutNext(ctx: FactsInput, site: StatusSite): boolean {
  if (!pluginFor(site.framework).alwaysPassesNext) return false;
  let child = nodeAt(treeOf(ctx), site.span);
  for (let p = child?.parent; child && p; child = p, p = p.parent) {
    if (ts.isConditionalExpression(p) && child !== p.condition) {
      const given = testsNext(p.condition);
      if (given !== undefined && (child === p.whenFalse) === given) return true;
    }
    if (ts.isIfStatement(p) && child !== p.expression) {
      const given = testsNext(p.expression);
      if (given !== undefined && (child === p.elseStatement) === given) return true;
    }
    if (isFunctionLike(p)) return false;
  }
  return false;
}
