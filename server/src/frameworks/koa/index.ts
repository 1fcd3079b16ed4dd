import * as ts from 'typescript';
import { literalText } from '../../analysis/sites/argumentReaders';
import type { FrameworkPlugin } from '../plugin';
import { koaRecognizer } from './recognizer';

export const koa: FrameworkPlugin = {
  // koa-mount: app.use(mount('/api', api)); koa-router's router.use('/api', sub.routes()) is Express's spelling.
  mountsOf(call) {
    const [prefix, app] = call.arguments;
    if (!ts.isIdentifier(call.expression) || call.expression.text !== 'mount' || !prefix || !app) return undefined;
    const text = literalText(prefix);
    return text?.startsWith('/') ? { prefix: text, routers: [app] } : undefined;
  },
  id: 'koa',
  displayName: 'Koa',
  detect: {
    imports: ['koa', '@koa/router', 'koa-router'],
    paramTypes: ['ParameterizedContext', 'RouterContext', 'ExtendableContext', 'Context'],
    receiverNames: ['ctx', 'context'],
  },
  recognizer: koaRecognizer,
  headers: { afterStatusAssign: 'set' },
  empties205: true,
  emptyBodyImplies204: true,
  secondSend: 'the second response replaces or fails after the first',
  invalidStatus(kind, site) {
    // ctx.throw / ctx.assert build the error with http-errors, which reads a string as the message.
    if (site.kind === 'exception')
      return kind === 'string'
        ? `\`ctx.${site.send.method ?? 'throw'}\` hands it to http-errors, which takes a string as the message, so the response is a 500 whatever the string says`
        : `\`ctx.${site.send.method ?? 'throw'}\` hands it to http-errors, which falls back to 500`;
    return kind === 'string' ? 'Koa throws "status code must be a number"' : 'Koa throws "invalid status code"';
  },
  redirectCall: 'ctx.redirect(url)',
  // (ctx, next): the context is request and response.
  handlerParams: () => ({ req: 0, res: 0, errorHandler: false }),
  statusSlot(call) {
    if (call.form === 'assign') return call.name === 'status' && call.receiver === 'ctx' ? 'status-assign' : undefined;
    if (call.form !== 'method' || call.receiver !== 'ctx') return undefined;
    if (call.name === 'throw') return call.index === 0 && call.response ? 'exception' : undefined;
    // ctx.redirect(url) takes no code.
    return call.name === 'redirect' && call.response ? null : undefined;
  },
  pathParam: (name, _req, receiver) => (receiver ? `${receiver}.params.${name}` : undefined),
};
