import * as ts from 'typescript';
import { literalText } from '../../analysis/sites/argumentReaders';
import { functionArgs, mountAfterPath, routeOptions } from '../../analysis/sites/registrationReaders';
import type { FrameworkPlugin } from '../plugin';
import { honoRecognizer } from './recognizer';

export const hono: FrameworkPlugin = {
  id: 'hono',
  displayName: 'Hono',
  detect: { imports: ['hono', 'hono/'], paramTypes: ['Context'], receiverNames: ['c'] },
  recognizer: honoRecognizer,
  // c.status() returns nothing: a header goes in a statement of its own.
  headers: { statementBeforeStatus: 'header', headersArgAfterStatus: true },
  responseInitIsFetch: true,
  buildsFetchResponse: true,
  bodyNullCalls: ['json', 'text', 'html', 'body'],
  secondSend: 'the second response replaces or fails after the first',
  redirectCall: 'c.redirect(url, CODE)',
  pathParam: (name, _req, receiver) => (receiver ? `${receiver}.req.param('${name}')` : undefined),
  exceptionMessage: 'message-option',
  // app.route('/api', sub)
  mountsOf: (call) => mountAfterPath(call, 'route'),
  registrationOf(call, env, frameworkOfTarget) {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const args = call.arguments;
    const method = callee.name.text;
    switch (method) {
      case 'on': {
        // app.on('PURGE', '/cache', h) / app.on(['PUT', 'DELETE'], '/x', h)
        const [m, p] = args;
        const handlers = functionArgs(args);
        if (!m || handlers.size === 0) return null;
        const methods = ts.isArrayLiteralExpression(m) ? m.elements.map((x) => literalText(x)) : [literalText(m)];
        if (methods.some((x) => x === undefined)) return null;
        // emitter.on('end', cb) is an event, not a route: Hono's methods are upper case, its paths start with '/'.
        if (frameworkOfTarget(callee.expression, env) !== 'hono' && !(methods.every((x) => /^[A-Z]+$/.test(x!)) && /^\//.test(literalText(p) ?? '')))
          return null;
        const upper = methods.map((x) => x!.toUpperCase());
        return { route: { method: upper[0], path: literalText(p) }, methods: upper, framework: 'hono', role: 'route', handlers };
      }
      case 'openapi': {
        // @hono/zod-openapi: app.openapi(route, handler), the route made by createRoute({ method, path }),
        // often a constant of this file.
        const handlers = functionArgs(args);
        if (handlers.size === 0) return null;
        const spec = args[0] && ts.isIdentifier(args[0]) ? env.initOf(args[0].text) : args[0];
        const options = spec && ts.isCallExpression(spec) ? spec.arguments[0] : undefined;
        const fields = options && ts.isObjectLiteralExpression(options) ? routeOptions(options).route : undefined;
        return { route: fields, framework: 'hono', role: 'route', handlers };
      }
      case 'onError':
      case 'notFound': {
        const handlers = functionArgs(args);
        return handlers.size > 0 ? { framework: 'hono', role: method === 'onError' ? 'error' : 'not-found', handlers } : null;
      }
      default:
        return undefined;
    }
  },
  // (c) => ..., app.onError((err, c) => ...)
  handlerParams: (role) => (role === 'error' ? { req: 1, res: 1, errorHandler: true } : { req: 0, res: 0, errorHandler: false }),
  statusSlot(call) {
    if (call.form === 'new') return call.name === 'HTTPException' && call.index === 0 ? 'exception' : undefined;
    if (call.form !== 'method' || call.receiver !== 'c') return undefined;
    switch (call.name) {
      case 'status':
        return call.index === 0 && call.response ? 'status' : undefined;
      case 'redirect':
        // c.redirect(url, code): nothing goes in the first argument.
        return call.response ? (call.index === 1 ? 'redirect' : null) : undefined;
      case 'json':
      case 'text':
      case 'html':
      case 'body':
        return call.index === 1 && call.response ? 'response-init' : undefined;
      default:
        return undefined;
    }
  },
};
