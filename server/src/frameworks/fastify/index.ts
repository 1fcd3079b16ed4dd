import * as ts from 'typescript';
import { literalText } from '../../analysis/sites/argumentReaders';
import { functionArgs, routeOptions } from '../../analysis/sites/registrationReaders';
import type { FrameworkPlugin } from '../plugin';
import { fastifyRecognizer } from './recognizer';

export const fastify: FrameworkPlugin = {
  id: 'fastify',
  displayName: 'Fastify',
  detect: { imports: ['fastify'], paramTypes: ['FastifyReply'], receiverNames: ['reply', 'rep'] },
  recognizer: fastifyRecognizer,
  headers: { afterStatus: 'header', quickChain: 'header' },
  finishMethod: 'send',
  statusMethod: 'code',
  secondSend: 'Fastify logs "Reply was already sent" and drops the second response',
  invalidStatus: () => 'Fastify throws FST_ERR_BAD_STATUS_CODE',
  redirectCall: 'reply.redirect(url, CODE)',
  // fastify.register(plugin, { prefix: '/api' })
  mountsOf(call) {
    const callee = call.expression;
    const [plugin, opts] = call.arguments;
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'register' || !plugin || !opts || !ts.isObjectLiteralExpression(opts)) return undefined;
    for (const p of opts.properties) {
      if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name) || p.name.text !== 'prefix') continue;
      const prefix = literalText(p.initializer);
      return prefix?.startsWith('/') ? { prefix, routers: [plugin] } : undefined;
    }
    return undefined;
  },
  registrationOf(call) {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const args = call.arguments;
    const method = callee.name.text;
    switch (method) {
      case 'route': {
        // fastify.route({ method, url, handler }); Express's app.route('/x') registers nothing itself.
        const opts = args[0];
        if (!opts || !ts.isObjectLiteralExpression(opts)) return null;
        const { route, handlers, named } = routeOptions(opts);
        return handlers.size > 0 || named.length > 0 ? { route, framework: 'fastify', role: 'route', handlers, named } : null;
      }
      case 'setErrorHandler':
      case 'setNotFoundHandler': {
        const handlers = functionArgs(args);
        return handlers.size > 0 ? { framework: 'fastify', role: method === 'setErrorHandler' ? 'error' : 'not-found', handlers } : null;
      }
      case 'addHook': {
        const handlers = functionArgs(args);
        return handlers.size > 0 && literalText(args[0]) !== undefined ? { framework: 'fastify', role: 'hook', handlers } : null;
      }
      default:
        return undefined;
    }
  },
  // setErrorHandler((error, request, reply) => ...)
  handlerParams: (role) => (role === 'error' ? { req: 1, res: 2, errorHandler: true } : { req: 0, res: 1, errorHandler: false }),
  statusSlot(call) {
    if (call.form !== 'method' || call.index !== 0 || !call.response) return undefined;
    if (call.name === 'status') return call.receiver === 'reply' || call.receiver === 'rep' ? 'status' : undefined;
    // reply.code(n); Koa's ctx and Hono's c have no code().
    return call.name === 'code' && call.receiver !== 'ctx' && call.receiver !== 'c' ? 'status' : undefined;
  },
  pathParam: (name, req) => (req ? `${req}.params.${name}` : undefined),
};
