// Next.js: app-router NextResponse (found by the Fetch recognizer) and pages API routes (Express's).
import { nextRoutePath } from '../fetch/recognizer';
import type { FrameworkPlugin } from '../plugin';

export const next: FrameworkPlugin = {
  id: 'next',
  displayName: 'Next.js',
  detect: { imports: ['next', 'next/server'], paramTypes: ['NextApiResponse'], receiverNames: ['res', 'response'] },
  // Pages API responses: a ServerResponse with Express-like helpers.
  headers: { afterStatus: 'setHeader' },
  hasSendStatus: true,
  ignoresReturnedResponse: true,
  responseInitIsFetch: true,
  redirectCall: 'NextResponse.redirect(url, CODE)',
  routePathOfFile: nextRoutePath,
  statusSlot(call) {
    if (call.form === 'init') return call.name === 'NextResponse' ? (call.method === 'redirect' ? 'redirect' : 'response-init') : undefined;
    // NextResponse.redirect(url, code)
    return call.form === 'method' && call.name === 'redirect' && call.target === 'NextResponse' ? (call.index === 1 ? 'redirect' : null) : undefined;
  },
};
