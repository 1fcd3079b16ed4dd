// What one test in a condition says (an atom: a comparison, a call, a value tested for truthiness),
// read from identifiers, call names and where local values came from; undefined when unsure.
import * as ts from 'typescript';
import { unwrapAwaited } from './syntax';
import {
  authHolder,
  calleeName,
  callNameOf,
  chainCalls,
  cookieName,
  deeper,
  type Env,
  isCredentialCheck,
  isErrorValue,
  isInputParam,
  isLiteral,
  isNullish,
  isPermissionName,
  isRequestInput,
  isRequestRoot,
  isTheRequest,
  isUpstreamData,
  lastName,
  literalValue,
  lookupKind,
  MAX_DEPTH,
  memberNames,
  optionalOnPrincipal,
  requestHeaderName,
  rootName,
  sourceCall,
  stripTransforms,
  textOf,
  varInit,
} from './guardReaders';
import {
  AUTH_COOKIE,
  AUTH_HEADER,
  AUTH_NAME,
  AUTH_SESSION_CALL,
  CSRF,
  ERROR_FLAG_PROP,
  ERROR_PROP,
  EXISTS_CALL,
  EXISTS_NAME,
  LIMITER_RECEIVER,
  PASSWORD_CALL,
  RATE_FLAG,
  REQUEST_INPUT,
  TOKEN_VERIFY_CALL,
  VALIDATION_CALL,
  VALIDATOR_PREDICATE,
  WRITE_CALL,
} from './guardVocabulary';
import {
  CAPABILITY_TOKEN,
  computedHere,
  counterSide,
  isCurrentUserIdentity,
  isDateValue,
  PERMISSION_SET,
  truthyOfLookup,
  type TestReading,
} from './guardValues';

/** What a call's result means when truthy. */
function classifyCall(call: ts.CallExpression, env: Env, positive: boolean): TestReading | undefined {
  const name = calleeName(call) ?? '';
  const callee = unwrapAwaited(call.expression);
  const receiver = ts.isPropertyAccessExpression(callee) ? unwrapAwaited(callee.expression) : undefined;
  const receiverName = receiver ? (lastName(receiver) ?? '') : '';
  const args = call.arguments;

  // express-validator: `!errors.isEmpty()` is the failure
  if (name === 'isEmpty' && receiver) {
    const r = rootName(receiver);
    const from = callNameOf(varInit(r, env));
    if (/validationResult/.test(from ?? '') || /^(errors|result|validation\w*)$/.test(r ?? '')) return { kind: 'validation', positive: !positive };
    return undefined;
  }
  // Error-type predicates: axios.isAxiosError(err), isHttpError(err), err instanceof-like helpers
  if (/^is[A-Z]\w*(Error|Exception)$/.test(name) && args.some((a) => isErrorValue(rootName(a), env)))
    return { kind: 'error-type', positive, errorName: name.slice(2) };
  // Credentials: the request's auth header or cookie, a token verification, a password check
  const header = requestHeaderName(call, env);
  if (header !== undefined) {
    if (CSRF.test(header)) return undefined;
    return { kind: AUTH_HEADER.test(header) ? 'auth-missing' : 'missing-field', positive: !positive };
  }
  const cookie = cookieName(call, env);
  if (cookie !== undefined) return AUTH_COOKIE.test(cookie) ? { kind: 'auth-missing', positive: !positive } : undefined;
  // c.req.query('q'), c.req.param('id'), url.searchParams.get('page')
  if (isRequestInput(call, env)) return { kind: 'missing-field', positive: !positive };
  const holder = authHolder(call, env);
  if (holder?.isIdentity && !holder.optional) return { kind: 'auth-missing', positive: !positive };
  if (/^(isAuthenticated|isLoggedIn|isSignedIn|isLoggedOn)$/.test(name)) return { kind: 'auth-missing', positive: !positive };
  if (TOKEN_VERIFY_CALL.test(name) && !CSRF.test(textOf(call, env))) return { kind: 'auth-missing', positive: !positive };
  if (PASSWORD_CALL.test(name) && isCredentialCheck(call, receiver, env)) return { kind: 'auth-missing', positive: !positive };
  // Permissions: can('edit'), hasRole('admin'), user.roles.includes('admin'), isOwner(...)
  if (
    /^(has|check|require)(Role|Roles|Permission|Permissions|Scope|Scopes|Access|Ability)$|^(can|cannot|canAccess|canEdit|canView|canDelete|canManage|isAllowed|isAuthori[sz]ed|isPermitted|isOwner|isAdmin|isMember|isAuthor|authorize|authori[sz]e)$|^can[A-Z]/.test(
      name,
    )
  ) {
    // isAuthorized(request): given only the request, it checks what the request carries (a secret header), not a role
    if (args.length > 0 && args.every((a) => isTheRequest(a, env))) return undefined;
    return optionalOnPrincipal(call, env) ? undefined : { kind: 'permission', positive: name === 'cannot' ? positive : !positive };
  }
  if ((name === 'includes' || name === 'some' || name === 'every' || name === 'has') && receiver) {
    if (isPermissionName(receiverName)) return optionalOnPrincipal(call, env) ? undefined : { kind: 'permission', positive: !positive };
  }
  // Rate limiting: isRateLimited(ip), limiter.check(key)
  if (RATE_FLAG.test(name) || /^(isRateLimited|rateLimited|isThrottled|overQuota)$/.test(name)) return { kind: 'rate-limit', positive };
  // Validation: schema.validate(x) → error; isValid(x) → true; validator.isEmail(x)
  if (VALIDATOR_PREDICATE.test(name) || name === 'isNaN' || name === 'isInteger' || name === 'isSafeInteger' || name === 'isFinite' || name === 'isArray') {
    const arg = args[0];
    if (name === 'isNaN') return arg && isRequestInput(arg, env) ? { kind: 'missing-field', positive } : undefined;
    if (/^(isInteger|isSafeInteger|isFinite|isArray)$/.test(name))
      return arg && isRequestInput(arg, env) ? { kind: 'missing-field', positive: !positive } : undefined;
    return { kind: 'validation', positive: !positive };
  }
  if (VALIDATION_CALL.test(name) && !PASSWORD_CALL.test(name)) {
    // schema.validate(x) returns { error } (Joi) or throws (Yup): truthy means "ran", not "valid"; only predicates count
    // ...but ajv's validate(data) / ajv.validate(schema, data) answer true or false
    const predicate = name === 'validate' && (!receiver || /^ajv$/i.test(receiverName));
    if (!predicate && /^(validate|validateSync|validateAsync|safeParse|safeParseAsync|validationResult|checkSchema)$/.test(name)) return undefined;
    if (args.some((a) => isUpstreamData(a, env))) return undefined;
    return { kind: 'validation', positive: !positive };
  }
  // String tests on a value: header.startsWith('Bearer '), email.includes('@'), RE.test(input)
  if (/^(startsWith|endsWith|includes|match|test)$/.test(name) && receiver) {
    const subject = name === 'test' ? args[0] : receiver;
    if (!subject) return undefined;
    const inner = classifyTruthy(subject, env, true);
    if (inner?.kind === 'auth-missing') return { kind: 'auth-missing', positive: !positive };
    if (isRequestInput(subject, env)) return { kind: 'missing-field', positive: !positive };
    return undefined;
  }
  // The signed-in user or session: auth(), getServerSession(authOptions), getAuth(req), getCurrentUser()
  if (
    AUTH_SESSION_CALL.test(name) &&
    args.every((a) => (isRequestRoot(rootName(a), env) && memberNames(a).length === 0) || /options|cookies|headers/i.test(textOf(a, env)))
  ) {
    return { kind: 'auth-missing', positive: !positive };
  }
  // A lookup used directly: `if (await User.findOne({ email }))`, `if (!(await repo.findById(id)))`
  const lookup = lookupKind(call, env);
  if (lookup) return truthyOfLookup(lookup, positive);
  return undefined;
}

/**
 * What `x` being truthy means (`positive` = true), or falsy (`positive` = false): for `!user`,
 * classifyTruthy(user, env, false) → lookup-miss present.
 */
function classifyTruthy(expr: ts.Expression, env: Env, positive: boolean): TestReading | undefined {
  const e = unwrapAwaited(expr);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return classifyTruthy(e.operand, env, !positive);
  if (ts.isCallExpression(e)) {
    const c = classifyCall(e, env, positive);
    if (c) return c;
    const stripped = stripTransforms(e);
    return stripped !== e ? classifyTruthy(stripped, env, positive) : undefined;
  }
  if (ts.isBinaryExpression(e) || ts.isTypeOfExpression(e)) return classifyAtom(e, env, positive);
  if (!(ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e))) return undefined;

  const name = lastName(e) ?? '';
  const root = rootName(e);
  const members = memberNames(e);

  // x.length / x.size: the collection's emptiness
  if ((name === 'length' || name === 'size') && (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e))) {
    const target = unwrapAwaited(e.expression);
    const inner = classifyTruthy(target, env, positive);
    if (inner && inner.kind !== 'auth-missing' && inner.kind !== 'permission') return inner;
    return isRequestInput(target, env) ? { kind: 'missing-field', positive: !positive } : undefined;
  }
  // The caught error's own fields: error.validation (Fastify), err.isJoi, err.response (axios)
  if (isErrorValue(root, env) && members.length >= 1) {
    if (ERROR_FLAG_PROP.test(members[0]) || ERROR_PROP.test(members[0])) return { kind: 'error-type', positive, errorName: members[0] };
    return undefined;
  }
  if (ts.isIdentifier(e) && isErrorValue(root, env)) return undefined; // `if (err)`: any error, not a type test

  // Validation results: parsed.success, result.error, { error } = schema.validate(x), { success } = safeParse(x)
  const decl = root ? env.lookup(root) : undefined;
  const fromCall = decl?.kind === 'var' ? (callNameOf(decl.init) ?? '') : '';
  const fromValidation =
    /safeParse|validat|^check|parse$/i.test(fromCall) &&
    !TOKEN_VERIFY_CALL.test(fromCall) &&
    !(sourceCall(decl?.init)?.arguments.some((a) => isUpstreamData(a, env)) ?? false);
  if (fromValidation && members.length <= 1) {
    if (name === 'success' || name === 'valid' || name === 'isValid' || name === 'ok') return { kind: 'validation', positive: !positive };
    if (name === 'error' || name === 'errors' || name === 'issues' || name === 'details') return { kind: 'validation', positive };
  }
  if (members.length === 0 && /^(validationErrors|validationError|invalid)$/.test(name)) return { kind: 'validation', positive };
  if (members.length === 0 && /^(isValid|valid)$/.test(name) && !decl?.init) return { kind: 'validation', positive: !positive };

  // Credentials on the request: headers.authorization, cookies.token, req.user, ctx.state.user, req.session.userId
  const header = requestHeaderName(e, env);
  if (header !== undefined) {
    if (CSRF.test(header)) return undefined;
    return { kind: AUTH_HEADER.test(header) ? 'auth-missing' : 'missing-field', positive: !positive };
  }
  const cookie = cookieName(e, env);
  if (cookie !== undefined) return AUTH_COOKIE.test(cookie) && !CSRF.test(cookie) ? { kind: 'auth-missing', positive: !positive } : undefined;
  const holder = authHolder(e, env);
  if (holder) {
    if (holder.isIdentity) return { kind: 'auth-missing', positive: !positive };
    // req.user.isAdmin: a permission, unless `req.user?.isAdmin` also covers "no user"
    if (isPermissionName(name)) return optionalOnPrincipal(e, env) || PERMISSION_SET.test(name) ? undefined : { kind: 'permission', positive: !positive };
    return undefined;
  }
  if (isRequestRoot(root, env)) {
    if (members.some((m) => REQUEST_INPUT.has(m))) return { kind: 'missing-field', positive: !positive };
    return undefined;
  }
  // Fields of a parsed body or a DTO: body.name (body = await request.json()), dto.items, form.email
  if (!ts.isIdentifier(e) && isRequestInput(e, env)) return { kind: 'missing-field', positive: !positive };
  // Permission flags on any object: user.isAdmin, membership.canEdit, post.isOwner
  if (!ts.isIdentifier(e) && isPermissionName(name))
    return optionalOnPrincipal(e, env) || PERMISSION_SET.test(name) ? undefined : { kind: 'permission', positive: !positive };

  if (ts.isIdentifier(e) || members.length <= 1) {
    if (ts.isIdentifier(e)) {
      if (RATE_FLAG.test(name)) return { kind: 'rate-limit', positive };
      if (isInputParam(name, decl)) return { kind: 'missing-field', positive: !positive };
    }
    // A local: what it was initialised from decides first, its name second.
    if (decl?.kind === 'var' && decl.init && env.depth < MAX_DEPTH) {
      const init = unwrapAwaited(decl.init);
      const fromInit = classifyInit(name, members, init, env, positive, computedHere(decl.init));
      if (fromInit !== 'unknown') return fromInit;
    }
    if (ts.isIdentifier(e)) {
      if (CSRF.test(name)) return undefined;
      // an upload, invite or signed-URL token grants access to one thing: not the caller's credentials
      if (AUTH_NAME.test(name))
        return CAPABILITY_TOKEN.test(decl?.kind === 'var' && decl.init ? textOf(decl.init, env) : '')
          ? undefined
          : { kind: 'auth-missing', positive: !positive };
      if (EXISTS_NAME.test(name)) return { kind: 'exists', positive };
      // `!scopes`: no permission set at all means nobody was authenticated, not a refused role
      if (isPermissionName(name)) return PERMISSION_SET.test(name) ? undefined : { kind: 'permission', positive: !positive };
    }
  }
  return undefined;
}

/** A local's truthiness, judged from its initialiser; 'unknown' lets the name decide. */
function classifyInit(
  name: string,
  members: string[],
  init: ts.Expression,
  env: Env,
  positive: boolean,
  computed: boolean,
): TestReading | undefined | 'unknown' {
  const sub = deeper(env);
  const call = ts.isCallExpression(stripTransforms(init)) ? (stripTransforms(init) as ts.CallExpression) : sourceCall(init);
  // Destructured or member results of a rate limiter: const { success } = await ratelimit.limit(ip); bucket.take(ip).ok
  if (call) {
    const cname = calleeName(call) ?? '';
    const callee = unwrapAwaited(call.expression);
    const recv = ts.isPropertyAccessExpression(callee) ? textOf(callee.expression, env) : '';
    if ((LIMITER_RECEIVER.test(recv) || /^(rateLimit|checkRateLimit|limit|consume|take|throttle)$/.test(cname)) && !isRequestInput(call, env)) {
      const field = members[0] ?? name;
      if (/^(success|ok|allowed|permitted|passed)$/.test(field)) return { kind: 'rate-limit', positive: !positive };
      if (RATE_FLAG.test(field) || /^(limited|blocked|exceeded)$/.test(field)) return { kind: 'rate-limit', positive };
    }
  }
  if (members.length > 0) return 'unknown';
  if (isRequestInput(init, sub)) {
    // const token = req.body.token is still request input; const header = req.headers.authorization is not
    return { kind: 'missing-field', positive: !positive };
  }
  // const existing = await User.findOne({ email }): the name says what the branch is about, both ways
  if (EXISTS_NAME.test(name) && call && !computed && lookupKind(chainCalls(init)[0] ?? call, env)) return { kind: 'exists', positive };
  // const adminRole = await getAdminRole(session.user.id): the signed-in user's role, looked up
  if (call && isPermissionName(name) && !PERMISSION_SET.test(name) && chainCalls(init).some((c) => c.arguments.some((a) => isCurrentUserIdentity(a, sub))))
    return { kind: 'permission', positive: !positive };
  const viaInit = classifyTruthy(stripTransforms(init), sub, positive);
  if (viaInit && viaInit.kind !== 'error-type' && !(computed && (viaInit.kind === 'exists' || viaInit.kind === 'lookup-miss'))) return viaInit;
  // const token = req.headers['x-csrf-token']: a header or cookie read decides; the name `token` must not
  const read = stripTransforms(init);
  if (requestHeaderName(read, sub) !== undefined || cookieName(read, sub) !== undefined) return undefined;
  if (call) {
    const cname = calleeName(call) ?? '';
    if (TOKEN_VERIFY_CALL.test(cname) || AUTH_SESSION_CALL.test(cname)) return { kind: 'auth-missing', positive: !positive };
    if (/^(count\w*)$/.test(cname)) return 'unknown';
    const outer = chainCalls(init)[0];
    const lk = outer && !computed ? lookupKind(outer, env) : undefined;
    if (lk) return truthyOfLookup(lk, positive);
  }
  return computed && EXISTS_NAME.test(name) ? undefined : 'unknown';
}

export function classifyAtom(expr: ts.Expression, env: Env, positive: boolean): TestReading | undefined {
  const e = unwrapAwaited(expr);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return classifyAtom(e.operand, env, !positive);
  if (ts.isTypeOfExpression(e)) return isRequestInput(e.expression, env) ? { kind: 'missing-field', positive } : undefined;
  if (!ts.isBinaryExpression(e)) return classifyTruthy(e, env, positive);
  const op = e.operatorToken.kind;

  if (op === ts.SyntaxKind.InstanceOfKeyword) {
    const errorName = lastName(e.right);
    if (isErrorValue(rootName(e.left), env) || /(Error|Exception|Rejection|Fault)$/.test(errorName ?? '')) return { kind: 'error-type', positive, errorName };
    return undefined;
  }
  if (op === ts.SyntaxKind.InKeyword) {
    return isErrorValue(rootName(e.right), env) ? { kind: 'error-type', positive } : undefined; // 'body' in err
  }
  const isEq = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
  const isNeq = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
  if (isEq || isNeq) {
    const leftIsLit = isLiteral(e.left) || isNullish(e.left);
    const [subject, other] = leftIsLit ? [e.right, e.left] : [e.left, e.right];
    const same = isEq ? positive : !positive; // polarity of "subject equals other"
    const subjectU = unwrapAwaited(subject);
    // typeof x !== 'string'
    if (ts.isTypeOfExpression(subjectU)) {
      if (!isRequestInput(subjectU.expression, env)) return undefined;
      return { kind: 'missing-field', positive: literalValue(other) === 'undefined' ? same : !same };
    }
    // err.name === 'ValidationError', err.code === 11000, err.type === 'entity.parse.failed', err.response.status === 404
    const root = rootName(subject);
    if (isErrorValue(root, env) && !ts.isIdentifier(subjectU)) {
      const prop = lastName(subject) ?? '';
      if (ERROR_PROP.test(prop)) {
        const o = unwrapAwaited(other);
        return { kind: 'error-type', positive: same, errorName: literalValue(o) ?? lastName(o) };
      }
      return undefined;
    }
    if (isNullish(other)) return classifyTruthy(subject, env, !same);
    // rows.length === 0, result.rowCount === 0, count !== 0
    if (literalValue(other) === '0' && ts.isNumericLiteral(unwrapAwaited(other))) {
      const n = lastName(subject) ?? '';
      if (/^(rowCount|affectedRows|matchedCount|modifiedCount|deletedCount|changes|numUpdated|numDeleted|affected)$/.test(n))
        return { kind: 'lookup-miss', positive: same };
      const inner = classifyTruthy(subject, env, !same);
      if (inner) return inner;
      // const [count] = await Address.update(...): nothing matched
      if (ts.isIdentifier(subjectU)) {
        const call = sourceCall(varInit(subjectU.text, env));
        if (call && WRITE_CALL.test(calleeName(call) ?? '')) return { kind: 'lookup-miss', positive: same };
        if (call && EXISTS_CALL.test(calleeName(call) ?? '')) return { kind: 'exists', positive: !same };
      }
      const side = counterSide(subject, env);
      if (side.budget && side.rate) return { kind: 'rate-limit', positive: same };
      return undefined;
    }
    if (ts.isStringLiteralLike(unwrapAwaited(other)) && (unwrapAwaited(other) as ts.StringLiteralLike).text === '' && isRequestInput(subject, env))
      return { kind: 'missing-field', positive: same }; // x === ''
    // `session?.user.role !== 'admin'` is also true with no session at all: two problems, no single status
    if (optionalOnPrincipal(e.left, env) || optionalOnPrincipal(e.right, env)) return undefined;
    // Ownership: post.authorId !== req.user.id, request.params.userId !== request.user.sub
    if (!isLiteral(other) && (isCurrentUserIdentity(e.left, env) || isCurrentUserIdentity(e.right, env))) return { kind: 'permission', positive: !same };
    // Roles: req.user.role !== 'admin', membership.role === 'viewer'
    const names = [lastName(e.left), lastName(e.right)].filter((n): n is string => !!n);
    if (names.some(isPermissionName)) return { kind: 'permission', positive: !same };
    // The request's input against an expected value: req.body.confirm !== 'yes' (but not req.method / req.path)
    if (isNeq && isRequestInput(subject, env)) return { kind: 'missing-field', positive };
    return undefined;
  }
  const isGreater = op === ts.SyntaxKind.GreaterThanToken || op === ts.SyntaxKind.GreaterThanEqualsToken;
  const isLess = op === ts.SyntaxKind.LessThanToken || op === ts.SyntaxKind.LessThanEqualsToken;
  if (isGreater || isLess) {
    // Range checks on input first: req.query.limit > 100 is validation, not rate limiting
    if (isRequestInput(e.left, env) || isRequestInput(e.right, env)) return { kind: 'missing-field', positive };
    // errors.length > 0, rows.length < 1, count > 0 (exists)
    const rightLit = literalValue(e.right);
    const leftSide = counterSide(e.left, env);
    if (
      !(leftSide.budget || leftSide.rate) &&
      ((rightLit === '0' && isGreater) ||
        (rightLit === '1' && op === ts.SyntaxKind.GreaterThanEqualsToken) ||
        (rightLit === '1' && op === ts.SyntaxKind.LessThanToken) ||
        (rightLit === '0' && op === ts.SyntaxKind.LessThanEqualsToken))
    ) {
      const truthyWhenTrue = isGreater;
      const inner = classifyTruthy(e.left, env, truthyWhenTrue ? positive : !positive);
      if (inner && inner.kind !== 'auth-missing') return inner;
      const left = unwrapAwaited(e.left);
      if (ts.isIdentifier(left)) {
        const call = sourceCall(varInit(left.text, env));
        if (call && EXISTS_CALL.test(calleeName(call) ?? '')) return { kind: 'exists', positive: truthyWhenTrue ? positive : !positive };
      }
    }
    // today > tokenExpiry, Date.now() >= expiresAt: a deadline, not a count
    if (isDateValue(e.left, env) || isDateValue(e.right, env)) return undefined;
    const left = counterSide(e.left, env);
    const right = counterSide(e.right, env);
    // usageCount > 0: in use at all, not over a limit (remaining <= 0, a budget used up, is one)
    const zeroBound = (x: ts.Expression, strict: boolean) => literalValue(x) === (strict ? '0' : '1') && ts.isNumericLiteral(unwrapAwaited(x));
    const overZero =
      (op === ts.SyntaxKind.GreaterThanToken && zeroBound(e.right, true)) ||
      (op === ts.SyntaxKind.GreaterThanEqualsToken && zeroBound(e.right, false)) ||
      (op === ts.SyntaxKind.LessThanToken && zeroBound(e.left, true)) ||
      (op === ts.SyntaxKind.LessThanEqualsToken && zeroBound(e.left, false));
    if (overZero && !(op === ts.SyntaxKind.GreaterThanToken || op === ts.SyntaxKind.GreaterThanEqualsToken ? left : right).budget) return undefined;
    // Which side is the counter? The one that is not the limit (a number, a MAX constant, a *Limit/*Quota).
    const leftIsLimit = left.limit && !right.limit;
    const counter = leftIsLimit ? right : left;
    const bound = leftIsLimit ? left : right;
    const counterGreater = leftIsLimit ? isLess : isGreater; // "counter > bound"
    if (counter.budget && (counter.rate || bound.limit)) return { kind: 'rate-limit', positive: counterGreater ? !positive : positive };
    if ((counter.rate || (bound.rate && bound.limit)) && !counter.budget) return { kind: 'rate-limit', positive: counterGreater ? positive : !positive };
    return undefined;
  }
  // Any other operator (??, +, =...): classifyTruthy would send this binary expression straight back here.
  return undefined;
}
