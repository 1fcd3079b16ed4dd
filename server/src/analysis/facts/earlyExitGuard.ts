// A guard written as "allowed → pass on early, otherwise answer": `if (user.isAdmin) return next();`
// then `res.status(401)`. The answer runs when the early exit's condition is false, so its guard is
// that condition's else-branch, which the walk (guards of enclosing ifs only) does not give the site.
import * as ts from 'typescript';
import { classifyBranches, type DeclInfo } from '../guards';
import type { Guard, StatusSite } from '../types';
import { declarationOf, isFunctionLike, nodeAt, treeOf } from './tree';
import type { FactsInput } from './input';
import { NEXT_CALLBACK } from '../../frameworks/ids';

/** The branch passes the request on: a `next()` with no error, as the allowed path of a middleware does. */
function passesOnAllowed(branch: ts.Statement): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === NEXT_CALLBACK && n.arguments.length === 0) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(branch);
  const last = ts.isBlock(branch) ? branch.statements[branch.statements.length - 1] : branch;
  return found && !!last && ts.isReturnStatement(last);
}

/** The guard under which the site runs because an earlier `if (allowed) return next();` did not. */
export function earlyExitGuard(ctx: FactsInput, site: StatusSite): Guard | undefined {
  if (site.guards.length > 0 || site.branch) return undefined;
  let stmt: ts.Node | undefined = nodeAt(treeOf(ctx), site.span);
  while (stmt && !(ts.isStatement(stmt) && stmt.parent && ts.isBlock(stmt.parent))) {
    if (isFunctionLike(stmt)) return undefined;
    stmt = stmt.parent;
  }
  if (!stmt || !ts.isBlock(stmt.parent)) return undefined;
  const siblings = stmt.parent.statements;
  for (let i = siblings.indexOf(stmt as ts.Statement) - 1; i >= 0; i--) {
    const s = siblings[i];
    if (!ts.isIfStatement(s) || s.elseStatement || !passesOnAllowed(s.thenStatement)) continue;
    const sf = treeOf(ctx);
    const lookup = (name: string): DeclInfo | undefined => {
      const d = declarationOf(name, s);
      if (!d) return undefined;
      return ts.isParameter(d) ? { kind: 'param' } : { kind: 'var', init: ts.isVariableDeclaration(d) ? d.initializer : undefined };
    };
    return classifyBranches(s.expression, lookup, sf, site.handler?.requestName).else;
  }
  return undefined;
}
