// What a response is for, read off its surroundings, for rules whose advice depends on the reader:
//   - a health, readiness or liveness probe (routePurpose.ts): read by an orchestrator or a monitor,
//     which polls on its own schedule (a 503 there is the probe's answer, not an outage to come back from);
//   - a feature this deployment has not configured (`if (!env.SLACK_SECRET) return 503`): an operator
//     must act, so no retry time exists.
// Both read names the project chose (route paths, file and function names, the guard's condition,
// its messages); when no sign is clear, the answer is false and rules behave as before.
import * as ts from 'typescript';
import type { StatusSite } from '../types';
import { unwrapAwaited } from '../syntax';
import { declarationOf, isFunctionLike, nodeAt, treeOf } from './tree';
import type { FactsInput } from './input';

/** What the whole file says, read once per analysis (rules ask per site; a scan per site would cost the file times its sites). */
export interface FileMentions {
  /** Nest's health-check module: its controllers are probes. */
  terminus: boolean;
  /** `Retry-After` or `retryAfter` appears anywhere. */
  retryAfter: boolean;
  /** A rate-limit library that sets Retry-After itself is imported. */
  headerSettingLimiter: boolean;
}

const HEADER_SETTING_LIMITER = /['"](express-rate-limit|hono-rate-limiter|@fastify\/rate-limit|koa-ratelimit|koa2-ratelimit|@nestjs\/throttler)['"]/;
let mentionsMemo: { analysis: FactsInput['analysis']; mentions: FileMentions } | undefined;

export function fileMentions(ctx: FactsInput): FileMentions {
  if (mentionsMemo?.analysis !== ctx.analysis) {
    mentionsMemo = {
      analysis: ctx.analysis,
      mentions: {
        terminus: ctx.text.includes('@nestjs/terminus'),
        retryAfter: /retry[-_]?after/i.test(ctx.text),
        headerSettingLimiter: HEADER_SETTING_LIMITER.test(ctx.text),
      },
    };
  }
  return mentionsMemo.mentions;
}

// ---------------------------------------------------------------------------------------------
// Features that are not configured

/** Messages that say a setting is missing, not that the service is busy. */
const NOT_CONFIGURED_MESSAGE = [
  /\b(not|n't|never been)\s+(been\s+)?(configured|set\s?up|enabled|installed|loaded|provisioned)\b/i,
  /\b(un|mis)configured\b|not_?configured/i,
  /\b(extension|plugin|integration|provider)\b[^.!?]*\b(unavailable|not available|missing|disabled)\b/i,
];
/** Words of a transient state: then the message is about time after all. */
const TRANSIENT = /temporar|try again|retry|later|busy|overload|maintenance|capacity|too many|rate.?limit/i;
/** Reads of the deployment's configuration: env vars, config objects, `isXConfigured()`, SCREAMING_CASE settings. */
const CONFIG_TEXT = /\b(process|import\.meta|Bun|Deno)\.env\b|\benv\b|config|settings\b/i;
const CONFIG_NAME = /^(env|config|cfg|conf|settings|\w*(Config|Env|Configured|Settings))$|configured/i;
const SETTING_CONSTANT = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;
/** What the client sent is never the deployment's configuration (`!req.body.config`). */
const REQUEST_PART = /^(req|request|body|query|params|param|input|payload|args|searchParams)$/;

function namesInChain(e: ts.Expression): string[] {
  const out: string[] = [];
  let x: ts.Expression = unwrapAwaited(e);
  for (let i = 0; i < 12; i++) {
    if (ts.isIdentifier(x) || ts.isPrivateIdentifier(x)) {
      out.push(x.text);
      break;
    }
    if (ts.isPropertyAccessExpression(x)) {
      out.push(x.name.text);
      x = unwrapAwaited(x.expression);
    } else if (ts.isElementAccessExpression(x) || ts.isCallExpression(x)) x = unwrapAwaited(x.expression);
    else if (x.kind === ts.SyntaxKind.ThisKeyword) break;
    else break;
  }
  return out;
}

/** The value comes from configuration: `env.X`, `config.clientId`, `isAiConfigured()`, `STRIPE_KEY`, or a local set from one. */
function readsConfig(e: ts.Expression): boolean {
  const x = unwrapAwaited(e);
  const names = namesInChain(x);
  if (names.some((n) => REQUEST_PART.test(n))) return false;
  if (names.some((n) => CONFIG_NAME.test(n) || SETTING_CONSTANT.test(n))) return true;
  // One step back: `const secret = env.WEBHOOK_SECRET; if (!secret) ...`
  if (ts.isIdentifier(x)) {
    const decl = declarationOf(x.text, x);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) return CONFIG_TEXT.test(decl.initializer.getText());
  }
  return false;
}

/** `!x`, `x == null`, `x === undefined`, `x === ''`: the operand when the test is true exactly when `x` is missing. */
function missingOperand(e: ts.Expression): ts.Expression | undefined {
  const x = unwrapAwaited(e);
  if (ts.isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.ExclamationToken) return x.operand;
  if (ts.isBinaryExpression(x) && /^(==|===)$/.test(x.operatorToken.getText())) {
    const empty = (v: ts.Expression) =>
      v.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(v) && v.text === 'undefined') || (ts.isStringLiteral(v) && v.text === '');
    if (empty(x.right)) return x.left;
    if (empty(x.left)) return x.right;
  }
  return undefined;
}

/** The condition is true exactly when some configuration is missing: every `||` operand tests a missing setting. */
function testsMissingConfig(cond: ts.Expression): boolean {
  const x = unwrapAwaited(cond);
  if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.BarBarToken) return testsMissingConfig(x.left) && testsMissingConfig(x.right);
  const operand = missingOperand(x);
  return operand !== undefined && readsConfig(operand);
}

/** The condition is true exactly when the configuration is present (the site is in its else branch). */
function testsPresentConfig(cond: ts.Expression): boolean {
  const x = unwrapAwaited(cond);
  if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
    return testsPresentConfig(x.left) && testsPresentConfig(x.right);
  if (ts.isPrefixUnaryExpression(x) || ts.isBinaryExpression(x)) return false;
  return readsConfig(x);
}

/** The innermost if around the site, its condition and whether the site is in the else branch. */
function innermostIf(node: ts.Node): { cond: ts.Expression; inElse: boolean; branch: ts.Statement } | undefined {
  let child: ts.Node = node;
  for (let p = node.parent; p && !isFunctionLike(p); child = p, p = p.parent) {
    if (ts.isIfStatement(p) && child !== p.expression) return { cond: p.expression, inElse: child === p.elseStatement, branch: child as ts.Statement };
  }
  return undefined;
}

function saysNotConfigured(text: string): boolean {
  return NOT_CONFIGURED_MESSAGE.some((re) => re.test(text)) && !TRANSIENT.test(text);
}

/** True when the site answers for a feature the deployment has not configured. */
export function isUnconfiguredFeature(ctx: FactsInput, site: StatusSite): boolean {
  if (site.body && saysNotConfigured(site.body.text)) return true;
  if (site.message && saysNotConfigured(site.message)) return true;
  const node = nodeAt(treeOf(ctx), site.span);
  const around = node && innermostIf(node);
  if (!around) return false;
  if (around.inElse ? testsPresentConfig(around.cond) : testsMissingConfig(around.cond)) return true;
  // The branch's own words: a log line or message before the answer (`log.error('Stripe is not configured')`).
  const strings: string[] = [];
  const collect = (n: ts.Node): void => {
    if (n.getStart() > site.span.end) return;
    if (ts.isStringLiteralLike(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) strings.push(n.text);
    else if (ts.isIdentifier(n) && /not_?configured|unconfigured/i.test(n.text)) strings.push('not configured');
    if (!isFunctionLike(n)) ts.forEachChild(n, collect);
  };
  collect(around.branch);
  return strings.some(saysNotConfigured);
}

// ---------------------------------------------------------------------------------------------
// Limits that reset with time

/** Words of a limit that clears with time: a rate, a window, a wait. Matched on words split out of camelCase. */
const TIME_OR_RATE =
  /\b(rate ?limit\w*|ratelimit\w*|limiter|limited|throttl\w*|quota|slow down|frequent\w*|too many (attempts|tries|messages|calls|sends|emails|codes|runs|jobs)|per (second|minute|hour|day|week|month)|seconds?|minutes?|hours?|daily|hourly|weekly|monthly|today|window|ttl|cooldown|retry in|try again|shortly|later|wait)\b/i;

/** `isDailyRequestLimitExceeded` → `is daily request limit exceeded`, so words match inside names. */
function asWords(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_$.]+/g, ' ');
}

function saysTimeOrRate(text: string): boolean {
  // "Too many requests" is the status's own name: it says nothing about why.
  return TIME_OR_RATE.test(asWords(text).replace(/too many requests?/gi, ''));
}

/** The innermost if-branch or switch case holding the node: its test, and the branch's statements. */
function innermostBranch(node: ts.Node): { test: ts.Expression; branch: ts.Node } | undefined {
  let child: ts.Node = node;
  for (let p = node.parent; p && !isFunctionLike(p); child = p, p = p.parent) {
    if (ts.isIfStatement(p) && child !== p.expression) return { test: p.expression, branch: child };
    if (ts.isCaseClause(p)) return { test: p.expression, branch: p };
  }
  return undefined;
}

/** Texts of a test and, one step back, of the locals it names: `const exceeded = ... 'Try again shortly' ...`. */
function testTexts(test: ts.Expression, into: string[]): void {
  into.push(test.getText());
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) {
      const decl = declarationOf(n.text, n);
      const init = decl && ts.isVariableDeclaration(decl) ? decl.initializer : undefined;
      if (init && init.getEnd() - init.getStart() < 2000) into.push(init.getText());
    }
    ts.forEachChild(n, visit);
  };
  visit(test);
}

/** String parts under `root` that start before `before`, nested functions left out. */
function stringsIn(root: ts.Node, before: number, into: string[]): void {
  const collect = (n: ts.Node): void => {
    if (n.getStart() > before) return;
    if (ts.isStringLiteralLike(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) into.push(n.text);
    if (!isFunctionLike(n)) ts.forEachChild(n, collect);
  };
  collect(root);
}

/** `if (!limited) return;` before the statement: the test that lets control reach it. */
function earlyExitTests(statement: ts.Statement): ts.Expression[] {
  const list = statement.parent;
  if (!ts.isBlock(list) && !ts.isSourceFile(list) && !ts.isCaseClause(list)) return [];
  const tests: ts.Expression[] = [];
  for (const s of list.statements) {
    if (s === statement) break;
    if (!ts.isIfStatement(s) || s.elseStatement) continue;
    const then = s.thenStatement;
    const last = ts.isBlock(then) ? then.statements[then.statements.length - 1] : then;
    if (last && (ts.isReturnStatement(last) || ts.isThrowStatement(last))) tests.push(s.expression);
  }
  return tests;
}

/**
 * True when the limit behind a 429 visibly clears with time: a rate-limit test, a time window, a
 * wait named in the error's or the branch's messages. False for a count with no time to it
 * (`if (tries >= 3)`, an inactive account), where Retry-After would be the wrong advice, or when
 * nothing says.
 */
export function limitResetsWithTime(ctx: FactsInput, site: StatusSite): boolean {
  const texts = site.guards.map((g) => g.text);
  if (site.message) texts.push(site.message);
  const node = nodeAt(treeOf(ctx), site.span);
  if (node) {
    let statement: ts.Node = node;
    while (
      statement.parent &&
      !ts.isBlock(statement.parent) &&
      !ts.isSourceFile(statement.parent) &&
      !ts.isCaseClause(statement.parent) &&
      !isFunctionLike(statement.parent)
    )
      statement = statement.parent;
    if (ts.isStatement(statement)) {
      stringsIn(statement, Number.POSITIVE_INFINITY, texts);
      for (const test of earlyExitTests(statement)) testTexts(test, texts);
    }
    const around = innermostBranch(node);
    if (around) {
      testTexts(around.test, texts);
      stringsIn(around.branch, site.span.end, texts);
    }
  }
  return texts.some(saysTimeOrRate);
}
