// The routes of the whole workspace for the Routes view (`statusHints/routes`): every source file of
// the workspace folders but test files, open documents as they are in the editor, closed ones from
// disk. A file's routes are kept until its size, modification time or editor version changes, so a
// refresh after an edit re-reads only what changed.
import * as fs from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeSourceFile } from '../analysis/analyze';
import { parseText } from '../analysis/parse';
import { routesOfFile, type FileRoute } from '../analysis/routeMap';
import { listSourceFiles } from '../project/sourceFiles';
import { analyseOrFail, EDITOR_SIZE_LIMIT, readSourceAsync } from '../project/sourcePolicy';
import type { WorkspaceRoute } from '../../../shared/protocol';
import { responseLabel } from './codeLens';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Files analysed between two yields to the event loop (hovers and edits answer meanwhile). */
const FILES_PER_TURN = 20;

interface Entry {
  stamp: string;
  routes: WorkspaceRoute[];
}

export class RouteIndex {
  private readonly byFile = new Map<string, Entry>();

  constructor(
    private readonly folders: () => readonly string[],
    private readonly documents: TextDocuments<TextDocument>,
    private readonly isTest: (uri: string) => boolean,
  ) {}

  /** Every route, in file order; files larger than `maxFileSizeKb` are left out as the analysis leaves them. */
  async routes(maxFileSizeKb: number): Promise<WorkspaceRoute[]> {
    const files = (await Promise.all(this.folders().map((folder) => listSourceFiles(folder)))).flat();
    const live = new Set<string>();
    const out: WorkspaceRoute[] = [];
    for (let i = 0; i < files.length; i++) {
      if (i > 0 && i % FILES_PER_TURN === 0) await nextTurn();
      const uri = pathToFileURL(files[i]).href;
      if (this.isTest(uri)) continue;
      live.add(files[i]);
      out.push(...(await this.routesOf(files[i], uri, maxFileSizeKb)));
    }
    for (const file of this.byFile.keys()) if (!live.has(file)) this.byFile.delete(file);
    return out;
  }

  private async routesOf(file: string, uri: string, maxFileSizeKb: number): Promise<WorkspaceRoute[]> {
    const open = this.documents.get(uri);
    let stamp: string;
    if (open) stamp = `v${open.version}:${maxFileSizeKb}`;
    else {
      const stat = await fs.stat(file).catch(() => undefined);
      if (!stat) return [];
      stamp = `${stat.size}:${stat.mtimeMs}:${maxFileSizeKb}`;
    }
    const known = this.byFile.get(file);
    if (known?.stamp === stamp) return known.routes;
    let text = open?.getText();
    if (text === undefined) {
      const read = await readSourceAsync(file, maxFileSizeKb, EDITOR_SIZE_LIMIT);
      if (read.readError !== undefined || read.skipped !== undefined) return [];
      text = read.text;
    }
    const source = text;
    const run = analyseOrFail(() => parseText(file, source), (sf) => routesOfFile(analyzeSourceFile(sf)));
    const routes = run.failed !== undefined ? [] : run.result.map((r) => toWorkspaceRoute(r, uri));
    this.byFile.set(file, { stamp, routes });
    return routes;
  }
}

function toWorkspaceRoute(route: FileRoute, uri: string): WorkspaceRoute {
  return {
    uri,
    method: route.method,
    path: route.path,
    line: route.line - 1,
    framework: route.framework,
    responses: route.responses.map((r) => ({ status: r.status, line: r.line - 1, via: r.via, label: responseLabel(r) })),
  };
}
