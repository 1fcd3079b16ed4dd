// Readers for the guard classifier (guards.ts): what an expression refers to. Request input, headers,
// cookies, the signed-in principal, data-store lookups, and the syntax helpers they share.
import * as ts from 'typescript';
import { unwrapAwaited } from './syntax';
import {
  AUTH_HOLDER,
  AUTH_SESSION_CALL,
  BY_ID,
  CONVERT,
  CSRF,
  ERROR_PARAM,
  EXISTS_CALL,
  ID_MEMBER,
  INPUT_PARAM,
  LOOKUP_CALL,
  NOT_A_STORE,
  QUERY_BUILDER,
  REQUEST_ACCESSOR,
  REQUEST_INPUT,
  REQUEST_ROOTS,
  TOKEN_VERIFY_CALL,
  words,
  WRITE_CALL,
} from './guardVocabulary';

export interface DeclInfo {
  kind: 'param' | 'var' | 'caught-error';
  init?: ts.Expression;
  /** A callback's parameter that re-declares the handler's request name (`queue.process((req) => ...)`): not the request. */
  shadowsRequest?: true;
  /** A parameter of a function that is no handler and sits in none: its `params` or `args` is its own options object. */
  outsideHandler?: true;
}

export type DeclLookup = (name: string) => DeclInfo | undefined;

export interface Env {
  lookup: DeclLookup;
  /** Parent pointers are off (parse.ts), so node text needs the source file. */
  sf: ts.SourceFile;
  requestName?: string;
  /** Guards against cycles through variable initialisers (`let a = b; let b = a`). */
  depth: number;
}

export const MAX_DEPTH = 4;

export { calleeName, callNameOf, isLiteral, isNullish, lastName, literalValue, memberNames, rootName, sourceCall, stripTransforms } from './expressionReaders';
import { calleeName, isLiteral, isNullish, memberNames, rootName, stripTransforms } from './expressionReaders';

export function textOf(node: ts.Node, env: Env): string {
  return node.getText(env.sf);
}

export function isRequestRoot(name: string | undefined, env: Env): boolean {
  return !!name && (name === env.requestName || REQUEST_ROOTS.has(name)) && !env.lookup(name)?.shadowsRequest;
}

export function isErrorValue(name: string | undefined, env: Env): boolean {
  if (!name) return false;
  const d = env.lookup(name);
  if (d?.kind === 'caught-error') return true;
  // (err, req, res, next), setErrorHandler((error, request, reply) => ...), app.onError((err, c) => ...)
  return d?.kind === 'param' && ERROR_PARAM.test(name);
}

export function varInit(name: string | undefined, env: Env): ts.Expression | undefined {
  if (!name || env.depth >= MAX_DEPTH) return undefined;
  const d = env.lookup(name);
  return d?.kind === 'var' ? d.init : undefined;
}

export const deeper = (env: Env): Env => ({ ...env, depth: env.depth + 1 });

/** A parameter named for request input (`body`, `dto`; `params` and `args` only in a handler). */
export function isInputParam(name: string, d: DeclInfo | undefined): boolean {
  return d?.kind === 'param' && INPUT_PARAM.test(name) && !(d.outsideHandler && /^(params|args)$/.test(name));
}

/** Request data the client sent: req.body.x, ctx.request.body, c.req.param('id'), await request.json(), a `dto` parameter. */
export function isRequestInput(e: ts.Expression, env: Env): boolean {
  let x = stripTransforms(e);
  // Number(req.params.id), parseInt(req.query.page, 10)
  if (ts.isCallExpression(x) && ts.isIdentifier(unwrapAwaited(x.expression)) && CONVERT.test(calleeName(x) ?? '') && x.arguments[0])
    return isRequestInput(x.arguments[0], env);
  if (
    ts.isCallExpression(x) &&
    /^(parse)$/.test(calleeName(x) ?? '') &&
    /^(qs|querystring|JSON)$/.test(rootName(x.expression) ?? '') &&
    env.depth < MAX_DEPTH
  ) {
    return (
      !!x.arguments[0] &&
      (rootName(x.expression) === 'JSON'
        ? isRequestInput(x.arguments[0], deeper(env)) || /^(body|raw|rawBody|data|payload)$/.test(rootName(x.arguments[0]) ?? '')
        : true)
    );
  }
  if (ts.isNewExpression(x) && ts.isIdentifier(x.expression) && x.expression.text === 'URLSearchParams') return true;
  x = unwrapAwaited(x);
  const root = rootName(x);
  const members = memberNames(x);
  if (isRequestRoot(root, env)) {
    if (members.some((m) => REQUEST_INPUT.has(m))) return true;
    return false;
  }
  if (!root) return false;
  const d = env.lookup(root);
  if (isInputParam(root, d)) return true;
  if (d?.kind === 'var' && d.init && env.depth < MAX_DEPTH) {
    if (
      INPUT_PARAM.test(root) &&
      ts.isCallExpression(unwrapAwaited(d.init)) &&
      /^(json|formData|parseBody|text|valid)$/.test(calleeName(unwrapAwaited(d.init) as ts.CallExpression) ?? '')
    )
      return true;
    return isRequestInput(d.init, deeper(env));
  }
  return false;
}

/** A request header read: req.get('X'), req.header('X'), req.headers.x, ctx.get('X'), request.headers.get('X'). */
export function requestHeaderName(e: ts.Expression, env: Env): string | undefined {
  const x = unwrapAwaited(e);
  const root = rootName(x);
  const members = memberNames(x);
  if (ts.isCallExpression(x)) {
    const name = calleeName(x) ?? '';
    const arg = x.arguments[0] && unwrapAwaited(x.arguments[0]);
    const argText = arg && ts.isStringLiteralLike(arg) ? arg.text : undefined;
    if (!argText) return undefined;
    // Hono's c.get('user') reads a context variable, not a header.
    if (name === 'get' && root === 'c' && members.length === 1) return undefined;
    // ctx.get('X'), c.req.header('X'), req.headers.get('X'); not ctx.app.container.get('X'), a service registry
    const onRequest = isRequestRoot(root, env) && members.slice(0, -1).every((m) => m === 'request' || m === 'req' || m === 'raw' || m === 'headers');
    if ((name === 'get' || name === 'header' || name === 'getHeader') && (onRequest || members.includes('headers'))) return argText.toLowerCase();
    return undefined;
  }
  const i = members.indexOf('headers');
  if (i >= 0 && i === members.length - 2 && (isRequestRoot(root, env) || root === 'headers')) return members[i + 1].toLowerCase();
  return undefined;
}

/** A cookie read: req.cookies.token, request.cookies.get('token'), getCookie(c, 'session'). */
export function cookieName(e: ts.Expression, env: Env): string | undefined {
  const x = unwrapAwaited(e);
  if (ts.isCallExpression(x)) {
    const name = calleeName(x) ?? '';
    const args = x.arguments.map(unwrapAwaited);
    if (/^(getCookie|getSignedCookie)$/.test(name)) {
      const a = args.find((a) => ts.isStringLiteralLike(a));
      return a && ts.isStringLiteralLike(a) ? a.text : undefined;
    }
    if (name === 'get' && memberNames(x).includes('cookies') && args[0] && ts.isStringLiteralLike(args[0])) return args[0].text;
    return undefined;
  }
  const members = memberNames(x);
  const i = members.findIndex((m) => m === 'cookies' || m === 'signedCookies');
  if (i >= 0 && i === members.length - 2 && isRequestRoot(rootName(x), env)) return members[i + 1];
  return undefined;
}

/** The authenticated principal or its id: req.user, req.user.id, ctx.state.user.sub, session.user.id, c.get('user'). */
export function authHolder(e: ts.Expression, env: Env): { isIdentity: boolean; rest: string[]; optional: boolean } | undefined {
  const x = unwrapAwaited(e);
  const root = rootName(x);
  const members = memberNames(x);
  const optional = hasOptionalChain(x);
  if (isRequestRoot(root, env) || (members[0] === 'locals' && /^(res|response|reply)$/.test(root ?? ''))) {
    let i = 0;
    if (members[0] === 'state' || members[0] === 'locals' || members[0] === 'var' || members[0] === 'raw') i = 1;
    if (members[0] === 'get' && ts.isCallExpression(firstCallIn(x) ?? x)) {
      const call = firstCallIn(x)!;
      const a = call.arguments[0] && unwrapAwaited(call.arguments[0]);
      if (root === 'c' && a && ts.isStringLiteralLike(a) && AUTH_HOLDER.test(a.text))
        return { isIdentity: members.length === 1 || (members.length === 2 && ID_MEMBER.test(members[1])), rest: members.slice(1), optional };
      return undefined;
    }
    if (members[i] === 'session') {
      const rest = members.slice(i + 1);
      if (rest.length === 0) return { isIdentity: true, rest, optional };
      if (/^(userId|user|uid|accountId|authenticated|loggedIn|isLoggedIn|passport|token)$/.test(rest[0])) {
        const more = rest[0] === 'passport' ? rest.slice(1) : rest.slice(1);
        return { isIdentity: more.length === 0 || (more.length === 1 && ID_MEMBER.test(more[0])) || rest[0] === 'passport', rest: more, optional };
      }
      return undefined;
    }
    if (members[i] && AUTH_HOLDER.test(members[i])) {
      const rest = members.slice(i + 1);
      return { isIdentity: rest.length === 0 || (rest.length === 1 && ID_MEMBER.test(rest[0])), rest, optional };
    }
    return undefined;
  }
  if (!root) return undefined;
  // A local holding the principal: const user = c.get('user'); const session = await auth(); const { sub } = req.user
  const holder = ts.isIdentifier(x) ? undefined : principalVar(root, env);
  if (holder) {
    const rest = members[0] === 'user' && holder === 'session' ? members.slice(1) : members;
    return { isIdentity: rest.length === 0 || (rest.length === 1 && ID_MEMBER.test(rest[0])), rest, optional };
  }
  return undefined;
}

export function firstCallIn(e: ts.Expression): ts.CallExpression | undefined {
  let x = unwrapAwaited(e);
  let found: ts.CallExpression | undefined;
  while (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x) || ts.isCallExpression(x)) {
    if (ts.isCallExpression(x)) found = x;
    x = unwrapAwaited(x.expression);
  }
  return found;
}

/** `req.user?.role`, `session?.user`, `user?.roles` (user = req.user): the chain also covers "nobody signed in". */
export function optionalOnPrincipal(e: ts.Expression, env: Env): boolean {
  let x = unwrapAwaited(e);
  while (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x) || ts.isCallExpression(x)) {
    if (x.questionDotToken) {
      const inner = unwrapAwaited(x.expression);
      const h = authHolder(inner, env);
      if ((h && h.isIdentity && h.rest.length === 0) || (ts.isIdentifier(inner) && principalVar(inner.text, env))) return true;
    }
    x = unwrapAwaited(x.expression);
  }
  return false;
}

export function hasOptionalChain(e: ts.Expression): boolean {
  let x = unwrapAwaited(e);
  while (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x) || ts.isCallExpression(x)) {
    if (x.questionDotToken) return true;
    x = unwrapAwaited(x.expression);
  }
  return false;
}

/** 'principal' when a local holds the authenticated user, 'session' for a session object, else undefined. */
export function principalVar(name: string, env: Env): 'principal' | 'session' | undefined {
  const d = env.lookup(name);
  if (!d) return undefined;
  if (d.kind === 'var' && d.init && env.depth < MAX_DEPTH) {
    const init = stripTransforms(d.init);
    const h = authHolder(init, deeper(env));
    if (h && h.rest.length === 0) return /session/i.test(name) ? 'session' : 'principal';
    const call = ts.isCallExpression(init) ? init : undefined;
    const cname = call ? (calleeName(call) ?? '') : '';
    if (call && (AUTH_SESSION_CALL.test(cname) || TOKEN_VERIFY_CALL.test(cname)))
      return /session/i.test(name) || /session/i.test(cname) ? 'session' : 'principal';
  }
  if (/^(session)$/.test(name)) return 'session';
  if (/^(currentUser|principal|viewer|claims|decoded|authUser|me)$/.test(name)) return 'principal';
  return undefined;
}
export function isPermissionName(name: string): boolean {
  if (!name || CSRF.test(name)) return false;
  if (/^(roles?|permissions?|scopes?|privileges?|grants|groups|abilities|capabilities|claims\.roles)$/i.test(name)) return true;
  const w = words(name);
  return (
    w.some((x) =>
      /^(role|roles|permission|permissions|scope|scopes|privilege|privileges|admin|superadmin|superuser|staff|moderator|owner|author|allowed|authorized|authorised|permitted|forbidden|privileged)$/.test(
        x,
      ),
    ) && !/^(authorization|authorizationHeader)$/i.test(name)
  );
}

/** `bcrypt.compare(pw, user.passwordHash)`, `user.checkPassword(pw)`: checks credentials, not the input's shape. */
export function isCredentialCheck(call: ts.CallExpression, receiver: ts.Expression | undefined, env: Env): boolean {
  const name = calleeName(call) ?? '';
  if (/^(compare|compareSync)$/.test(name))
    return /^(bcrypt|bcryptjs|argon2|scrypt)$/.test(rootName(call.expression) ?? '') || call.arguments.some((a) => /hash|password/i.test(textOf(a, env)));
  if (receiver && !isRequestInput(receiver, env) && !/^(validator|schema|zod|z|joi|yup)$/i.test(rootName(receiver) ?? '')) return true;
  return call.arguments.length >= 2 && call.arguments.some((a) => /hash|user\.|account\./i.test(textOf(a, env)));
}

export type LookupKind = 'by-id' | 'by-field' | 'exists' | 'write';

/** A literal, or an object/array literal made only of literals. */
export function isConstant(e: ts.Expression): boolean {
  const x = unwrapAwaited(e);
  if (isLiteral(x) || isNullish(x)) return true;
  if (ts.isArrayLiteralExpression(x)) return x.elements.every(isConstant);
  if (ts.isObjectLiteralExpression(x)) return x.properties.every((p) => ts.isPropertyAssignment(p) && isConstant(p.initializer));
  return false;
}

/** Data from another service (fetch/axios results): failing its schema is the upstream's fault, not the client's. */
export function isUpstreamData(e: ts.Expression, env: Env): boolean {
  const x = unwrapAwaited(e);
  if (/\b(fetch|axios|got|ky|superagent|undici|upstream)\b/.test(textOf(x, env))) return true;
  const root = rootName(x);
  const init = varInit(root, env);
  return !!init && !isRequestInput(x, env) && isUpstreamData(init, deeper(env));
}

/** The calls of a chain, outermost first: `db.select().from(t).where(x)` → [where, from, select]. */
export function chainCalls(e: ts.Expression | undefined): ts.CallExpression[] {
  const out: ts.CallExpression[] = [];
  if (!e) return out;
  let x = unwrapAwaited(e);
  if (ts.isElementAccessExpression(x)) x = unwrapAwaited(x.expression);
  while (ts.isCallExpression(x) || ts.isPropertyAccessExpression(x)) {
    if (ts.isCallExpression(x)) out.push(x);
    x = unwrapAwaited(x.expression);
  }
  return out;
}

/** The values a lookup is keyed by: its arguments, and the values inside object arguments (`{ where: { id } }`). */
function lookupKeys(e: ts.Expression, out: ts.Expression[] = []): ts.Expression[] {
  const x = unwrapAwaited(e);
  if (isConstant(x)) return out;
  if (ts.isObjectLiteralExpression(x)) {
    for (const p of x.properties) {
      if (ts.isPropertyAssignment(p)) lookupKeys(p.initializer, out);
      else if (ts.isShorthandPropertyAssignment(p)) out.push(p.name);
    }
    return out;
  }
  if (ts.isArrayLiteralExpression(x)) {
    x.elements.forEach((el) => lookupKeys(el, out));
    return out;
  }
  out.push(x);
  return out;
}

/** Every key is a field of a local record (user.stripeId, order.productId), none comes from the request. */
function keyedByStoredData(chain: ts.CallExpression[], env: Env): boolean {
  const keys = chain.flatMap((c) => c.arguments.flatMap((a) => lookupKeys(a)));
  return (
    keys.length > 0 &&
    keys.every((k) => {
      const x = stripTransforms(k);
      if (!ts.isPropertyAccessExpression(x) || isRequestInput(x, env) || authHolder(x, env)) return false;
      const d = env.lookup(rootName(x) ?? '');
      return d?.kind === 'var' && !!d.init && !isRequestInput(d.init, env);
    })
  );
}

const ARRAY_SEARCH = /^(find|findLast|filter|some)$/;

/** The request object itself (`req`, `context`, `ctx.request`), not a value read from it. */
export function isTheRequest(e: ts.Expression, env: Env): boolean {
  const x = unwrapAwaited(e);
  return isRequestRoot(rootName(x), env) && memberNames(x).every((m) => m === 'request' || m === 'req' || m === 'raw') && !ts.isCallExpression(x);
}

/** Whether a call chain reads a data store, and how: by id, by a unique field, an exists/count check, or a write. */
export function lookupKind(call: ts.CallExpression, env: Env): LookupKind | undefined {
  const chain = chainCalls(call);
  const names = chain.map((c) => calleeName(c) ?? '');
  const root = rootName(call.expression);
  if (isRequestRoot(root, env) && REQUEST_ACCESSOR.has(memberNames(call)[0] ?? '')) return undefined;
  if (NOT_A_STORE.test(root ?? '')) return undefined;
  // getReqUser(context), getFileFromRequest(ctx.request): read off the request itself, no key to look up
  const args = chain.flatMap((c) => [...c.arguments]);
  if (args.length > 0 && args.every((a) => isTheRequest(a, env))) return undefined;
  // release.assets.find((a) => a.name === 'x') over another service's answer: its miss is the upstream's
  if (
    chain.some(
      (c) =>
        ARRAY_SEARCH.test(calleeName(c) ?? '') &&
        c.arguments.some((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a)) &&
        ts.isPropertyAccessExpression(unwrapAwaited(c.expression)) &&
        isUpstreamData((unwrapAwaited(c.expression) as ts.PropertyAccessExpression).expression, env),
    )
  )
    return undefined;
  if (names.some((n) => EXISTS_CALL.test(n))) return 'exists';
  const reads = names.some((n) => LOOKUP_CALL.test(n) || QUERY_BUILDER.test(n));
  if (!reads) return names.some((n) => WRITE_CALL.test(n)) ? 'write' : undefined;
  // settings.get('key'), flags.get('x'): a keyed read, not a record lookup
  const innermost = chain[chain.length - 1];
  if (
    chain.length === 1 &&
    names[0] === 'get' &&
    innermost.arguments.length === 1 &&
    ts.isStringLiteralLike(unwrapAwaited(innermost.arguments[0])) &&
    !/^(users?|accounts?|db|repo\w*)$/i.test(root ?? '')
  )
    return undefined;
  // Settings.findOne(), Config.findOne({ key: 'pricing' }): the server's own data, not what the client asked for
  if (chain.every((c) => c.arguments.every(isConstant))) return undefined;
  // stripe.customers.retrieve(user.stripeId): keyed by another record's field, so a miss is the server's inconsistency
  if (keyedByStoredData(chain, env)) return undefined;
  if (names.some((n) => BY_ID.test(n))) return 'by-id';
  const argText = chain.flatMap((c) => c.arguments.map((a) => textOf(a, env))).join(' ');
  if (/\b(email|username|userName|login|name|sku|code|handle|slugName|number|key|phone|title)\b\s*[:,})]/.test(argText)) return 'by-field';
  if (/\bparams\b|\bparam\(|\bid\b|\b_id\b|\w+Id\b|\bpk\b|\buuid\b|\bslug\b/.test(argText)) return 'by-id';
  return 'by-field';
}
