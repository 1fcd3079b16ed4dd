// http-errors, used with any framework: the error carries the status, the framework's error handler
// sends it ('thrown'). Also a project's own error classes that carry a status (`new ApiError(404)`).
//   createError(404, msg) · createError.NotFound(msg) · new createError.NotFound() · httpErrors(404)
import * as ts from 'typescript';
import type { CodeEditPlan } from '../../analysis/model';
import type { Recognizer, WalkContext } from '../../analysis/walk/contract';
import { emptyArgsAt, errorMessageArg } from '../../analysis/sites/argumentReaders';
import { addNamedErrorSite, addNumberedErrorSite, errorHeaders, errorStatusArg, statusCodes, type ErrorWhere } from '../../analysis/sites/siteReports';
import { unwrapExpr } from '../../analysis/syntax';
import { codeOfName } from '../../analysis/sites/named';
import { ID } from '../ids';

/** The modules that export http-errors' createError. */
export const HTTP_ERRORS_MODULES = ['http-errors', 'create-http-error'];

/** What an identifier is bound to from http-errors: the module's default/namespace, or a named export. */
function bound(name: string, w: WalkContext): { library: 'http-errors'; imported: string } | undefined {
  const b = w.bindings.get(name);
  if (!b || w.lookup(name)) return undefined;
  return HTTP_ERRORS_MODULES.includes(b.module) ? { library: 'http-errors', imported: b.name } : undefined;
}

/** An error with no status given: the library's default (500), with the plan that inserts one. */
export function defaulted(where: ErrorWhere, code: number, reportNode: ts.Expression, codeEdit: CodeEditPlan, w: WalkContext): void {
  w.addSite({
    framework: where.framework,
    kind: 'exception',
    resolved: { code, form: 'implicit', node: reportNode },
    reportNode,
    codeEdit,
    sendHow: 'thrown',
    sendSpan: w.span(where.node),
    message: where.message,
    headers: where.headers,
  });
}

/** createError(...) and friends: the status is any argument that is a code; none means 500. */
function httpErrorsCall(node: ts.CallExpression | ts.NewExpression, w: WalkContext): void {
  const callee = node.expression;
  const args = node.arguments ?? [];
  // Runs for every call in the file: decide whether it is http-errors before building anything.
  const where = (): ErrorWhere => ({
    framework: 'http-errors',
    node,
    message: errorMessageArg(args),
    headers: errorHeaders(args, w),
  });
  // createError.NotFound(msg) / new createError.NotFound(msg) / createError[404]()
  if (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    ts.isIdentifier(callee.name) &&
    bound(callee.expression.text, w)?.library === 'http-errors'
  ) {
    const code = codeOfName('http-errors', callee.name.text);
    if (code !== undefined) addNamedErrorSite(where(), 'http-errors', code, callee.name, true, w);
    return;
  }
  if (ts.isElementAccessExpression(callee) && ts.isIdentifier(callee.expression) && bound(callee.expression.text, w)?.library === 'http-errors') {
    addNumberedErrorSite(where(), callee.argumentExpression, w);
    return;
  }
  if (!ts.isIdentifier(callee)) return;
  const b = bound(callee.text, w);
  if (b?.library !== 'http-errors') return;
  // import { NotFound } from 'http-errors'
  if (b.imported !== 'default' && b.imported !== '*') {
    const code = codeOfName('http-errors', b.imported);
    if (code !== undefined) addNamedErrorSite(where(), 'http-errors', code, callee, b.imported === callee.text, w);
    return;
  }
  if (ts.isNewExpression(node)) return;
  const statusArg = errorStatusArg(args, w);
  if (statusArg) addNumberedErrorSite(where(), statusArg, w);
  else if (args.every((a) => !ts.isIdentifier(unwrapExpr(a)))) {
    // createError('message') / createError(): 500. An error argument may carry its own status: say nothing then.
    defaulted(
      where(),
      500,
      callee,
      { kind: 'insert', at: args.length > 0 ? args[0].getStart(w.sf) : emptyArgsAt(node), template: args.length > 0 ? '{code}, ' : '{code}' },
      w,
    );
  }
}

/** JavaScript's own error classes: a number given to them is a message, never a status. */
const BUILT_IN_ERRORS = new Set([
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
  'AggregateError',
  'DOMException',
]);

/**
 * A project's own error class carrying a status, `throw new ApiError(404, 'User not found')` or
 * `new CustomHttpException('Not found', HttpStatus.NOT_FOUND)`, with the
 * status written as a 4xx/5xx number or a status constant (StatusCodes.NOT_FOUND). Its error handler
 * answers with that status, as for http-errors. Dynamic statuses (`new HttpError(res.status)`) are
 * not sites: they say nothing about this code.
 */
function projectErrorNew(node: ts.NewExpression, w: WalkContext): void {
  const callee = node.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (!name || !/(Error|Exception)$/.test(name) || BUILT_IN_ERRORS.has(name)) return;
  // Nest's and Hono's own exceptions are their recognizers', imported or not (pasted code).
  if (name === 'HttpException' || name === 'HTTPException' || codeOfName(ID.nest, name) !== undefined) return;
  // Classes of the libraries recognised elsewhere (http-errors, Boom, Nest) are theirs.
  if (
    ts.isIdentifier(callee) &&
    w.bindings.has(callee.text) &&
    /^(http-errors|create-http-error|@hapi\/boom|boom|@nestjs\/common)$/.test(w.bindings.get(callee.text)!.module)
  )
    return;
  const args = node.arguments ?? [];
  for (const arg of args) {
    const resolved = statusCodes(arg, w);
    const fits =
      resolved.length > 0 && resolved.every((r) => r.code !== undefined && r.code >= 400 && r.code <= 599 && (r.form === 'number' || r.form === 'constant'));
    if (!fits) continue;
    // A Nest project's own HttpException subclass: Nest's exception filter sends it.
    const framework = name.endsWith('Exception') && w.imports.has('@nestjs/common') ? ID.nest : 'http-errors';
    const where: ErrorWhere = { framework, node, message: errorMessageArg(args), headers: [] };
    addNumberedErrorSite(where, arg, w);
    return;
  }
}

export const errorsRecognizer: Recognizer = {
  framework: 'http-errors',

  onCall(call, w) {
    httpErrorsCall(call, w);
  },

  onNew(node, w) {
    httpErrorsCall(node, w);
    projectErrorNew(node, w);
  },
};
