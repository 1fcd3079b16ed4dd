// The web Response (new Response, Response.json, Response.redirect) and Remix / React Router helpers.
import type { FrameworkPlugin } from '../plugin';
import { fetchRecognizer, nextRoutePath } from './recognizer';

export const fetchResponse: FrameworkPlugin = {
  id: 'fetch',
  displayName: 'Fetch API',
  bodyDroppedBy: 'The Fetch API',
  detect: { imports: [], paramTypes: [], receiverNames: [] },
  // Also reads NextResponse and Next.js route files: they build the same Response.
  recognizer: fetchRecognizer,
  responseInitIsFetch: true,
  buildsFetchResponse: true,
  redirectCall: 'Response.redirect(url, CODE)',
  routePathOfFile: nextRoutePath,
  statusSlot(call) {
    if (call.form === 'init') return call.name === 'Response' ? (call.method === 'redirect' ? 'redirect' : 'response-init') : undefined;
    // Response.redirect(url, code)
    return call.form === 'method' && call.name === 'redirect' && call.target === 'Response' ? (call.index === 1 ? 'redirect' : null) : undefined;
  },
};
