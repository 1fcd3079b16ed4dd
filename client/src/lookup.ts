// status-hints: Look Up HTTP Status Code… and Insert HTTP Status Code…
// Both work with no file open and accept a code as argument (`executeCommand('statusHints.insert', 404)`).
// statusHints.openDoc (not in the palette) is the hover's "Open full doc" link: it takes a code and
// only ever opens that code's doc.
// The full doc opens in one reused webview: strict CSP with a nonce, no remote content, a script
// only for its two buttons (insert at cursor, copy), themed with VS Code's CSS variables.
// The codes and documents come from the language server (statusHints/lookup, statusHints/statusDoc):
// the client holds no knowledge of its own.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { OPEN_DOC_COMMAND, type LookupItem, type StatusDoc } from '../../shared/protocol';

/** What the commands need from the server. */
export interface Knowledge {
  lookup(query: string): Promise<LookupItem[]>;
  doc(code: number): Promise<StatusDoc | null>;
}

interface CodeItem extends vscode.QuickPickItem {
  code: number;
}

const insertButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('insert'), tooltip: 'Insert at cursor' };
const copyButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy code' };
/** One filter button per class, each with its own icon so they can be told apart at a glance. */
const classButtons: (vscode.QuickInputButton & { prefix: string })[] = [
  ['1xx', 'info', 'informational'],
  ['2xx', 'check', 'success'],
  ['3xx', 'arrow-right', 'redirection'],
  ['4xx', 'warning', 'client error'],
  ['5xx', 'error', 'server error'],
].map(([prefix, icon, label]) => ({ iconPath: new vscode.ThemeIcon(icon), tooltip: `Only ${prefix} (${label})`, prefix }));

/** The editor to insert into when the doc view has focus (then there is no active text editor). */
let lastEditor: vscode.TextEditor | undefined;
let panel: vscode.WebviewPanel | undefined;

/** A code passed to a command: a whole number 100–999, or a string of one. */
function codeArgument(arg: unknown): number | undefined {
  const n = typeof arg === 'number' ? arg : typeof arg === 'string' && /^\s*\d{3}\s*$/.test(arg) ? Number(arg) : NaN;
  return Number.isInteger(n) && n >= 100 && n <= 999 ? n : undefined;
}

function toItem(e: LookupItem): CodeItem {
  return {
    code: e.code,
    label: e.label,
    description: e.description,
    detail: e.detail,
    // The search already filtered and ranked: VS Code must not hide items whose label lacks the words.
    alwaysShow: true,
    buttons: [insertButton, copyButton],
  };
}

/** `404 Not Found`, as the server names it (the number alone if the server cannot answer). */
async function titleOf(knowledge: Knowledge, code: number): Promise<string> {
  return (await knowledge.doc(code).catch(() => null))?.title ?? String(code);
}

async function copyCode(knowledge: Knowledge, code: number): Promise<void> {
  await vscode.env.clipboard.writeText(String(code));
  void vscode.window.setStatusBarMessage(`Copied ${await titleOf(knowledge, code)}`, 3000);
}

async function insertCode(knowledge: Knowledge, code: number): Promise<boolean> {
  const editor = vscode.window.activeTextEditor ?? (lastEditor && vscode.window.visibleTextEditors.includes(lastEditor) ? lastEditor : undefined);
  // An editor that was closed meanwhile refuses the edit: copy instead.
  const inserted = editor
    ? await Promise.resolve(
        editor.edit((b) => {
          for (const sel of editor.selections) b.replace(sel, String(code));
        }),
      ).catch(() => false)
    : false;
  if (!inserted) {
    await vscode.env.clipboard.writeText(String(code));
    void vscode.window.showInformationMessage(`No editor to insert into: copied ${await titleOf(knowledge, code)} to the clipboard.`);
  }
  return inserted;
}

function docHtml(code: number, doc: StatusDoc): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  const actions = doc.known
    ? `<div class="actions"><button data-action="insert">Insert ${code} at cursor</button> <button class="secondary" data-action="copy">Copy ${code}</button></div>`
    : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); line-height: 1.5; max-width: 52em; padding: 0 1.5em 2em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { font-size: 1.15em; margin-top: 1.4em; border-bottom: 1px solid var(--vscode-widget-border, transparent); }
code, pre { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
code { background: var(--vscode-textCodeBlock-background); padding: 0 0.25em; border-radius: 3px; }
pre { background: var(--vscode-textCodeBlock-background); padding: 0.75em 1em; overflow-x: auto; white-space: pre-wrap; }
pre code { background: none; padding: 0; }
a { color: var(--vscode-textLink-foreground); } a:hover { color: var(--vscode-textLink-activeForeground); }
.actions { margin-top: 1.2em; }
button { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: 0.25em 0.9em; border-radius: 2px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
button.secondary:hover { background: var(--vscode-button-secondaryHoverBackground); }
</style></head>
<body>
${actions}
${doc.html}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
for (const b of document.querySelectorAll('button[data-action]')) b.addEventListener('click', () => vscode.postMessage({ action: b.dataset.action, code: ${code} }));
</script>
</body></html>`;
}

/** The code the doc view shows, and whether insert/copy apply to it. */
let shown: { code: number; known: boolean } | undefined;

async function showDoc(context: vscode.ExtensionContext, knowledge: Knowledge, code: number): Promise<void> {
  const doc = await knowledge.doc(code);
  if (!doc) return;
  if (!panel) {
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    panel = vscode.window.createWebviewPanel('statusHints.doc', doc.title, column, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [context.extensionUri],
    });
    panel.onDidDispose(() => (panel = undefined), null, context.subscriptions);
    panel.webview.onDidReceiveMessage(
      (msg: unknown) => {
        const { action, code: c } = (msg ?? {}) as { action?: unknown; code?: unknown };
        const target = codeArgument(c);
        // The page may only act on the code it shows, and only on a known one.
        if (target === undefined || target !== shown?.code || !shown.known) return;
        if (action === 'insert') void insertCode(knowledge, target);
        else if (action === 'copy') void copyCode(knowledge, target);
      },
      null,
      context.subscriptions,
    );
  } else {
    panel.reveal(undefined, false);
  }
  shown = { code, known: doc.known };
  panel.title = doc.title;
  panel.webview.html = docHtml(code, doc);
}

/** A QuickPick over every code; resolves to the chosen code, or undefined. */
function pickCode(knowledge: Knowledge, title: string, onButton?: (code: number, button: vscode.QuickInputButton) => void): Promise<number | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<CodeItem>();
    qp.title = title;
    // Short enough for the QuickPick's width (600 px at most): a longer one is cut off.
    qp.placeholder = 'A code, words, a constant or a class: 404, not found, NOT_FOUND, 4xx';
    qp.matchOnDescription = false;
    qp.matchOnDetail = false;
    qp.buttons = classButtons;
    // Answers can arrive out of order while the user types: only the latest query's list is shown.
    let asked = 0;
    const refresh = () => {
      const ticket = ++asked;
      qp.busy = true;
      void knowledge.lookup(qp.value).then(
        (items) => {
          if (ticket !== asked) return;
          qp.items = items.map(toItem);
          qp.busy = false;
        },
        () => {
          if (ticket === asked) qp.busy = false;
        },
      );
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

export function registerLookupCommands(context: vscode.ExtensionContext, knowledge: Knowledge): void {
  lastEditor = vscode.window.activeTextEditor;
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor((e) => {
      if (e) lastEditor = e;
    }),
    vscode.commands.registerCommand('statusHints.lookup', async (arg?: unknown) => {
      const code =
        codeArgument(arg) ??
        (await pickCode(knowledge, 'status-hints: Look Up HTTP Status Code', (c, button) => {
          if (button === insertButton) void insertCode(knowledge, c);
          else if (button === copyButton) void copyCode(knowledge, c);
        }));
      if (code !== undefined) await showDoc(context, knowledge, code);
    }),
    vscode.commands.registerCommand('statusHints.insert', async (arg?: unknown) => {
      const code = codeArgument(arg) ?? (await pickCode(knowledge, 'status-hints: Insert HTTP Status Code'));
      if (code !== undefined) await insertCode(knowledge, code);
    }),
    vscode.commands.registerCommand(OPEN_DOC_COMMAND, async (arg?: unknown) => {
      const code = codeArgument(arg);
      if (code !== undefined) await showDoc(context, knowledge, code);
    }),
  );
}
