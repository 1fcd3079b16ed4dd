// When a 401 is not about the caller's credentials, or is never sent: asking it for WWW-Authenticate
// is the wrong advice. Read from the syntax around the site.
import * as ts from 'typescript';
import type { StatusSite } from '../../analysis/types';
import { messageWords } from './serverFault';
import { declarationOf, isFunctionLike, nodeAt, treeOf } from './syntax';
import type { RuleContext } from '../types';
import { NEXT_CALLBACK } from '../../frameworks/ids';
import { pluginFor } from '../../frameworks/registry';

/** Things no credential can fix: a licence, an unconfigured feature. */
const NOT_CREDENTIALS = /licen[cs]e|\bnot configured\b|\bconfigure (a|an|the)\b|\bmisconfigur/i;
/** A routing test: the request's path or URL. */
const ROUTING_TEST = /\.(path|url|originalUrl|baseUrl|pathname)\b/;
const CREDENTIAL_WORDS = /user|auth|token|session|key|cred|cookie|secret|sign/i;

/** `next` is the third parameter of an Express-style `(req, res, next)` function: Express always passes it. */
function isHandlerNext(id: ts.Identifier): boolean {
  const d = declarationOf(id.text, id);
  if (!d || !ts.isParameter(d) || !isFunctionLike(d.parent)) return false;
  const params = d.parent.parameters;
  return params.length >= 3 && params[2] === d && /^(req|request)$/.test(params[0].name.getText()) && /^(res|response)$/.test(params[1].name.getText());
}

/** `x` or `!x` where x is the handler's `next`: which way it tests (true = "next is given"). */
function testsNext(cond: ts.Expression): boolean | undefined {
  let e = cond;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isIdentifier(e) && e.text === NEXT_CALLBACK) return isHandlerNext(e) ? true : undefined;
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = testsNext(e.operand);
    return inner === undefined ? undefined : !inner;
  }
  return undefined;
}

/** `next ? next(err) : res.status(401).json(err)` in an Express handler: the branch without `next` never runs. */
export function inBranchWithoutNext(ctx: RuleContext, site: StatusSite): boolean {
  if (!pluginFor(site.framework).alwaysPassesNext) return false;
  let child = nodeAt(treeOf(ctx), site.span);
  for (let p = child?.parent; child && p; child = p, p = p.parent) {
    if (ts.isConditionalExpression(p) && child !== p.condition) {
      const given = testsNext(p.condition);
      if (given !== undefined && (child === p.whenFalse) === given) return true;
    }
    if (ts.isIfStatement(p) && child !== p.expression) {
      const given = testsNext(p.expression);
      if (given !== undefined && (child === p.elseStatement) === given) return true;
    }
    if (isFunctionLike(p)) return false;
  }
  return false;
}

/** The 401 answers something no credential can fix: an expired licence, an unconfigured feature, a wrong path. */
export function notAboutCredentials(ctx: RuleContext, site: StatusSite): boolean {
  if (site.guards.some((g) => NOT_CREDENTIALS.test(g.text)) || NOT_CREDENTIALS.test(messageWords(ctx, site))) return true;
  const g = site.guard;
  return !!g && g.kind === 'other' && ROUTING_TEST.test(g.text) && !CREDENTIAL_WORDS.test(g.text.replace(ROUTING_TEST, ''));
}
