// A record looked up by the request's id and used without a check, inside a try whose catch answers
// every error 5xx: an unknown id throws a TypeError there, and the client gets a 500 for a not-found.
import * as ts from 'typescript';
import type { Span, StatusSite } from '../types';
import { catchOfSite, narrowedByRethrow } from './catchShape';
import { isFunctionLike } from './tree';
import type { FactsInput } from './input';

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

/** A record looked up by the request's id, then read without a check. */
export interface UncheckedLookup {
  /** The variable holding the record. */
  name: string;
  /** The look-up, shortened: `User.findById(...)`. */
  call: string;
  /** The first unchecked read (`user.email`): its text and span. */
  use: string;
  span: Span;
  /** Start of the catch clause that answers the TypeError. */
  catchStart: number;
}

/**
 * The unchecked look-ups in the try of the catch around `answer` (a 5xx answering every error):
 * none when the catch lets only some errors through.
 */
export function uncheckedLookups(input: FactsInput, answer: StatusSite): UncheckedLookup[] {
  if (narrowedByRethrow(input, answer)) return [];
  const at = catchOfSite(input, answer);
  const tryStatement = at?.clause.parent;
  if (!at || !tryStatement || !ts.isTryStatement(tryStatement)) return [];
  const catchStart = at.clause.getStart();
  const out: UncheckedLookup[] = [];
  for (const lookup of lookupsIn(tryStatement.tryBlock)) {
    const use = uncheckedUse(tryStatement.tryBlock, lookup);
    if (use) out.push({ name: lookup.name, call: lookup.call, use: use.getText(), span: { start: use.getStart(), end: use.getEnd() }, catchStart });
  }
  return out;
}
