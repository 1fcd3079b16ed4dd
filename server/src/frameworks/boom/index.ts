// @hapi/boom.
import type { FrameworkPlugin } from '../plugin';
import { BOOM_MODULES, boomRecognizer } from './recognizer';

export const boom: FrameworkPlugin = {
  id: 'boom',
  displayName: 'Boom',
  bodyDroppedBy: 'The error handler',
  detect: { imports: BOOM_MODULES, paramTypes: [], receiverNames: [] },
  recognizer: boomRecognizer,
  invalidStatus: () => 'the error handler cannot send it as a status and falls back to 500',
};
