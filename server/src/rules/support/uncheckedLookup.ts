// A record looked up by the request's id and used without a check, inside a try whose catch answers
// every error 5xx: an unknown id throws a TypeError there, and the client gets a 500 for a not-found.
import * as ts from 'typescript';
import { positionAt } from '../../analysis/edits';
import type { StatusSite } from '../../analysis/types';
import { catchOfSite, narrowedByRethrow } from './catchShape';
import { codeLabel } from './suggest';
import { isFunctionLike } from './syntax';
import type { RuleCheckContext } from '../types';

/** ORM lookups that answer null (not throw, not a list) for an unknown key. */
const NULLABLE_LOOKUP = /^(findOne|findById|findByPk|findUnique|findFirst|findOneBy|findOneById)$/;
/** What the request carries, as handlers name it. */
const REQUEST_ROOT = /^(req|request|ctx|c|event|params|query|body)$/;

function rootIdentifier(e: ts.Expression): ts.Identifier | undefined {
  let x: ts.Expression = e;
  while (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x) || ts.isCallExpression(x)) x = x.expression;
  return ts.isIdentifier(x) ? x : undefined;
}

function readsRequest(args: readonly ts.Expression[]): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if ((ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) && REQUEST_ROOT.test(rootIdentifier(n)?.text ?? '')) found = true;
    else ts.forEachChild(n, visit);
  };
  args.forEach(visit);
  return found;
}

interface Lookup {
  name: string;
  call: string;
  declaredAt: number;
}

/** `const x = await Model.findById(req.params.id)` declarations in the try, by variable name. */
function lookupsIn(block: ts.Block): Lookup[] {
  const found: Lookup[] = [];
  for (const stmt of block.statements) {
    if (!ts.isVariableStatement(stmt)) continue;
    for (const d of stmt.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || !d.initializer) continue;
      let init: ts.Expression = d.initializer;
      while (ts.isAwaitExpression(init) || ts.isParenthesizedExpression(init)) init = init.expression;
      if (!ts.isCallExpression(init) || !ts.isPropertyAccessExpression(init.expression)) continue;
      if (!NULLABLE_LOOKUP.test(init.expression.name.text) || !readsRequest(init.arguments)) continue;
      found.push({ name: d.name.text, call: `${init.expression.getText()}(...)`, declaredAt: d.getEnd() });
    }
  }
  return found;
}

/** The first `x.prop` in the block after the declaration, or undefined when `x` is tested or read optionally first. */
function uncheckedUse(block: ts.Block, lookup: Lookup): ts.PropertyAccessExpression | undefined {
  let use: ts.PropertyAccessExpression | undefined;
  let tested = false;
  const visit = (n: ts.Node): void => {
    if (use || tested || isFunctionLike(n)) return;
    if (n.getStart() >= lookup.declaredAt && ts.isIdentifier(n) && n.text === lookup.name) {
      const p = n.parent;
      if (ts.isPropertyAccessExpression(p) && p.expression === n && !p.questionDotToken) use = p;
      // Any other mention first (a test, `x?.y`, passing it on, returning it) may handle a miss.
      else tested = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(block);
  return use;
}

/** Reports each unchecked lookup whose TypeError the catch around it answers with `answer`'s 5xx. */
export function reportUncheckedLookups(ctx: RuleCheckContext<{ uncheckedLookup: string }>, answer: StatusSite): void {
  const code = answer.code;
  if (code === undefined || code < 500 || code > 599 || answer.form === 'dynamic' || answer.guards.length > 0 || answer.branch) return;
  if (!answer.catchClause || answer.catchClause.narrowed || narrowedByRethrow(ctx, answer)) return;
  const at = catchOfSite(ctx, answer);
  const tryStatement = at?.clause.parent;
  if (!at || !tryStatement || !ts.isTryStatement(tryStatement)) return;
  const line = positionAt(ctx.analysis.lineStarts, at.clause.getStart()).line + 1;
  for (const lookup of lookupsIn(tryStatement.tryBlock)) {
    const use = uncheckedUse(tryStatement.tryBlock, lookup);
    if (!use) continue;
    const span = { start: use.getStart(), end: use.getEnd() };
    ctx.report(span, 'uncheckedLookup', { name: lookup.name, better: codeLabel(404), call: lookup.call, use: use.getText(), line, code }, []);
  }
}
