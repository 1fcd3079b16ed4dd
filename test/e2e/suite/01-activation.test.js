// The packaged extension (installed from the .vsix, not a development folder) activates on JS/TS.
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');
const h = require('./helpers');

describe('activation', () => {
  it('status-hints.status-hints is installed from the .vsix and inactive before a JS/TS file opens', () => {
    const ext = vscode.extensions.getExtension(h.EXTENSION_ID);
    assert.ok(
      ext,
      `extension ${h.EXTENSION_ID} is installed (installed: ${vscode.extensions.all
        .filter((e) => !e.id.startsWith('vscode.'))
        .map((e) => e.id)
        .join(', ')})`,
    );
    const extDir = process.env.STATUS_HINTS_E2E_EXTENSIONS_DIR;
    if (extDir) {
      assert.ok(
        path.resolve(ext.extensionPath).startsWith(path.resolve(extDir) + path.sep),
        `extension runs from the fresh extensions dir ${extDir}, not ${ext.extensionPath}`,
      );
    }
    assert.strictEqual(ext.packageJSON.version, process.env.STATUS_HINTS_E2E_VERSION || ext.packageJSON.version);
  });

  it('activates when a .js file opens', async () => {
    const ext = vscode.extensions.getExtension(h.EXTENSION_ID);
    await h.open('express/routes.js');
    await h.waitFor(() => ext.isActive, 'the extension to activate after opening express/routes.js', 60_000);
  });

  it('activates on TypeScript too, and the language server answers in a .ts file', async () => {
    const ext = vscode.extensions.getExtension(h.EXTENSION_ID);
    for (const lang of ['javascript', 'typescript', 'javascriptreact', 'typescriptreact']) {
      assert.ok((ext.packageJSON.activationEvents || []).includes(`onLanguage:${lang}`), `activationEvents has onLanguage:${lang}`);
    }
    const { uri } = await h.open('express/typed.ts');
    assert.ok(ext.isActive);
    await h.waitForDiagnostics(uri, 'error-in-success-response');
  });
});
