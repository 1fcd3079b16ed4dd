// Readings of a 5xx site that say the author meant a server fault, not a client mistake: the branch
// logs an error first, the same key was already answered 404 above, what is missing is the server's
// own (a secret, a storage, a registry entry), the message says something failed unexpectedly.
import * as ts from 'typescript';
import { unwrapAwaited } from '../../analysis/syntax';
import type { Guard, StatusSite } from '../../analysis/types';
import { problemGuard, siteMessage } from './suggest';
import { declarationOf, isFunctionLike, nodeAt, treeOf } from './syntax';
import type { RuleContext } from '../types';

const ERROR_LOG = /^(error|fatal|critical|crit|alert|emerg)$/;
const LOGGER = /(^|\.)(console|log|logger|\w*Logger|Logger)$/i;

/** Words saying the thing missing is the server's own, or that the failure was not expected. */
const SERVER_SIDE_MISS = /\b(secret|config(uration)?|env(ironment)? var(iable)?|credentials?|certificate|key ?pair|private key|plugin|driver|migration|storage|registry|unhandled|unexpected|edge case|invariant|inconsisten\w*|should (not|never) happen|could not be (read|loaded|saved|written)|failed to)\b/i;

/** camelCase, snake_case and UPPER_CASE names spelled out as words: UNHANDLED_EDGE_CASE → "unhandled edge case". */
function spelledOut(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
}

/** The statement of `node` that sits directly in a block, and that block. */
function blockStatement(node: ts.Node): { block: ts.Block; statement: ts.Statement } | undefined {
  for (let p: ts.Node | undefined = node; p && p.parent; p = p.parent) {
    if (isFunctionLike(p)) return undefined;
    if (ts.isBlock(p.parent) && ts.isStatement(p)) return { block: p.parent, statement: p };
  }
  return undefined;
}

/** `logger.error(...)`, `Logger.error(...)`, `this.logger.error(...)`, `console.error(...)`. */
function isErrorLog(statement: ts.Statement): boolean {
  if (!ts.isExpressionStatement(statement)) return false;
  const call = unwrapAwaited(statement.expression);
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return false;
  return ERROR_LOG.test(call.expression.name.text) && LOGGER.test(call.expression.expression.getText());
}

/** The branch logs an error just before answering: its author counts this as the server's failure. */
export function branchLogsError(ctx: RuleContext, site: StatusSite): boolean {
  const node = nodeAt(treeOf(ctx), site.span);
  const at = node && blockStatement(node);
  if (!at) return false;
  const i = at.block.statements.indexOf(at.statement);
  return at.block.statements.slice(0, i).some(isErrorLog);
}

/** Identifiers a guard tests that are locals of the function (`!user`, `rows.length === 0`). */
function testedLocals(ctx: RuleContext, g: Guard): ts.VariableDeclaration[] {
  const expr = nodeAt(treeOf(ctx), g.span);
  if (!expr) return [];
  const out: ts.VariableDeclaration[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) {
      const d = declarationOf(n.text, n);
      if (d && ts.isVariableDeclaration(d) && d.initializer && !out.includes(d)) out.push(d);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(expr);
  return out;
}

/** The names a lookup is keyed by: identifiers in the arguments of the calls it makes (`findOne({ where: { id } })` → id). */
function lookupKeys(init: ts.Expression): Set<string> {
  const keys = new Set<string>();
  const own = new Set<string>();
  const visitArg = (n: ts.Node): void => {
    if (isFunctionLike(n)) for (const p of n.parameters) if (ts.isIdentifier(p.name)) own.add(p.name.text);
    if (ts.isPropertyAccessExpression(n)) return visitArg(n.expression);
    if (ts.isPropertyAssignment(n)) return visitArg(n.initializer);
    if (ts.isShorthandPropertyAssignment(n)) {
      keys.add(n.name.text);
      return;
    }
    if (ts.isIdentifier(n)) {
      if (!own.has(n.text)) keys.add(n.text);
      return;
    }
    ts.forEachChild(n, visitArg);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) || ts.isNewExpression(n)) (n.arguments ?? []).forEach(visitArg);
    if (!isFunctionLike(n)) ts.forEachChild(n, visit);
  };
  visit(init);
  return keys;
}

/** The keys of the lookups a guard tests. */
function keysOf(ctx: RuleContext, g: Guard): Set<string> {
  const keys = new Set<string>();
  for (const d of testedLocals(ctx, g)) for (const k of lookupKeys(d.initializer!)) keys.add(k);
  return keys;
}

/**
 * An earlier branch of the same function answered 404 for a lookup by the same key: the record
 * exists by now, so a later miss (a re-read after a write, a delete that reports false) is the server's.
 */
export function missAfterAnswered404(ctx: RuleContext, site: StatusSite, g: Guard): boolean {
  const fn = site.flow?.fn;
  if (fn === undefined) return false;
  let mine: Set<string> | undefined;
  for (const other of ctx.sites) {
    if (other.code !== 404 || other.flow?.fn !== fn || other.span.start >= site.span.start) continue;
    const og = problemGuard(other);
    if (og?.kind !== 'lookup-miss') continue;
    mine ??= keysOf(ctx, g);
    if (mine.size === 0) return false;
    for (const k of keysOf(ctx, og)) if (mine.has(k)) return true;
  }
  return false;
}

/** The source text of what the site says: its literal message, else its body, else its error's arguments. */
function messageSource(ctx: RuleContext, site: StatusSite): string {
  const literal = siteMessage(site);
  if (literal) return literal;
  if (site.body) return site.body.text;
  if (site.kind !== 'exception') return '';
  let n = nodeAt(treeOf(ctx), site.span);
  while (n && !ts.isNewExpression(n) && !ts.isCallExpression(n) && !ts.isStatement(n)) n = n.parent;
  if (!n || !(ts.isNewExpression(n) || ts.isCallExpression(n))) return '';
  return (n.arguments ?? []).map((a) => a.getText()).join(' ');
}

/** What the site says, with the string constants its body names spelled out (`{ error: customAuthWarning }`). */
export function messageWords(ctx: RuleContext, site: StatusSite): string {
  const own = messageSource(ctx, site);
  if (!site.body) return own;
  const body = nodeAt(treeOf(ctx), site.body.span);
  const consts: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && !(ts.isPropertyAssignment(n.parent) && n.parent.name === n)) {
      const d = declarationOf(n.text, n);
      const init = d && ts.isVariableDeclaration(d) ? d.initializer : undefined;
      if (init && (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init))) consts.push(init.text);
      return;
    }
    ts.forEachChild(n, visit);
  };
  if (body) visit(body);
  return [own, ...consts].join(' ');
}

/** The thing missing is the server's own (a secret, a storage, a plugin), or the message says the failure was unexpected. */
export function serverSideMiss(ctx: RuleContext, site: StatusSite, g: Guard | undefined): boolean {
  const names = g ? testedLocals(ctx, g).map((d) => d.name.getText()) : [];
  return [...names, messageSource(ctx, site)].some((t) => SERVER_SIDE_MISS.test(spelledOut(t)));
}

/** The site is in a request handler (a route, middleware or Nest/Next route method), not in a helper far from the request. */
export function inRequestHandler(site: StatusSite): boolean {
  return !!(site.handler || site.route);
}
