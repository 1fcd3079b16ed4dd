class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

class NotFoundError extends HttpError {
  constructor(message = 'Not found') {
    super(404, message);
  }
}

class UnprocessableError extends HttpError {
  constructor(message) {
    // Look-alike [undocumented-status]: POST /orders documents `default`, which covers 422.
    super(422, message);
  }
}

module.exports = { HttpError, NotFoundError, UnprocessableError };
