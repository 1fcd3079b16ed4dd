import express, { NextFunction, Request, Response } from 'express';
import { ValidateError } from 'tsoa';
import { RegisterRoutes } from '../build/routes';
import { HttpError } from './httpError';

export const app = express();
app.use(express.json());
// tsoa's generated routes, under routes.basePath (/api) from tsoa.json.
RegisterRoutes(app);

app.use(function errorHandler(err: unknown, _req: Request, res: Response, next: NextFunction) {
  if (err instanceof ValidateError) {
    return res.status(422).json({ message: 'Validation Failed', details: err.fields });
  }
  if (err instanceof HttpError) return res.status(err.status).json({ message: err.message });
  if (!(err instanceof Error)) return next(err);
  // Body-parser errors carry their status (400, 413); anything else is a 500.
  const status = typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number }).status : 500;
  return res.status(status).json({ message: status < 500 ? err.message : 'Internal Server Error' });
});
