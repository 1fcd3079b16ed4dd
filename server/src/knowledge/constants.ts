// Choosing a constant name when a fix rewrites `StatusCodes.OK` to another code.
import { constantNamesOf, getStatus, resolveConstantName } from './statusData';

const CONSTANT_CASE = /^[A-Z][A-Z0-9_]*$/;

/**
 * The constant for `code` in the family used at the site (StatusCodes, HttpStatus, httpStatus...).
 * Picks the first CONSTANT_CASE alias from data/ that resolves back to the code; the data lists the
 * name shared by most packages first.
 */
export function constantNameFor(code: number, _prefix: string): string | undefined {
  const entry = getStatus(code);
  if (!entry) return undefined;
  return constantNamesOf(code).find((a) => CONSTANT_CASE.test(a) && resolveConstantName(a) === code);
}
