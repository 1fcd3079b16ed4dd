// Which codes completion offers first: those that fit the kind of position (a redirect takes a 3xx),
// then those the code around the cursor suggests (a catch block, a failed lookup, a create).
import { allStatuses, getStatus } from '../knowledge/statusData';

/** What kind of status position the cursor is in. */
export type SlotKind = 'status' | 'send-status' | 'status-assign' | 'response-init' | 'write-head' | 'redirect' | 'decorator' | 'exception';

/** What the code around the cursor suggests about the status to send. */
export type Situation = 'catch' | 'not-found' | 'validation' | 'auth' | 'permission' | 'rate-limit' | 'conflict' | 'create' | 'delete';

const BY_SLOT: Record<SlotKind, readonly number[]> = {
  status: [200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 503],
  'send-status': [200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 503],
  'status-assign': [200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 503],
  'response-init': [200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 503],
  'write-head': [200, 201, 204, 301, 302, 304, 400, 404, 500],
  redirect: [302, 301, 303, 307, 308],
  decorator: [200, 201, 202, 204],
  exception: [400, 401, 403, 404, 409, 422, 429, 500, 502, 503],
};

const BY_SITUATION: Record<Situation, readonly number[]> = {
  catch: [500, 503, 502, 504],
  'not-found': [404, 410],
  validation: [400, 422],
  auth: [401, 403],
  permission: [403, 404],
  'rate-limit': [429, 503],
  conflict: [409, 412],
  create: [201, 200, 202],
  delete: [204, 200, 202],
};

const SUCCESS_SITUATIONS = new Set<Situation>(['create', 'delete']);

/** Codes that make sense in the slot at all: a redirect is 3xx, an exception 4xx/5xx. */
function fitsSlot(slot: SlotKind, code: number): boolean {
  if (slot === 'redirect') return code >= 300 && code < 400;
  if (slot === 'exception') return code >= 400;
  return true;
}

/**
 * Every known code that fits the slot, best first: what the situation suggests, the slot's common
 * codes, other current registered codes, then 1xx and codes the registry retired, then
 * unregistered ones. `validationStatus` (the setting) leads for validation failures.
 */
export function rankedCodes(ctx: { slot: SlotKind; situation?: Situation }, validationStatus: number = 400): number[] {
  const first: number[] = [];
  const s = ctx.situation;
  // A redirect's code says how to redirect; an exception is an error; @HttpCode only follows a DELETE.
  const applies =
    s !== undefined && ctx.slot !== 'redirect' && (ctx.slot === 'exception' ? !SUCCESS_SITUATIONS.has(s) : ctx.slot === 'decorator' ? s === 'delete' : true);
  if (applies) {
    if (s === 'validation') first.push(validationStatus);
    first.push(...BY_SITUATION[s]);
  }
  first.push(...BY_SLOT[ctx.slot]);
  const tier = (code: number): number => {
    const e = getStatus(code);
    if (!e || !e.registered) return 3;
    if (e.status !== 'current' || code < 200) return 2;
    return 1;
  };
  const rest = allStatuses()
    .map((e) => e.code)
    .filter((c) => !first.includes(c) && fitsSlot(ctx.slot, c))
    .sort((a, b) => tier(a) - tier(b) || a - b);
  return [...new Set(first)].filter((c) => fitsSlot(ctx.slot, c)).concat(rest);
}
