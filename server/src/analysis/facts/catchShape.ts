// The shape of the catch clause a site sits in, read from the syntax: which errors can reach the
// site (an early `if (!(err instanceof X)) throw err` lets only X through), and whether the catch
// rethrows the errors it is given.
import * as ts from 'typescript';
import type { StatusSite } from '../types';
import { declarationOf, isFunctionLike, nodeAt, treeOf } from './tree';
import type { FactsInput } from './input';
import { NEXT_CALLBACK } from '../../frameworks/ids';

/** The catch clause around `node` in the same function, and the statement of its block that holds `node`. */
export function enclosingCatch(node: ts.Node): { clause: ts.CatchClause; statement: ts.Statement } | undefined {
  let child: ts.Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (isFunctionLike(p)) return undefined;
    if (ts.isBlock(p) && ts.isCatchClause(p.parent) && ts.isStatement(child)) return { clause: p.parent, statement: child };
  }
  return undefined;
}

export function catchOfSite(ctx: FactsInput, site: StatusSite): { clause: ts.CatchClause; statement: ts.Statement } | undefined {
  const node = nodeAt(treeOf(ctx), site.span);
  return node ? enclosingCatch(node) : undefined;
}

function paramOf(clause: ts.CatchClause): string | undefined {
  const d = clause.variableDeclaration;
  return d && ts.isIdentifier(d.name) ? d.name.text : undefined;
}

/** `throw err`, `return next(err)`, `next(err); return`: the error goes on to another handler. */
function passesOn(stmt: ts.Statement, param: string): boolean {
  const s = ts.isBlock(stmt) ? stmt.statements[0] : stmt;
  if (!s) return false;
  const passed = (e: ts.Expression | undefined): boolean => {
    if (!e) return false;
    if (ts.isIdentifier(e)) return e.text === param;
    return ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === NEXT_CALLBACK && e.arguments.length === 1 && passed(e.arguments[0]);
  };
  if (ts.isThrowStatement(s)) return passed(s.expression);
  if (ts.isReturnStatement(s)) return passed(s.expression);
  return ts.isExpressionStatement(s) && passed(s.expression);
}

/** `!(err instanceof X)`, `!isXError(err)`, `err.code !== 'X'`: the class or code a negated test on the caught error names. */
function negatedClassTest(cond: ts.Expression, param: string): string | undefined {
  let e = cond;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (
    ts.isBinaryExpression(e) &&
    (e.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || e.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken)
  ) {
    const [prop, value] = ts.isPropertyAccessExpression(e.left) ? [e.left, e.right] : [e.right, e.left];
    if (
      ts.isPropertyAccessExpression(prop) &&
      ts.isIdentifier(prop.expression) &&
      prop.expression.text === param &&
      /^(code|name|type|status|statusCode)$/.test(prop.name.text) &&
      (ts.isStringLiteral(value) || ts.isNumericLiteral(value))
    )
      return value.text;
    return undefined;
  }
  if (!ts.isPrefixUnaryExpression(e) || e.operator !== ts.SyntaxKind.ExclamationToken) return undefined;
  let inner: ts.Expression = e.operand;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  if (
    ts.isBinaryExpression(inner) &&
    inner.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword &&
    ts.isIdentifier(inner.left) &&
    inner.left.text === param
  ) {
    return ts.isPropertyAccessExpression(inner.right) ? inner.right.name.text : inner.right.getText();
  }
  if (ts.isCallExpression(inner) && inner.arguments.some((a) => ts.isIdentifier(a) && a.text === param)) {
    const name = ts.isPropertyAccessExpression(inner.expression) ? inner.expression.name.text : inner.expression.getText();
    const m = /^is([A-Z]\w*(Error|Exception))$/.exec(name);
    return m?.[1];
  }
  return undefined;
}

/** The branch leaves the catch: it throws, returns, or passes the error on. */
function exits(stmt: ts.Statement, param: string): boolean {
  const s = ts.isBlock(stmt) ? stmt.statements[stmt.statements.length - 1] : stmt;
  return !!s && (ts.isThrowStatement(s) || ts.isReturnStatement(s) || passesOn(s, param));
}

/**
 * The error class (or code) the catch narrows to before the site by sending every other error
 * elsewhere (`if (!(err instanceof OIDCProviderError)) throw err;`), or undefined.
 */
export function narrowedByRethrow(ctx: FactsInput, site: StatusSite): string | undefined {
  const at = catchOfSite(ctx, site);
  const param = at && paramOf(at.clause);
  if (!at || !param) return undefined;
  for (const stmt of at.clause.block.statements) {
    if (stmt === at.statement) break;
    if (!ts.isIfStatement(stmt) || stmt.elseStatement || !exits(stmt.thenStatement, param)) continue;
    const cls = negatedClassTest(stmt.expression, param);
    if (cls) return cls;
  }
  return undefined;
}

/** `throw err` (or `next(err)`) anywhere in the catch block, outside nested functions: some errors go on unchanged. */
function rethrowsCaught(clause: ts.CatchClause): boolean {
  const param = paramOf(clause);
  if (!param) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (ts.isStatement(n) && passesOn(n, param)) found = true;
    // `rethrowIfAppError(err)`: a helper that rethrows the errors it recognises.
    else if (
      ts.isCallExpression(n) &&
      ts.isIdentifier(n.expression) &&
      /^(re)?throw/i.test(n.expression.text) &&
      n.arguments.some((a) => ts.isIdentifier(a) && a.text === param)
    )
      found = true;
    else ts.forEachChild(n, visit);
  };
  visit(clause.block);
  return found;
}

/**
 * A status thrown inside a `try` whose catch answers every error with one 5xx: the thrown status never
 * reaches the client. Returns the catch clause and its 5xx site.
 */
export function swallowedBy5xx(ctx: FactsInput, site: StatusSite): { clause: ts.CatchClause; answer: StatusSite } | undefined {
  if (site.send.how !== 'thrown') return undefined;
  const node = nodeAt(treeOf(ctx), site.span);
  // Thrown here (`throw new ApiError(404)`, Koa's ctx.throw), not handed to next() or returned
  let stmt: ts.Node | undefined = node;
  while (stmt && !ts.isStatement(stmt)) stmt = stmt.parent;
  if (!stmt || !(ts.isThrowStatement(stmt) || site.send.method === 'throw' || site.send.method === 'assert')) return undefined;
  let child: ts.Node | undefined = node;
  for (let p = node?.parent; child && p; child = p, p = p.parent) {
    if (isFunctionLike(p)) return undefined;
    if (!ts.isTryStatement(p) || p.tryBlock !== child || !p.catchClause) continue;
    const clause = p.catchClause;
    if (rethrowsCaught(clause)) return undefined;
    const start = clause.block.getStart();
    const end = clause.block.getEnd();
    const answer = ctx.sites.find(
      (s) =>
        s.span.start >= start &&
        s.span.end <= end &&
        s.code !== undefined &&
        s.code >= 500 &&
        s.code <= 599 &&
        s.form !== 'dynamic' &&
        s.guards.length === 0 &&
        !!s.catchClause &&
        !s.catchClause.narrowed,
    );
    return answer ? { clause, answer } : undefined;
  }
  return undefined;
}

/** `if (<param> instanceof <Class>) throw <param>;` as the catch's first statement, when the catch names its error. */
export function rethrowEdit(ctx: FactsInput, clause: ts.CatchClause, errorClass: string): { start: number; end: number; newText: string } | undefined {
  const param = paramOf(clause);
  const first = clause.block.statements[0];
  if (!param || !first) return undefined;
  const at = first.getStart();
  const lineStart = ctx.text.lastIndexOf('\n', at - 1) + 1;
  const indent = ctx.text.slice(lineStart, at);
  if (!/^[ \t]*$/.test(indent)) return undefined;
  return { start: at, end: at, newText: `if (${param} instanceof ${errorClass}) throw ${param};\n${indent}` };
}

/** The request object, as handlers name it. */
const REQUEST_OBJECT = /^(req|request|c\.req|ctx\.req|ctx\.request|event|context\.req)$/;
/** A read of what the client sent: its body, raw text, query or params. */
const REQUEST_READ = /\b(req|request|ctx\.request|c\.req|event)\.(body|rawBody|query|params|json\(|text\(|formData\()/;

function fromRequest(e: ts.Expression, depth = 0): boolean {
  let x = e;
  while (ts.isParenthesizedExpression(x) || ts.isAwaitExpression(x) || ts.isAsExpression(x)) x = x.expression;
  if (REQUEST_READ.test(x.getText())) return true;
  if (!ts.isIdentifier(x) || depth > 2) return false;
  const d = declarationOf(x.text, x);
  return !!d && ts.isVariableDeclaration(d) && !!d.initializer && fromRequest(d.initializer, depth + 1);
}

/**
 * In the try of the site's catch, the call that parses what the client sent and throws on bad input:
 * `await req.json()`, `JSON.parse(req.body)`, `schema.parse(body)`. Its text, or undefined.
 */
export function bodyParseInTry(ctx: FactsInput, site: StatusSite): string | undefined {
  const at = catchOfSite(ctx, site);
  const tryStatement = at?.clause.parent;
  if (!tryStatement || !ts.isTryStatement(tryStatement)) return undefined;
  let found: string | undefined;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    // A parse inside a nested try is answered by that try's own catch.
    if (ts.isTryStatement(n) && n.tryBlock !== tryStatement.tryBlock) {
      if (n.finallyBlock) visit(n.finallyBlock);
      return;
    }
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const name = n.expression.name.text;
      const receiver = n.expression.expression;
      const arg = n.arguments[0];
      if ((name === 'json' || name === 'formData') && n.arguments.length === 0 && REQUEST_OBJECT.test(receiver.getText())) found = n.getText();
      else if (name === 'parse' && receiver.getText() === 'JSON' && arg && fromRequest(arg)) found = n.getText();
      else if ((name === 'parse' || name === 'parseAsync') && receiver.getText() !== 'JSON' && arg && fromRequest(arg)) found = n.getText();
    }
    if (!found) ts.forEachChild(n, visit);
  };
  visit(tryStatement.tryBlock);
  return found;
}
