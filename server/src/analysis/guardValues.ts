// What the values a condition tests are, for reading its tests (guardTests.ts): a lookup's result,
// a value computed in process, the signed-in user's identity, a point in time, a counter or a limit.
// Also the reading of one test, which guardTests.ts makes and guards.ts combines.
import * as ts from 'typescript';
import { unwrapAwaited } from './syntax';
import type { GuardKind } from './model';
import {
  authHolder,
  calleeName,
  deeper,
  type Env,
  lastName,
  type LookupKind,
  memberNames,
  rootName,
  sourceCall,
  stripTransforms,
  textOf,
  varInit,
} from './guardReaders';
import { BUDGET_WORDS, CAPACITY_WORDS, COUNTER_CALL, ID_MEMBER, LIMIT_WORDS, RATE_WORDS, TIME_WORDS, words } from './guardVocabulary';

export type ProblemKind = Exclude<GuardKind, 'other'>;

/** A whole set of permissions (`scopes`, `roles`): tested for presence it says whether anyone was authenticated. */
export const PERMISSION_SET = /^(roles|scopes|permissions|privileges|grants|abilities|capabilities)$/i;
/** Tokens that grant access to one object (an upload, an invite, a signed URL), not the caller's credentials. */
export const CAPABILITY_TOKEN = /upload|temporar|invit|share|signed|download|reset|magic|one-?time|unsubscribe/i;

/** One classified test: `positive` = the tested problem is present when the expression is truthy. */
export interface TestReading {
  kind: ProblemKind;
  positive: boolean;
  errorName?: string;
  /** A permission test joined with a credentials test by `||`: both problems answered alike. */
  mixed?: true;
  /**
   * Read off a plain lookup by a unique field (`if (user)` / `if (!user)` after findOne({ email })): only
   * meaningful as the branch the test itself selects, not as the else of the opposite test.
   */
  weak?: boolean;
}

/** A lookup's result tested for truthiness: found-by-field = "already exists", not found = "lookup miss". */
export function truthyOfLookup(kind: LookupKind, positive: boolean): TestReading | undefined {
  switch (kind) {
    case 'exists':
      return { kind: 'exists', positive };
    case 'by-field':
      // if (existing) → exists; if (!user) → lookup-miss
      return positive ? { kind: 'exists', positive: true, weak: true } : { kind: 'lookup-miss', positive: true, weak: true };
    case 'by-id':
      return { kind: 'lookup-miss', positive: !positive };
    case 'write':
      return { kind: 'lookup-miss', positive: !positive };
  }
}

/**
 * `new Set()`, `[]`, `helper(x)[0]` (no await, no object): a value computed in process, not read from a
 * store, so testing it says neither "not found" nor "already on record".
 */
export function computedHere(init: ts.Expression): boolean {
  let x: ts.Expression = init;
  let call: ts.CallExpression | undefined;
  for (;;) {
    if (ts.isParenthesizedExpression(x) || ts.isAsExpression(x) || ts.isNonNullExpression(x) || ts.isSatisfiesExpression(x)) x = x.expression;
    else if (!call && (ts.isNewExpression(x) || ts.isArrayLiteralExpression(x) || ts.isObjectLiteralExpression(x))) return true;
    else if (ts.isElementAccessExpression(x)) x = x.expression;
    else if (ts.isCallExpression(x) && !call) {
      call = x;
      x = x.expression;
    } else break;
  }
  return !!call && ts.isIdentifier(x) && !/^(fetch|require)$/.test(x.text);
}

/** `req.user.id`, or a local read from it: the signed-in caller's identity. */
export function isCurrentUserIdentity(e: ts.Expression, env: Env): boolean {
  const h = authHolder(stripTransforms(e), env);
  if (h?.isIdentity && h.rest.length > 0) return true;
  // const userId = req.user.id; const { sub } = req.user
  const x = unwrapAwaited(e);
  if (ts.isIdentifier(x)) {
    const init = varInit(x.text, env);
    if (init && ID_MEMBER.test(x.text)) {
      const hi = authHolder(stripTransforms(init), deeper(env));
      if (hi?.isIdentity) return true;
    }
  }
  return false;
}

/** A point in time: `new Date(...)`, `Date.now()`, a local made from one, an `expires`/`deadline` value. */
export function isDateValue(e: ts.Expression, env: Env): boolean {
  const x = unwrapAwaited(e);
  const text = textOf(x, env);
  if (/^new Date\b|\bDate\.now\(\)|\.getTime\(\)|^(dayjs|moment)\(/.test(text) || /expir|deadline/i.test(lastName(x) ?? '')) return true;
  if (!ts.isIdentifier(x)) return false;
  const init = varInit(x.text, env);
  return !!init && /^new Date\b|\bDate\.now\(\)|\.getTime\(\)|^(dayjs|moment)\(/.test(textOf(unwrapAwaited(init), env));
}

export function counterSide(e: ts.Expression, env: Env): { rate: boolean; limit: boolean; budget: boolean; capacity: boolean } {
  const x = unwrapAwaited(e);
  const names: string[] = [];
  const collect = (y: ts.Expression) => {
    const r = rootName(y);
    if (r) names.push(r);
    names.push(...memberNames(y));
  };
  collect(x);
  let fromCounter = false;
  if (ts.isIdentifier(x)) {
    const init = varInit(x.text, env);
    const call = init && sourceCall(init);
    if (call) {
      const cname = calleeName(call) ?? '';
      if (COUNTER_CALL.test(cname) || /^count\w*(Attempt|Request|Call|Login|Send|Sent)s?\w*$/i.test(cname)) fromCounter = true;
    }
  }
  const w = names.flatMap(words);
  const capacity = w.some((x) => CAPACITY_WORDS.has(x));
  return {
    // A per-client window counter; "requests in flight" or "pending jobs" measure the server's load instead
    rate: fromCounter || w.some((x) => TIME_WORDS.has(x)) || (!capacity && w.some((x) => RATE_WORDS.has(x))),
    limit: ts.isNumericLiteral(x) || (ts.isIdentifier(x) && /^[A-Z][A-Z0-9_]+$/.test(x.text)) || w.some((x) => LIMIT_WORDS.has(x)),
    budget: w.some((x) => BUDGET_WORDS.has(x)),
    capacity,
  };
}
