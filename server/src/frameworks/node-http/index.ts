// node:http and node:https servers. Sites are found by Express's recognizer (the same ServerResponse).
import * as ts from 'typescript';
import { functionArgs, namedArgs } from '../../analysis/sites/registrationReaders';
import type { FrameworkPlugin } from '../plugin';

export const nodeHttp: FrameworkPlugin = {
  id: 'node-http',
  displayName: 'Node.js',
  detect: { imports: ['http', 'node:http', 'https', 'node:https'], paramTypes: ['ServerResponse'], receiverNames: ['res', 'response'] },
  headers: { afterStatus: 'setHeader' }, // ServerResponse.setHeader returns the response
  ignoresReturnedResponse: true,
  // http.createServer((req, res) => ...), createServer(opts, handler)
  registrationOf(call) {
    const callee = call.expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (name !== 'createServer') return undefined;
    const handlers = functionArgs(call.arguments);
    const named = namedArgs(call.arguments);
    return handlers.size > 0 || named.length > 0 ? { framework: 'node-http', role: 'server', handlers, named } : null;
  },
  acceptsStatusUpTo999: true,
  redirectCall: 'res.writeHead(CODE, { Location: url })',
  statusSlot(call) {
    if (call.form === 'assign') return call.name === 'statusCode' ? 'status-assign' : undefined;
    return call.form === 'method' && call.name === 'writeHead' ? (call.index === 0 && call.response ? 'write-head' : null) : undefined;
  },
  invalidStatus: (kind) =>
    kind === 'string'
      ? 'Node coerces it today, but TypeScript rejects it and a non-numeric string becomes an invalid status'
      : 'Node throws ERR_HTTP_INVALID_STATUS_CODE when the headers are written',
};
