// Thrown by controllers; the error handler in app.ts answers err.status.
export class HttpError extends Error {
  constructor(public status: number, message: string) {
    super(message);
  }
}
