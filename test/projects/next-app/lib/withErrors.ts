import { ApiError } from './errors';
import { errorResponse } from './http';

type Handler<C> = (request: Request, context: C) => Promise<Response>;

// Wraps a route handler: the project's error handler for the app router.
export function withErrors<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (err) {
      // Problem [missing-required-header]: a thrown 401 gets no WWW-Authenticate here.
      // Problem [missing-retry-after]: a thrown 429 gets no Retry-After here.
      // Look-alike [leaked-error-details]: only ApiError reaches this line, and its messages are the project's own.
      if (err instanceof ApiError) return errorResponse(err.status, err.message);
      // Look-alike [server-error-for-client-error]: request.json() threw on a malformed body: the client's error, 400.
      if (err instanceof SyntaxError) return errorResponse(400, 'Malformed JSON body');
      console.error(err);
      // Problem [leaked-error-details]: the stack of an unexpected error goes to the client.
      return errorResponse(500, 'Internal Server Error', { stack: (err as Error).stack });
    }
  };
}
