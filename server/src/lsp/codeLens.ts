// A code lens above each route handler: what the route answers (`GET /users/:id → 200 · 404 · 500`),
// from the statuses its own code decides (analysis/routeMap.ts). Choosing it lists the responses.
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { routesOfFile, type ResponseVia, type RouteResponse } from '../analysis/routeMap';
import { phraseOf } from '../knowledge/statusData';
import { SHOW_ROUTE_RESPONSES_COMMAND, type RouteLensArgs } from '../../../shared/protocol';
import type { DocumentAnalysis } from './analysisCache';

const HOW: Record<ResponseVia, string> = {
  direct: 'set here',
  framework: "the framework's default",
  thrown: 'thrown',
  helper: 'by a helper',
  'error-handler': 'by the error handler',
  middleware: 'by middleware',
};

/** `404 Not Found: set here, line 6`: one response as the route's list shows it. */
export function responseLabel(r: RouteResponse, otherFile?: string): string {
  const status = r.status === null ? 'A status known only at run time' : `${r.status} ${phraseOf(r.status) ?? ''}`.trim();
  // A handler registered by name lives in another file: say which, instead of "here".
  if (otherFile !== undefined) return `${status}: ${r.via === 'direct' ? 'set' : HOW[r.via]} in ${otherFile}:${r.line}`;
  return `${status}: ${HOW[r.via]}, line ${r.line}`;
}

export function routeLenses(doc: TextDocument, result: DocumentAnalysis): CodeLens[] {
  if (!result.settings.codeLens.enabled) return [];
  return routesOfFile(result.analysis).map((route) => {
    const statuses = [...new Set(route.responses.map((r) => (r.status === null ? '?' : String(r.status))))].join(' · ');
    const args: RouteLensArgs = {
      uri: doc.uri,
      method: route.method,
      path: route.path,
      responses: route.responses.map((r) => ({
        status: r.status,
        line: r.line - 1,
        via: r.via,
        label: responseLabel(r),
      })),
    };
    const line = route.line - 1;
    return {
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      command: { title: `${route.method} ${route.path} → ${statuses}`, command: SHOW_ROUTE_RESPONSES_COMMAND, arguments: [args] },
    };
  });
}
