// Facts shared by every framework: what a guarding condition tests, and what a response body says.
// Heuristics read identifiers and call names from the AST; when unsure they answer 'other' so
// rules stay silent.
import ts from 'typescript';
import type { BodyFacts, BodyProp, BodyValueKind, Guard, GuardKind } from './types';

export interface DeclInfo {
  kind: 'param' | 'var' | 'caught-error';
  init?: ts.Expression;
}

export type DeclLookup = (name: string) => DeclInfo | undefined;

const LOOKUP_CALL = /^(find|findOne|findById|findByPk|findUnique|findUniqueOrThrow|findFirst|get|getOne|getById|fetch|load|lookup|query|select|retrieve|read|first|maybeSingle|single)/i;
const VALIDATION_CALL = /^(validate|validateSync|safeParse|safeParseAsync|check|isValid|validationResult|validateBody|validateRequest|verifyBody)$/i;
const TOKEN_VERIFY_CALL = /^(verify|verifyToken|decode|verifyIdToken|verifyJwt|jwtVerify|authenticate|validateToken)$/i;
const AUTH_NAME = /^(token|accessToken|idToken|jwt|authHeader|authorization|auth|authToken|bearer|session|sessionId|apiKey|api_key|credentials|currentUser|decoded|claims|isAuthenticated|isLoggedIn|loggedIn|authenticated|principal)$/i;
const AUTH_MEMBER = /^(user|userId|currentUser|session|authorization|auth|token|isAuthenticated|principal|account)$/i;
const PERMISSION_NAME = /(role|roles|admin|permission|permissions|scope|scopes|owner|ownerId|author|authorId|isOwner|allowed|isAllowed|authori[sz]ed|canAccess|privilege|can[A-Z]\w*|^can$|hasAccess|isMember|forbidden)/;
const RATE_NAME = /(rate|quota|limit|attempts|requestCount|requests|throttl|tokensLeft|remaining|usage|calls|hits)/i;
const EXISTS_NAME = /^(existing\w*|already\w*|duplicate\w*|taken|exists|isTaken|emailTaken|conflict\w*|found)$/i;
const ERROR_NAME_PROP = /^(name|code|type|constructor|kind|status|statusCode)$/;

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e) || ts.isAwaitExpression(e)) e = e.expression;
  return e;
}

/** The call a value came from: `await User.findById(id)` → 'findById'; walks through .lean()/.exec() chains. */
export function callNameOf(init: ts.Expression | undefined): string | undefined {
  if (!init) return undefined;
  let e = unwrap(init);
  // `rows[0]` of a query result
  if (ts.isElementAccessExpression(e)) e = unwrap(e.expression);
  let last: string | undefined;
  while (ts.isCallExpression(e)) {
    const callee = e.expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (name && !/^(lean|exec|populate|select|sort|limit|then|catch|orFail|unwrap|toArray|json)$/.test(name)) return name;
    last = name;
    e = ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : callee;
  }
  return last;
}

/** The root identifier of a member chain: req.body.email → 'req'. */
export function rootName(e: ts.Expression): string | undefined {
  let x = unwrap(e);
  while (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x) || ts.isCallExpression(x)) {
    x = unwrap(ts.isCallExpression(x) ? x.expression : x.expression);
  }
  return ts.isIdentifier(x) ? x.text : undefined;
}

/** Member names along a chain: req.session.user.id → ['session','user','id']. */
function memberNames(e: ts.Expression): string[] {
  const names: string[] = [];
  let x = unwrap(e);
  while (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x) || ts.isCallExpression(x)) {
    if (ts.isPropertyAccessExpression(x)) names.unshift(x.name.text);
    else if (ts.isElementAccessExpression(x) && ts.isStringLiteral(x.argumentExpression)) names.unshift(x.argumentExpression.text);
    x = unwrap(x.expression);
  }
  return names;
}

function lastName(e: ts.Expression): string | undefined {
  const x = unwrap(e);
  if (ts.isIdentifier(x)) return x.text;
  if (ts.isPropertyAccessExpression(x)) return x.name.text;
  if (ts.isCallExpression(x)) return lastName(x.expression);
  if (ts.isElementAccessExpression(x) && ts.isStringLiteral(x.argumentExpression)) return x.argumentExpression.text;
  return undefined;
}

const REQUEST_ROOTS = new Set(['req', 'request', 'ctx', 'c', 'event']);
const REQUEST_INPUT = new Set(['body', 'query', 'params', 'param', 'files', 'file', 'valid', 'json', 'formData', 'searchParams']);

function isRequestInput(e: ts.Expression, lookup: DeclLookup, requestName?: string, depth = 0): boolean {
  const root = rootName(e);
  const members = memberNames(e);
  if (root && (root === requestName || REQUEST_ROOTS.has(root)) && members.some((m) => REQUEST_INPUT.has(m))) return true;
  if (root && members.length <= 1 && depth < 3) {
    const d = lookup(root);
    if (d?.kind === 'var' && d.init) return isRequestInput(d.init, lookup, requestName, depth + 1);
  }
  return false;
}

interface Classified {
  kind: GuardKind;
  /** True when the then-branch is the "problem" state (missing, failed, denied, exceeded). */
  positive: boolean;
  errorName?: string;
}

function classifyAtom(expr: ts.Expression, lookup: DeclLookup, requestName: string | undefined, positive: boolean): Classified | undefined {
  const e = unwrap(expr);
  // !x flips the polarity.
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
    return classifyAtom(e.operand, lookup, requestName, !positive);
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.InstanceOfKeyword) {
      const errorName = lastName(e.right);
      return { kind: 'error-type', positive, errorName };
    }
    const isEq = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
    const isNeq = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
    if (isEq || isNeq) {
      const [subject, other] = ts.isStringLiteral(e.left) || ts.isNumericLiteral(e.left) || e.left.kind === ts.SyntaxKind.NullKeyword ? [e.right, e.left] : [e.left, e.right];
      const otherU = unwrap(other);
      const subjectName = lastName(subject);
      // err.name === 'ValidationError', err.code === 11000, err.type === 'entity.parse.failed'
      const root = rootName(subject);
      const rootDecl = root ? lookup(root) : undefined;
      if (subjectName && ERROR_NAME_PROP.test(subjectName) && rootDecl?.kind === 'caught-error') {
        const errorName = ts.isStringLiteral(otherU) ? otherU.text : ts.isNumericLiteral(otherU) ? otherU.text : lastName(otherU);
        return { kind: 'error-type', positive: isEq ? positive : !positive, errorName };
      }
      // x === null / x == undefined: like !x
      if (otherU.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(otherU) && otherU.text === 'undefined')) {
        return classifyAtom(subject, lookup, requestName, isEq ? !positive : positive);
      }
      // rows.length === 0, result.rowCount === 0
      if (ts.isNumericLiteral(otherU) && otherU.text === '0' && subjectName && /^(length|rowCount|affectedRows|count|size|matchedCount|modifiedCount|deletedCount|changes)$/.test(subjectName)) {
        const target = ts.isPropertyAccessExpression(unwrap(subject)) ? (unwrap(subject) as ts.PropertyAccessExpression).expression : subject;
        const inner = classifyAtom(target, lookup, requestName, isEq ? !positive : positive);
        if (inner?.kind === 'lookup-miss') return inner;
        if (/^(rowCount|affectedRows|matchedCount|modifiedCount|deletedCount|changes)$/.test(subjectName)) return { kind: 'lookup-miss', positive: isEq ? positive : !positive };
        return inner;
      }
      // role !== 'admin', post.authorId !== req.user.id
      const names = [subjectName, lastName(other)].filter((n): n is string => !!n);
      if (names.some((n) => PERMISSION_NAME.test(n))) return { kind: 'permission', positive: isNeq ? positive : !positive };
      if (subject && isRequestInput(subject, lookup, requestName)) return { kind: 'missing-field', positive };
      return undefined;
    }
    const isGreater = op === ts.SyntaxKind.GreaterThanToken || op === ts.SyntaxKind.GreaterThanEqualsToken;
    const isLess = op === ts.SyntaxKind.LessThanToken || op === ts.SyntaxKind.LessThanEqualsToken;
    if (isGreater || isLess) {
      const names = [lastName(e.left), lastName(e.right)].filter((n): n is string => !!n);
      if (names.some((n) => RATE_NAME.test(n))) {
        // count > limit: problem when true. remaining <= 0 also.
        const leftName = lastName(e.left) ?? '';
        const leftIsBudget = /(remaining|tokensLeft|left)$/i.test(leftName);
        return { kind: 'rate-limit', positive: leftIsBudget ? (isLess ? positive : !positive) : isGreater ? positive : !positive };
      }
      if (isRequestInput(e.left, lookup, requestName) || isRequestInput(e.right, lookup, requestName)) return { kind: 'missing-field', positive };
      return undefined;
    }
    return undefined;
  }
  if (ts.isTypeOfExpression(e)) {
    return isRequestInput(e.expression, lookup, requestName) ? { kind: 'missing-field', positive } : undefined;
  }
  if (ts.isCallExpression(e)) {
    const name = lastName(e.expression) ?? '';
    // errors.isEmpty() from express-validator: `!errors.isEmpty()` is the failure
    if (name === 'isEmpty' && ts.isPropertyAccessExpression(e.expression)) {
      const target = rootName(e.expression.expression);
      const d = target ? lookup(target) : undefined;
      if (d?.init && /validationResult/.test(callNameOf(d.init) ?? '')) return { kind: 'validation', positive: !positive };
      if (target && /error/i.test(target)) return { kind: 'validation', positive: !positive };
    }
    if (VALIDATION_CALL.test(name) || /^(is)?valid/i.test(name)) return { kind: 'validation', positive: !positive };
    if (/^(isAuthenticated|isLoggedIn|isSignedIn)$/.test(name)) return { kind: 'auth-missing', positive: !positive };
    if (PERMISSION_NAME.test(name) || /^(has|check)(Role|Permission|Scope|Access)/.test(name)) return { kind: 'permission', positive: !positive };
    if (/^(isNaN|isInteger|isSafeInteger|isFinite)$/.test(name) && e.arguments[0] && isRequestInput(e.arguments[0], lookup, requestName)) {
      return { kind: 'missing-field', positive: name === 'isNaN' ? positive : !positive };
    }
    if (name === 'includes' && ts.isPropertyAccessExpression(e.expression)) {
      const holder = lastName(e.expression.expression) ?? '';
      if (PERMISSION_NAME.test(holder)) return { kind: 'permission', positive: !positive };
    }
    if (name === 'has' || name === 'get') {
      // req.get('Authorization'), headers.has('authorization')
      const arg = e.arguments[0];
      if (arg && ts.isStringLiteral(arg) && /^(authorization|x-api-key|cookie)$/i.test(arg.text)) return { kind: 'auth-missing', positive: !positive };
    }
    return undefined;
  }
  // Plain value tested for truthiness: `!user`, `existing`, `!req.user`, `!result.success`, `error`.
  if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const name = lastName(e) ?? '';
    const root = rootName(e);
    const members = memberNames(e);
    const decl = root ? lookup(root) : undefined;
    // result.success from zod's safeParse; `!parsed.success` is the failure
    if (name === 'success' && decl?.init && /safeParse/.test(callNameOf(decl.init) ?? '')) return { kind: 'validation', positive: !positive };
    if ((name === 'error' || name === 'errors') && (members.length <= 1)) {
      const d = ts.isIdentifier(e) ? decl : decl;
      const from = callNameOf(d?.init);
      if (from && (VALIDATION_CALL.test(from) || /valid|parse|check/i.test(from))) return { kind: 'validation', positive };
      if (ts.isIdentifier(e) && /validat/i.test(from ?? '')) return { kind: 'validation', positive };
    }
    if (/^(valid|isValid|validationErrors|validationError)$/.test(name)) return { kind: 'validation', positive: name.startsWith('valid') || name.startsWith('isValid') ? !positive : positive };
    // auth: !req.user, !req.session.userId, !token, !req.headers.authorization
    if (root && (root === requestName || REQUEST_ROOTS.has(root))) {
      if (members.includes('headers') && /^(authorization|x-api-key|cookie)$/i.test(name)) return { kind: 'auth-missing', positive: !positive };
      if (members[0] === 'state' || members[0] === 'session' || members[0] === 'user' || members[0] === 'auth') {
        if (members.length >= 1 && AUTH_MEMBER.test(members[0]) && members.length <= 2 && !PERMISSION_NAME.test(name)) return { kind: 'auth-missing', positive: !positive };
        if (members[0] === 'state' && members.length === 2 && AUTH_MEMBER.test(name)) return { kind: 'auth-missing', positive: !positive };
      }
      if (members.some((m) => REQUEST_INPUT.has(m))) return { kind: 'missing-field', positive: !positive };
    }
    if (PERMISSION_NAME.test(name) && members.length >= 0 && !AUTH_NAME.test(name)) return { kind: 'permission', positive: !positive };
    if (ts.isIdentifier(e)) {
      if (AUTH_NAME.test(name)) return { kind: 'auth-missing', positive: !positive };
      if (EXISTS_NAME.test(name)) return { kind: 'exists', positive };
      if (decl?.kind === 'var' && decl.init) {
        const from = callNameOf(decl.init) ?? '';
        if (TOKEN_VERIFY_CALL.test(from)) return { kind: 'auth-missing', positive: !positive };
        if (isRequestInput(decl.init, lookup, requestName)) return { kind: 'missing-field', positive: !positive };
        if (LOOKUP_CALL.test(from) || /^(exists|count)/.test(from)) {
          return /^(exists|count)/.test(from) ? { kind: 'exists', positive } : { kind: 'lookup-miss', positive: !positive };
        }
      }
    }
    return undefined;
  }
  return undefined;
}

/** Combine the atoms of `a && b` / `a || b`: the first recognised one wins (left to right). */
function classify(expr: ts.Expression, lookup: DeclLookup, requestName: string | undefined): Classified | undefined {
  const e = unwrap(expr);
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    return classify(e.left, lookup, requestName) ?? classify(e.right, lookup, requestName);
  }
  return classifyAtom(e, lookup, requestName, true);
}

/**
 * What an if-condition is about. The returned guard describes the then-branch; the walker sets
 * `negated` for the else-branch. `negated: true` means "the problem this condition tests is absent here".
 */
export function classifyCondition(expr: ts.Expression, lookup: DeclLookup, sf: ts.SourceFile, requestName?: string): Guard | undefined {
  const c = classify(expr, lookup, requestName);
  const text = expr.getText(sf);
  const span = { start: expr.getStart(sf), end: expr.getEnd() };
  if (!c) return { kind: 'other', text: text.length > 120 ? text.slice(0, 117) + '...' : text, span, negated: false };
  return { kind: c.kind, text: text.length > 120 ? text.slice(0, 117) + '...' : text, span, negated: !c.positive, errorName: c.errorName };
}

// ---------------------------------------------------------------------------------------------
// Bodies

function valueKind(v: ts.Expression): BodyValueKind {
  const e = unwrap(v);
  switch (e.kind) {
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
      return 'boolean';
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      return 'string';
    case ts.SyntaxKind.TemplateExpression:
      return 'template';
    case ts.SyntaxKind.NumericLiteral:
      return 'number';
    case ts.SyntaxKind.NullKeyword:
      return 'null';
    case ts.SyntaxKind.ArrayLiteralExpression:
      return 'array';
    case ts.SyntaxKind.ObjectLiteralExpression:
      return 'object';
    case ts.SyntaxKind.Identifier:
      return (e as ts.Identifier).text === 'undefined' ? 'undefined' : 'identifier';
    case ts.SyntaxKind.PropertyAccessExpression:
    case ts.SyntaxKind.ElementAccessExpression:
      return 'member';
    case ts.SyntaxKind.CallExpression:
      return 'call';
    default:
      return 'other';
  }
}

function propName(p: ts.ObjectLiteralElementLike): string | undefined {
  const n = p.name;
  if (!n) return undefined;
  if (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n)) return n.text;
  return undefined;
}

export function bodyFacts(expr: ts.Expression | undefined, sf: ts.SourceFile): BodyFacts | undefined {
  if (!expr) return undefined;
  const e = unwrap(expr);
  const span = { start: expr.getStart(sf), end: expr.getEnd() };
  const fullText = expr.getText(sf);
  const text = fullText.length > 200 ? fullText.slice(0, 197) + '...' : fullText;
  if (e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined')) return { kind: 'null', span, text, props: [] };
  if (ts.isObjectLiteralExpression(e)) {
    const props: BodyProp[] = [];
    for (const p of e.properties) {
      const name = propName(p);
      if (name === undefined) continue;
      if (ts.isPropertyAssignment(p)) {
        const v = unwrap(p.initializer);
        const kind = valueKind(v);
        let literal: BodyProp['literal'];
        let empty: boolean | undefined;
        if (kind === 'boolean') literal = v.kind === ts.SyntaxKind.TrueKeyword;
        else if (kind === 'string') literal = (v as ts.StringLiteral).text;
        else if (kind === 'number') literal = Number((v as ts.NumericLiteral).text);
        else if (kind === 'null') literal = null;
        if (kind === 'string') empty = (v as ts.StringLiteral).text === '';
        if (kind === 'array') empty = (v as ts.ArrayLiteralExpression).elements.length === 0;
        if (kind === 'object') empty = (v as ts.ObjectLiteralExpression).properties.length === 0;
        const vt = p.initializer.getText(sf);
        props.push({ name, valueKind: kind, literal, empty, valueText: vt.length > 80 ? vt.slice(0, 77) + '...' : vt, span: { start: p.getStart(sf), end: p.getEnd() } });
      } else if (ts.isShorthandPropertyAssignment(p)) {
        props.push({ name, valueKind: 'identifier', valueText: name, span: { start: p.getStart(sf), end: p.getEnd() } });
      }
    }
    return { kind: 'object', span, text, props };
  }
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isTemplateExpression(e)) return { kind: 'string', span, text, props: [] };
  if (ts.isIdentifier(e)) return { kind: 'identifier', span, text, props: [] };
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) return { kind: 'member', span, text, props: [] };
  if (ts.isCallExpression(e)) return { kind: 'call', span, text, props: [] };
  return { kind: 'other', span, text, props: [] };
}
