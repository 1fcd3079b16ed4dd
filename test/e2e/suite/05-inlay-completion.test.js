// Inlay hints after status numbers and completion of status codes.
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

describe('inlay hints and completion', () => {
  it('an inlay hint after 404 reads "Not Found"', async () => {
    const { doc, uri } = await h.open('express/routes.js');
    const start = h.positionOf(doc, 'res.status(404)', 'res.status('.length);
    const end = start.translate(0, 3);
    const range = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    const hint = await h.waitFor(
      async () => {
        const hints = (await vscode.commands.executeCommand('vscode.executeInlayHintProvider', uri, range)) || [];
        return hints.find((x) => x.position.line === end.line && x.position.character >= end.character && h.labelText(x.label).includes('Not Found'));
      },
      `an inlay hint containing "Not Found" after ${uri.path}:${end.line + 1}:${end.character + 1}`,
    );
    assert.ok(h.labelText(hint.label).includes('Not Found'));
  });

  it('completion inside res.status( offers "404 Not Found"', async () => {
    const { doc, uri } = await h.open('express/edit.js');
    const pos = h.positionOf(doc, 'res.status()', 'res.status('.length);
    const items = await h.waitFor(async () => {
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, pos, '(');
      const found = ((list && list.items) || []).filter((i) => /404\b.*Not Found/.test(h.labelText(i.label)));
      return found.length ? found : null;
    }, 'a completion item labelled like "404 Not Found" inside res.status(');
    const insert =
      items[0].insertText === undefined
        ? h.labelText(items[0].label)
        : typeof items[0].insertText === 'string'
          ? items[0].insertText
          : items[0].insertText.value;
    assert.match(insert, /404/, `the item inserts the number: ${insert}`);
  });
});
