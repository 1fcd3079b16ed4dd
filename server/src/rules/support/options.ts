// Options read by more than one rule, declared once here; each rule that reads one lists it in its
// `options`. An option of a single rule is declared in that rule's file.
import { defineOption } from '../../analysis/options';

export const validationStatus = defineOption({
  schema: { type: 'number', enum: [400, 422] },
  default: 400,
  description: 'The status quick fixes suggest for invalid input: `400` Bad Request or `422` Unprocessable Content.',
});

export const wwwAuthenticateScheme = defineOption({
  schema: { type: 'string', pattern: "^[A-Za-z][\\w!#$%&'*+.^`|~-]*$" },
  default: 'Bearer',
  description: 'The auth scheme quick fixes write in the `WWW-Authenticate` header of a `401` (`Bearer`, `Basic`, ...).',
  expected: 'an auth scheme token such as "Bearer" or "Basic"',
});

export const retryAfterSeconds = defineOption({
  schema: { type: 'integer', minimum: 0, maximum: 604800 },
  default: 60,
  description: 'The delay, in seconds, quick fixes write in a `Retry-After` header (`429`, `503`).',
  expected: 'a whole number of seconds (0 to 604800)',
});
