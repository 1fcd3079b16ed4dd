// status-hints routes [paths...]: every route found and the statuses its handler answers, as a table,
// JSON (the contract other tools read), Markdown, or an OpenAPI 3.1 document of the paths.
import * as path from 'node:path';
import { parseText } from '../analysis/parse';
import type { ResponseVia } from '../analysis/routeMap';
import { ModuleResolver } from '../project/moduleResolution';
import { diskFiles, toSlashes } from '../project/projectFiles';
import { routeFactsOf, routeTable, type FileRouteFacts, type TableRoute } from '../project/routeTable';
import { phraseOf } from '../knowledge/statusData';
import { analyseOrFail, CLI_SIZE_LIMIT, readSource } from '../project/sourcePolicy';
import { collectFiles, UsageError } from './files';

export type RoutesFormat = 'table' | 'json' | 'markdown' | 'openapi';

export interface RoutesOptions {
  paths: string[];
  format: RoutesFormat;
  ignorePatterns: string[];
  maxFileSizeKb: number;
}

/** One route in the JSON contract: files relative to the current folder, `/`-separated. */
export interface JsonRoute {
  method: string;
  path: string;
  file: string;
  line: number;
  /** null when the file's imports name no framework (a handler registered by name). */
  framework: string | null;
  responses: { status: number | null; file: string; line: number; via: ResponseVia }[];
}

export interface RoutesRun {
  routes: JsonRoute[];
  /** Files that could not be read or analysed, with why (said on stderr, never in the output). */
  skipped: { file: string; reason: string }[];
}

const relative = (cwd: string, file: string) => path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');

/** The routes of the files under `paths`; test files never give routes. */
export function collectRoutes(opts: RoutesOptions, cwd: string): RoutesRun {
  const { files, tests } = collectFiles(opts.paths.length > 0 ? opts.paths : ['.'], opts.ignorePatterns, cwd);
  const facts: FileRouteFacts[] = [];
  const skipped: RoutesRun['skipped'] = [];
  for (const file of files) {
    if (tests.has(file)) continue;
    const abs = toSlashes(path.resolve(cwd, file));
    const read = readSource(abs, opts.maxFileSizeKb, CLI_SIZE_LIMIT);
    if (read.readError !== undefined) throw new UsageError(read.readError);
    if (read.skipped !== undefined) {
      skipped.push({ file, reason: read.skipped });
      continue;
    }
    const run = analyseOrFail(
      () => parseText(file, read.text),
      (sf) => routeFactsOf(abs, sf),
    );
    if (run.failed !== undefined) skipped.push({ file, reason: run.failed });
    else facts.push(run.result);
  }
  const resolver = new ModuleResolver(diskFiles(), toSlashes(cwd));
  const routes = routeTable(facts, (from, spec) => resolver.resolve(from, spec)).map((r) => toJson(r, cwd));
  return { routes, skipped };
}

function toJson(route: TableRoute, cwd: string): JsonRoute {
  return {
    method: route.method,
    path: route.path,
    file: relative(cwd, route.file),
    line: route.line,
    framework: route.framework ?? null,
    responses: route.responses.map((r) => ({ status: r.status, file: relative(cwd, r.file), line: r.line, via: r.via })),
  };
}

const statusList = (route: JsonRoute) => [...new Set(route.responses.map((r) => (r.status === null ? '?' : String(r.status))))].join(' · ');

export function formatRoutes(run: RoutesRun, format: RoutesFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ routes: run.routes }, null, 2);
    case 'markdown':
      return markdown(run.routes);
    case 'openapi':
      return JSON.stringify(openApi(run.routes), null, 2);
    case 'table':
      return table(run.routes);
  }
}

function table(routes: readonly JsonRoute[]): string {
  if (routes.length === 0) return 'No routes found.';
  const rows = routes.map((r) => [r.method, r.path, statusList(r), `${r.file}:${r.line}`]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length)));
  const lines = rows.map((row) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join('  '));
  const unknown = routes.some((r) => r.responses.some((x) => x.status === null));
  return [...lines, '', `${routes.length} route${routes.length === 1 ? '' : 's'}${unknown ? ' (? = a status known only at run time)' : ''}`].join('\n');
}

function markdown(routes: readonly JsonRoute[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = ['| Method | Path | Responses | Handler |', '| --- | --- | --- | --- |'];
  for (const r of routes) lines.push(`| ${r.method} | \`${cell(r.path)}\` | ${statusList(r)} | ${cell(r.file)}:${r.line} |`);
  return lines.join('\n');
}

/** `/items/:id`, `/items/[id]`, `/items/[...slug]` → `/items/{id}`, `/items/{slug}` (OpenAPI path templates). */
export function openApiPath(routePath: string): string {
  return routePath
    .replace(/\[\[?\.\.\.(\w+)\]?\]/g, '{$1}')
    .replace(/\[(\w+)\]/g, '{$1}')
    .replace(/:(\w+)\??/g, '{$1}');
}

const OPENAPI_METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE']);

/** An OpenAPI 3.1 document with each route's statuses as responses, described by their phrase; no schemas guessed. */
function openApi(routes: readonly JsonRoute[]) {
  const paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>> = {};
  for (const r of routes) {
    if (!OPENAPI_METHODS.has(r.method)) continue;
    const responses: Record<string, { description: string }> = {};
    for (const x of r.responses) if (x.status !== null) responses[String(x.status)] = { description: phraseOf(x.status) ?? `Status ${x.status}` };
    if (Object.keys(responses).length === 0) responses.default = { description: 'A status decided at run time' };
    const item = (paths[openApiPath(r.path)] ??= {});
    const operation = (item[r.method.toLowerCase()] ??= { responses: {} });
    Object.assign(operation.responses, responses);
  }
  return { openapi: '3.1.0', info: { title: 'Routes found by status-hints', version: '0.0.0' }, paths };
}
