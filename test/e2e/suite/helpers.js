// Helpers for the extension-host tests: every wait is an event or a poll with a deadline.
const assert = require('assert');
const vscode = require('vscode');
const { poll } = require('../lib/poll.cjs');

const EXTENSION_ID = 'status-hints.status-hints';
const SOURCE = 'status-hints';

/** Poll `fn` (sync or async) until it returns a truthy value; fail with `what` at the deadline. */
function waitFor(fn, what, timeoutMs = 30_000, intervalMs = 100) {
  return poll(fn, { what, timeoutMs, intervalMs });
}

function workspaceUri(rel) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, 'the fixture workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
}

async function open(rel) {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(rel));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor, uri: doc.uri };
}

/** Position of the `nth` occurrence of `needle` in `doc`, plus `offset` characters. */
function positionOf(doc, needle, offset = 0, nth = 0) {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `fixture ${doc.uri.path} contains ${JSON.stringify(needle)} (#${nth})`);
  }
  return doc.positionAt(at + offset);
}

const ruleOf = (d) => (d.code && typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code));

function ours(uri, rule) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && (!rule || ruleOf(d) === rule));
}

function waitForDiagnostics(uri, rule, count = 1, timeoutMs) {
  return waitFor(
    () => {
      const d = ours(uri, rule);
      return d.length >= count ? d : null;
    },
    `${count} '${rule}' diagnostic(s) from '${SOURCE}' on ${uri.path} (now: ${describe(uri)})`,
    timeoutMs,
  );
}

function waitForNoDiagnostic(uri, rule, timeoutMs) {
  return waitFor(() => ours(uri, rule).length === 0, `the '${rule}' diagnostic to disappear from ${uri.path}`, timeoutMs);
}

function describe(uri) {
  const all = vscode.languages.getDiagnostics(uri);
  return all.length ? all.map((d) => `${d.source}:${ruleOf(d)}@${d.range.start.line + 1}`).join(', ') : 'none';
}

function hoverText(hovers) {
  return (hovers || [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

function labelText(label) {
  if (typeof label === 'string') return label;
  if (Array.isArray(label)) return label.map((p) => (typeof p === 'string' ? p : p.value)).join('');
  if (label && typeof label === 'object') return [label.label, label.detail, label.description].filter(Boolean).join(' ');
  return String(label);
}

/** Apply a code action the way the editor does: its edit, then its command. */
async function applyCodeAction(action) {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `workspace.applyEdit of '${action.title}' succeeded`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments || []));
}

/** Undo every unsaved change (the workspace is a throw-away copy; this keeps tests independent). */
async function revert(doc) {
  if (doc.isDirty) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}

module.exports = {
  EXTENSION_ID,
  SOURCE,
  waitFor,
  workspaceUri,
  open,
  positionOf,
  ruleOf,
  ours,
  waitForDiagnostics,
  waitForNoDiagnostic,
  describe,
  hoverText,
  labelText,
  applyCodeAction,
  revert,
};
