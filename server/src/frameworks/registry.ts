// Every framework plugin. Add a framework: a folder frameworks/<id>/ exporting its plugin, its id in
// ids.ts, and one line here. The order is the order recognizers run in the walk.
import type { Recognizer } from '../analysis/walk/contract';
import { boom } from './boom';
import { express } from './express';
import { fastify } from './fastify';
import { fetchResponse } from './fetch';
import { hono } from './hono';
import { httpErrors } from './http-errors';
import type { Framework } from './ids';
import { koa } from './koa';
import { nest } from './nest';
import { next } from './next';
import { nodeHttp } from './node-http';
import type { FrameworkPlugin } from './plugin';

export type { Framework } from './ids';
export type { FrameworkPlugin, SlotCall } from './plugin';

export const plugins: readonly FrameworkPlugin[] = [express, nodeHttp, fastify, koa, hono, fetchResponse, next, nest, httpErrors, boom];

const byId = new Map<Framework, FrameworkPlugin>(plugins.map((p) => [p.id, p]));

export function pluginFor(id: Framework): FrameworkPlugin {
  return byId.get(id)!;
}

/** The frameworks' recognizers, in registry order. */
export const frameworkRecognizers: readonly Recognizer[] = plugins.flatMap((p) => (p.recognizer ? [p.recognizer] : []));

/**
 * Usual names of a response object, every framework's. A name only counts by its spelling where
 * nothing declares it (a pasted snippet) or as a parameter of a helper outside any handler.
 */
export const responseNames: ReadonlySet<string> = new Set(plugins.flatMap((p) => p.detect.receiverNames));

/** True when `module` is one of the plugin's import specifiers (or under one ending in '/'). */
export function importsFramework(plugin: FrameworkPlugin, module: string): boolean {
  return plugin.detect.imports.some((m) => (m.endsWith('/') ? module.startsWith(m) : module === m));
}
