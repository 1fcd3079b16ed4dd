// Quick fixes for findings under the cursor, "disable for this line", and source.fixAll.statusHints.
// Every edit is versioned: the client refuses it if the document changed since it was computed.
import { CodeAction, CodeActionKind, type CodeActionParams, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { atFixLevel, preferredNonOverlappingEdits } from '../analysis/fixAll';
import { fixAll } from '../analyzeWithRules';
import { indentAt } from '../analysis/edits';
import type { TextEdit } from '../analysis/types';
import { fileNameOf, type DocumentAnalysis } from './analysisCache';
import { rangeOf, toDiagnostic, type DiagnosticData } from './convert';

import { FIX_ALL_KIND } from './capabilities';

function workspaceEdit(doc: TextDocument, edits: readonly TextEdit[]) {
  const lspEdits: LspTextEdit[] = edits.map((e) => ({ range: rangeOf(doc, e), newText: e.newText }));
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: lspEdits }] };
}

/** An edit elsewhere in the workspace that allows an unregistered code (see ConfigFiles.allowCodeAction). */
export type AllowCode = (code: number) => { title: string; edit: WorkspaceEdit } | undefined;

/** What a fix-all action offered without its edit carries, to compute the edit when it is picked. */
interface FixAllData {
  fixAll: { uri: string; version: number };
}

/** The fix-all edit of a document at its current version: the one fix loop (analysis/fixAll.ts). */
function fixAllAction(doc: TextDocument, result: DocumentAnalysis): CodeAction | undefined {
  const all = fixAll(doc.getText(), fileNameOf(doc.uri), result.settings, result.run);
  if (all.edits.length === 0) return undefined;
  return { title: `Fix all status-hints problems (${all.applied})`, kind: FIX_ALL_KIND, edit: workspaceEdit(doc, all.edits) };
}

/** Fill in the edit of a fix-all offered by the light bulb; nothing when the document changed since. */
export function resolveFixAll(action: CodeAction, doc: TextDocument | undefined, result: DocumentAnalysis | undefined): CodeAction {
  const data = (action.data as FixAllData | undefined)?.fixAll;
  if (!data || !doc || !result || doc.uri !== data.uri || doc.version !== data.version) return action;
  return { ...action, edit: fixAllAction(doc, result)?.edit ?? workspaceEdit(doc, []) };
}

export function codeActions(doc: TextDocument, result: DocumentAnalysis, params: CodeActionParams, allowCode?: AllowCode, canResolve = false): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  // A request about diagnostics from an older version gets nothing: their offsets no longer match.
  const stale = params.context.diagnostics.some(
    (d) => (d.data as DiagnosticData | undefined)?.version !== undefined && (d.data as DiagnosticData).version !== doc.version,
  );
  if (stale) return [];

  if (wants(CodeActionKind.QuickFix)) {
    const start = doc.offsetAt(params.range.start);
    const end = doc.offsetAt(params.range.end);
    for (const f of result.run.findings) {
      if (f.end < start || f.start > end) continue;
      const diagnostic = toDiagnostic(doc, f);
      for (const fix of f.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.isPreferred,
          edit: workspaceEdit(doc, fix.edits),
        });
      }
      if (f.ruleId === 'unregistered-status-code' && allowCode) {
        const code = result.analysis.sites.find((s) => s.span.start === f.start && s.span.end === f.end)?.code;
        const allow = code !== undefined ? allowCode(code) : undefined;
        if (allow) actions.push({ title: allow.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: allow.edit });
      }
      const lineStart = doc.offsetAt({ line: doc.positionAt(f.start).line, character: 0 });
      const text = doc.getText();
      actions.push({
        title: `Disable ${f.ruleId} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: workspaceEdit(doc, [
          { start: lineStart, end: lineStart, newText: `${indentAt(text, lineStart)}// status-hints-disable-next-line ${f.ruleId}\n` },
        ]),
      });
    }
  }
  if (wants(FIX_ALL_KIND) && (only !== undefined || actions.length > 0)) {
    const { edits, applied } = preferredNonOverlappingEdits(result.run.findings, atFixLevel(result.settings.fixLevel));
    if (edits.length > 0) {
      // Asked for explicitly (on save, or the command), or by a client that cannot resolve: the whole
      // loop now. Offered by the light bulb: the loop runs when the action is picked (resolveFixAll).
      if (only === undefined && canResolve) {
        const data: FixAllData = { fixAll: { uri: doc.uri, version: doc.version } };
        actions.push({ title: `Fix all status-hints problems (${applied.length})`, kind: FIX_ALL_KIND, data });
      } else {
        const action = fixAllAction(doc, result);
        if (action) actions.push(action);
      }
    }
  }
  return actions;
}
