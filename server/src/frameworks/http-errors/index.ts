import type { FrameworkPlugin } from '../plugin';
import { HTTP_ERRORS_MODULES, errorsRecognizer } from './recognizer';

export const httpErrors: FrameworkPlugin = {
  id: 'http-errors',
  displayName: 'http-errors',
  bodyDroppedBy: 'The error handler',
  detect: { imports: HTTP_ERRORS_MODULES, paramTypes: [], receiverNames: [] },
  // Also reads a project's own error classes that carry a status.
  recognizer: errorsRecognizer,
  statusSlot: (call) =>
    call.form === 'function' && (call.name === 'createError' || call.name === 'createHttpError') && call.index === 0 ? 'exception' : undefined,
  invalidStatus: (kind) =>
    kind === 'string'
      ? 'The http-errors package takes a string as the message, so the error is a 500 whatever the string says'
      : 'The http-errors package falls back to 500',
};
