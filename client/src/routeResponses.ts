// What a route's code lens runs: the route's responses in a QuickPick; the chosen one opens where
// that status is decided. The server computed everything (shared/protocol.ts RouteLensArgs).
import * as vscode from 'vscode';
import { SHOW_ROUTE_RESPONSES_COMMAND, type RouteLensArgs } from '../../shared/protocol';

export function registerRouteResponses(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_ROUTE_RESPONSES_COMMAND, async (args: RouteLensArgs | undefined) => {
      if (!args || args.responses.length === 0) return;
      const picked = await vscode.window.showQuickPick(
        args.responses.map((r) => ({ label: r.label, response: r })),
        { title: `${args.method} ${args.path}: what this route answers`, placeHolder: 'Go to where a status is decided' },
      );
      if (!picked) return;
      const editor = await vscode.window.showTextDocument(vscode.Uri.parse(picked.response.uri ?? args.uri));
      const at = new vscode.Position(picked.response.line, 0);
      editor.selection = new vscode.Selection(at, at);
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  );
}
