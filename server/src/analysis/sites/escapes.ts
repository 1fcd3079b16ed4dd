// Where a response leaves our sight, for every framework: `next()` hands control on, and a response
// passed to a helper (`sendError(res, e)`, `stream.pipe(res)`) may be sent there. Sites before an
// escape are 'unknown', never 'not-sent', also when it happens in a callback inside the handler.
import * as ts from 'typescript';
import type { Recognizer } from '../walk/contract';
import { NEXT_CALLBACK } from '../../frameworks/ids';

export const escapeRecognizer: Recognizer = {
  onCall(call, w) {
    const callee = call.expression;
    if (ts.isIdentifier(callee) && callee.text === NEXT_CALLBACK) {
      // The handler's `next`, called here or in a callback inside it (`db.log(err, () => next(err))`).
      const owner = w.declaringFunction(NEXT_CALLBACK);
      if (owner ? owner.handler : w.fn?.handler) {
        w.addEscape('*', call, owner);
        return;
      }
    }
    for (const a of call.arguments) {
      const name = ts.isIdentifier(a) ? w.responseName(a) : undefined;
      if (!name) continue;
      w.addEscape(name, a);
      // handleSignup(req, res): a function of the file given this response is one of its handlers.
      if (ts.isIdentifier(callee)) w.handOver(callee.text, name);
    }
  },
};
