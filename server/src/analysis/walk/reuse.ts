// Incremental reuse: ts.updateSourceFile keeps the node of a top-level statement an edit did not
// touch, so the next version's walk takes that statement's events from the previous walk, their
// offsets moved by as much as the statement moved, instead of walking it again.
import type * as ts from 'typescript';
import type { BodyFacts, CodeEditPlan, Guard, Span } from '../model';
import type { LocalConstants } from '../resolve';
import type { FunctionContext, ImportBinding, ModuleWrite, WalkResult, WalkSegment } from './contract';
import { exitIndexes, RESPONSE_NAMES } from './state';

/**
 * What every statement's facts depend on beyond its own text: the file name, imports, top-level exits,
 * and the module's declarations of usual response names (they make such a name no response anywhere).
 */
export function moduleKeyOf(
  sf: ts.SourceFile,
  imports: ReadonlySet<string>,
  bindings: ReadonlyMap<string, ImportBinding>,
  moduleNames: readonly string[],
): string {
  const exits = exitIndexes(sf.statements).filter((x) => x !== Infinity);
  return JSON.stringify([sf.fileName, [...imports], [...bindings], exits, moduleNames.filter((n) => RESPONSE_NAMES.has(n))]);
}

export function sameWrites(a: readonly ModuleWrite[], b: readonly ModuleWrite[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.kind !== y.kind || x.name !== y.name) return false;
    if (x.kind === 'number' && x.value !== (y as typeof x).value) return false;
    if (x.kind === 'init' && x.text !== (y as typeof x).text) return false;
    if (x.kind === 'enum' && JSON.stringify([...x.members]) !== JSON.stringify([...(y as typeof x).members])) return false;
  }
  return true;
}

export function replayWrite(w: ModuleWrite, locals: LocalConstants, moduleInits: Map<string, ts.Expression>): void {
  // Map.prototype.set: a replayed write is not a new write of the statement being walked.
  if (w.kind === 'number') Map.prototype.set.call(locals.numbers, w.name, w.value);
  else if (w.kind === 'enum') Map.prototype.set.call(locals.enums, w.name, w.members);
  else moduleInits.set(w.name, w.init);
}

export function appendSegment(result: WalkResult, segment: WalkSegment): void {
  result.sites.push(...segment.sites);
  result.headers.push(...segment.headers);
  result.sends.push(...segment.sends);
  result.escapes.push(...segment.escapes);
  result.slots.push(...segment.slots);
  result.routes.push(...segment.routes);
  result.vouches.push(...segment.vouches);
  result.nodesVisited += segment.nodesVisited;
}

/**
 * Every offset a segment's events hold, each object once: found on the segment's first reuse, then
 * carried over to each copy (a mid-file edit moves every segment after it, and looking for shared
 * objects each time cost more than the rest of the incremental walk).
 */
interface SegmentOffsets {
  /** The linked results these were collected with: a new link (other routes) collects again. */
  linked: WalkSegment['linked'];
  spans: Span[];
  inserts: { at: number }[];
  positions: { pos: number }[];
  statementStarts: { statementStart?: number }[];
  /**
   * The objects and arrays a moved copy must not share: those holding an offset and every one on a
   * path from the segment to them. The rest (most of a segment: names, flow, facts) is shared as is.
   */
  mustCopy: Set<object>;
}

const segmentOffsets = new WeakMap<WalkSegment, SegmentOffsets>();

/**
 * The segment for the next version: its events with every offset moved by as much as its statement
 * moved. Copies: the segment itself belongs to the previous analysis, which stays as it was.
 */
export function reuseSegment(segment: WalkSegment, delta: number): WalkSegment {
  let offsets = segmentOffsets.get(segment);
  if (delta === 0) {
    // Nothing moves: the events are shared as they are (nothing writes to them), the segment is new,
    // so that linking this version (segment.linked) leaves the previous one's alone.
    const same = { ...segment };
    if (offsets && offsets.linked === segment.linked) segmentOffsets.set(same, offsets);
    return same;
  }
  if (!offsets || offsets.linked !== segment.linked) offsets = collectOffsets(segment);
  const copies = new Map<object, object>();
  const moved = copyEvents(segment, copies, offsets.mustCopy);
  const copied = <T extends object>(xs: readonly T[]): T[] => xs.map((x) => copies.get(x) as T);
  const mustCopy = new Set<object>();
  for (const x of offsets.mustCopy) mustCopy.add(copies.get(x) ?? x);
  const next: SegmentOffsets = {
    linked: moved.linked,
    spans: copied(offsets.spans),
    inserts: copied(offsets.inserts),
    positions: copied(offsets.positions),
    statementStarts: copied(offsets.statementStarts),
    mustCopy,
  };
  for (const x of next.spans) {
    x.start += delta;
    x.end += delta;
  }
  for (const x of next.inserts) x.at += delta;
  for (const x of next.positions) x.pos += delta;
  for (const x of next.statementStarts) if (x.statementStart !== undefined) x.statementStart += delta;
  moved.pos = segment.pos + delta;
  segmentOffsets.set(moved, next);
  return moved;
}

/**
 * A copy of the objects in `mustCopy` under `x`, each copied once (`copies`: original → copy), so
 * objects shared between events stay shared; everything else is shared with the previous version.
 */
function copyEvents<T>(x: T, copies: Map<object, object>, mustCopy: ReadonlySet<object>): T {
  if (x === null || typeof x !== 'object' || !mustCopy.has(x)) return x;
  const done = copies.get(x);
  if (done) return done as T;
  if (Array.isArray(x)) {
    const out = x.slice();
    copies.set(x, out);
    for (let i = 0; i < out.length; i++) out[i] = copyEvents(out[i], copies, mustCopy);
    return out as T;
  }
  // The spread copies every field at once; only the fields leading to an offset are copied again.
  const out: Record<string, unknown> = { ...(x as Record<string, unknown>) };
  copies.set(x, out);
  for (const key in out) {
    const value = out[key];
    if (typeof value === 'object' && value !== null && mustCopy.has(value) && !OFFSET_FREE.has(key)) out[key] = copyEvents(value, copies, mustCopy);
  }
  return out as T;
}

/**
 * The plain objects and arrays on a path from `root` to an object of `offsetHolders`, these included.
 * Syntax nodes, maps and sets are never entered: they hold no offset that moves (a node's own
 * positions are TypeScript's, already moved by the re-parse).
 */
function pathsTo(root: object, offsetHolders: ReadonlySet<object>): Set<object> {
  const parents = new Map<object, object[]>();
  const stack: object[] = [root];
  parents.set(root, []);
  while (stack.length > 0) {
    const x = stack.pop() as object;
    const children = Array.isArray(x)
      ? x
      : Object.keys(x)
          .filter((k) => !OFFSET_FREE.has(k))
          .map((k) => (x as Record<string, unknown>)[k]);
    for (const child of children) {
      if (child === null || typeof child !== 'object') continue;
      const proto = Object.getPrototypeOf(child);
      if (proto !== Object.prototype && proto !== Array.prototype) continue;
      const known = parents.get(child);
      if (known) known.push(x);
      else {
        parents.set(child, [x]);
        stack.push(child);
      }
    }
  }
  const out = new Set<object>();
  const up = [...offsetHolders];
  while (up.length > 0) {
    const x = up.pop() as object;
    if (out.has(x)) continue;
    out.add(x);
    up.push(...(parents.get(x) ?? []));
  }
  return out;
}

/**
 * Fields whose values hold no offset (flow positions, catch and route facts, module writes): shared
 * with the previous version rather than copied, as nothing writes to them after the walk.
 */
const OFFSET_FREE = new Set(['flow', 'catchClause', 'route', 'writes']);

function collectOffsets(segment: WalkSegment): SegmentOffsets {
  // Every offset a walk event holds, field by field (the incremental-analysis property test compares
  // with fresh walks, so a field missing here fails it). Objects shared between events count once.
  const out: SegmentOffsets = { linked: segment.linked, spans: [], inserts: [], positions: [], statementStarts: [], mustCopy: new Set() };
  const seen = new Set<object>();
  const first = (x: object) => !seen.has(x) && !!seen.add(x);
  const span = (x: Span | undefined) => {
    if (x && first(x)) out.spans.push(x);
  };
  const plan = (x: CodeEditPlan | undefined) => {
    if (!x || !first(x)) return;
    if (x.kind === 'insert') out.inserts.push(x);
    else if ('span' in x) span(x.span);
  };
  const body = (x: BodyFacts | undefined) => {
    if (!x || !first(x)) return;
    span(x.span);
    for (const p of x.props) span(p.span);
  };
  const guards = (xs: readonly Guard[]) => {
    for (const g of xs) span(g.span);
  };
  const fn = (x: FunctionContext | undefined) => {
    for (let f = x; f && first(f); f = f.parent) span(f.handler?.span);
  };
  for (const p of segment.sites) {
    plan(p.codeEdit);
    body(p.body);
    for (const h of p.headers ?? []) span(h.span);
    span(p.sendSpan);
    guards(p.guards);
    fn(p.fn);
  }
  for (const h of segment.headers) {
    span(h.span);
    out.positions.push(h);
  }
  for (const x of segment.sends) {
    body(x.body);
    out.statementStarts.push(x);
    plan(x.implicit?.codeEdit);
    guards(x.guards);
    fn(x.fnContext);
  }
  for (const e of segment.escapes) out.positions.push(e);
  for (const slot of segment.slots) span(slot);
  // What link.ts made of them: the sites' own spans and the sends (the rest is shared with the events above).
  for (const site of segment.linked?.sites ?? []) {
    span(site.span);
    span(site.send.span);
    for (const h of site.headers) span(h.span);
    body(site.body);
    plan(site.codeEdit);
    guards(site.guards);
    span(site.handler?.span);
  }
  for (const send of segment.linked?.sends ?? []) {
    span(send);
    span(send.statusSpan);
    out.statementStarts.push(send);
  }
  out.mustCopy = pathsTo(segment, new Set<object>([...out.spans, ...out.inserts, ...out.positions, ...out.statementStarts]));
  return out;
}
