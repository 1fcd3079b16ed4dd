// A 5xx body that hands the caught error's internals (stack, message, SQL, the object) to the client.
import type { Fix, StatusSite } from '../analysis/types';
import { phraseOf } from '../knowledge/statusData';
import { builtHere } from './support/headerEdits';
import { narrowedByRethrow } from '../analysis/facts/catchShape';
import { DELIBERATE_EXPOSURE, bodyLeaks, genericBodyEdits, type LeakFact as Leak } from '../analysis/facts/errorLeaks';
import { snippet } from './support/suggest';
import { defineRule } from './support/defineRule';
import type { RuleContext } from './types';
import { pluginFor } from '../frameworks/registry';

/** Error classes whose message is written for the client: a `.message` from them is not a leak. */
const CLIENT_ERRORS =
  /Validation|NotFound|Http|HTTPError|App(lication)?Error|UserError|BadRequest|Conflict|Unauthori[sz]ed|Forbidden|Client|Syntax|Input|Business|Domain|Zod|Joi|Yup/;
const DRIVER_ERRORS = /Sequelize|Mongo|Query|Database|Sql|SQL|Prisma|Knex|Pg|Postgres|Redis|TypeORM|Driver|Connection|Timeout/;

const LITERAL_KINDS = new Set(['string', 'number', 'boolean', 'null', 'undefined']);

/** `{ error: 'Internal Server Error' }`, `'Something broke'`: nothing to leak, no need to parse. */
function onlyLiterals(site: StatusSite): boolean {
  const body = site.body!;
  if (body.kind === 'null') return true;
  if (body.kind === 'string') return !/\$\{/.test(body.text);
  return body.kind === 'object' && !/\.\.\./.test(body.text) && body.props.every((p) => LITERAL_KINDS.has(p.valueKind) || p.empty === true);
}

/** A timeout's message says only that it timed out (`isTimeoutError(err)`, `err.name === 'AbortError'`). */
const TIMEOUT_ERRORS = /Timeout|TimedOut|Abort/;

/** The error was narrowed to a class whose messages are meant for clients (`err instanceof ValidationError`), or to a timeout. */
function clientSafeMessage(site: StatusSite, leaks: Leak[]): boolean {
  if (!leaks.every((l) => l.prop === 'message' || (l.what === 'error text' && l.prop === undefined))) return false;
  return site.guards.some(
    (g) =>
      !g.negated &&
      g.kind === 'error-type' &&
      !!g.errorName &&
      ((CLIENT_ERRORS.test(g.errorName) && !DRIVER_ERRORS.test(g.errorName)) || TIMEOUT_ERRORS.test(g.errorName)),
  );
}

/**
 * Calls that can only fail on what the client sent: parsing, checking, verifying its input. A try made
 * of them throws SyntaxErrors and verification failures that describe the input, not the server.
 */
const INPUT_ONLY_CALL =
  /^(parse|stringify|includes|some|every|find|filter|map|keys|values|entries|isArray|split|trim|toLowerCase|toUpperCase|slice|replace|test|match|from|String|Number|parseInt|parseFloat|decodeURIComponent|encodeURIComponent|atob|btoa|toString|safeParse|parseAsync|validate\w*|verify\w*|decode\w*|fromBuffer|isoBase64URL\w*)$/;

function tryOnlyChecksInput(site: StatusSite): boolean {
  const calls = site.catchClause?.tryCalls ?? [];
  return calls.length > 0 && calls.every((c) => INPUT_ONLY_CALL.test(c));
}

/** A connection test of settings the client just sent (`POST /s3/test`): reporting its error is the endpoint's job. */
function connectionTest(site: StatusSite): boolean {
  const last = (site.route?.path ?? '').split('/').filter(Boolean).pop() ?? '';
  return /^(test|test-?connection|check-?connection|verify-?connection)$/i.test(last);
}

/** Why the body may carry the error, or undefined when it is a leak. */
function safeToShow(ctx: RuleContext, site: StatusSite, leaks: Leak[]): boolean {
  if (clientSafeMessage(site, leaks) || tryOnlyChecksInput(site) || connectionTest(site)) return true;
  // `if (!(err instanceof OIDCProviderError)) throw err;` before: only that class's errors get here
  const narrowed = narrowedByRethrow(ctx, site);
  return !!narrowed && !DRIVER_ERRORS.test(narrowed) && !/^(Error|TypeError|RangeError)$/.test(narrowed);
}

export const leakedErrorDetails = defineRule({
  id: 'leaked-error-details',
  severity: { recommended: 'warning' },
  basis: 'convention',
  messages: {
    leak: "{{code}} {{phrase}} exposes `{{expression}}`: log the error and send a generic message. It sends {{what}} to the client: stack traces, SQL and driver messages show attackers your code and data, and users can't act on them.",
    leakThroughException:
      "{{code}} {{phrase}} exposes `{{expression}}`: log the error and send a generic message. {{framework}} puts this exception's message in the response. It sends {{what}} to the client: stack traces, SQL and driver messages show attackers your code and data, and users can't act on them.",
  },
  docs: {
    summary: 'A 5xx response whose body sends the caught error (its stack, message, SQL or driver fields, or the object itself) to the client.',
    description:
      "A server error means the server failed; what failed is none of the client's business. Stack traces, SQL statements, " +
      'driver messages and file paths tell attackers which libraries, tables and code paths you have (OWASP "Improper ' +
      'Error Handling"), raw error objects can carry connection details, and end users get a message they cannot act on. ' +
      'Log the error on the server (where your monitoring sees it) and send a generic body such as ' +
      "`{ error: 'Internal Server Error' }`, with a request id if you need to correlate. Details shown only in " +
      'development (`NODE_ENV` checks) or behind `err.expose` are not reported, nor are http-errors/Boom/Koa errors, which hide 5xx messages.',
    fixes:
      'Replace the leaking fields with a generic message and log the error first (with the logger the function already uses, else console.error). The body changes, so fix all and `--fix` leave it for you to review.',
    examples: {
      bad: "app.get('/orders', async (req, res) => {\n  try {\n    res.json(await Order.findAll());\n  } catch (err) {\n    res.status(500).json({ error: err.message, stack: err.stack });\n  }\n});",
      good: "app.get('/orders', async (req, res) => {\n  try {\n    res.json(await Order.findAll());\n  } catch (err) {\n    console.error(err);\n    res.status(500).json({ error: 'Internal Server Error' });\n  }\n});",
    },
  },
  check(ctx) {
    for (const site of ctx.sites) {
      const code = site.code;
      if (code === undefined || code < 500 || code > 599 || site.form === 'dynamic') continue;
      if (site.guards.some((g) => DELIBERATE_EXPOSURE.test(g.text))) continue;
      const sentHere = site.kind === 'exception' || (builtHere(site) && !!site.body && !onlyLiterals(site));
      const leaks = sentHere ? bodyLeaks(ctx, site) : [];
      if (leaks.length === 0 || safeToShow(ctx, site, leaks)) continue;
      const phrase = phraseOf(code) ?? phraseOf(500) ?? 'Server Error';
      const edits = genericBodyEdits(ctx, site, phrase);
      const fix: Fix | undefined = edits && {
        title: edits.logs ? `Send a generic ${phrase} body and log the error` : `Send a generic ${phrase} body`,
        edits: edits.edits,
        isPreferred: true,
        // The body changes (clients may read those fields): a suggestion, never applied by fix-all.
        suggestion: true,
      };
      const first = leaks[0];
      const what = first.what === 'error object' ? `the error object \`${first.errorName}\`` : `the ${first.what} of \`${first.errorName}\``;
      const data = { code, phrase, expression: snippet(first.text, 30), what };
      if (site.kind === 'exception') ctx.report(site, 'leakThroughException', { ...data, framework: pluginFor(site.framework).displayName }, fix ? [fix] : []);
      else ctx.report(site, 'leak', data, fix ? [fix] : []);
    }
  },
});
