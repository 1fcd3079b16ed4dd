// Is the cursor where a status code goes, and what did the code around it just do? Read on the
// syntax tree only: one descent from the root to the cursor (one child per level), then a look at
// the few nodes on that path and the statements before the cursor in its blocks. Half-typed code
// (`res.status(` with no closing paren) works because TypeScript's parser recovers, and the descent
// aims at the last character typed before the cursor.
import * as ts from 'typescript';
import { allStatuses, getStatus } from '../knowledge/statusData';
import { classifyBranches, type DeclInfo, type DeclLookup } from './facts';
import { unwrapAwaited } from './syntax';
import type { Framework, GuardKind, Span } from './model';

/** What kind of status position the cursor is in. */
export type SlotKind = 'status' | 'send-status' | 'status-assign' | 'response-init' | 'write-head' | 'redirect' | 'decorator' | 'exception';

/** What the code around the cursor suggests about the status to send. */
export type Situation = 'catch' | 'not-found' | 'validation' | 'auth' | 'permission' | 'rate-limit' | 'conflict' | 'create' | 'delete';

export interface CompletionContext {
  slot: SlotKind;
  framework: Framework;
  /** The number or word typed so far (replaced by the chosen code), or an empty span at the cursor. */
  replace: Span;
  situation?: Situation;
}

/** Usual names of a response object (as the walker uses). */
const RESPONSE_NAMES = new Set(['res', 'response', 'reply', 'ctx', 'c', 'context', 'rep', 'resp']);
const RESPONSE_TYPES = new Set(['Response', 'ServerResponse', 'FastifyReply', 'Context', 'ParameterizedContext', 'ExpressResponse', 'NextApiResponse', 'RouterContext']);
const CREATE_CALL = /^(create|createOne|createMany|save|insert|insertOne|insertMany|persist|(create|insert)[A-Z]\w*)$/;
/** `crypto.createHash()`, `fs.createReadStream()`: creating something that is not the resource. */
const NOT_A_STORE = new Set(['crypto', 'fs', 'http', 'https', 'http2', 'zlib', 'document', 'React', 'readline', 'URL', 'net', 'tls', 'Object']);
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del']);
/** Factories that build a helper, not a stored resource. */
const NOT_A_CREATE = /^create(\w*Error|\w*Exception|Server|Client|Connection|Context|Hash|Hmac|Logger|Router|App|Element|ReadStream|WriteStream)$/;
const DELETE_CALL = /^(delete|deleteOne|deleteMany|remove|removeOne|destroy|del|(delete|remove)[A-Z]\w*)$/;

function isBlank(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 11 || ch === 12 || ch === 0xa0 || ch === 0xfeff;
}

/** Root to the innermost node holding the last character typed before `offset`. */
function pathTo(sf: ts.SourceFile, offset: number): ts.Node[] {
  let anchor = offset;
  while (anchor > 0 && isBlank(sf.text.charCodeAt(anchor - 1))) anchor--;
  const path: ts.Node[] = [sf];
  let node: ts.Node = sf;
  for (;;) {
    const next: ts.Node | undefined = ts.forEachChild(node, (c) => (c.pos < anchor && anchor <= c.end ? c : undefined));
    if (!next) return path;
    path.push(next);
    node = next;
  }
}

function isFunctionLike(n: ts.Node): n is ts.SignatureDeclaration & { body?: ts.Node } {
  return ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n);
}

/** Where a completion may write, in an argument or initializer position: `node` is what is there now. */
function slotSpan(sf: ts.SourceFile, offset: number, node: ts.Node | undefined): Span | undefined {
  if (!node || node.end === node.pos || (ts.isIdentifier(node) && node.text === '')) return { start: offset, end: offset };
  const start = node.getStart(sf);
  if (offset < start) {
    // `res.status(` with the next line's code parsed as its argument: the cursor line is still empty.
    return sf.getLineAndCharacterOfPosition(offset).line < sf.getLineAndCharacterOfPosition(start).line ? { start: offset, end: offset } : undefined;
  }
  if (offset > node.end) return undefined;
  return ts.isNumericLiteral(node) || ts.isIdentifier(node) ? { start, end: node.end } : undefined;
}

/** The argument index the cursor is at, and the argument there, when the cursor is inside the parentheses. */
function argumentAt(sf: ts.SourceFile, call: ts.CallExpression | ts.NewExpression, offset: number): { index: number; node?: ts.Expression } | undefined {
  const args = call.arguments;
  if (!args || offset < args.pos) return undefined;
  const closed = sf.text.charCodeAt(call.end - 1) === 41; // ')'
  let anchor = offset;
  while (anchor > 0 && isBlank(sf.text.charCodeAt(anchor - 1))) anchor--;
  if (anchor > (closed ? call.end - 1 : call.end)) return undefined;
  let index = 0;
  for (let k = 1; k < args.length; k++) if (offset >= args[k].pos) index = k;
  if (args.hasTrailingComma && offset >= args.end) index = args.length;
  return { index, node: args[index] };
}

function nameOf(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** The identifier a member chain starts at: `res.set(x).status` → `res`. */
function chainRoot(e: ts.Expression): ts.Identifier | undefined {
  let x = e;
  while (ts.isPropertyAccessExpression(x) || ts.isCallExpression(x) || ts.isParenthesizedExpression(x) || ts.isNonNullExpression(x)) x = x.expression;
  return ts.isIdentifier(x) ? x : undefined;
}

function paramName(p: ts.ParameterDeclaration | undefined): string | undefined {
  return p && ts.isIdentifier(p.name) ? p.name.text : undefined;
}

/** A parameter in a response role: typed as a response, or the second of `(req, x)`. */
function isResponseParam(params: readonly ts.ParameterDeclaration[], i: number): boolean {
  const type = params[i].type;
  if (type && ts.isTypeReferenceNode(type) && RESPONSE_TYPES.has(ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text)) return true;
  return i >= 1 && /^(req|request)$/.test(paramName(params[i - 1]) ?? '');
}

/** Does `node` (on the path, innermost last) declare `name`? Function parameters and names, catch variables, loop and block declarations. */
function declares(node: ts.Node, name: string): boolean {
  if (isFunctionLike(node)) return node.parameters.some((p) => bindingNames(p.name).includes(name)) || (ts.isFunctionExpression(node) && node.name?.text === name);
  if (ts.isCatchClause(node)) return !!node.variableDeclaration && bindingNames(node.variableDeclaration.name).includes(name);
  if ((ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)) && node.initializer && ts.isVariableDeclarationList(node.initializer)) {
    return node.initializer.declarations.some((d) => bindingNames(d.name).includes(name));
  }
  if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
    for (const st of node.statements) {
      if (ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => bindingNames(d.name).includes(name))) return true;
      if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name?.text === name) return true;
      if (ts.isImportDeclaration(st) && st.importClause && importNames(st.importClause).includes(name)) return true;
    }
  }
  return false;
}

function importNames(clause: ts.ImportClause): string[] {
  const out = clause.name ? [clause.name.text] : [];
  const named = clause.namedBindings;
  if (named && ts.isNamespaceImport(named)) out.push(named.name.text);
  else if (named) for (const el of named.elements) out.push(el.name.text);
  return out;
}

/**
 * A response object, judged by the nearest declaration of its name: a parameter typed as one or in
 * the (req, res) shape; a parameter with a usual name (res, reply, ctx, c) of a helper that no
 * function around it answers through; or an undeclared usual name (a snippet). A callback's own
 * `res` (`fetch(url).then((res) => ...)`), a variable or a catch variable is not.
 */
function isResponse(id: ts.Identifier | undefined, path: readonly ts.Node[]): boolean {
  if (!id) return false;
  const name = id.text;
  for (let i = path.length - 1; i >= 0; i--) {
    const n = path[i];
    if (!declares(n, name)) continue;
    if (!isFunctionLike(n)) return false;
    const params = n.parameters;
    const at = params.findIndex((p) => paramName(p) === name);
    if (at < 0) return false;
    if (isResponseParam(params, at)) return true;
    return RESPONSE_NAMES.has(name) && !path.slice(0, i).some((outer) => isFunctionLike(outer) && outer.parameters.some((p, k) => isResponseParam(outer.parameters, k) || RESPONSE_NAMES.has(paramName(p) ?? '')));
  }
  return RESPONSE_NAMES.has(name);
}

interface Slot {
  slot: SlotKind;
  framework: Framework;
}

/** The status argument of a call or `new`, if `index` is one. */
function callSlot(call: ts.CallExpression | ts.NewExpression, index: number, path: readonly ts.Node[], parent: ts.Node | undefined): Slot | undefined {
  const callee = call.expression;
  const name = nameOf(callee);
  if (ts.isNewExpression(call)) {
    if (name === 'HttpException' && index === 1) return { slot: 'exception', framework: 'nest' };
    if (name === 'HTTPException' && index === 0) return { slot: 'exception', framework: 'hono' };
    return undefined;
  }
  if (ts.isIdentifier(callee)) {
    if (parent && ts.isDecorator(parent)) {
      if (name === 'HttpCode' && index === 0) return { slot: 'decorator', framework: 'nest' };
      if (name === 'Redirect' && index === 1) return { slot: 'redirect', framework: 'nest' };
      return undefined;
    }
    if ((name === 'createError' || name === 'createHttpError') && index === 0) return { slot: 'exception', framework: 'http-errors' };
    return undefined;
  }
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const target = callee.expression;
  const root = chainRoot(target);
  const receiver = root?.text;
  const response = isResponse(root, path);
  const targetName = ts.isIdentifier(target) ? target.text : undefined;
  switch (name) {
    case 'status':
      if (index !== 0 || !response) return undefined;
      return { slot: 'status', framework: receiver === 'reply' || receiver === 'rep' ? 'fastify' : receiver === 'c' ? 'hono' : 'express' };
    case 'code':
      return index === 0 && response && receiver !== 'ctx' && receiver !== 'c' ? { slot: 'status', framework: 'fastify' } : undefined;
    case 'sendStatus':
      return index === 0 && response ? { slot: 'send-status', framework: 'express' } : undefined;
    case 'writeHead':
      return index === 0 && response ? { slot: 'write-head', framework: 'node-http' } : undefined;
    case 'redirect':
      if (targetName === 'Response' || targetName === 'NextResponse') return index === 1 ? { slot: 'redirect', framework: targetName === 'Response' ? 'fetch' : 'next' } : undefined;
      if (!response) return undefined;
      if (receiver === 'c') return index === 1 ? { slot: 'redirect', framework: 'hono' } : undefined;
      // Express's res.redirect(code, url): the code form comes first. Koa's ctx.redirect takes no code.
      return index === 0 && receiver !== 'ctx' ? { slot: 'redirect', framework: 'express' } : undefined;
    case 'json':
    case 'text':
    case 'html':
    case 'body':
      return index === 1 && receiver === 'c' && response ? { slot: 'response-init', framework: 'hono' } : undefined;
    case 'throw':
      return index === 0 && receiver === 'ctx' && response ? { slot: 'exception', framework: 'koa' } : undefined;
    default:
      return undefined;
  }
}

/** `{ status: | }` as the init of `new Response(body, init)`, `Response.json(body, init)`, `NextResponse.json(...)`. */
function initSlot(prop: ts.PropertyAssignment, objectLit: ts.Node | undefined, owner: ts.Node | undefined): Slot | undefined {
  const key = ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name) ? prop.name.text : undefined;
  if (key !== 'status' || !objectLit || !ts.isObjectLiteralExpression(objectLit) || !owner) return undefined;
  if (!(ts.isNewExpression(owner) || ts.isCallExpression(owner)) || owner.arguments?.[1] !== objectLit) return undefined;
  const callee = owner.expression;
  const holder = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? callee.expression.text : undefined;
  const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (ts.isNewExpression(owner) && ts.isIdentifier(callee) && (callee.text === 'Response' || callee.text === 'NextResponse')) {
    return { slot: 'response-init', framework: callee.text === 'Response' ? 'fetch' : 'next' };
  }
  if (ts.isCallExpression(owner) && (holder === 'Response' || holder === 'NextResponse') && (method === 'json' || method === 'redirect')) {
    return { slot: method === 'redirect' ? 'redirect' : 'response-init', framework: holder === 'Response' ? 'fetch' : 'next' };
  }
  return undefined;
}

/** The status position holding the cursor: the innermost call, assignment or property that has one decides. */
function findSlot(sf: ts.SourceFile, offset: number, path: readonly ts.Node[]): (Slot & { at: number; replace: Span }) | undefined {
  for (let i = path.length - 1; i > 0; i--) {
    const n = path[i];
    if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
      const arg = argumentAt(sf, n, offset);
      if (!arg) continue; // the cursor is in the callee: look further out
      const slot = callSlot(n, arg.index, path, path[i - 1]);
      const replace = slot && slotSpan(sf, offset, arg.node);
      return slot && replace && { ...slot, at: i, replace };
    }
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      if (offset < n.operatorToken.end) continue;
      const left = n.left;
      if (!ts.isPropertyAccessExpression(left) || !isResponse(chainRoot(left.expression), path)) return undefined;
      const prop = left.name.text;
      if (prop !== 'status' && prop !== 'statusCode') return undefined;
      const replace = slotSpan(sf, offset, n.right);
      const receiver = chainRoot(left.expression)?.text;
      return replace && { slot: 'status-assign', framework: prop === 'status' ? (receiver === 'ctx' ? 'koa' : 'express') : 'node-http', at: i, replace };
    }
    if (ts.isPropertyAssignment(n)) {
      if (offset < n.initializer.pos) return undefined;
      const slot = initSlot(n, path[i - 1], path[i - 2]);
      const replace = slot && slotSpan(sf, offset, n.initializer);
      return slot && replace && { ...slot, at: i, replace };
    }
    // A status position is never further out than the statement or function holding the cursor.
    if (ts.isStatement(n) || isFunctionLike(n) || ts.isClassElement(n) || ts.isClassLike(n)) return undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// What the code around the cursor did

function bindingNames(name: ts.BindingName, out: string[] = []): string[] {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) bindingNames(el.name, out);
  return out;
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
      const exprs = ts.isVariableStatement(st) ? st.declarationList.declarations.map((d) => d.initializer) : ts.isExpressionStatement(st) ? [st.expression] : [];
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

function decoratedRoute(member: ts.Node | undefined): Situation | undefined {
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
    const declared = ts.isFunctionDeclaration(fn) ? fn.name?.text : ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
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

function situationAt(sf: ts.SourceFile, path: readonly ts.Node[], offset: number): Situation | undefined {
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

/** The status position at `offset`, with what the surrounding code suggests; undefined elsewhere. */
export function completionContext(sf: ts.SourceFile, offset: number): CompletionContext | undefined {
  if (offset < 0 || offset > sf.text.length) return undefined;
  const path = pathTo(sf, offset);
  const found = findSlot(sf, offset, path);
  if (!found) return undefined;
  const ctx: CompletionContext = { slot: found.slot, framework: found.framework, replace: found.replace };
  const situation = found.slot === 'redirect' ? undefined : found.slot === 'decorator' ? decoratedRoute(path[found.at - 2]) : situationAt(sf, path, offset);
  if (situation) ctx.situation = situation;
  return ctx;
}

// ---------------------------------------------------------------------------------------------
// Ranking

const BY_SLOT: Record<SlotKind, readonly number[]> = {
  status: [200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 503],
  'send-status': [200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 503],
  'status-assign': [200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 503],
  'response-init': [200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 503],
  'write-head': [200, 201, 204, 301, 302, 304, 400, 404, 500],
  redirect: [302, 301, 303, 307, 308],
  decorator: [200, 201, 202, 204],
  exception: [400, 401, 403, 404, 409, 422, 429, 500, 502, 503],
};

const BY_SITUATION: Record<Situation, readonly number[]> = {
  catch: [500, 503, 502, 504],
  'not-found': [404, 410],
  validation: [400, 422],
  auth: [401, 403],
  permission: [403, 404],
  'rate-limit': [429, 503],
  conflict: [409, 412],
  create: [201, 200, 202],
  delete: [204, 200, 202],
};

const SUCCESS_SITUATIONS = new Set<Situation>(['create', 'delete']);

/** Codes that make sense in the slot at all: a redirect is 3xx, an exception 4xx/5xx. */
function fitsSlot(slot: SlotKind, code: number): boolean {
  if (slot === 'redirect') return code >= 300 && code < 400;
  if (slot === 'exception') return code >= 400;
  return true;
}

/**
 * Every known code that fits the slot, best first: what the situation suggests, the slot's common
 * codes, other current registered codes, then 1xx and codes the registry retired, then
 * unregistered ones. `validationStatus` (the setting) leads for validation failures.
 */
export function rankedCodes(ctx: Pick<CompletionContext, 'slot' | 'situation'>, validationStatus: number = 400): number[] {
  const first: number[] = [];
  const s = ctx.situation;
  // A redirect's code says how to redirect; an exception is an error; @HttpCode only follows a DELETE.
  const applies =
    s !== undefined && ctx.slot !== 'redirect' && (ctx.slot === 'exception' ? !SUCCESS_SITUATIONS.has(s) : ctx.slot === 'decorator' ? s === 'delete' : true);
  if (applies) {
    if (s === 'validation') first.push(validationStatus);
    first.push(...BY_SITUATION[s]);
  }
  first.push(...BY_SLOT[ctx.slot]);
  const tier = (code: number): number => {
    const e = getStatus(code);
    if (!e || !e.registered) return 3;
    if (e.status !== 'current' || code < 200) return 2;
    return 1;
  };
  const rest = allStatuses()
    .map((e) => e.code)
    .filter((c) => !first.includes(c) && fitsSlot(ctx.slot, c))
    .sort((a, b) => tier(a) - tier(b) || a - b);
  return [...new Set(first)].filter((c) => fitsSlot(ctx.slot, c)).concat(rest);
}
