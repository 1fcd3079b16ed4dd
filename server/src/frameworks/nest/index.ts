import * as ts from 'typescript';
import { literalText } from '../../analysis/sites/argumentReaders';
import type { FrameworkPlugin } from '../plugin';
import { nestRecognizer } from './recognizer';

export const nest: FrameworkPlugin = {
  id: 'nest',
  displayName: 'NestJS',
  detect: { imports: ['@nestjs/common'], paramTypes: [], receiverNames: [] },
  recognizer: nestRecognizer,
  // app.setGlobalPrefix('api') in main.ts: every controller's routes are under /api.
  globalPrefixOf(call) {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'setGlobalPrefix') return undefined;
    const prefix = literalText(call.arguments[0]);
    return prefix === undefined || prefix === '' ? undefined : `/${prefix.replace(/^\/+/, '')}`;
  },
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
