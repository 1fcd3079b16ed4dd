// HttpError takes its status as an argument (500 when none is given); subclasses fix theirs.
export class HttpError extends Error {
  constructor(status = 500, message = 'Internal Server Error') {
    super(message);
    this.status = status;
  }
}

export class BadRequestError extends HttpError {
  constructor(message = 'Bad request') {
    super(400, message);
  }
}

export class PayloadTooLargeError extends HttpError {
  constructor() {
    super(413, 'Payload too large');
  }
}
