// Libraries that put the status code in a name: NestJS exception classes, @hapi/boom factories and
// http-errors constructors. Read both ways: name → code (to find sites) and code → name (for fixes).
// These are identifiers the libraries export, not reason phrases.
import type { NamedStatusFamily } from '../model';
import { ID } from '../../frameworks/ids';

/** @nestjs/common built-in exceptions. */
const NEST: Record<string, number> = {
  BadRequestException: 400,
  UnauthorizedException: 401,
  ForbiddenException: 403,
  NotFoundException: 404,
  MethodNotAllowedException: 405,
  NotAcceptableException: 406,
  RequestTimeoutException: 408,
  ConflictException: 409,
  GoneException: 410,
  PreconditionFailedException: 412,
  PayloadTooLargeException: 413,
  UnsupportedMediaTypeException: 415,
  ImATeapotException: 418,
  MisdirectedException: 421,
  UnprocessableEntityException: 422,
  InternalServerErrorException: 500,
  NotImplementedException: 501,
  BadGatewayException: 502,
  ServiceUnavailableException: 503,
  GatewayTimeoutException: 504,
  HttpVersionNotSupportedException: 505,
};

/** @hapi/boom factories (Boom.notFound(), Boom.badImplementation()...). The first name per code is used for fixes. */
const BOOM: Record<string, number> = {
  badRequest: 400,
  unauthorized: 401,
  paymentRequired: 402,
  forbidden: 403,
  notFound: 404,
  methodNotAllowed: 405,
  notAcceptable: 406,
  proxyAuthRequired: 407,
  clientTimeout: 408,
  conflict: 409,
  resourceGone: 410,
  lengthRequired: 411,
  preconditionFailed: 412,
  entityTooLarge: 413,
  uriTooLong: 414,
  unsupportedMediaType: 415,
  rangeNotSatisfiable: 416,
  expectationFailed: 417,
  teapot: 418,
  badData: 422,
  locked: 423,
  failedDependency: 424,
  tooEarly: 425,
  preconditionRequired: 428,
  tooManyRequests: 429,
  illegal: 451,
  badImplementation: 500,
  internal: 500,
  notImplemented: 501,
  badGateway: 502,
  serverUnavailable: 503,
  gatewayTimeout: 504,
};

/** http-errors constructors (createError.NotFound), named after the `statuses` messages. */
const HTTP_ERRORS: Record<string, number> = {
  BadRequest: 400,
  Unauthorized: 401,
  PaymentRequired: 402,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  ProxyAuthenticationRequired: 407,
  RequestTimeout: 408,
  Conflict: 409,
  Gone: 410,
  LengthRequired: 411,
  PreconditionFailed: 412,
  PayloadTooLarge: 413,
  URITooLong: 414,
  UnsupportedMediaType: 415,
  RangeNotSatisfiable: 416,
  ExpectationFailed: 417,
  ImATeapot: 418,
  MisdirectedRequest: 421,
  UnprocessableEntity: 422,
  Locked: 423,
  FailedDependency: 424,
  TooEarly: 425,
  UpgradeRequired: 426,
  PreconditionRequired: 428,
  TooManyRequests: 429,
  RequestHeaderFieldsTooLarge: 431,
  UnavailableForLegalReasons: 451,
  InternalServerError: 500,
  NotImplemented: 501,
  BadGateway: 502,
  ServiceUnavailable: 503,
  GatewayTimeout: 504,
  HTTPVersionNotSupported: 505,
  VariantAlsoNegotiates: 506,
  InsufficientStorage: 507,
  LoopDetected: 508,
  BandwidthLimitExceeded: 509,
  NotExtended: 510,
  NetworkAuthenticationRequired: 511,
};

/**
 * @fastify/sensible's reply helpers (reply.notFound(msg)...): the http-errors names with a lower-case
 * first letter, as the plugin derives them, except its own spellings for 414 and 505. It has none for 418.
 */
const SENSIBLE_SPELLINGS: Record<string, string> = { URITooLong: 'uriTooLong', HTTPVersionNotSupported: 'httpVersionNotSupported' };
const FASTIFY_SENSIBLE: Record<string, number> = Object.fromEntries(
  Object.entries(HTTP_ERRORS)
    .filter(([, code]) => code !== 418)
    .map(([name, code]) => [SENSIBLE_SPELLINGS[name] ?? name[0].toLowerCase() + name.slice(1), code]),
);

const TABLES: Record<NamedStatusFamily, Record<string, number>> = {
  nest: NEST,
  boom: BOOM,
  [ID.httpErrors]: HTTP_ERRORS,
  'fastify-sensible': FASTIFY_SENSIBLE,
};

const reverse = (table: Record<string, number>): Map<number, string> => {
  const out = new Map<number, string>();
  for (const [name, code] of Object.entries(table)) if (!out.has(code)) out.set(code, name);
  return out;
};
const BY_CODE: Record<NamedStatusFamily, Map<number, string>> = {
  nest: reverse(NEST),
  boom: reverse(BOOM),
  [ID.httpErrors]: reverse(HTTP_ERRORS),
  'fastify-sensible': reverse(FASTIFY_SENSIBLE),
};

/** The code a family's name stands for: codeOfName('nest', 'NotFoundException') → 404. */
export function codeOfName(family: NamedStatusFamily, name: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(TABLES[family], name) ? TABLES[family][name] : undefined;
}

/** The family's name for a code, for fixes: nameForCode('boom', 429) → 'tooManyRequests'. */
export function nameForCode(family: NamedStatusFamily, code: number): string | undefined {
  return BY_CODE[family].get(code);
}
