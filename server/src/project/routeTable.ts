// The project's routes, joined across files: each file's own routes, routes whose handler is a
// function of another module (followed through re-exports), and the prefixes routers are mounted
// under. The CLI's `routes` and the editor's Routes view both read this.
import type ts from 'typescript';
import { analyzeSourceFile } from '../analysis/analyze';
import { routesOfFile, type FileRoute, type RouteResponse } from '../analysis/routeMap';
import { routeLinksOfFile, type FileRouteLinks } from '../analysis/routeLinks';
import { mountsOfFile, type GlobalPrefix, type Mount } from '../analysis/routeMounts';
import { joinRoutePath, routePrefixes } from './routePrefixes';

/** What the route table needs of one file (absolute path, forward slashes). */
export interface FileRouteFacts {
  file: string;
  routes: FileRoute[];
  mounts: Mount[];
  globalPrefixes: GlobalPrefix[];
  links: FileRouteLinks;
}

export interface TableResponse extends RouteResponse {
  /** The file where the status is decided: the handler's, which may not be the registration's. */
  file: string;
}

export interface TableRoute {
  method: string;
  path: string;
  file: string;
  /** 1-based line of the handler, or of the registration when the handler lives in another file. */
  line: number;
  framework: string | undefined;
  responses: TableResponse[];
}

/** One parsed file's part of the table (`file`: absolute, forward slashes). */
export function routeFactsOf(file: string, sf: ts.SourceFile): FileRouteFacts {
  const analysis = analyzeSourceFile(sf);
  return { file, routes: routesOfFile(analysis), ...mountsOfFile(sf), links: routeLinksOfFile(analysis) };
}

/** Re-exports followed from a registration to the function (index files re-exporting controllers). */
const MAX_HOPS = 4;

export function routeTable(files: readonly FileRouteFacts[], resolve: (from: string, specifier: string) => string | undefined): TableRoute[] {
  const byFile = new Map(files.map((f) => [f.file, f]));
  const mounts = new Map(files.filter((f) => f.mounts.length > 0).map((f) => [f.file, f.mounts]));
  const prefixes = mounts.size > 0 ? routePrefixes(mounts, resolve) : new Map<string, string[]>();

  /** The function `exportPath` names in `file`, with the file it lives in. */
  const functionAt = (file: string, exportPath: readonly string[], hops: number): { file: string; responses: RouteResponse[] } | undefined => {
    const facts = byFile.get(file);
    if (!facts || hops > MAX_HOPS) return undefined;
    const [name = 'default', ...rest] = exportPath;
    const value = facts.links.exports.get(name);
    if (!value) return undefined;
    if (value.kind === 'function') return rest.length === 0 ? { file, responses: value.responses } : undefined;
    const target = resolve(file, value.specifier);
    return target === undefined ? undefined : functionAt(target, [...value.exportPath, ...rest], hops + 1);
  };

  // setGlobalPrefix('api'): one prefix per framework for the whole project (the first one found).
  const global = new Map<string, string>();
  for (const f of files) for (const g of f.globalPrefixes) if (!global.has(g.framework)) global.set(g.framework, g.prefix);

  const out: TableRoute[] = [];
  for (const f of files) {
    const own: TableRoute[] = f.routes.map((r) => ({
      method: r.method,
      path: r.path,
      file: f.file,
      line: r.line,
      framework: r.framework,
      responses: r.responses.map((x) => ({ ...x, file: f.file })),
    }));
    for (const n of f.links.named) {
      const target =
        n.specifier === undefined
          ? (functionAt(f.file, [`local:${n.exportPath[0]}`], 0) ?? functionAt(f.file, n.exportPath, 0))
          : (() => {
              const file = resolve(f.file, n.specifier);
              return file === undefined ? undefined : functionAt(file, n.exportPath, 0);
            })();
      // A name that is no function of the project, in a file that imports no server framework, is
      // most likely a client's request (`api.get('/users', config)`): no route.
      if (!target && f.links.framework === undefined) continue;
      const responses = (target?.responses ?? []).map((x) => ({ ...x, file: target!.file }));
      own.push({ method: n.method, path: n.path, file: f.file, line: n.line, framework: f.links.framework, responses });
    }
    own.sort((a, b) => a.line - b.line);
    for (const route of own) {
      const path = route.framework !== undefined && global.has(route.framework) ? joinRoutePath(global.get(route.framework)!, route.path) : route.path;
      for (const prefix of prefixes.get(f.file) ?? ['']) out.push({ ...route, path: joinRoutePath(prefix, path) });
    }
  }
  return out;
}
