// Quick fix for one finding, and the fix-all source action.
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

const RULE = 'error-in-success-response';
const FIX_ALL = 'source.fixAll.statusHints';

describe('code actions', () => {
  it(`quick fix for '${RULE}': applying its edit changes the document and the diagnostic disappears`, async () => {
    const { doc, uri } = await h.open('express/quickfix.js');
    const [d] = await h.waitForDiagnostics(uri, RULE);
    const before = doc.getText();
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, d.range, undefined, 10);
    // vscode.executeCodeActionProvider drops `diagnostics` from the actions it returns: the quick fixes
    // asked for on exactly this diagnostic's range are the candidates (a .js file gets none from TS)
    const fixes = (actions || []).filter((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
    assert.ok(
      fixes.length > 0,
      `a quickfix on the '${RULE}' diagnostic (offered: ${(actions || []).map((a) => `${a.title} [${a.kind && a.kind.value}]`).join('; ')})`,
    );
    const fix = fixes.find((a) => a.isPreferred) || fixes[0];
    assert.ok(fix.edit || fix.command, `'${fix.title}' carries an edit or a command`);
    await h.applyCodeAction(fix);
    await h.waitFor(() => doc.getText() !== before, `'${fix.title}' to change the document`, 10_000);
    await h.waitForNoDiagnostic(uri, RULE);
    await h.revert(doc);
  });

  it('"Allow 499 in .statushintsrc.json" creates the config file; once saved, the unregistered-status-code diagnostic disappears', async () => {
    const { uri } = await h.open('express/unregistered.js');
    const [d] = await h.waitForDiagnostics(uri, 'unregistered-status-code');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, d.range, undefined, 10);
    const allow = (actions || []).find((a) => a.title === 'Allow 499 in .statushintsrc.json');
    assert.ok(allow, `the allow action is offered (offered: ${(actions || []).map((a) => a.title).join('; ')})`);
    const config = h.workspaceUri('.statushintsrc.json');
    try {
      await h.applyCodeAction(allow);
      // VS Code creates the file and writes the edit into its buffer; saving it is what the server sees.
      const configDoc = await vscode.workspace.openTextDocument(config);
      assert.deepStrictEqual(JSON.parse(configDoc.getText()), { allowedUnregisteredCodes: [499] });
      await configDoc.save();
      await h.waitForNoDiagnostic(uri, 'unregistered-status-code');
    } finally {
      await vscode.workspace.fs.delete(config).then(undefined, () => undefined);
    }
    await h.waitForDiagnostics(uri, 'unregistered-status-code');
  });

  it(`fix-all source action '${FIX_ALL}' fixes every '${RULE}' in the file`, async () => {
    const { doc, uri } = await h.open('express/fixall.js');
    await h.waitForDiagnostics(uri, RULE, 2);
    const before = doc.getText();
    const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(before.length));
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, whole, FIX_ALL, 10);
    const fixAll = (actions || []).filter((a) => a.kind && new vscode.CodeActionKind(FIX_ALL).contains(a.kind));
    assert.strictEqual(
      fixAll.length,
      1,
      `one '${FIX_ALL}' action (offered: ${(actions || []).map((a) => `${a.title} [${a.kind && a.kind.value}]`).join('; ')})`,
    );
    await h.applyCodeAction(fixAll[0]);
    await h.waitFor(() => doc.getText() !== before, 'fix-all to change the document', 10_000);
    await h.waitForNoDiagnostic(uri, RULE);
    await h.revert(doc);
  });
});
