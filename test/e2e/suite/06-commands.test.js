// Commands contributed by the extension.
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

describe('commands', () => {
  it('statusHints.lookup, statusHints.insert and statusHints.openDoc are registered', async () => {
    const all = await vscode.commands.getCommands(true);
    assert.ok(all.includes('statusHints.lookup'), 'statusHints.lookup is registered');
    assert.ok(all.includes('statusHints.insert'), 'statusHints.insert is registered');
    assert.ok(all.includes('statusHints.openDoc'), 'statusHints.openDoc (the hover link) is registered');
  });

  it("executeCommand('statusHints.openDoc', 404) opens the doc page of 404; anything else opens nothing", async () => {
    const docTabs = () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /statusHints\.doc/.test(t.input.viewType));
    await vscode.commands.executeCommand('statusHints.openDoc', 'rm -rf /');
    await vscode.commands.executeCommand('statusHints.openDoc');
    assert.deepStrictEqual(
      docTabs().map((t) => t.label),
      [],
      'no page for an argument that is not a code',
    );
    await vscode.commands.executeCommand('statusHints.openDoc', 404);
    const tab = await h.waitFor(() => docTabs()[0], 'a status-hints doc tab');
    assert.strictEqual(tab.label, '404 Not Found');
    await vscode.window.tabGroups.close(tab);
  });

  it("executeCommand('statusHints.insert', 404) inserts 404 at the cursor", async () => {
    const { doc, editor } = await h.open('express/edit.js');
    const pos = h.positionOf(doc, 'res.status().end()', 'res.status('.length);
    editor.selection = new vscode.Selection(pos, pos);
    await vscode.commands.executeCommand('statusHints.insert', 404);
    await h.waitFor(() => doc.lineAt(pos.line).text.includes('res.status(404'), 'the line to read res.status(404…', 10_000);
    assert.match(doc.lineAt(pos.line).text, /res\.status\(404\)\.end\(\)/);
    await h.revert(doc);
  });
});
