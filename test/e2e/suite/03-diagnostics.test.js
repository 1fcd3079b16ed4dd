// Diagnostics: source, rule id as code.value, documentation link as code.target.
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

const RULE = 'error-in-success-response';

describe('diagnostics', () => {
  it(`Express: res.status(200).json({ success: false, error }) reports '${RULE}' with a documentation link`, async () => {
    const { doc, uri } = await h.open('express/routes.js');
    const [d] = await h.waitForDiagnostics(uri, RULE);
    assert.strictEqual(d.source, 'status-hints');
    assert.strictEqual(typeof d.code, 'object', `diagnostic.code is { value, target }, got ${JSON.stringify(d.code)}`);
    assert.strictEqual(d.code.value, RULE);
    assert.ok(d.code.target instanceof vscode.Uri, 'code.target (codeDescription.href) is a Uri');
    assert.match(d.code.target.scheme, /^https?$/);
    assert.ok(d.message.length > 10, `message speaks to the developer: ${d.message}`);
    const line = doc.lineAt(d.range.start.line).text;
    assert.match(line, /success: false/, `the diagnostic sits on the offending line, not on: ${line}`);
    // the well-formed 404 and the plain 200 are not reported by this rule
    assert.strictEqual(h.ours(uri, RULE).length, 1, `exactly one '${RULE}' (now: ${h.describe(uri)})`);
  });

  it(`Fastify: reply.code(200).send({ success: false, error }) reports '${RULE}'`, async () => {
    const { uri } = await h.open('fastify/server.ts');
    await h.waitForDiagnostics(uri, RULE);
  });

  it(`Next.js: NextResponse.json({ success: false, error }, { status: 200 }) reports '${RULE}'`, async () => {
    const { uri } = await h.open('next/app/api/users/route.ts');
    await h.waitForDiagnostics(uri, RULE);
  });
});
