// What each route of one file answers, from the sites the analysis found in its handler: the route
// status map's per-file part. A status decided in another file (a helper, an error class, an error
// handler, a router mounted under a prefix) is not known here: the statuses listed are the ones the
// handler's own code decides, and the path is the one registered in this file.
import { positionAt } from './edits';
import type { FileAnalysis, Framework, SiteKind, StatusSite } from './types';

/** How the status reaches the client: set by the handler, thrown, or a framework's default. */
export type ResponseVia = 'direct' | 'helper' | 'thrown' | 'error-handler' | 'middleware' | 'framework';

export interface RouteResponse {
  /** The status, or null when only known at run time. */
  status: number | null;
  /** 1-based line where the status is decided. */
  line: number;
  via: ResponseVia;
}

export interface FileRoute {
  /** Upper-case HTTP method, or ALL for a route answering every method. */
  method: string;
  path: string;
  /** 1-based line of the route's handler. */
  line: number;
  framework: Framework;
  responses: RouteResponse[];
}

const VIA: Record<SiteKind, ResponseVia> = {
  'status-call': 'direct',
  'send-status': 'direct',
  'status-assign': 'direct',
  redirect: 'direct',
  'write-head': 'direct',
  'response-init': 'direct',
  decorator: 'direct',
  'implicit-send': 'framework',
  'framework-default': 'framework',
  exception: 'thrown',
};

/** What a site answers, as the route map lists it. */
export function responseOf(site: StatusSite, lineOf: (offset: number) => number): RouteResponse {
  return { status: site.code ?? null, line: lineOf(site.span.start), via: VIA[site.kind] };
}

/** A site that answers a route's request: in a registered handler with a path, not a test double. */
function routeOf(site: StatusSite): { method: string; path: string } | undefined {
  const route = site.route;
  if (!route?.path || !site.handler || site.testDouble) return undefined;
  // app.use(path, fn) is middleware for a prefix, not a route of its own.
  if (route.method === 'USE') return undefined;
  return { method: route.method, path: route.path };
}

/** The routes registered in one analysed file with the statuses their handlers decide, in file order. */
export function routesOfFile(analysis: FileAnalysis): FileRoute[] {
  const lineOf = (offset: number) => positionAt(analysis.lineStarts, offset).line + 1;
  const byKey = new Map<string, FileRoute & { start: number; seen: Set<string> }>();
  for (const site of analysis.sites) {
    const route = routeOf(site);
    if (!route) continue;
    const start = site.handler!.span.start;
    const key = `${start}\u0000${route.method}\u0000${route.path}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { ...route, line: lineOf(start), framework: site.framework, responses: [], start, seen: new Set() };
      byKey.set(key, entry);
    }
    const response = responseOf(site, lineOf);
    const id = `${response.status}:${response.line}:${response.via}`;
    if (entry.seen.has(id)) continue;
    entry.seen.add(id);
    entry.responses.push(response);
  }
  return [...byKey.values()]
    .sort((a, b) => a.start - b.start)
    .map(({ start: _start, seen: _seen, ...route }) => ({ ...route, responses: route.responses.sort(byStatusThenLine) }));
}

export function byStatusThenLine(a: RouteResponse, b: RouteResponse): number {
  // Statuses known only at run time go last.
  return (a.status ?? 1000) - (b.status ?? 1000) || a.line - b.line;
}
