// What the code before the cursor just did, for ranking codes: inside a catch, after a failed lookup
// or validation, a sign-in or permission check, a rate limit, a conflict, a create or a delete.
import * as ts from 'typescript';
import { classifyBranches, type DeclInfo, type DeclLookup } from './guards';
import type { GuardKind } from './model';
import type { Situation } from './completionRanking';
import { bindingNames, paramName } from './sites/roles';
import { unwrapAwaited } from './syntax';

const CREATE_CALL = /^(create|createOne|createMany|save|insert|insertOne|insertMany|persist|(create|insert)[A-Z]\w*)$/;
/** `crypto.createHash()`, `fs.createReadStream()`: creating something that is not the resource. */
const NOT_A_STORE = new Set(['crypto', 'fs', 'http', 'https', 'http2', 'zlib', 'document', 'React', 'readline', 'URL', 'net', 'tls', 'Object']);
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del']);
/** Factories that build a helper, not a stored resource. */
const NOT_A_CREATE = /^create(\w*Error|\w*Exception|Server|Client|Connection|Context|Hash|Hmac|Logger|Router|App|Element|ReadStream|WriteStream)$/;
const DELETE_CALL = /^(delete|deleteOne|deleteMany|remove|removeOne|destroy|del|(delete|remove)[A-Z]\w*)$/;

/** The functions a handler or a callback is written as (accessors and constructors are none). */
export function isFunctionLike(n: ts.Node): n is ts.SignatureDeclaration & { body?: ts.Node } {
  return ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n);
}

export function nameOf(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** The identifier a member chain starts at: `res.set(x).status` → `res`. */
export function chainRoot(e: ts.Expression): ts.Identifier | undefined {
  let x = e;
  while (ts.isPropertyAccessExpression(x) || ts.isCallExpression(x) || ts.isParenthesizedExpression(x) || ts.isNonNullExpression(x)) x = x.expression;
  return ts.isIdentifier(x) ? x : undefined;
}

/** Declarations visible at the cursor: parameters, catch variables, and variables declared before it in its blocks. */
function declarationsBefore(path: readonly ts.Node[], offset: number): DeclLookup {
  const decls = new Map<string, DeclInfo>();
  for (const n of path) {
    if (isFunctionLike(n)) for (const p of n.parameters) for (const name of bindingNames(p.name)) decls.set(name, { kind: 'param' });
    if (ts.isCatchClause(n) && n.variableDeclaration) for (const name of bindingNames(n.variableDeclaration.name)) decls.set(name, { kind: 'caught-error' });
    if (ts.isBlock(n) || ts.isSourceFile(n)) {
      for (const st of n.statements) {
        if (st.end > offset) break;
        if (!ts.isVariableStatement(st)) continue;
        for (const d of st.declarationList.declarations) for (const name of bindingNames(d.name)) decls.set(name, { kind: 'var', init: d.initializer });
      }
    }
  }
  return (name) => decls.get(name);
}

/** Every call name along an expression chain: `db.insert(users).values(x)` → values, insert. */
function callNames(e: ts.Node | undefined, out: { name: string; root?: string }[] = []): { name: string; root?: string }[] {
  let x = e && ts.isExpression(e) ? unwrapAwaited(e) : e;
  while (x && (ts.isCallExpression(x) || ts.isPropertyAccessExpression(x))) {
    if (ts.isCallExpression(x)) {
      const callee = x.expression;
      const name = nameOf(callee);
      if (name) out.push({ name, root: ts.isPropertyAccessExpression(callee) ? chainRoot(callee.expression)?.text : undefined });
    }
    x = x.expression;
    while (ts.isAwaitExpression(x) || ts.isParenthesizedExpression(x)) x = x.expression;
  }
  return out;
}

/** 'create' or 'delete' when a statement before the cursor in this function stored or removed something. */
function lastWrite(path: readonly ts.Node[], fnIndex: number, offset: number): 'create' | 'delete' | undefined {
  let found: 'create' | 'delete' | undefined;
  for (const n of path.slice(fnIndex)) {
    if (!ts.isBlock(n)) continue;
    for (const st of n.statements) {
      if (st.end > offset) break;
      const exprs = ts.isVariableStatement(st)
        ? st.declarationList.declarations.map((d) => d.initializer)
        : ts.isExpressionStatement(st)
          ? [st.expression]
          : [];
      for (const call of exprs.flatMap((e) => callNames(e))) {
        if (CREATE_CALL.test(call.name) && !NOT_A_CREATE.test(call.name) && !(call.root && NOT_A_STORE.has(call.root))) found = 'create';
        else if (DELETE_CALL.test(call.name) && call.root !== 'fs') found = 'delete';
      }
    }
  }
  return found;
}

/** `@Post()`, `@Delete(':id')` on a Nest controller method (or on what the parser made of a half-typed one). */
function nestMethod(member: ts.Node | undefined): string | undefined {
  if (!member || !ts.canHaveDecorators(member)) return undefined;
  for (const d of ts.getDecorators(member) ?? []) {
    const e = d.expression;
    const name = ts.isCallExpression(e) ? nameOf(e.expression) : undefined;
    if (name && /^(Get|Post|Put|Patch|Delete|Head|Options|All)$/.test(name)) return name.toUpperCase();
  }
  return undefined;
}

export function decoratedRoute(member: ts.Node | undefined): Situation | undefined {
  const method = nestMethod(member);
  return method === 'POST' ? 'create' : method === 'DELETE' ? 'delete' : undefined;
}

/** The HTTP method of the route the function at `fnIndex` handles: app.post(...), @Post(), `export function POST`. */
function routeMethod(path: readonly ts.Node[], fnIndex: number): string | undefined {
  for (let i = fnIndex; i > 0; i--) {
    const fn = path[i];
    if (!isFunctionLike(fn)) continue;
    const parent = path[i - 1];
    // app.post('/x', handler), router.delete(...), app.route('/x').post(handler)
    if (ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && parent.arguments.includes(fn as unknown as ts.Expression)) {
      const method = parent.expression.name.text.toLowerCase();
      if (ROUTE_METHODS.has(method)) return method === 'del' ? 'DELETE' : method.toUpperCase();
    }
    const nest = ts.isMethodDeclaration(fn) ? nestMethod(fn) : undefined;
    if (nest) return nest;
    const declared = ts.isFunctionDeclaration(fn)
      ? fn.name?.text
      : ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)
        ? parent.name.text
        : undefined;
    if (declared && /^(GET|POST|PUT|PATCH|DELETE)$/.test(declared)) return declared;
  }
  return undefined;
}

const GUARD_SITUATION: Partial<Record<GuardKind, Situation>> = {
  'lookup-miss': 'not-found',
  validation: 'validation',
  'missing-field': 'validation',
  'auth-missing': 'auth',
  permission: 'permission',
  'rate-limit': 'rate-limit',
  exists: 'conflict',
};

/** The guard of one branch of an if. Ranking is a nicety: a classifier failure must not cost the completion. */
function guardOf(n: ts.IfStatement, then: boolean, lookup: DeclLookup, sf: ts.SourceFile, requestName: string | undefined) {
  try {
    const guards = classifyBranches(n.expression, lookup, sf, requestName);
    return then ? guards.then : guards.else;
  } catch {
    return undefined;
  }
}

export function situationAt(sf: ts.SourceFile, path: readonly ts.Node[], offset: number): Situation | undefined {
  let fnIndex = -1;
  for (let i = path.length - 1; i >= 0; i--) {
    if (isFunctionLike(path[i])) {
      fnIndex = i;
      break;
    }
  }
  if (fnIndex < 0) return undefined;
  const fn = path[fnIndex] as ts.SignatureDeclaration;
  const lookup = declarationsBefore(path, offset);
  const requestName = fn.parameters.length >= 2 ? paramName(fn.parameters[0]) : undefined;
  // The innermost if whose branch holds the cursor and tests for a problem that is present there.
  for (let i = path.length - 1; i > fnIndex; i--) {
    const n = path[i];
    if (ts.isCatchClause(n)) return 'catch';
    if (!ts.isIfStatement(n)) continue;
    const branch = path[i + 1];
    if (branch !== n.thenStatement && branch !== n.elseStatement) continue;
    const g = guardOf(n, branch === n.thenStatement, lookup, sf, requestName);
    const situation = g && !g.negated ? GUARD_SITUATION[g.kind] : undefined;
    if (situation) return situation;
  }
  const write = lastWrite(path, fnIndex, offset);
  if (write) return write;
  const method = routeMethod(path, fnIndex);
  return method === 'POST' ? 'create' : method === 'DELETE' ? 'delete' : undefined;
}
