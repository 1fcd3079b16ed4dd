// After the walk: join each status site with the headers and the send of the same response,
// and add the implicit status of a send that no status precedes. Works on the small event lists
// the walk produced; the syntax tree is not walked again.
import * as ts from 'typescript';
import { runsAfter } from './flow';
import type { FlowPosition, RouteFacts, SendEvent, Span, StatusSite } from './model';
import type { FunctionContext, HeaderEvent, PendingSite, SendEventRaw, WalkResult } from './walk/contract';

function spanOfNode(node: ts.Node, sf: ts.SourceFile): Span {
  return { start: node.getStart(sf), end: node.getEnd() };
}

/** Both positions sit in one statement of their innermost common statement list (a chain, one expression). */
function sameStatement(a: FlowPosition, b: FlowPosition): boolean {
  if (a.fn !== b.fn) return false;
  const depth = Math.min(a.frames.length, b.frames.length);
  for (let k = 0; k < depth; k++) {
    if (a.frames[k].block !== b.frames[k].block || a.frames[k].index !== b.frames[k].index) return false;
  }
  return true;
}

/** `a` and `b` can both run on one path through the function, in either order. */
function onOnePath(a: FlowPosition, b: FlowPosition): boolean {
  if (a.fn !== b.fn) return false;
  // A site at the function's entry (a decorator's status) covers everything the function does.
  if (a.frames.length === 0 || b.frames.length === 0) return true;
  return sameStatement(a, b) || runsAfter(a, b) || runsAfter(b, a);
}

/** One fact per header write: a redirect's Location is both preset on its site and recorded as an event. */
function uniqueHeaders(list: { name: string; span: Span }[]): { name: string; span: Span }[] {
  const seen = new Set<string>();
  return list.filter((h) => {
    const key = `${h.name}@${h.span.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Synthetic receivers ('@nest', '@return') tie sends to sites but are not variables. */
const realReceiver = (r: string | undefined) => (r && !r.startsWith('@') ? r : undefined);

function handlerOf(fn: FunctionContext | undefined): StatusSite['handler'] {
  for (let f = fn; f; f = f.parent) if (f.handler) return f.handler;
  return undefined;
}

/** The events `link` reads: a whole walk's, or one top-level statement's (a WalkSegment). */
type LinkEvents = Pick<WalkResult, 'sites' | 'headers' | 'sends' | 'escapes'>;
type RouteOf = (route: RouteFacts | undefined) => RouteFacts | undefined;

export function link(walkResult: WalkResult, sf: ts.SourceFile): { sites: StatusSite[]; sends: SendEvent[] } {
  const routesByPath = new Map<string, Set<string>>();
  for (const r of walkResult.routes) {
    const set = routesByPath.get(r.path) ?? new Set<string>();
    set.add(r.method);
    routesByPath.set(r.path, set);
  }
  const routeFacts = new Map<RouteFacts, RouteFacts>();
  const routeOf: RouteOf = (route) => {
    if (!route) return undefined;
    let facts = routeFacts.get(route);
    if (!facts) routeFacts.set(route, (facts = { ...route, methodsForPath: route.path !== undefined ? [...(routesByPath.get(route.path) ?? [])] : undefined }));
    return facts;
  };
  // Events link only within their function, and a function lies in one top-level statement: each
  // statement links on its own, and one the walk reused keeps its linked sites, unless the file's
  // routes (which every route fact lists) changed. Module-level sites (outside any function) are
  // linked with the whole file's events, as they may relate across statements.
  if (walkResult.segments.length === 0 || walkResult.sites.some((p) => !p.fn)) return linkEvents(walkResult, sf, routeOf);
  const routesKey = JSON.stringify(walkResult.routes);
  const sites: StatusSite[] = [];
  const sends: SendEvent[] = [];
  for (const segment of walkResult.segments) {
    if (segment.linked?.routesKey !== routesKey) segment.linked = { ...linkEvents(segment, sf, routeOf), routesKey };
    sites.push(...segment.linked.sites);
    sends.push(...segment.linked.sends);
  }
  return { sites, sends };
}

function linkEvents(walkResult: LinkEvents, sf: ts.SourceFile, routeOf: RouteOf): { sites: StatusSite[]; sends: SendEvent[] } {
  const { headers, sends, escapes } = walkResult;
  const sites: StatusSite[] = [];

  // Events by function (and sends by the chain they end): every lookup below stays within one
  // function, so linking is linear in the file's events rather than quadratic.
  const sendsByFn = groupBy(sends, (s) => s.fn);
  const headersByFn = groupBy(headers, (h) => h.fn);
  const escapesByFn = groupBy(escapes, (e) => e.fn);
  const sitesByFn = groupBy(walkResult.sites, (q) => q.fn);
  const sendsByChain = groupBy(
    sends.filter((s) => s.chainRoot !== undefined),
    (s) => s.chainRoot,
  );
  const none: never[] = [];

  const sendOf = (p: PendingSite): SendEventRaw | undefined => {
    if (!p.receiver || !p.fn) return undefined;
    // Chained: res.status(404).json(x)
    if (p.chainFrom) {
      const chained = (sendsByChain.get(p.chainFrom) ?? none).find((s) => s.receiver === p.receiver);
      if (chained) return chained;
    }
    // Later on the same path: res.status(404); ...; res.json(x)
    return (sendsByFn.get(p.fn.id) ?? none).find((s) => s.receiver === p.receiver && runsAfter(p.flow, s.flow));
  };

  /** The send that carries the body of a site the framework sends at the end: after it on the path, else before. */
  const pathSendOf = (p: PendingSite): SendEventRaw | undefined => {
    if (!p.receiver || !p.fn) return undefined;
    const candidates = (sendsByFn.get(p.fn.id) ?? none).filter((s) => s.receiver === p.receiver && onOnePath(p.flow, s.flow));
    const startOf = p.reportNode.getStart(sf);
    return candidates.find((s) => s.node.getStart(sf) >= startOf) ?? candidates[candidates.length - 1];
  };

  const escapesAfter = (p: PendingSite, pos: number): boolean =>
    !!p.fn && (escapesByFn.get(p.fn.id) ?? none).some((e) => (e.receiver === p.receiver || e.receiver === '*') && e.pos >= pos);

  /** Koa: `ctx.redirect(url)` answers 302 unless a 3xx was set before it, or a status is set after it. */
  const yielded = (p: PendingSite): boolean =>
    (sitesByFn.get(p.fn) ?? none).some(
      (q) =>
        q !== p &&
        q.kind === 'status-assign' &&
        q.receiver === p.receiver &&
        (runsAfter(p.flow, q.flow) || (runsAfter(q.flow, p.flow) && q.resolved.code !== undefined && q.resolved.code >= 300 && q.resolved.code < 400)),
    );

  const headersFor = (p: PendingSite, sendPos: number): { name: string; span: Span }[] => {
    if (!p.receiver || !p.fn) return [];
    const out: { name: string; span: Span }[] = [];
    for (const h of headersByFn.get(p.fn.id) ?? none) {
      if (h.receiver !== p.receiver) continue;
      if (p.chainFrom && h.chainRoot === p.chainFrom) out.push({ name: h.name, span: h.span });
      else if (p.sendMode === 'path' ? onOnePath(p.flow, h.flow) : h.pos <= sendPos && onOnePath(h.flow, p.flow)) out.push({ name: h.name, span: h.span });
    }
    return out;
  };

  for (const p of walkResult.sites) {
    if (p.yieldsToStatus && yielded(p)) continue;
    const span = spanOfNode(p.reportNode, sf);
    let send: StatusSite['send'];
    let body = p.body;
    let sendPos = span.end;
    if (p.sendMode === 'path') {
      const raw = pathSendOf(p);
      send = {
        how: 'framework',
        span: raw ? spanOfNode(raw.node, sf) : p.sendSpan,
        method: raw?.method ?? p.sendMethod,
        returns: raw ? raw.returned : p.flow.isExit,
      };
      if (p.linkBody !== false) body = body ?? raw?.body;
    } else if (p.sendHow) {
      send = { how: p.sendHow, span: p.sendSpan, method: p.sendMethod, returns: p.flow.isExit };
      if (p.sendHow === 'chained') {
        const raw = p.chainFrom ? sendsByChain.get(p.chainFrom)?.[0] : undefined;
        if (raw) {
          send.returns = raw.returned;
          sendPos = raw.node.getEnd();
        }
      }
    } else {
      const raw = sendOf(p);
      if (raw) {
        const how = raw.chainRoot !== undefined && raw.chainRoot === p.chainFrom ? 'chained' : (raw.how ?? 'later');
        send = { how, span: spanOfNode(raw.node, sf), method: raw.method, returns: raw.returned };
        body = body ?? raw.body;
        sendPos = raw.node.getEnd();
      } else if (p.receiver && escapesAfter(p, span.start)) {
        send = { how: 'unknown', returns: false };
      } else if (p.receiver && p.fn) {
        send = { how: 'not-sent', returns: false };
      } else {
        send = { how: 'unknown', returns: false };
      }
    }
    sites.push({
      framework: p.framework,
      kind: p.kind,
      code: p.resolved.code,
      form: p.resolved.form,
      span,
      text: sf.text.slice(span.start, span.end),
      codeEdit: p.codeEdit,
      constantName: p.resolved.constantName,
      ...(p.resolved.branch && { branch: true }),
      receiver: realReceiver(p.receiver),
      certain: p.certain,
      guessedHandler: p.guessedHandler,
      body,
      headers: uniqueHeaders([...(p.headers ?? []), ...headersFor(p, sendPos)]),
      send,
      route: routeOf(p.fn?.route),
      guard: p.guards[0],
      guards: p.guards,
      catchClause: p.catchClause,
      handler: handlerOf(p.fn),
      message: p.message,
      flow: p.flow,
      ...(p.testDouble && { testDouble: true }),
    });
  }

  addImplicitSends(
    walkResult,
    sf,
    sites,
    routeOf,
    groupBy(walkResult.sites, (p) => p.fn?.id),
    headersByFn,
  );

  const sendEvents: SendEvent[] = [];
  for (const s of sends) {
    if (realReceiver(s.receiver) === undefined) continue;
    sendEvents.push({
      start: s.node.getStart(sf),
      end: s.node.getEnd(),
      receiver: s.receiver,
      certain: s.certain,
      guessedHandler: s.guessedHandler,
      method: s.method,
      terminates: s.returned,
      flow: s.flow,
      statementStart: s.statementStart,
      ...(s.testDouble && { testDouble: true }),
    });
  }
  sites.sort((a, b) => a.span.start - b.span.start);
  return { sites, sends: sendEvents };
}

/** `res.json(x)`, `return { ... }`, `ctx.body = x` with no status set before on its path: the framework's default. */
function addImplicitSends(
  walkResult: LinkEvents,
  sf: ts.SourceFile,
  sites: StatusSite[],
  routeOf: RouteOf,
  sitesByFnId: Map<number | undefined, PendingSite[]>,
  headersByFn: Map<number, HeaderEvent[]>,
): void {
  for (const s of walkResult.sends) {
    const plan = s.implicit;
    if (!plan || !s.strong || s.chainRoot) continue;
    const sendStart = s.node.getStart(sf);
    const statusBefore = (sitesByFnId.get(s.fn) ?? []).some((p) => {
      if (p.receiver !== s.receiver || p.kind === 'framework-default' || p.sendHow === 'thrown') return false;
      if (plan.anyOrder) return onOnePath(p.flow, s.flow);
      return runsAfter(p.flow, s.flow) || (sameStatement(p.flow, s.flow) && p.reportNode.getStart(sf) < sendStart);
    });
    if (statusBefore) continue;
    const span = spanOfNode(plan.reportNode, sf);
    const siteHeaders = (headersByFn.get(s.fn) ?? [])
      .filter(
        (h: HeaderEvent) =>
          h.receiver === s.receiver &&
          (h.chainRoot === s.node || (plan.anyOrder ? onOnePath(h.flow, s.flow) : h.pos <= sendStart && onOnePath(h.flow, s.flow))),
      )
      .map((h) => ({ name: h.name, span: h.span }));
    sites.push({
      framework: s.framework,
      kind: plan.kind ?? 'implicit-send',
      code: plan.code,
      form: 'implicit',
      span,
      text: sf.text.slice(span.start, span.end),
      codeEdit: plan.codeEdit,
      receiver: realReceiver(s.receiver),
      certain: s.certain,
      guessedHandler: s.guessedHandler,
      body: s.body,
      headers: siteHeaders,
      send: { how: s.how ?? 'same-call', span: spanOfNode(s.node, sf), method: s.method, returns: s.returned },
      route: routeOf(s.fnContext?.route),
      guard: s.guards[0],
      guards: s.guards,
      catchClause: s.catchClause,
      handler: handlerOf(s.fnContext),
      ...(s.testDouble && { testDouble: true }),
    });
  }
}
