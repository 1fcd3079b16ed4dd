// status-hints: Look Up HTTP Status Code… and Insert HTTP Status Code…
// Both work with no file open. The full doc opens in VS Code's Markdown preview (its own strict
// CSP, no scripts of ours), fed by a read-only virtual document.
import * as vscode from 'vscode';
import { statusMarkdown, titleOf } from '../../server/src/knowledge/markdown';
import { parseQuery, searchStatuses } from '../../server/src/knowledge/lookup';
import { getStatus, type StatusEntry } from '../../server/src/knowledge/statusData';

const DOC_SCHEME = 'status-hints-doc';

interface CodeItem extends vscode.QuickPickItem {
  code: number;
}

const insertButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('insert'), tooltip: 'Insert at cursor' };
const copyButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy code' };
const classButtons: (vscode.QuickInputButton & { prefix: string })[] = ['1xx', '2xx', '3xx', '4xx', '5xx'].map((c) => ({
  iconPath: new vscode.ThemeIcon('filter'),
  tooltip: `Only ${c}`,
  prefix: c,
}));

function toItem(e: StatusEntry): CodeItem {
  return {
    code: e.code,
    label: `${e.code} ${e.phrase}`,
    description: e.registered === false ? 'not IANA-registered' : e.status && e.status !== 'current' ? e.status : undefined,
    detail: e.summary,
    alwaysShow: true,
    buttons: [insertButton, copyButton],
  };
}

async function insertCode(code: number): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    await vscode.env.clipboard.writeText(String(code));
    void vscode.window.showInformationMessage(`No editor is open: copied ${titleOf(code)} to the clipboard.`);
    return false;
  }
  return editor.edit((b) => {
    for (const sel of editor.selections) b.replace(sel, String(code));
  });
}

async function openDoc(code: number): Promise<void> {
  const uri = vscode.Uri.from({ scheme: DOC_SCHEME, path: `/${code}.md` });
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}

/** A QuickPick over every code; resolves to the chosen code, or undefined. */
function pickCode(title: string, onButton?: (code: number, button: vscode.QuickInputButton) => void): Promise<number | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<CodeItem>();
    qp.title = title;
    qp.placeholder = 'Type a number (404, 4), words (not found, rate, teapot) or a class (4xx)';
    qp.matchOnDescription = false;
    qp.buttons = classButtons;
    const refresh = () => {
      qp.items = searchStatuses(parseQuery(qp.value)).map(toItem);
    };
    refresh();
    qp.onDidChangeValue(refresh);
    qp.onDidTriggerButton((b) => {
      const prefix = (b as { prefix?: string }).prefix;
      if (prefix) qp.value = `${prefix} `;
    });
    qp.onDidTriggerItemButton((e) => onButton?.(e.item.code, e.button));
    let done = false;
    qp.onDidAccept(() => {
      const item = qp.selectedItems[0] ?? qp.activeItems[0];
      done = true;
      qp.hide();
      resolve(item?.code);
    });
    qp.onDidHide(() => {
      if (!done) resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

export function registerLookupCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(DOC_SCHEME, {
      provideTextDocumentContent(uri) {
        const code = Number(uri.path.replace(/^\//, '').replace(/\.md$/, ''));
        return getStatus(code) ? statusMarkdown(code) : `# ${code}\n\nUnknown status code.`;
      },
    }),
    vscode.commands.registerCommand('statusHints.lookup', async (arg?: number) => {
      const code =
        typeof arg === 'number'
          ? arg
          : await pickCode('status-hints: Look Up HTTP Status Code', (c, button) => {
              if (button === insertButton) void insertCode(c);
              else if (button === copyButton) void vscode.env.clipboard.writeText(String(c));
            });
      if (code !== undefined) await openDoc(code);
    }),
    vscode.commands.registerCommand('statusHints.insert', async (arg?: number) => {
      const code = typeof arg === 'number' ? arg : await pickCode('status-hints: Insert HTTP Status Code');
      if (code !== undefined) await insertCode(code);
    }),
  );
}
