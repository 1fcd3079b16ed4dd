// Where a response leaves our sight, for every framework: `next()` hands control on, and a response
// passed to a helper (`sendError(res, e)`, `stream.pipe(res)`) may be sent there. Sites before an
// escape are 'unknown', never 'not-sent'.
import * as ts from 'typescript';
import type { Recognizer } from '../walker';

export const escapeRecognizer: Recognizer = {
  framework: 'express',

  onCall(call, w) {
    const callee = call.expression;
    if (ts.isIdentifier(callee) && callee.text === 'next' && w.fn?.handler) {
      w.addEscape('*', call);
      return;
    }
    for (const a of call.arguments) {
      const name = ts.isIdentifier(a) ? w.responseName(a) : undefined;
      if (name) w.addEscape(name, a);
    }
  },
};
