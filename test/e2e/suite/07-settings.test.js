// Settings apply without a reload.
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

const RULE = 'error-in-success-response';
const KEY = `statusHints.rules.${RULE}`;

describe('settings', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration().update(KEY, undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration().update('statusHints.hover.fullDoc', undefined, vscode.ConfigurationTarget.Global);
  });

  it('statusHints.hover.fullDoc = true puts the whole doc in the hover; unset, the short one comes back', async () => {
    const { doc, uri } = await h.open('express/settings.js');
    const pos = h.positionOf(doc, 'res.status(200)', 'res.status('.length + 1);
    const hoverWith = (re, what) =>
      h.waitFor(
        async () => {
          const t = h.hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos));
          return t.includes('200 OK') && re.test(t) ? t : null;
        },
        what,
        20_000,
      );
    await hoverWith(/Open full doc/, 'the short hover on 200');
    await vscode.workspace.getConfiguration().update('statusHints.hover.fullDoc', true, vscode.ConfigurationTarget.Global);
    const full = await hoverWith(/Confused with/, 'the full hover on 200 after statusHints.hover.fullDoc = true');
    assert.doesNotMatch(full, /Open full doc/);
    await vscode.workspace.getConfiguration().update('statusHints.hover.fullDoc', undefined, vscode.ConfigurationTarget.Global);
    await hoverWith(/Open full doc/, 'the short hover again after unsetting statusHints.hover.fullDoc');
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
