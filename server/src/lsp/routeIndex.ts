// The routes of the whole workspace for the Routes view (`statusHints/routes`): every source file of
// the workspace folders but test files, open documents as they are in the editor, closed ones from
// disk. A file's routes are kept until its size, modification time or editor version changes, so a
// refresh after an edit re-reads only what changed.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseText } from '../analysis/parse';
import { ModuleResolver } from '../project/moduleResolution';
import { diskFiles, toSlashes } from '../project/projectFiles';
import { routeFactsOf, routeTable, type FileRouteFacts, type TableRoute } from '../project/routeTable';
import { listSourceFiles } from '../project/sourceFiles';
import { analyseOrFail, EDITOR_SIZE_LIMIT, readSourceAsync } from '../project/sourcePolicy';
import type { WorkspaceRoute } from '../../../shared/protocol';
import { responseLabel } from './codeLens';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Files analysed between two yields to the event loop (hovers and edits answer meanwhile). */
const FILES_PER_TURN = 20;

interface Entry {
  stamp: string;
  facts: FileRouteFacts | undefined;
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
    const folders = this.folders();
    const files = (await Promise.all(folders.map((folder) => listSourceFiles(folder)))).flat();
    const live = new Set<string>();
    const facts: FileRouteFacts[] = [];
    for (let i = 0; i < files.length; i++) {
      if (i > 0 && i % FILES_PER_TURN === 0) await nextTurn();
      const uri = pathToFileURL(files[i]).href;
      if (this.isTest(uri)) continue;
      live.add(files[i]);
      const found = await this.factsOf(files[i], uri, maxFileSizeKb);
      if (found) facts.push(found);
    }
    for (const file of this.byFile.keys()) if (!live.has(file)) this.byFile.delete(file);
    const resolvers = folders.map((folder) => ({ folder: toSlashes(folder), resolver: new ModuleResolver(diskFiles(), toSlashes(folder)) }));
    const resolve = (from: string, spec: string) => resolvers.find((r) => from.startsWith(`${r.folder}/`))?.resolver.resolve(from, spec);
    return routeTable(facts, resolve).map(toWorkspaceRoute);
  }

  private async factsOf(file: string, uri: string, maxFileSizeKb: number): Promise<FileRouteFacts | undefined> {
    const open = this.documents.get(uri);
    let stamp: string;
    if (open) stamp = `v${open.version}:${maxFileSizeKb}`;
    else {
      const stat = await fs.stat(file).catch(() => undefined);
      if (!stat) return undefined;
      stamp = `${stat.size}:${stat.mtimeMs}:${maxFileSizeKb}`;
    }
    const known = this.byFile.get(file);
    if (known?.stamp === stamp) return known.facts;
    let text = open?.getText();
    if (text === undefined) {
      const read = await readSourceAsync(file, maxFileSizeKb, EDITOR_SIZE_LIMIT);
      if (read.readError !== undefined || read.skipped !== undefined) return undefined;
      text = read.text;
    }
    const source = text;
    const run = analyseOrFail(
      () => parseText(file, source),
      (sf) => routeFactsOf(toSlashes(file), sf),
    );
    const facts = run.failed !== undefined ? undefined : run.result;
    this.byFile.set(file, { stamp, facts });
    return facts;
  }
}

function toWorkspaceRoute(route: TableRoute): WorkspaceRoute {
  return {
    uri: pathToFileURL(route.file).href,
    method: route.method,
    path: route.path,
    line: route.line - 1,
    framework: route.framework ?? '',
    responses: route.responses.map((r) => ({
      status: r.status,
      line: r.line - 1,
      via: r.via,
      label: responseLabel(r, r.file === route.file ? undefined : path.basename(r.file)),
      uri: pathToFileURL(r.file).href,
    })),
  };
}
