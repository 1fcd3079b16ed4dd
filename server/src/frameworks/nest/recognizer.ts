// NestJS: decorators and exceptions decide the status; the method's return value is the body.
//   @HttpCode(n) (the site is the argument) · @Redirect(url, n) (302 when absent) ·
//   throw new HttpException(body, n) · new NotFoundException(msg) and the other built-ins (named) ·
//   @Post() with no @HttpCode: Nest's default 201 (a 'framework-default' site on the decorator).
//   Route facts from @Controller('users') + @Get(':id'); @Res() res is used Express-style.
import * as ts from 'typescript';
import { ID } from '../ids';
import { indentAt } from '../../analysis/edits';
import { bodyFacts } from '../../analysis/bodyFacts';
import type { CodeEditPlan, Framework } from '../../analysis/model';
import type { FunctionContext, Recognizer, WalkContext } from '../../analysis/walk/contract';
import { emptyArgsAt, literalText, messageOf, objectPropValue } from '../../analysis/sites/argumentReaders';
import { addSlot, replacePlan, statusCodes } from '../../analysis/sites/siteReports';
import { unwrapExpr } from '../../analysis/syntax';
import { codeOfName } from '../../analysis/sites/named';

const HTTP_DECORATORS: Record<string, string> = {
  Get: 'GET',
  Post: 'POST',
  Put: 'PUT',
  Patch: 'PATCH',
  Delete: 'DELETE',
  Head: 'HEAD',
  Options: 'OPTIONS',
  All: 'ALL',
  Search: 'SEARCH',
};

interface DecoratorInfo {
  name: string;
  decorator: ts.Decorator;
  call?: ts.CallExpression;
}

function decoratorsOf(node: ts.Node): DecoratorInfo[] {
  const out: DecoratorInfo[] = [];
  for (const d of (ts.canHaveDecorators(node) && ts.getDecorators(node)) || []) {
    const e = d.expression;
    const callee = ts.isCallExpression(e) ? e.expression : e;
    if (ts.isIdentifier(callee)) out.push({ name: callee.text, decorator: d, call: ts.isCallExpression(e) ? e : undefined });
  }
  return out;
}

const usesNest = (w: WalkContext) => [...w.imports].some((m) => m.startsWith('@nestjs/'));

/**
 * Is `name` Nest's (a decorator or an exception class)? Imported from @nestjs/common, or not imported
 * at all in a file that uses Nest or imports nothing (a pasted snippet). `Controller` from
 * routing-controllers is not.
 */
function isNestName(name: string, w: WalkContext): boolean {
  const b = w.bindings.get(name);
  if (b) return b.module === '@nestjs/common';
  if (w.lookup(name)) return false;
  if (usesNest(w)) return true;
  // A snippet without imports: only inside a class Nest decorates.
  return w.imports.size === 0 && !!w.currentClass && decoratorsOf(w.currentClass).some((d) => NEST_CLASS_DECORATORS.has(d.name));
}

const NEST_CLASS_DECORATORS = new Set(['Controller', 'Injectable', 'Catch', 'Resolver']);

/** A route path literal: 'users', ['users', 'people'] (the first), { path: 'users' }. */
function pathArg(arg: ts.Expression | undefined): string | undefined {
  if (!arg) return '';
  const e = unwrapExpr(arg);
  if (ts.isArrayLiteralExpression(e)) return pathArg(e.elements[0]);
  if (ts.isObjectLiteralExpression(e)) return pathArg(objectPropValue(e, 'path'));
  return literalText(e);
}

function joinPath(prefix: string | undefined, sub: string | undefined): string | undefined {
  if (prefix === undefined || sub === undefined) return undefined;
  const parts = [prefix, sub].flatMap((p) => p.split('/')).filter((p) => p !== '');
  return '/' + parts.join('/');
}

/** Header names set by @Header('Cache-Control', 'none') on the method. */
function headerDecorators(decos: DecoratorInfo[], w: WalkContext): { name: string; span: { start: number; end: number } }[] {
  return decos
    .filter((d) => d.name === 'Header' && d.call)
    .flatMap((d) => {
      const name = literalText(d.call!.arguments[0]);
      return name ? [{ name: name.toLowerCase(), span: w.span(d.decorator) }] : [];
    });
}

/** @Res()/@Response() parameters: the handler drives the response itself unless `passthrough: true`. */
function responseParams(node: ts.MethodDeclaration, fn: FunctionContext, w: WalkContext): { manual: boolean; requestName?: string; responseName?: string } {
  let manual = false;
  let requestName: string | undefined;
  let responseName: string | undefined;
  for (const p of node.parameters) {
    if (!ts.isIdentifier(p.name)) continue;
    for (const d of decoratorsOf(p)) {
      if (d.name === 'Req' || d.name === 'Request') requestName = p.name.text;
      if (d.name === 'Res' || d.name === 'Response' || d.name === 'Next') {
        const passthrough = objectPropValue(d.call?.arguments[0], 'passthrough');
        if (!(passthrough && passthrough.kind === ts.SyntaxKind.TrueKeyword)) manual = true;
        if (d.name === 'Next') continue;
        responseName = p.name.text;
        const typeName = fn.paramTypes.get(p.name.text);
        const framework: Framework = typeName?.endsWith('FastifyReply') ? ID.fastify : ID.express;
        w.markParamResponse(p.name.text, framework);
      }
    }
  }
  return { manual, requestName, responseName };
}

function onControllerMethod(node: ts.MethodDeclaration, fn: FunctionContext, w: WalkContext): void {
  const cls = w.currentClass;
  if (!cls) return;
  const controller = decoratorsOf(cls).find((d) => d.name === 'Controller');
  if (!controller || !isNestName('Controller', w)) return;
  const decos = decoratorsOf(node);
  const httpDeco = decos.find((d) => HTTP_DECORATORS[d.name] !== undefined);
  if (!httpDeco) return;
  const method = HTTP_DECORATORS[httpDeco.name];
  const path = joinPath(pathArg(controller.call?.arguments[0]), pathArg(httpDeco.call?.arguments[0]));
  const { manual, requestName, responseName } = responseParams(node, fn, w);
  const httpCode = decos.find((d) => d.name === 'HttpCode');
  const redirect = decos.find((d) => d.name === 'Redirect');
  fn.framework = 'nest';
  fn.isRouteHandler = true;
  fn.role = 'route';
  fn.route = { method, path };
  // With @Res({ passthrough: true }) res, headers set on res reach the response Nest sends.
  const receiver = responseName && !manual ? responseName : '@nest';
  fn.nest = { method, httpCode: !!httpCode, redirect: !!redirect, manualResponse: manual, returnsWithValue: 0, receiver };
  fn.handler = {
    requestName,
    responseName,
    isErrorMiddleware: false,
    isAsync: !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword),
    span: w.span(node),
  };
  if (path !== undefined) w.addRoute({ method, path });
  const headers = headerDecorators(decos, w);
  const base = { framework: 'nest' as const, receiver, headers };

  if (httpCode?.call) {
    const arg = httpCode.call.arguments[0];
    if (!arg) addSlot(w, 'nest', emptyArgsAt(httpCode.call));
    else {
      addSlot(w, 'nest', arg);
      for (const resolved of statusCodes(arg, w)) {
        w.addSite({
          ...base,
          kind: 'decorator',
          resolved,
          reportNode: resolved.node,
          codeEdit: replacePlan(resolved, w),
          sendMode: manual ? undefined : 'path',
          sendHow: manual ? 'unknown' : undefined,
          sendMethod: 'return',
        });
      }
    }
  }
  if (redirect?.call) {
    const [url, code] = redirect.call.arguments;
    const redirectHeaders = [...headers, { name: 'location', span: w.span(redirect.decorator) }];
    if (code) {
      addSlot(w, 'nest', code, 'redirect');
      for (const resolved of statusCodes(code, w)) {
        w.addSite({
          ...base,
          headers: redirectHeaders,
          kind: 'redirect',
          resolved,
          reportNode: resolved.node,
          codeEdit: replacePlan(resolved, w),
          sendHow: 'framework',
          sendMethod: 'redirect',
        });
      }
    } else {
      const plan: CodeEditPlan = url ? { kind: 'insert', at: url.getEnd(), template: ', {code}' } : { kind: 'none' };
      w.addSite({
        ...base,
        headers: redirectHeaders,
        kind: 'redirect',
        resolved: { code: 302, form: 'implicit', node: redirect.call },
        reportNode: redirect.call,
        codeEdit: plan,
        sendHow: 'framework',
        sendMethod: 'redirect',
      });
    }
  }
  if (!httpCode && !redirect && !manual) {
    // Nest answers 201 for @Post() and 200 for the others unless told otherwise: a site on the
    // decorator, so the route map lists the route even when the method decides no status itself.
    const at = httpDeco.decorator.getStart(w.sf);
    const canInsert = w.bindings.get('HttpCode')?.module === '@nestjs/common';
    const reportNode = httpDeco.call ?? httpDeco.decorator.expression;
    w.addSite({
      ...base,
      kind: 'framework-default',
      resolved: { code: method === 'POST' ? 201 : 200, form: 'implicit', node: reportNode },
      reportNode,
      codeEdit: canInsert ? { kind: 'insert', at, template: `@HttpCode({code})\n${indentAt(w.text, at)}` } : { kind: 'none' },
      sendMode: 'path',
      // the returned object literals are implicit sites of their own, with their bodies
      linkBody: false,
      sendMethod: 'return',
    });
  }
}

function onException(node: ts.NewExpression, w: WalkContext): void {
  const callee = node.expression;
  if (!ts.isIdentifier(callee)) return;
  if (!isNestName(callee.text, w)) return;
  const name = w.bindings.get(callee.text)?.name ?? callee.text;
  const args = node.arguments ?? [];
  const message = messageOf(args[0]);
  const body = args[0] && ts.isObjectLiteralExpression(unwrapExpr(args[0])) ? bodyFacts(args[0], w.sf) : undefined;
  const common = {
    framework: 'nest' as const,
    kind: 'exception' as const,
    sendHow: 'thrown' as const,
    sendSpan: w.span(node),
    sendMethod: 'throw',
    message,
    body,
  };
  if (name === 'HttpException') {
    const status = args[1];
    if (!status) return;
    addSlot(w, 'nest', status, 'exception');
    for (const resolved of statusCodes(status, w)) w.addSite({ ...common, resolved, reportNode: resolved.node, codeEdit: replacePlan(resolved, w) });
    return;
  }
  const code = codeOfName('nest', name);
  if (code === undefined) return;
  // An aliased import (NotFoundException as NotFound) has no safe rename.
  // Exception classes are imports: a rename may only pick one the file already imports from Nest.
  const imported = [...w.bindings].filter(([, b]) => b.module === '@nestjs/common').map(([local]) => local);
  const codeEdit: CodeEditPlan = name === callee.text ? { kind: 'rename', span: w.span(callee), family: 'nest', imported } : { kind: 'none' };
  w.addSite({ ...common, resolved: { code, form: 'named', node: callee }, reportNode: callee, codeEdit });
}

export const nestRecognizer: Recognizer = {
  framework: 'nest',

  onFunction(node, fn, w) {
    if (ts.isMethodDeclaration(node)) onControllerMethod(node, fn, w);
  },

  onNew(node, w) {
    onException(node, w);
  },

  onReturn(expr, node, w) {
    const fn = w.fn;
    const nest = fn?.nest;
    if (!expr || !nest || nest.manualResponse) return;
    nest.returnsWithValue++;
    const body = bodyFacts(expr, w.sf);
    let value = unwrapExpr(expr);
    if (ts.isAwaitExpression(value)) value = unwrapExpr(value.expression);
    // Only an object literal gets an implicit site of its own (rules read its props); other
    // returns still carry the body of the decorator's site.
    const implicit = !nest.httpCode && !nest.redirect && ts.isObjectLiteralExpression(value);
    w.addSend(nest.receiver, 'return', node, {
      body,
      framework: 'nest',
      how: 'returned',
      strong: true,
      implicit: implicit ? { code: nest.method === 'POST' ? 201 : 200, reportNode: expr, codeEdit: { kind: 'none' } } : undefined,
    });
  },
};
