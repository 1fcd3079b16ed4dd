// Facts for a 4xx thrown inside a `try` whose catch answers every error with one 5xx: the client never gets
// the 4xx (`throw new ApiError(404)` in the try, `throw new ApiError(500, msg)` in the catch).
import * as ts from 'typescript';
import type { StatusSite, TextEdit } from '../types';
import { rethrowEdit, swallowedBy5xx } from './catchShape';
import { declarationOf, isFunctionLike, nodeAt, treeOf } from './tree';
import type { FactsInput } from './input';

/** The class a site's error is made with (`new ApiError(404, ...)` → ApiError), when it is a plain name. */
function errorClassOf(ctx: FactsInput, site: StatusSite): string | undefined {
  for (let n = nodeAt(treeOf(ctx), site.span); n && !ts.isStatement(n); n = n.parent) {
    if (ts.isNewExpression(n)) return ts.isIdentifier(n.expression) ? n.expression.text : undefined;
  }
  return undefined;
}

/** Calls whose result is a list, never nothing: `if (!x)` on it never fires. */
const LIST_CALL = /^(find|findAll|findMany|findBy|findAndCount|getMany|list\w*)$/;
/** A TypeORM-style repository's writes answer a result object, never nothing. */
const REPOSITORY_WRITE = /^(delete|update|softDelete|insert|upsert|save)$/;
const REPOSITORY = /(repo|repository|getRepository\([^)]*\))$/i;

const unwrap = (e: ts.Expression): ts.Expression =>
  ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) ? unwrap(e.expression) : e;

function initializerOf(id: ts.Identifier): ts.Expression | 'param' | undefined {
  const d = declarationOf(id.text, id) ?? loopVariable(id);
  if (!d) return undefined;
  // `let found;` assigned later: where its value comes from is not followed, so count it as input.
  if (ts.isVariableDeclaration(d) && !d.initializer)
    return ts.isForOfStatement(d.parent.parent) || ts.isForInStatement(d.parent.parent) ? unwrap(d.parent.parent.expression) : 'param';
  if (ts.isParameter(d)) return 'param';
  return ts.isVariableDeclaration(d) && d.initializer ? unwrap(d.initializer) : undefined;
}

/** `for (const name of names)`: the loop's variable, which declarationOf does not look for. */
function loopVariable(id: ts.Identifier): ts.VariableDeclaration | undefined {
  for (let p: ts.Node | undefined = id.parent; p && !isFunctionLike(p); p = p.parent) {
    if (!(ts.isForOfStatement(p) || ts.isForInStatement(p)) || !ts.isVariableDeclarationList(p.initializer)) continue;
    const d = p.initializer.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === id.text);
    if (d) return d;
  }
  return undefined;
}

/** Some identifier in `e`, followed through local initializers, is a parameter or the request. */
function reachesInput(e: ts.Node, depth = 0): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || (isFunctionLike(n) && depth > 0)) return;
    if (
      ts.isIdentifier(n) &&
      !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) &&
      !(ts.isPropertyAssignment(n.parent) && n.parent.name === n)
    ) {
      if (/^(req|request|ctx)$/.test(n.text)) return void (found = true);
      const init = initializerOf(n);
      if (init === 'param') return void (found = true);
      if (init && depth < 3 && reachesInput(init, depth + 1)) return void (found = true);
    }
    ts.forEachChild(n, visit);
  };
  visit(e);
  return found;
}

/** `x.icon`, `data['apiKey']`: a part of a record read with a fixed key. */
const isFieldRead = (e: ts.Expression): boolean =>
  ts.isPropertyAccessExpression(e) || (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression));

/**
 * The thrown not-found answers something the caller asked for. Not when the catch's not-found is a
 * part missing inside a record that was found (`if (!data['apiKey'])`), a test that never fires (the
 * result of a delete, an update or a list), or a lookup of the server's own things (nothing from the
 * function's inputs or the request reaches it).
 */
export function answersClientLookup(ctx: FactsInput, site: StatusSite): boolean {
  let n: ts.Node | undefined = nodeAt(treeOf(ctx), site.span);
  while (n && !ts.isIfStatement(n) && !isFunctionLike(n)) n = n.parent;
  if (!n || !ts.isIfStatement(n)) return true;
  let cond = unwrap(n.expression);
  if (ts.isPrefixUnaryExpression(cond) && cond.operator === ts.SyntaxKind.ExclamationToken) cond = unwrap(cond.operand);
  else if (ts.isBinaryExpression(cond) && /^(null|undefined)$/.test(cond.right.getText())) cond = unwrap(cond.left);
  // `!rows.length`, `!rows?.length`: an emptiness test of what was looked up, which does fire.
  if (ts.isPropertyAccessExpression(cond) && cond.name.text === 'length') return reachesInput(n.expression);
  if (isFieldRead(cond)) return false;
  if (ts.isIdentifier(cond)) {
    const init = initializerOf(cond);
    if (init && init !== 'param' && isFieldRead(init)) return false;
    if (init && init !== 'param' && ts.isCallExpression(init)) {
      const callee = init.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      // Array.prototype.find(callback) answers undefined; a repository's find({...}) answers a list.
      const callback = init.arguments[0] && (ts.isArrowFunction(init.arguments[0]) || ts.isFunctionExpression(init.arguments[0]));
      const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression.getText() : '';
      if ((LIST_CALL.test(name) && !callback) || (REPOSITORY_WRITE.test(name) && REPOSITORY.test(receiver))) return false;
    }
  }
  return reachesInput(n.expression);
}

/** A thrown status whose catch answers every error with one 5xx: where the catch is and what would keep the status. */
export interface SwallowedThrow {
  /** The 5xx site the catch answers with. */
  answer: StatusSite;
  /** Start of the catch clause. */
  catchStart: number;
  /** The class the thrown error is made with, when it is a plain name. */
  errorClass?: string;
  /** `if (err instanceof <errorClass>) throw err;` first in the catch, when the catch names its error. */
  rethrow?: TextEdit;
}

/** The catch around a thrown `site` turns it into a 5xx: the facts a report needs, else undefined. */
export function swallowedThrow(input: FactsInput, site: StatusSite): SwallowedThrow | undefined {
  const swallowed = swallowedBy5xx(input, site);
  if (!swallowed) return undefined;
  const { clause, answer } = swallowed;
  const errorClass = errorClassOf(input, site);
  const rethrow = errorClass ? rethrowEdit(input, clause, errorClass) : undefined;
  return { answer, catchStart: clause.getStart(), ...(errorClass ? { errorClass } : {}), ...(rethrow ? { rethrow } : {}) };
}
