// A catch-all that answers 400/404/422 for every error: a database outage looks like the client's fault.
import { changeCodeEdit } from '../analysis/edits';
import type { StatusSite } from '../analysis/types';
import { codeLabel, isFallbackCode, snippet } from './support/suggest';
import { bodyParseInTry, narrowedByRethrow } from '../analysis/facts/catchShape';
import { defineRule } from './support/defineRule';
import type { ReportContext } from './types';
import { NEXT_CALLBACK } from '../frameworks/ids';

/** Calls that reach a database, a queue, a file store or another service. */
const SERVICE_CALL =
  /^(find\w*|save|insert\w*|update\w*|upsert\w*|create\w*|delete\w*|destroy|remove\w*|query|execute|exec|run|first|all|get\w*|list\w*|load\w*|fetch|axios|request|post|put|patch|send\w*|publish|charge|capture|refund\w*|import\w*|export\w*|aggregate|count\w*|select|prepare|transaction|\$transaction|call|invoke|render|upload\w*|download\w*|store|persist|sync\w*|ship|process\w*|enqueue|hget|hset|by[A-Z]\w*)$/;
/** Calls that throw because the input is bad: a catch-all around them is mostly a validation catch. */
const INPUT_CALL =
  /^(parse|safeParse|parseAsync|validate|validateSync|validateAsync|validateOrReject|assert|decode|verify|jwtVerify|plainToInstance|plainToClass|check|cast)$/;
/** Lookups that throw when nothing matches: a catch-all 404 around them is the usual idiom. */
const THROWING_LOOKUP = /(OrThrow|OrFail|orFail|rejectOnNotFound|findOneOrFail|getOrThrow)$/;
/** Response plumbing and formatting inside the try (Date getters included): not where an outage comes from. */
const PLUMBING =
  /^(json|status|code|header|set|location|type|send|end|redirect|next|log|info|warn|error|debug|toString|String|Number|parseInt|map|filter|slice|push|keys|values|entries|toISOString|now|stringify|body|get(UTC)?(FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds)|getTime|getTimezoneOffset)$/;

function serviceCalls(site: StatusSite): string[] {
  const calls = site.catchClause?.tryCalls ?? [];
  if (calls.some((c) => INPUT_CALL.test(c))) return [];
  if (site.code === 404 && calls.some((c) => THROWING_LOOKUP.test(c))) return [];
  return [...new Set(calls.filter((c) => SERVICE_CALL.test(c) && !PLUMBING.test(c)))];
}

const WHAT_CLIENTS_HEAR: Record<number, string> = {
  400: 'their request was malformed',
  404: 'the resource does not exist',
  422: 'their input was invalid',
};

/**
 * `res.status(err.status || 400)` in an error handler: every error that carries no status of its own
 * (a database outage, a bug) is answered as the client's mistake.
 */
function reportDefaultedErrorStatus(ctx: ReportContext, site: StatusSite): void {
  const code = site.code!;
  const inErrorHandler = site.handler?.isErrorMiddleware || (site.catchClause?.tryCalls.length && site.catchClause.tryCalls.every((c) => c === NEXT_CALLBACK));
  if (!inErrorHandler || site.guards.length > 0) return;
  // The status read before `||`/`??` must be the error's own (err.status, error.statusCode).
  const before = ctx.text.slice(Math.max(0, site.span.start - 80), site.span.start);
  if (!/\b\w*(err|error|e|ex|exception)\w*\.(status|statusCode|code)\s*(\|\||\?\?)\s*$/i.test(before)) return;
  const edit = changeCodeEdit(site, 500);
  const fixes = edit ? [{ title: `Fall back to ${codeLabel(500)}`, edits: [edit], isPreferred: true }] : [];
  ctx.report(site, 'defaultedStatus', { code: codeLabel(code), better: codeLabel(500), clientsHear: WHAT_CLIENTS_HEAR[code] }, fixes);
}

export const clientErrorForServerFault = defineRule({
  id: 'client-error-for-server-fault',
  severity: { recommended: 'info' },
  basis: 'convention',
  messages: {
    defaultedStatus:
      "{{code}} for every error without a status of its own: fall back to {{better}}. Errors that carry no status are the unexpected ones (database outages, bugs, timeouts), yet clients are told {{clientsHear}} and won't retry, and monitors never see the failure.",
    catchAll:
      "{{code}} for every error in this catch: respond {{better}}. The errors thrown by {{calls}} include database and service outages, yet clients are told {{clientsHear}} and won't retry, and monitors never see the failure. Answer {{status}} only for the errors you test for (e.g. `if (err instanceof NotFoundError)`){{parseFirst}}.",
  },
  docs: {
    summary: 'A catch-all `catch` around database or service calls that answers 400, 404 or 422 for every error.',
    description:
      'A catch that never looks at the error answers the same status for a bad id and for a database outage, a ' +
      'timeout or a bug. With a 4xx, clients are told the mistake is theirs and do not retry, caches may store a 404, ' +
      'and error-rate monitoring never sees the outage. Answer 500 from the catch-all (logging the error), and answer ' +
      "the 4xx only for the errors you test for (`if (err instanceof NotFoundError)`, `err.code === 'P2025'`).",
    fixes: 'Change the status to 500; narrowing the catch to the errors that mean a client mistake is explained in the message.',
    examples: {
      bad: "router.get('/products', async (req, res) => {\n  try {\n    res.json(await Product.find({ category: req.query.category }));\n  } catch (err) {\n    res.status(400).json({ error: 'Could not load products' });\n  }\n});",
      good: "router.get('/products', async (req, res) => {\n  try {\n    res.json(await Product.find({ category: req.query.category }));\n  } catch (err) {\n    console.error(err);\n    res.status(500).json({ error: 'Could not load products' });\n  }\n});",
    },
  },
  check(ctx) {
    for (const site of ctx.sites) {
      if (site.code === undefined || !(site.code in WHAT_CLIENTS_HEAR) || site.form === 'dynamic') continue;
      if (isFallbackCode(site, ctx.text)) {
        reportDefaultedErrorStatus(ctx, site);
        continue;
      }
      const cc = site.catchClause;
      // A test around the code (an if or a `? :`) means the catch does not answer every error alike.
      // Tests before it that only rethrow one type or pick a message leave every other error to this
      // answer; only sending every other error elsewhere first (`if (!(err instanceof X)) throw err`) narrows it.
      if (!cc || site.guards.length > 0 || site.branch || narrowedByRethrow(ctx, site)) continue;
      const calls = serviceCalls(site);
      if (calls.length === 0) continue;
      const edit = changeCodeEdit(site, 500);
      const shown = calls
        .slice(0, 3)
        .map((c) => `\`${c}\``)
        .join(', ');
      // The try also parses the body: a 500 would answer malformed input as a server failure, so split instead.
      const parse = bodyParseInTry(ctx, site);
      const fixes = edit ? [{ title: `Respond ${codeLabel(500)}`, edits: [edit], isPreferred: !parse }] : [];
      const parseFirst = parse ? `, and parse the body (\`${snippet(parse, 30)}\`) before the try` : '';
      ctx.report(
        site,
        'catchAll',
        { code: codeLabel(site.code), better: codeLabel(500), calls: shown, clientsHear: WHAT_CLIENTS_HEAR[site.code], status: site.code, parseFirst },
        fixes,
      );
    }
  },
});
