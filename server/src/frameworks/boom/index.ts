// @hapi/boom. Its sites are found by the error libraries' recognizer in http-errors/.
import type { FrameworkPlugin } from '../plugin';

export const boom: FrameworkPlugin = {
  id: 'boom',
  displayName: 'Boom',
  bodyDroppedBy: 'The error handler',
  detect: { imports: ['@hapi/boom', 'boom'], paramTypes: [], receiverNames: [] },
  invalidStatus: () => 'the error handler cannot send it as a status and falls back to 500',
};
