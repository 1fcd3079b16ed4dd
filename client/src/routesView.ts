// The Routes view in the explorer: every route of the workspace grouped by path, each route with the
// statuses its handler decides; choosing one goes to where it is decided. The server finds them
// (`statusHints/routes`); the view asks again when a source file is saved, created or deleted.
import * as vscode from 'vscode';
import type { RoutesResult, WorkspaceRoute } from '../../shared/protocol';

export const ROUTES_VIEW = 'statusHints.routes';
export const REFRESH_ROUTES_COMMAND = 'statusHints.refreshRoutes';

type Node =
  | { kind: 'path'; path: string; routes: WorkspaceRoute[] }
  | { kind: 'route'; route: WorkspaceRoute }
  | { kind: 'response'; route: WorkspaceRoute; response: WorkspaceRoute['responses'][number] };

const statusList = (route: WorkspaceRoute) => [...new Set(route.responses.map((r) => (r.status === null ? '?' : String(r.status))))].join(' · ');

function openAt(uri: string, line: number): vscode.Command {
  const at = new vscode.Range(line, 0, line, 0);
  return { title: 'Go to', command: 'vscode.open', arguments: [vscode.Uri.parse(uri), { selection: at }] };
}

class RoutesTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly fetchRoutes: () => Promise<RoutesResult | undefined>) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const routes = (await this.fetchRoutes())?.routes ?? [];
      const byPath = new Map<string, WorkspaceRoute[]>();
      for (const r of routes) byPath.set(r.path, [...(byPath.get(r.path) ?? []), r]);
      return [...byPath.keys()].sort().map((path) => ({ kind: 'path', path, routes: byPath.get(path)! }));
    }
    if (node.kind === 'path') return node.routes.map((route) => ({ kind: 'route', route }));
    if (node.kind === 'route') return node.route.responses.map((response) => ({ kind: 'response', route: node.route, response }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'path') {
      const item = new vscode.TreeItem(node.path, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.routes.length} route${node.routes.length === 1 ? '' : 's'}`;
      item.contextValue = 'path';
      return item;
    }
    if (node.kind === 'route') {
      const item = new vscode.TreeItem(`${node.route.method} → ${statusList(node.route)}`, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${vscode.workspace.asRelativePath(vscode.Uri.parse(node.route.uri))}:${node.route.line + 1}`;
      item.command = openAt(node.route.uri, node.route.line);
      item.contextValue = 'route';
      return item;
    }
    const item = new vscode.TreeItem(node.response.label, vscode.TreeItemCollapsibleState.None);
    item.command = openAt(node.response.uri ?? node.route.uri, node.response.line);
    item.contextValue = 'response';
    return item;
  }
}

export function registerRoutesView(context: vscode.ExtensionContext, fetchRoutes: () => Promise<RoutesResult | undefined>): void {
  const tree = new RoutesTree(fetchRoutes);
  const view = vscode.window.createTreeView(ROUTES_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A burst of saves (format on save, a refactor) refreshes once.
  const soon = () => {
    if (!view.visible) return;
    clearTimeout(timer);
    timer = setTimeout(() => tree.refresh(), 300);
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}');
  context.subscriptions.push(
    view,
    watcher,
    watcher.onDidCreate(soon),
    watcher.onDidDelete(soon),
    watcher.onDidChange(soon),
    vscode.workspace.onDidSaveTextDocument(soon),
    view.onDidChangeVisibility(() => view.visible && tree.refresh()),
    vscode.commands.registerCommand(REFRESH_ROUTES_COMMAND, () => tree.refresh()),
    { dispose: () => clearTimeout(timer) },
  );
}
