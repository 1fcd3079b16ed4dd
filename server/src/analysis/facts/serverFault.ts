// Facts about a 5xx site's surroundings that say whether its author meant a server fault: the branch
// logs an error first, the keys the guarded lookups use, the locals a guard tests, the words the
// error's arguments and the body's constants carry. Rules weigh them (rules/support/serverFault.ts).
import * as ts from 'typescript';
import { unwrapAwaited } from '../syntax';
import type { Guard, StatusSite } from '../types';
import { declarationOf, isFunctionLike, nodeAt, treeOf } from './tree';
import type { FactsInput } from './input';

const ERROR_LOG = /^(error|fatal|critical|crit|alert|emerg)$/;
const LOGGER = /(^|\.)(console|log|logger|\w*Logger|Logger)$/i;

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
export function branchLogsError(ctx: FactsInput, site: StatusSite): boolean {
  const node = nodeAt(treeOf(ctx), site.span);
  const at = node && blockStatement(node);
  if (!at) return false;
  const i = at.block.statements.indexOf(at.statement);
  return at.block.statements.slice(0, i).some(isErrorLog);
}

/** Identifiers a guard tests that are locals of the function (`!user`, `rows.length === 0`). */
function testedLocals(ctx: FactsInput, g: Guard): ts.VariableDeclaration[] {
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

/** The names the lookups a guard tests are keyed by (`!user` after `findOne({ where: { id } })` → id). */
export function lookupKeysOf(ctx: FactsInput, g: Guard): Set<string> {
  const keys = new Set<string>();
  for (const d of testedLocals(ctx, g)) for (const k of lookupKeys(d.initializer!)) keys.add(k);
  return keys;
}

/** The source text of the arguments of the error a site throws (`new ApiError(500, MISSING_SECRET)`), '' for other sites. */
export function errorArgumentsText(ctx: FactsInput, site: StatusSite): string {
  if (site.kind !== 'exception') return '';
  let n = nodeAt(treeOf(ctx), site.span);
  while (n && !ts.isNewExpression(n) && !ts.isCallExpression(n) && !ts.isStatement(n)) n = n.parent;
  if (!n || !(ts.isNewExpression(n) || ts.isCallExpression(n))) return '';
  return (n.arguments ?? []).map((a) => a.getText()).join(' ');
}

/** The values of the string constants the site's body names (`{ error: customAuthWarning }`). */
export function bodyConstantTexts(ctx: FactsInput, site: StatusSite): string[] {
  if (!site.body) return [];
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
  return consts;
}

/** The names of the locals a guard tests (`!signingSecret` → signingSecret). */
export function testedLocalNames(ctx: FactsInput, g: Guard): string[] {
  return testedLocals(ctx, g).map((d) => d.name.getText());
}
