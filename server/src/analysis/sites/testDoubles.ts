// Test doubles: code that answers this code's own requests in a test, never a client of this server.
// A Response handed to a mock (`mockResolvedValue(new Response(...))`), a mock's implementation
// (`vi.fn(async () => new Response(...))`), a module mock's factory (`jest.mock(path, () => ...)`), a
// function put in place of the global fetch, and whatever a test suite builds inside its own callbacks
// (`beforeAll(() => Bun.serve({ fetch }))`, an Express app inside `test(...)`). Their statuses are still
// status codes (hover and inlay hints stay); no rule reports them.
import * as ts from 'typescript';
import { GLOBAL_FETCH } from '../../frameworks/ids';

/** Methods of Jest/Vitest mocks whose arguments are what the mock returns or runs. */
const MOCK_METHODS = new Set([
  'mockResolvedValue',
  'mockResolvedValueOnce',
  'mockReturnValue',
  'mockReturnValueOnce',
  'mockImplementation',
  'mockImplementationOnce',
  'withImplementation',
  'callsFake', // sinon
]);
/** `vi.fn(impl)`, `jest.mock(path, factory)`, `vi.stubGlobal('fetch', ...)`: the holder, then the method. */
const MOCK_FACTORIES: Record<string, ReadonlySet<string>> = {
  vi: new Set(['fn', 'mock', 'doMock', 'stubGlobal', 'spyOn']),
  jest: new Set(['fn', 'mock', 'doMock', 'unstable_mockModule', 'spyOn']),
  // node:test's `mock.fn(impl)` / `t.mock.method(globalThis, 'fetch', impl)`; Bun's `mock.module(path, factory)`.
  mock: new Set(['fn', 'method', 'module']),
  // sinon.fake(impl), sinon.stub(...).resolves(x) is below.
  sinon: new Set(['fake', 'stub']),
};
/** sinon's `resolves`/`returns` only on a stub's chain (they are common method names elsewhere). */
const SINON_RESULTS = new Set(['resolves', 'returns']);
/** Test-suite functions of Jest, Vitest, Mocha, node:test, Bun: their callbacks are the test's own code. */
const SUITE_FUNCTIONS = new Set([
  'describe',
  'it',
  'test',
  'suite',
  'beforeAll',
  'beforeEach',
  'afterAll',
  'afterEach',
  'fdescribe',
  'xdescribe',
  'fit',
  'xit',
  'xtest',
]);
/** The global object a replaced `fetch` hangs on. */
const GLOBALS = new Set(['globalThis', 'global', 'window', 'self']);

/** `describe.skip.each(...)` → `describe`; `Deno.test` → `Deno.test`: the name the chain starts from. */
function rootName(callee: ts.Expression): string | undefined {
  let e = callee;
  for (;;) {
    if (ts.isCallExpression(e)) e = e.expression;
    else if (ts.isPropertyAccessExpression(e)) {
      if (ts.isIdentifier(e.expression) && e.expression.text === 'Deno' && e.name.text === 'test') return 'Deno.test';
      e = e.expression;
    } else break;
  }
  return ts.isIdentifier(e) ? e.text : undefined;
}

/** Some call on `expr`'s chain is a sinon stub (`sinon.stub(obj, 'fetch')`, `stub()`). */
function onStubChain(expr: ts.Expression): boolean {
  let e = expr;
  for (;;) {
    if (ts.isCallExpression(e)) {
      const c = e.expression;
      const name = ts.isIdentifier(c) ? c.text : ts.isPropertyAccessExpression(c) ? c.name.text : '';
      if (name === 'stub' || name === 'fake') return true;
      e = c;
    } else if (ts.isPropertyAccessExpression(e)) e = e.expression;
    else return false;
  }
}

function isMockCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    if (MOCK_METHODS.has(method)) return true;
    if (SINON_RESULTS.has(method)) return onStubChain(callee.expression);
    const holder = callee.expression;
    // `vi.fn`, `jest.mock`, `mock.fn`, and `t.mock.method` (node:test's context).
    const holderName = ts.isIdentifier(holder) ? holder.text : ts.isPropertyAccessExpression(holder) ? holder.name.text : undefined;
    return holderName !== undefined && !!MOCK_FACTORIES[holderName]?.has(method);
  }
  return false;
}

function isSuiteCall(call: ts.CallExpression): boolean {
  const root = rootName(call.expression);
  return root !== undefined && (SUITE_FUNCTIONS.has(root) || root === 'Deno.test') && call.arguments.some((a) => ts.isFunctionLike(a));
}

/** `globalThis.fetch = ...`, `global.fetch = ...`, `window.fetch = ...`. */
function replacesGlobalFetch(target: ts.Expression): boolean {
  const t = ts.isParenthesizedExpression(target) ? target.expression : target;
  return ts.isPropertyAccessExpression(t) && t.name.text === GLOBAL_FETCH && ts.isIdentifier(t.expression) && GLOBALS.has(t.expression.text);
}

/**
 * The innermost node of `ancestors` (outermost first) sits in a test double: an argument of a mock
 * call or of a test-suite function, or the value given to the global fetch.
 */
export function insideTestDouble(ancestors: readonly ts.Node[]): boolean {
  for (let i = ancestors.length - 2; i >= 0; i--) {
    const a = ancestors[i];
    const child = ancestors[i + 1];
    if (ts.isCallExpression(a)) {
      if (a.expression === child) continue;
      if (isMockCall(a) || isSuiteCall(a)) return true;
    } else if (ts.isBinaryExpression(a) && a.operatorToken.kind === ts.SyntaxKind.EqualsToken && a.right === child && replacesGlobalFetch(a.left)) {
      return true;
    }
  }
  return false;
}
