import type { FrameworkPlugin } from '../plugin';
import { nestRecognizer } from './recognizer';

export const nest: FrameworkPlugin = {
  id: 'nest',
  displayName: 'NestJS',
  detect: { imports: ['@nestjs/common'], paramTypes: [], receiverNames: [] },
  recognizer: nestRecognizer,
  headers: { afterStatus: 'header' }, // FastifyReply.header, and Express's alias when Nest runs on Express
  invalidStatus: () => 'the error handler cannot send it as a status and falls back to 500',
  exceptionMessage: 'first-argument',
  exceptionMessageIsText: true,
  decoratorBodyIsReturned: true,
  statusSlot(call) {
    if (call.form === 'new') return call.name === 'HttpException' && call.index === 1 ? 'exception' : undefined;
    if (call.form !== 'decorator') return undefined;
    if (call.name === 'HttpCode' && call.index === 0) return 'decorator';
    if (call.name === 'Redirect' && call.index === 1) return 'redirect';
    return undefined;
  },
};
