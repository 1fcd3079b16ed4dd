// Express and Connect-style servers (polka, connect, router).
import { mountAfterPath } from '../../analysis/sites/registrationReaders';
import type { FrameworkPlugin } from '../plugin';
import { expressRecognizer } from './recognizer';

export const express: FrameworkPlugin = {
  id: 'express',
  displayName: 'Express',
  detect: { imports: ['express', 'polka', 'connect', 'router'], paramTypes: ['Response', 'ExpressResponse'], receiverNames: ['res', 'response', 'resp'] },
  // Also reads node:http's and Next.js pages API responses: they share ServerResponse's methods.
  recognizer: expressRecognizer,
  headers: { afterStatus: 'set', afterStatusUnderNest: 'header', beforeSendStatus: 'set', quickChain: 'set' },
  hasSendStatus: true,
  ignoresReturnedResponse: true,
  acceptsStatusUpTo999: true,
  redirectCall: 'res.redirect(CODE, url)',
  pathParam: (name, req) => (req ? `${req}.params.${name}` : undefined),
  alwaysPassesNext: true,
  // app.use('/api', router), router.use('/v1', auth, sub): every argument after the path may be a router.
  mountsOf: (call) => mountAfterPath(call, 'use'),
  statusSlot: (call) => (call.form === 'method' && call.name === 'sendStatus' ? (call.index === 0 && call.response ? 'send-status' : null) : undefined),
  // A response nobody else claims is taken for Express's: res.status(n), res.redirect(n, url), res.status = n.
  fallbackSlot(call) {
    if (call.form === 'assign') return call.name === 'status' ? 'status-assign' : undefined;
    if (call.form !== 'method' || call.index !== 0 || !call.response) return undefined;
    return call.name === 'status' || call.name === 'redirect' ? call.name : undefined;
  },
};
