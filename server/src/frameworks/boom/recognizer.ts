// @hapi/boom, used with any framework: the error carries the status, the framework's error handler
// sends it ('thrown').
//   Boom.notFound(msg) and every other factory · Boom.boomify(err, { statusCode }) ·
//   new Boom.Boom(msg, { statusCode }) (500 when absent) · named imports (notFound(msg))
import * as ts from 'typescript';
import type { CodeEditPlan } from '../../analysis/model';
import type { Recognizer, WalkContext } from '../../analysis/walk/contract';
import { messageOf, objectProp, objectPropValue } from '../../analysis/sites/argumentReaders';
import { addNamedErrorSite, addNumberedErrorSite, type ErrorWhere } from '../../analysis/sites/siteReports';
import { unwrapExpr } from '../../analysis/syntax';
import { codeOfName } from '../../analysis/sites/named';
import { defaulted } from '../http-errors/recognizer';

/** The modules that export Boom. */
export const BOOM_MODULES = ['@hapi/boom', 'boom'];

/** What an identifier is bound to from Boom: the module's default/namespace, or a named export. */
function bound(name: string, w: WalkContext): { library: 'boom'; imported: string } | undefined {
  const b = w.bindings.get(name);
  if (!b || w.lookup(name)) return undefined;
  return BOOM_MODULES.includes(b.module) ? { library: 'boom', imported: b.name } : undefined;
}

/** Boom.notFound(msg), notFound(msg), Boom.boomify(err, { statusCode }), new Boom.Boom(msg, { statusCode }). */
function boomCall(node: ts.CallExpression | ts.NewExpression, w: WalkContext): void {
  const callee = node.expression;
  const args = node.arguments ?? [];
  let name: string | undefined;
  let nameNode: ts.Identifier | undefined;
  let renamable = true;
  if (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    ts.isIdentifier(callee.name) &&
    bound(callee.expression.text, w)?.library === 'boom'
  ) {
    name = callee.name.text;
    nameNode = callee.name;
  } else if (ts.isIdentifier(callee)) {
    const b = bound(callee.text, w);
    if (b?.library !== 'boom') return;
    if (b.imported === 'default' || b.imported === '*') {
      // `new Boom(msg, opts)`: the default export is the class in older versions
      if (!ts.isNewExpression(node)) return;
      name = 'Boom';
    } else {
      name = b.imported;
      renamable = b.imported === callee.text;
    }
    nameNode = callee;
  }
  if (!name || !nameNode) return;
  const message = messageOf(args[0]);
  const headers: ErrorWhere['headers'] = [];
  if (name === 'unauthorized' && args[1]) headers.push({ name: 'www-authenticate', span: w.span(args[1]) });
  if (name === 'methodNotAllowed' && args[2]) headers.push({ name: 'allow', span: w.span(args[2]) });
  const where: ErrorWhere = { framework: 'boom', node, message, headers };
  if (name === 'boomify' || name === 'Boom') {
    const opts = args[1];
    const status = objectPropValue(opts, 'statusCode');
    if (status) addNumberedErrorSite({ ...where, message: name === 'Boom' ? message : undefined }, status, w);
    else if (name === 'Boom' && ts.isNewExpression(node)) {
      // new Boom.Boom(msg): 500. The fix adds the statusCode option when there is no options object.
      const plan: CodeEditPlan =
        args[0] && !args[1]
          ? { kind: 'insert', at: args[0].getEnd(), template: ', { statusCode: {code} }' }
          : opts && !objectProp(opts, 'statusCode') && ts.isObjectLiteralExpression(unwrapExpr(opts))
            ? { kind: 'insert', at: unwrapExpr(opts).getStart(w.sf) + 1, template: ' statusCode: {code},' }
            : { kind: 'none' };
      defaulted(where, 500, callee, plan, w);
    }
    return;
  }
  // Boom.internal(msg, data, statusCode)
  if (name === 'internal' && args[2]) {
    addNumberedErrorSite(where, args[2], w);
    return;
  }
  const code = codeOfName('boom', name);
  if (code !== undefined) addNamedErrorSite(where, 'boom', code, nameNode, renamable, w);
}

export const boomRecognizer: Recognizer = {
  framework: 'boom',
  onCall: boomCall,
  onNew: boomCall,
};
