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
