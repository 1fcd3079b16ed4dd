// Choosing a constant name when a fix rewrites `StatusCodes.OK` to another code: the name must exist
// in the package the file uses (413 is REQUEST_TOO_LONG in http-status-codes, PAYLOAD_TOO_LARGE in Nest).
import { constantNameIn, type ConstantFamily } from './statusData';

const FAMILY_BY_HOLDER: Record<string, ConstantFamily> = {
  StatusCodes: 'http-status-codes',
  HttpStatus: '@nestjs/common',
  httpStatus: 'http-status',
  HTTP_STATUS: 'http-status',
};

/** The constant for `code` in the family written at the site, or undefined when that family has none. */
export function constantNameFor(code: number, holder: string): string | undefined {
  const family = FAMILY_BY_HOLDER[holder.split('.').pop() ?? holder];
  // A local enum or object may not have a member for the new code: the caller writes the number.
  return family ? constantNameIn(code, family) : undefined;
}
