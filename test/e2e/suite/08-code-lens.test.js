// The route code lens: what a route answers above its handler; choosing it lists the responses and
// goes to the one picked.
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

describe('route code lens', () => {
  it('a lens above GET /users/:id reads its statuses; picking 200 in its list goes to that line', async () => {
    const { doc, uri, editor: opened } = await h.open('express/routes.js');
    opened.selection = new vscode.Selection(0, 0, 0, 0);
    const handlerLine = h.positionOf(doc, "app.get('/users/:id'").line;
    const lens = await h.waitFor(
      async () => {
        const lenses = (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri)) || [];
        return lenses.find((l) => l.range.start.line === handlerLine && l.command && /^GET \/users\/:id → /.test(l.command.title));
      },
      `a code lens "GET /users/:id → …" on line ${handlerLine + 1}`,
    );
    assert.strictEqual(lens.command.title, 'GET /users/:id → 200 · 404');

    // The QuickPick lists 200 first: accept it (again until the list has opened), then the cursor
    // is where the handler answers 200.
    const running = vscode.commands.executeCommand(lens.command.command, ...lens.command.arguments);
    const okLine = h.positionOf(doc, 'res.status(200)').line;
    const editor = await h.waitFor(
      async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        const e = vscode.window.activeTextEditor;
        return e && e.document.uri.toString() === uri.toString() && e.selection.active.line === okLine ? e : null;
      },
      `the cursor on line ${okLine + 1} (res.status(200))`,
      10_000,
      250,
    );
    await running;
    assert.strictEqual(editor.selection.active.line, okLine);
  });
});
