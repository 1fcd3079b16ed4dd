// Commands contributed by the extension.
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

describe('commands', () => {
  it('statusHints.lookup and statusHints.insert are registered', async () => {
    const all = await vscode.commands.getCommands(true);
    assert.ok(all.includes('statusHints.lookup'), 'statusHints.lookup is registered');
    assert.ok(all.includes('statusHints.insert'), 'statusHints.insert is registered');
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
