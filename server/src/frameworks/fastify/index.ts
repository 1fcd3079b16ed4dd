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
