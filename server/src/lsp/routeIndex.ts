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
import { mountsOfFile, type Mount } from '../analysis/routeMounts';
import { ModuleResolver } from '../project/moduleResolution';
import { diskFiles, toSlashes } from '../project/projectFiles';
import { joinRoutePath, routePrefixes } from '../project/routePrefixes';
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
  mounts: Mount[];
}

const NO_ROUTES: Omit<Entry, 'stamp'> = { routes: [], mounts: [] };

export class RouteIndex {
  private readonly byFile = new Map<string, Entry>();

  constructor(
    private readonly folders: () => readonly string[],
    private readonly documents: TextDocuments<TextDocument>,
    private readonly isTest: (uri: string) => boolean,
  ) {}

  /** Every route, in file order; files larger than `maxFileSizeKb` are left out as the analysis leaves them. */
  async routes(maxFileSizeKb: number): Promise<WorkspaceRoute[]> {
    const folders = this.folders();
    const files = (await Promise.all(folders.map((folder) => listSourceFiles(folder)))).flat();
    const live = new Set<string>();
    const found: { file: string; entry: Omit<Entry, 'stamp'> }[] = [];
    for (let i = 0; i < files.length; i++) {
      if (i > 0 && i % FILES_PER_TURN === 0) await nextTurn();
      const uri = pathToFileURL(files[i]).href;
      if (this.isTest(uri)) continue;
      live.add(files[i]);
      found.push({ file: files[i], entry: await this.entryOf(files[i], uri, maxFileSizeKb) });
    }
    for (const file of this.byFile.keys()) if (!live.has(file)) this.byFile.delete(file);
    // Routers mounted under a prefix in another file (app.use('/users', users)) get their full paths.
    const mounts = new Map(found.filter((f) => f.entry.mounts.length > 0).map((f) => [toSlashes(f.file), f.entry.mounts]));
    const resolvers = folders.map((folder) => ({ folder: toSlashes(folder), resolver: new ModuleResolver(diskFiles(), toSlashes(folder)) }));
    const resolve = (from: string, spec: string) => resolvers.find((r) => from.startsWith(`${r.folder}/`))?.resolver.resolve(from, spec);
    const prefixes = mounts.size > 0 ? routePrefixes(mounts, resolve) : new Map<string, string[]>();
    return found.flatMap(({ file, entry }) => {
      const above = prefixes.get(toSlashes(file));
      return above ? above.flatMap((prefix) => entry.routes.map((r) => ({ ...r, path: joinRoutePath(prefix, r.path) }))) : entry.routes;
    });
  }

  private async entryOf(file: string, uri: string, maxFileSizeKb: number): Promise<Omit<Entry, 'stamp'>> {
    const open = this.documents.get(uri);
    let stamp: string;
    if (open) stamp = `v${open.version}:${maxFileSizeKb}`;
    else {
      const stat = await fs.stat(file).catch(() => undefined);
      if (!stat) return NO_ROUTES;
      stamp = `${stat.size}:${stat.mtimeMs}:${maxFileSizeKb}`;
    }
    const known = this.byFile.get(file);
    if (known?.stamp === stamp) return known;
    let text = open?.getText();
    if (text === undefined) {
      const read = await readSourceAsync(file, maxFileSizeKb, EDITOR_SIZE_LIMIT);
      if (read.readError !== undefined || read.skipped !== undefined) return NO_ROUTES;
      text = read.text;
    }
    const source = text;
    const run = analyseOrFail(
      () => parseText(file, source),
      (sf) => ({ routes: routesOfFile(analyzeSourceFile(sf)).map((r) => toWorkspaceRoute(r, uri)), mounts: mountsOfFile(sf) }),
    );
    const entry = { stamp, ...(run.failed !== undefined ? NO_ROUTES : run.result) };
    this.byFile.set(file, entry);
    return entry;
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
