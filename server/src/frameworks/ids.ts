// The framework ids, and the one place outside each framework's folder allowed to spell them
// (test/unit/frameworks.test.mjs reads FRAMEWORK_FOLDER from here). A leaf: imports nothing.

/** Each framework id and the folder of frameworks/ that owns it (the Fetch API's Response and Next.js share a recognizer but keep their own folders). */
export const FRAMEWORK_FOLDER = {
  express: 'express',
  'node-http': 'node-http',
  fastify: 'fastify',
  koa: 'koa',
  hono: 'hono',
  fetch: 'fetch',
  next: 'next',
  nest: 'nest',
  'http-errors': 'http-errors',
  boom: 'boom',
} as const;

export type Framework = keyof typeof FRAMEWORK_FOLDER;

/**
 * The ids by name, for a recognizer that reports a framework other than its own (Express's
 * recognizer also reads node:http and Next.js pages responses; Nest's reads the Express or Fastify
 * response it runs on). Rules never use these: they ask the plugin.
 */
export const ID = {
  express: 'express',
  nodeHttp: 'node-http',
  fastify: 'fastify',
  koa: 'koa',
  hono: 'hono',
  fetch: 'fetch',
  next: 'next',
  nest: 'nest',
  httpErrors: 'http-errors',
  boom: 'boom',
} as const satisfies Record<string, Framework>;

/** The name middleware gives its continuation, `next(err)`: a parameter name that happens to spell Next.js's id. */
export const NEXT_CALLBACK = 'next';

/** The global `fetch` function, replaced by test doubles: a name that spells the Fetch API's id. */
export const GLOBAL_FETCH = 'fetch';
