// After the walk: join each status site with the headers and the send of the same response,
// and add the implicit 200 of a send that no status precedes. Works on the small event lists the
// walk produced; the syntax tree is not walked again.
import ts from 'typescript';
import { exclusive, runsAfter } from './flow';
import type { SendEvent, Span, StatusSite } from './types';
import type { PendingSite, SendEventRaw, WalkResult } from './walker';

/** Send methods whose implicit status is 200 (redirects and sendStatus carry their own). */
const IMPLICIT_200_METHODS = new Set(['json', 'send', 'end', 'jsonp', 'render', 'sendFile', 'download']);

function spanOfNode(node: ts.Node, sf: ts.SourceFile): Span {
  return { start: node.getStart(sf), end: node.getEnd() };
}

export function link(walkResult: WalkResult, sf: ts.SourceFile): { sites: StatusSite[]; sends: SendEvent[] } {
  const { headers, sends, escapes } = walkResult;
  const sites: StatusSite[] = [];
  const routesByPath = new Map<string, Set<string>>();
  for (const r of walkResult.routes) {
    const set = routesByPath.get(r.path) ?? new Set<string>();
    set.add(r.method);
    routesByPath.set(r.path, set);
  }

  const sendOf = (p: PendingSite): SendEventRaw | undefined => {
    if (!p.receiver || !p.fn) return undefined;
    // Chained: res.status(404).json(x)
    if (p.chainFrom) {
      const chained = sends.find((s) => s.chainRoot === p.chainFrom && s.receiver === p.receiver);
      if (chained) return chained;
    }
    // Later on the same path: res.status(404); ...; res.json(x)
    return sends.find((s) => s.receiver === p.receiver && s.fn === p.fn!.id && runsAfter(p.flow, s.flow));
  };

  const escapesAfter = (p: PendingSite, pos: number): boolean =>
    escapes.some((e) => (e.receiver === p.receiver || e.receiver === '*') && e.fn === p.fn?.id && e.pos >= pos);

  for (const p of walkResult.sites) {
    const span = spanOfNode(p.reportNode, sf);
    const siteHeaders = [...(p.headers ?? [])];
    let send: StatusSite['send'];
    let body = p.body;
    let sendPos = span.end;
    if (p.sendHow) {
      send = { how: p.sendHow, span: p.sendSpan, method: p.sendMethod, returns: p.flow.isExit };
      if (p.sendHow === 'chained') {
        const raw = p.chainFrom ? sends.find((s) => s.chainRoot === p.chainFrom) : undefined;
        if (raw) {
          send.returns = raw.returned;
          sendPos = raw.node.getEnd();
        }
      }
    } else {
      const raw = sendOf(p);
      if (raw) {
        send = { how: raw.chainRoot === p.chainFrom ? 'chained' : 'later', span: spanOfNode(raw.node, sf), method: raw.method, returns: raw.returned };
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
    if (p.receiver && p.fn) {
      for (const h of headers) {
        if (h.receiver !== p.receiver || h.fn !== p.fn.id) continue;
        if (h.pos <= sendPos || (p.chainFrom && h.chainRoot === p.chainFrom)) siteHeaders.push({ name: h.name, span: h.span });
      }
    }
    const route = p.fn?.route;
    sites.push({
      framework: p.framework,
      kind: p.kind,
      code: p.resolved.code,
      form: p.resolved.form,
      span,
      text: sf.text.slice(span.start, span.end),
      codeEdit: p.codeEdit,
      constantName: p.resolved.constantName,
      receiver: p.receiver,
      body,
      headers: siteHeaders,
      send,
      route: route && { ...route, methodsForPath: route.path !== undefined ? [...(routesByPath.get(route.path) ?? [])] : undefined },
      guard: p.guards[0],
      guards: p.guards,
      catchClause: p.catchClause,
      handler: handlerOf(p),
      message: p.message,
    });
  }

  addImplicitSends(walkResult, sf, sites);

  const sendEvents: SendEvent[] = sends.map((s) => ({
    ...spanOfNode(s.node, sf),
    receiver: s.receiver,
    method: s.method,
    terminates: s.returned,
    flow: s.flow,
    statementStart: s.statementStart,
  }));
  sites.sort((a, b) => a.span.start - b.span.start);
  return { sites, sends: sendEvents };
}

function handlerOf(p: PendingSite): StatusSite['handler'] {
  for (let f = p.fn; f; f = f.parent) if (f.handler) return f.handler;
  return undefined;
}

/** `res.json(x)` with no status set before it on its path: the framework answers 200. */
function addImplicitSends(walkResult: WalkResult, sf: ts.SourceFile, sites: StatusSite[]): void {
  for (const s of walkResult.sends) {
    if (!s.strong || s.chainRoot || !IMPLICIT_200_METHODS.has(s.method)) continue;
    const sendStart = s.node.getStart(sf);
    // A status set on this response earlier, on a path that can reach this send: not the implicit 200.
    const statusBefore = walkResult.sites.some((p) => p.receiver === s.receiver && p.fn?.id === s.fn && p.reportNode.getStart(sf) < sendStart && !exclusive(p.flow, s.flow));
    if (statusBefore) continue;
    const call = s.node;
    if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) continue;
    const calleeSpan = spanOfNode(call.expression, sf);
    const handler = s.fnContext ? handlerOf({ fn: s.fnContext } as PendingSite) : undefined;
    sites.push({
      framework: s.framework,
      kind: 'implicit-send',
      code: 200,
      form: 'implicit',
      span: calleeSpan,
      text: sf.text.slice(calleeSpan.start, calleeSpan.end),
      codeEdit: { kind: 'insert', at: call.expression.expression.getEnd(), template: s.statusTemplate },
      receiver: s.receiver,
      body: s.body,
      headers: walkResult.headers.filter((h) => h.receiver === s.receiver && h.fn === s.fn && h.pos < sendStart).map((h) => ({ name: h.name, span: h.span })),
      send: { how: 'same-call', span: spanOfNode(call, sf), method: s.method, returns: s.returned },
      route: s.fnContext?.route,
      guard: s.guards[0],
      guards: s.guards,
      catchClause: s.catchClause,
      handler,
    });
  }
}
