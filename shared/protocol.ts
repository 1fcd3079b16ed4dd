// What the VS Code client and the language server agree on, beyond standard LSP: command ids,
// custom requests and how node runs the server. Both sides import this file and nothing of each
// other, so a change to a payload breaks the build of both (as vscode-eslint's $shared does).

/** The hover's "Open full doc" link runs this command, with the code as its argument. */
export const OPEN_DOC_COMMAND = 'statusHints.openDoc';

/**
 * How node runs the language server. Node's default heap limit on a large machine is several GB, and
 * V8 sizes the heap to it: after opening 2,000 files the server's live heap is ~50 MB, but RSS sat at
 * ~310 MB. A 512 MB old space (7x the live heap at that load) and 4 MB semi-spaces keep RSS near
 * 170 MB with no measurable slowdown (bench/editor.mjs). The client and the benchmark both start the
 * server with these; other editors can pass them to node too (README).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-old-space-size=512', '--max-semi-space-size=4'];

/** One code in the lookup's list. */
export interface LookupItem {
  code: number;
  /** `404 Not Found` */
  label: string;
  /** `not IANA-registered`, `deprecated`..., or undefined for a current code. */
  description?: string;
  /** The one-line summary. */
  detail: string;
}

/** `statusHints/lookup`: the codes matching what the user typed, best first. */
export const LOOKUP_REQUEST = 'statusHints/lookup';
export interface LookupParams {
  query: string;
}

/** `statusHints/statusDoc`: the full document of a code, as an HTML fragment (every text escaped). */
export const STATUS_DOC_REQUEST = 'statusHints/statusDoc';
export interface StatusDocParams {
  code: number;
}
export interface StatusDoc {
  /** `404 Not Found`, or the number alone for an unknown code. */
  title: string;
  /** Whether the knowledge base has the code (insert and copy are offered only then). */
  known: boolean;
  html: string;
}

/** `statusHints/memoryUsage`: process.memoryUsage() after a full GC when node has --expose-gc. */
export const MEMORY_USAGE_REQUEST = 'statusHints/memoryUsage';

/** `statusHints/idle`: answers once every diagnostic due has been published (for tests and tools). */
export const IDLE_REQUEST = 'statusHints/idle';

/**
 * A route's code lens runs this command with a RouteLensArgs: VS Code lists the responses and goes to
 * the chosen one. Other editors show the lens title (`GET /users/:id → 200 · 404`).
 */
export const SHOW_ROUTE_RESPONSES_COMMAND = 'statusHints.showRouteResponses';
export interface RouteLensArgs {
  uri: string;
  method: string;
  path: string;
  /** Each status the handler decides, with the 0-based line where it is decided (in `uri` when given: a handler in another file). */
  responses: { status: number | null; line: number; via: string; label: string; uri?: string }[];
}

/** `statusHints/routes`: every route of the workspace folders (test files left out), for the Routes view. */
export const ROUTES_REQUEST = 'statusHints/routes';
export interface WorkspaceRoute extends RouteLensArgs {
  /** 0-based line of the handler. */
  line: number;
  framework: string;
}
export interface RoutesResult {
  routes: WorkspaceRoute[];
}
