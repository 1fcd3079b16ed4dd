// The explicit, typed rule registry. README's rules table, the settings schema in package.json and
// docs/rules/*.md are generated from this list (scripts/gen-catalog.mjs); a test fails when they drift.
import { errorInSuccessResponse } from './error-in-success-response';
import { serverErrorForClientError } from './server-error-for-client-error';
import { serverErrorForNotFound } from './server-error-for-not-found';
import { authStatusMismatch } from './auth-status-mismatch';
import { emptySuccessShouldBe204 } from './empty-success-should-be-204';
import { bodyWithNoContentStatus } from './body-with-no-content-status';
import { createdWithoutLocation } from './created-without-location';
import { missingRequiredHeader } from './missing-required-header';
import { missingRetryAfter } from './missing-retry-after';
import { leakedErrorDetails } from './leaked-error-details';
import { statusNotSent } from './status-not-sent';
import { responseSentTwice } from './response-sent-twice';
import { invalidStatusCode } from './invalid-status-code';
import { unregisteredStatusCode } from './unregistered-status-code';
import { redirectChangesMethod } from './redirect-changes-method';
import { conflictShouldBe409 } from './conflict-should-be-409';
import { rateLimitShouldBe429 } from './rate-limit-should-be-429';
import { clientErrorForServerFault } from './client-error-for-server-fault';
import type { Rule } from './types';

export const rules = [
  errorInSuccessResponse,
  serverErrorForClientError,
  serverErrorForNotFound,
  authStatusMismatch,
  emptySuccessShouldBe204,
  bodyWithNoContentStatus,
  createdWithoutLocation,
  missingRequiredHeader,
  missingRetryAfter,
  leakedErrorDetails,
  statusNotSent,
  responseSentTwice,
  invalidStatusCode,
  unregisteredStatusCode,
  redirectChangesMethod,
  conflictShouldBe409,
  rateLimitShouldBe429,
  clientErrorForServerFault,
] as const satisfies readonly Rule[];

export const ruleIds: readonly string[] = rules.map((r) => r.id);

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}

export type { Rule, RuleContext, RuleReport } from './types';
