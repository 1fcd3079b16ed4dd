import { DomainException } from './errors';

// Exception factories the controllers throw.
export function notFound(what: string) {
  // Problem [server-error-for-not-found]: DomainException defaults to 500, so every `throw notFound(...)` answers 500.
  return new DomainException(`${what} not found`);
}

export function upstreamFailed(service: string) {
  // Look-alike [server-error-for-client-error]: a service the server depends on failed: 500 is right.
  return new DomainException(`${service} is unavailable`);
}
