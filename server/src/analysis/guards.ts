// What an if-condition (or an assertion) is about, for every framework: a lookup that found nothing,
// a failed validation, missing credentials, a role check, a rate counter, a test of an error's type.
// Heuristics read identifiers, call names and where local values came from; when unsure they answer
// nothing ('other'), so rules stay silent. Each branch of an if gets its own answer: the then-branch
// of `a || b` is only known when both sides are, the else-branch of `a && b` likewise.
import * as ts from 'typescript';
import { unwrapAwaited } from './syntax';
import type { Guard } from './model';
import { type DeclLookup, type Env, isRequestRoot, memberNames, rootName, textOf } from './guardReaders';
import { classifyAtom } from './guardTests';
import type { TestReading } from './guardValues';
import { CSRF } from './guardVocabulary';

export type { DeclInfo, DeclLookup } from './guardReaders';
export { callNameOf, rootName } from './guardReaders';

// ---------------------------------------------------------------------------------------------
// Combining atoms: each branch of `a && b`, `a || b`, `!(...)`

interface Branches {
  then?: TestReading;
  else?: TestReading;
  /** Identifiers an unclassified part tests (req.body / req.user count as one name each), to judge `a || unknown`. */
  names: Set<string>;
  known: boolean;
}

const GLOBALS = new Set([
  'undefined',
  'Number',
  'String',
  'Array',
  'Object',
  'Math',
  'JSON',
  'Date',
  'Boolean',
  'BigInt',
  'isNaN',
  'parseInt',
  'parseFloat',
  'RegExp',
]);

function namesIn(e: ts.Node, env: Env, out = new Set<string>()): Set<string> {
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) {
      const root = rootName(n as ts.Expression);
      if (root && isRequestRoot(root, env)) {
        out.add([root, ...memberNames(n as ts.Expression).slice(0, 2)].join('.'));
        return;
      }
    }
    if (ts.isIdentifier(n)) {
      if (!GLOBALS.has(n.text)) out.add(n.text);
      return;
    }
    // isBlank(email), email.trim(): the values tested are the arguments and the receiver, not the function
    if (ts.isCallExpression(n)) {
      const callee = unwrapAwaited(n.expression);
      if (ts.isPropertyAccessExpression(callee)) visit(callee.expression);
      n.arguments.forEach(visit);
      return;
    }
    if (ts.isPropertyAccessExpression(n)) return visit(n.expression);
    ts.forEachChild(n, visit);
  };
  visit(e);
  return out;
}

/**
 * In an if's else-branch a record found (or not) by a unique field is just the normal path (`if (!user) return 401; else ...` in a login):
 * only `if (existing) ...` itself says "the record already exists".
 */
function strong(c: TestReading | undefined): TestReading | undefined {
  return c?.weak ? undefined : c;
}

/** Both hold: problems present win over preconditions (`user && user.role !== 'admin'` is a permission test). */
function both(a: TestReading | undefined, b: TestReading | undefined): TestReading | undefined {
  // `user && user.locked` (user found by email) is about the account's state, not about it existing
  a = strong(a);
  b = strong(b);
  if (!a) return b;
  if (!b) return a;
  if (a.positive !== b.positive) return a.positive ? a : b;
  if (a.kind === b.kind) return { ...a, errorName: b.errorName ?? a.errorName };
  return undefined; // two different problems at once: no single status describes it
}

/** Either holds: only known when both sides are the same kind of problem. */
function either(a: TestReading | undefined, b: TestReading | undefined): TestReading | undefined {
  if (!a || !b) return undefined;
  if (a.positive !== b.positive) return undefined;
  if (a.kind === b.kind && a.weak === b.weak) return { ...a, errorName: a.errorName ?? b.errorName };
  const kinds = new Set([a.kind, b.kind]);
  // `!user || !(await user.checkPassword(pw))`: a failed login either way
  if (a.positive && kinds.has('auth-missing') && kinds.has('lookup-miss')) return { kind: 'auth-missing', positive: true };
  // `!user || !user.isAdmin`: one answer for "nobody signed in" and "signed in, not allowed"
  if (a.positive && kinds.has('auth-missing') && kinds.has('permission') && !a.weak && !b.weak) return { kind: 'permission', positive: true, mixed: true };
  return undefined;
}

/** `either`, except that an unclassified side testing the same values as the classified one is a refinement of it. */
function eitherWithNames(a: Branches, b: Branches, pick: (x: Branches) => TestReading | undefined): TestReading | undefined {
  const x = pick(a);
  const y = pick(b);
  if (x && !y && !b.known && [...b.names].every((n) => a.names.has(n))) return strong(x);
  if (y && !x && !a.known && [...a.names].every((n) => b.names.has(n))) return strong(y);
  return either(x, y);
}

function branches(expr: ts.Expression, env: Env): Branches {
  const e = unwrapAwaited(expr);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = branches(e.operand, env);
    return { then: inner.else, else: inner.then, names: inner.names, known: inner.known };
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) {
      const a = branches(e.left, env);
      const b = branches(e.right, env);
      const names = new Set([...a.names, ...b.names]);
      const known = a.known || b.known;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) {
        return { then: both(a.then, b.then), else: eitherWithNames(a, b, (x) => x.else), names, known };
      }
      return { then: eitherWithNames(a, b, (x) => x.then), else: both(a.else, b.else), names, known };
    }
  }
  // CSRF checks answer 403 by design; they say nothing about sign-in or permissions.
  if (CSRF.test(textOf(e, env))) return { names: namesIn(e, env), known: false };
  // Each side on its own: a found-by-email record is "exists", a missing one is a "lookup miss", not "exists" negated.
  const c = classifyAtom(e, env, true);
  const otherwise = classifyAtom(e, env, false);
  return { then: c, else: otherwise, names: namesIn(e, env), known: !!c };
}

function toGuard(c: TestReading | undefined, expr: ts.Expression, sf: ts.SourceFile): Guard {
  const full = expr.getText(sf);
  const text = full.length > 120 ? full.slice(0, 117) + '...' : full;
  const span = { start: expr.getStart(sf), end: expr.getEnd() };
  if (!c) return { kind: 'other', text, span, negated: false };
  // Two problems under one test: no single kind; rules that care read the flag.
  if (c.mixed) return { kind: 'other', text, span, negated: false, mixedWithAuth: true };
  const g: Guard = { kind: c.kind, text, span, negated: !c.positive };
  if (c.errorName !== undefined) g.errorName = c.errorName;
  return g;
}

/** The guards of an if's two branches. `negated: true` = the problem the condition tests is absent there. */
export function classifyBranches(expr: ts.Expression, lookup: DeclLookup, sf: ts.SourceFile, requestName?: string): { then: Guard; else: Guard } {
  const b = branches(expr, { lookup, sf, requestName, depth: 0 });
  return { then: toGuard(b.then, expr, sf), else: toGuard(strong(b.else), expr, sf) };
}

/** What an if-condition is about, for its then-branch. */
export function classifyCondition(expr: ts.Expression, lookup: DeclLookup, sf: ts.SourceFile, requestName?: string): Guard {
  return classifyBranches(expr, lookup, sf, requestName).then;
}

/**
 * The guard of the failing side of an assertion (`ctx.assert(cond, 403)`, `assert(cond)`): the
 * response is sent when `cond` is false, so this is the else-branch of `if (cond)`.
 */
export function assertionGuard(cond: ts.Expression, lookup: DeclLookup, sf: ts.SourceFile, requestName?: string): Guard {
  return classifyBranches(cond, lookup, sf, requestName).else;
}
