// Settings apply without a reload.
const vscode = require('vscode');
const h = require('./helpers');

const RULE = 'error-in-success-response';
const KEY = `statusHints.rules.${RULE}`;

describe('settings', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration().update(KEY, undefined, vscode.ConfigurationTarget.Global);
  });

  it(`${KEY} = "off" removes the diagnostic without reload; restoring brings it back`, async () => {
    const { uri } = await h.open('express/settings.js');
    await h.waitForDiagnostics(uri, RULE);
    await vscode.workspace.getConfiguration().update(KEY, 'off', vscode.ConfigurationTarget.Global);
    await h.waitForNoDiagnostic(uri, RULE, 20_000);
    await vscode.workspace.getConfiguration().update(KEY, undefined, vscode.ConfigurationTarget.Global);
    await h.waitForDiagnostics(uri, RULE, 1, 20_000);
  });
});
