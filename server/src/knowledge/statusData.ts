/**
 * The status-code knowledge base: typed access to data/status-codes.json.
 *
 * This is the only place in the project that knows reason phrases, constant
 * names or any other per-code fact; everything else goes through these
 * functions. Pure TypeScript (no vscode / LSP imports) so the CLI, the server
 * and the tests can all use it. Lookup tables are built once, lazily, from
 * the JSON itself.
 */
import data from '../../../data/status-codes.json';

export type StatusClass = 'informational' | 'success' | 'redirection' | 'client-error' | 'server-error';

/** IANA registry state of a registered code. */
export type RegistryStatus = 'current' | 'deprecated' | 'unused' | 'obsolete' | 'temporary';

/**
 * What a client should do about retrying:
 * - `never`: the same request will fail the same way.
 * - `after-retry-after`: retry later, honouring Retry-After (back off if absent).
 * - `idempotent-only`: often transient; retry automatically only idempotent requests.
 * - `new-connection`: retry on a fresh connection.
 * - `with-changes`: retry only after changing the request.
 * - `not-applicable`: nothing to retry.
 */
export type RetryKind = 'never' | 'after-retry-after' | 'idempotent-only' | 'new-connection' | 'not-applicable' | 'with-changes';

export interface SpecReference {
  /** "RFC 9110", or an Internet-Draft name for provisional registrations. */
  readonly rfc: string;
  /** Section number, e.g. "15.5.5". */
  readonly section?: string;
  readonly url: string;
}

/**
 * How strongly the source asks for a header: its BCP 14 keyword, or `advice` when it uses none
 * (plain-words suggestions such as RFC 9110's "ought to", and common practice).
 */
export type HeaderStrength = 'MUST' | 'SHOULD' | 'MAY' | 'advice';

export interface Citation {
  /** "RFC 9110", or an Internet-Draft name. */
  readonly rfc: string;
  readonly section?: string;
}

export interface HeaderAdvice {
  readonly name: string;
  readonly why: string;
  readonly strength: HeaderStrength;
  /** The case the strength applies in ("if one range is sent"); absent: every response with the status. */
  readonly when?: string;
  readonly source: Citation;
}

export interface HeaderRules {
  /** Strength MUST, every one. */
  readonly required: readonly HeaderAdvice[];
  /** SHOULD, MAY or advice. */
  readonly recommended: readonly HeaderAdvice[];
}

export interface Confusion {
  readonly code: number;
  readonly difference: string;
}

export interface RetryAdvice {
  readonly kind: RetryKind;
  readonly note: string;
}

export interface ExampleExchange {
  /** HTTP/1.1 request text, lines separated by "\n". */
  readonly request: string;
  /** HTTP/1.1 response text, lines separated by "\n". */
  readonly response: string;
}

export interface UsedBy {
  readonly by: string;
  readonly meaning: string;
}

/** Packages whose status constants status-hints knows, keyed by import specifier. */
export type ConstantFamily = 'http-status-codes' | '@nestjs/common' | 'http-status' | 'node:http2';

/** The name each package uses for a code (`node:http2` keeps its `HTTP_STATUS_` prefix). */
export type ConstantsByFamily = Readonly<Partial<Record<ConstantFamily, string>>>;

interface StatusEntryBase {
  readonly code: number;
  /** Display reason phrase (IANA's current one for registered codes). */
  readonly phrase: string;
  readonly class: StatusClass;
  /** Older phrases and constant names (e.g. "Payload Too Large", "REQUEST_TOO_LONG"). */
  readonly aliases: readonly string[];
  /** Per-package constant names, e.g. 413 → { "http-status-codes": "REQUEST_TOO_LONG", "@nestjs/common": "PAYLOAD_TOO_LARGE" }. */
  readonly constants?: ConstantsByFamily;
  /** One line. */
  readonly summary: string;
  /** A paragraph. */
  readonly description: string;
  readonly useWhen: readonly string[];
  readonly avoidWhen: readonly string[];
  readonly confusedWith: readonly Confusion[];
}

export interface RegisteredStatusEntry extends StatusEntryBase {
  readonly registered: true;
  /** The registry's description text verbatim (e.g. "Not Extended (OBSOLETED)"). */
  readonly ianaPhrase: string;
  readonly status: RegistryStatus;
  readonly spec: SpecReference;
  /** MDN reference page, when MDN has one. */
  readonly mdn?: string;
  readonly headers: HeaderRules;
  /** False when the response must not carry content (1xx, 204, 205, 304). */
  readonly bodyAllowed: boolean;
  readonly bodyNote?: string;
  /** Heuristically cacheable by default (RFC 9110 §15.1, RFC 7725 for 451). */
  readonly cacheableByDefault: boolean;
  readonly retry: RetryAdvice;
  /** Absent only for codes that must never be sent (306, 510). */
  readonly example?: ExampleExchange;
}

export interface UnregisteredStatusEntry extends StatusEntryBase {
  readonly registered: false;
  readonly usedBy: readonly UsedBy[];
  readonly retry?: RetryAdvice;
}

export type StatusEntry = RegisteredStatusEntry | UnregisteredStatusEntry;

/** Shape of data/status-codes.json (optional arrays are normalised on load). */
interface RawStatusFile {
  readonly registrySnapshot: string;
  readonly source: string;
  readonly statuses: readonly RawEntry[];
}

type RawEntry =
  | (Omit<RegisteredStatusEntry, 'useWhen' | 'avoidWhen' | 'confusedWith'> & Partial<Pick<StatusEntryBase, 'useWhen' | 'avoidWhen' | 'confusedWith'>>)
  | (Omit<UnregisteredStatusEntry, 'useWhen' | 'avoidWhen' | 'confusedWith'> & Partial<Pick<StatusEntryBase, 'useWhen' | 'avoidWhen' | 'confusedWith'>>);

const raw = data as unknown as RawStatusFile;

/** Date of the IANA registry snapshot the data follows (YYYY-MM-DD). */
export const REGISTRY_SNAPSHOT: string = raw.registrySnapshot;
/** URL of the IANA HTTP Status Code Registry. */
export const REGISTRY_SOURCE: string = raw.source;

/** Constant-name shape: `NOT_FOUND`, `EARLYHINTS`, `OK`. */
const CONSTANT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
/** node:http2 `constants.HTTP_STATUS_*` prefix. */
const HTTP2_PREFIX = 'HTTP_STATUS_';

interface Tables {
  readonly ordered: readonly StatusEntry[];
  readonly byCode: ReadonlyMap<number, StatusEntry>;
  readonly byConstant: ReadonlyMap<string, number>;
  readonly constantsByCode: ReadonlyMap<number, readonly string[]>;
  /** Normalised phrase → code; `null` marks a phrase shared by several codes ("(Unused)"). */
  readonly byPhrase: ReadonlyMap<string, number | null>;
}

let tables: Tables | undefined;

function normalise(entry: RawEntry): StatusEntry {
  return {
    ...entry,
    useWhen: entry.useWhen ?? [],
    avoidWhen: entry.avoidWhen ?? [],
    confusedWith: entry.confusedWith ?? [],
  } as StatusEntry;
}

/** Phrase lookup key: case-, space-, hyphen- and punctuation-insensitive. */
function phraseKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function build(): Tables {
  const entries = raw.statuses.map(normalise);
  const ordered = [
    ...entries.filter((e) => e.registered).sort((a, b) => a.code - b.code),
    ...entries.filter((e) => !e.registered).sort((a, b) => a.code - b.code),
  ];
  const byCode = new Map<number, StatusEntry>();
  const byConstant = new Map<string, number>();
  const constantsByCode = new Map<number, string[]>();
  const byPhrase = new Map<string, number | null>();

  const addPhrase = (text: string, code: number): void => {
    const key = phraseKey(text);
    if (key === '') return;
    const seen = byPhrase.get(key);
    if (seen === undefined) byPhrase.set(key, code);
    else if (seen !== code) byPhrase.set(key, null);
  };

  for (const entry of ordered) {
    if (byCode.has(entry.code)) continue; // the data test forbids duplicates; keep the first
    byCode.set(entry.code, entry);
    // Names real packages define come first (http-status-codes, NestJS, http-status), then the rest.
    const c = entry.constants;
    const names: string[] = [c?.['http-status-codes'], c?.['@nestjs/common'], c?.['http-status']].filter(
      (n, i, all): n is string => typeof n === 'string' && all.indexOf(n) === i,
    );
    const texts = [entry.phrase, ...(entry.registered ? [entry.ianaPhrase] : []), ...entry.aliases].filter((t): t is string => typeof t === 'string');
    for (const text of texts) {
      if (CONSTANT_NAME.test(text)) {
        if (!byConstant.has(text)) byConstant.set(text, entry.code);
        if (!names.includes(text)) names.push(text);
      }
      // Constant-shaped aliases are kept out of the phrase table unless they are
      // real phrases too ("OK"): resolveReasonPhrase sends constants to the constant table.
      if (!CONSTANT_NAME.test(text) || text === entry.phrase) addPhrase(text, entry.code);
    }
    constantsByCode.set(entry.code, names);
  }
  return { ordered, byCode, byConstant, constantsByCode, byPhrase };
}

function getTables(): Tables {
  tables ??= build();
  return tables;
}

/** Last segment of a member chain: `StatusCodes.NOT_FOUND` → `NOT_FOUND`, `x['NOT_FOUND']` → `NOT_FOUND`. */
function lastSegment(name: string): string {
  let s = name.trim();
  const bracket = /\[\s*(['"`])([^'"`]*)\1\s*\]$/.exec(s);
  if (bracket) return bracket[2]!.trim();
  const dot = s.lastIndexOf('.');
  if (dot >= 0) s = s.slice(dot + 1);
  return s.trim();
}

/** The entry for a code (registered or unregistered), or undefined if status-hints knows nothing about it. */
export function getStatus(code: number): StatusEntry | undefined {
  return getTables().byCode.get(code);
}

/** Every entry: registered codes first (ascending), then unregistered ones (ascending). */
export function allStatuses(): readonly StatusEntry[] {
  return getTables().ordered;
}

/** True when the code is assigned in the IANA registry (including unused, deprecated, obsolete and temporary ones). */
export function isRegistered(code: number): boolean {
  return getTables().byCode.get(code)?.registered === true;
}

/** Display reason phrase of a known code. */
export function phraseOf(code: number): string | undefined {
  return getTables().byCode.get(code)?.phrase;
}

/** Class of any three-digit status code, known or not (e.g. 299 → "success"). */
export function statusClassOf(code: number): StatusClass | undefined {
  if (!Number.isInteger(code) || code < 100 || code > 599) return undefined;
  const classes: readonly StatusClass[] = ['informational', 'success', 'redirection', 'client-error', 'server-error'];
  return classes[Math.floor(code / 100) - 1];
}

/**
 * Constant names (UPPER_SNAKE) that resolve to this code: the names http-status-codes, NestJS and
 * http-status define first (in that order), then other aliases. To write a name that exists in a
 * specific package, use constantNameIn().
 */
export function constantNamesOf(code: number): readonly string[] {
  return getTables().constantsByCode.get(code) ?? [];
}

/**
 * The constant a given package defines for `code`, so a fix can write a name that exists there:
 * `constantNameIn(413, 'http-status-codes')` → `REQUEST_TOO_LONG`, `(413, '@nestjs/common')` →
 * `PAYLOAD_TOO_LARGE`, `(418, 'node:http2')` → `HTTP_STATUS_TEAPOT`. `'http2'` is accepted for
 * `'node:http2'`. Undefined when the package has no constant for the code.
 */
export function constantNameIn(code: number, family: ConstantFamily | 'http2'): string | undefined {
  const key: ConstantFamily = family === 'http2' ? 'node:http2' : family;
  return getTables().byCode.get(code)?.constants?.[key];
}

/**
 * Code for a status constant name as used by `http-status-codes` (`StatusCodes.NOT_FOUND`,
 * legacy `MOVED_TEMPORARILY`, `REQUEST_TOO_LONG`), NestJS `HttpStatus` (`I_AM_A_TEAPOT`,
 * `PAYLOAD_TOO_LARGE`, `EARLYHINTS`, `AMBIGUOUS`), `http-status` (`httpStatus.NOT_FOUND`)
 * and `node:http2` (`constants.HTTP_STATUS_NOT_FOUND`). A qualifier before the last `.` is
 * ignored. Case-sensitive: constant names are upper case.
 */
export function resolveConstantName(name: string): number | undefined {
  const { byConstant } = getTables();
  const key = lastSegment(name);
  const direct = byConstant.get(key);
  if (direct !== undefined) return direct;
  if (key.startsWith(HTTP2_PREFIX)) return byConstant.get(key.slice(HTTP2_PREFIX.length));
  return undefined;
}

/**
 * Code for a reason phrase: either phrase text ("Not Found", "payload too large",
 * "I'm a teapot", current or older wording, case- and punctuation-insensitive) or a
 * `ReasonPhrases.NOT_FOUND`-style constant. Ambiguous phrases ("(Unused)") give undefined.
 */
export function resolveReasonPhrase(phrase: string): number | undefined {
  const text = phrase.trim();
  if (text === '') return undefined;
  const { byPhrase } = getTables();
  const constant = lastSegment(text);
  if (CONSTANT_NAME.test(constant) && (constant !== text || !byPhrase.has(phraseKey(text)))) {
    const code = resolveConstantName(constant);
    if (code !== undefined) return code;
  }
  const code = byPhrase.get(phraseKey(text));
  return code === null ? undefined : code;
}
