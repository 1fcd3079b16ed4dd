// Look-ups that rules make once per site, answered from indexes built once per file. A rule that
// scanned the file's sends, sites or text for each site cost the file's size times its sites: a
// 1 MB file took several times longer than the same code in 40 files.
import type { FileAnalysis, HandlerFacts, SendEvent, Span, StatusSite } from '../types';
import type { FactsInput } from './input';
import { partitionPoint } from '../partitionPoint';

interface Handler {
  facts: HandlerFacts;
  /** The first site (in ctx.sites order) that has this handler. */
  firstSite: number;
  /** The nearest handler that contains this one. */
  parent?: Handler;
}

export class FileIndex {
  private sendsByStartCache?: Map<number, SendEvent>;
  private sendsByFnCache?: Map<number, SendEvent[]>;
  private sendsInOrderCache?: SendEvent[];
  private sitesBySendCache?: Map<number, StatusSite[]>;
  private handlersCache?: { sorted: Handler[]; nested: boolean };
  private mentionsNestCache?: boolean;

  constructor(
    private readonly text: string,
    private readonly sites: readonly StatusSite[],
    private readonly sends: readonly SendEvent[],
  ) {}

  /** The first send that starts at `start`. */
  sendAt(start: number): SendEvent | undefined {
    if (!this.sendsByStartCache) {
      this.sendsByStartCache = new Map();
      for (const s of this.sends) if (!this.sendsByStartCache.has(s.start)) this.sendsByStartCache.set(s.start, s);
    }
    return this.sendsByStartCache.get(start);
  }

  /** The sends of one function (by flow id), or every send when `fn` is undefined; in file order. */
  sendsOf(fn: number | undefined): readonly SendEvent[] {
    if (fn === undefined) return this.sends;
    if (!this.sendsByFnCache) {
      this.sendsByFnCache = new Map();
      for (const s of this.sends) {
        const list = this.sendsByFnCache.get(s.flow.fn);
        if (list) list.push(s);
        else this.sendsByFnCache.set(s.flow.fn, [s]);
      }
    }
    return this.sendsByFnCache.get(fn) ?? [];
  }

  /** The sends that lie within `span`. */
  *sendsWithin(span: Span): Generator<SendEvent> {
    this.sendsInOrderCache ??= [...this.sends].sort((a, b) => a.start - b.start);
    const sorted = this.sendsInOrderCache;
    for (let i = firstAtOrAfter(sorted, span.start); i < sorted.length && sorted[i].start <= span.end; i++) {
      if (sorted[i].end <= span.end) yield sorted[i];
    }
  }

  /** The first site whose send starts at `start`, on `receiver`. */
  siteSentAt(start: number, receiver: string): StatusSite | undefined {
    if (!this.sitesBySendCache) {
      this.sitesBySendCache = new Map();
      for (const site of this.sites) {
        const at = site.send.span?.start;
        if (at === undefined) continue;
        const list = this.sitesBySendCache.get(at);
        if (list) list.push(site);
        else this.sitesBySendCache.set(at, [site]);
      }
    }
    return this.sitesBySendCache.get(start)?.find((s) => s.receiver === receiver);
  }

  /** The handler of the first site (in ctx.sites order) whose handler contains `span`. */
  handlerAround(span: Span): HandlerFacts | undefined {
    const { sorted, nested } = (this.handlersCache ??= this.collectHandlers());
    const contains = (h: Handler) => h.facts.span.start <= span.start && span.end <= h.facts.span.end;
    if (!nested) {
      // Handlers that overlap without nesting (never from real functions): the plain search.
      return this.sites.find((s) => s.handler && s.handler.span.start <= span.start && span.end <= s.handler.span.end)?.handler;
    }
    // Every handler that contains the span contains the last one starting at or before it: they are
    // that one and its enclosing handlers.
    let best: Handler | undefined;
    for (let h: Handler | undefined = sorted[lastStartingAtOrBefore(sorted, span.start)]; h; h = h.parent) {
      if (contains(h) && (!best || h.firstSite < best.firstSite)) best = h;
    }
    return best?.facts;
  }

  private collectHandlers(): { sorted: Handler[]; nested: boolean } {
    const bySpan = new Map<string, Handler>();
    this.sites.forEach((site, i) => {
      const facts = site.handler;
      if (!facts) return;
      const key = `${facts.span.start}:${facts.span.end}`;
      if (!bySpan.has(key)) bySpan.set(key, { facts, firstSite: i });
    });
    // Outer before inner at one start, so that a stack of open handlers gives each its parent.
    const sorted = [...bySpan.values()].sort((a, b) => a.facts.span.start - b.facts.span.start || b.facts.span.end - a.facts.span.end);
    const open: Handler[] = [];
    for (const h of sorted) {
      while (open.length > 0 && open[open.length - 1].facts.span.end <= h.facts.span.start) open.pop();
      const parent = open[open.length - 1];
      if (parent && parent.facts.span.end < h.facts.span.end) return { sorted, nested: false };
      h.parent = parent;
      open.push(h);
    }
    return { sorted, nested: true };
  }

  /** The file mentions a NestJS package anywhere. */
  mentionsNest(): boolean {
    return (this.mentionsNestCache ??= this.text.includes('@nestjs/'));
  }
}

/** Index of the first entry starting at or after `offset` (entries sorted by start). */
function firstAtOrAfter(sorted: readonly Span[], offset: number): number {
  return partitionPoint(sorted, (x) => x.start < offset);
}

/** Index of the last handler starting at or before `offset`, or -1. */
function lastStartingAtOrBefore(sorted: readonly Handler[], offset: number): number {
  return partitionPoint(sorted, (h) => h.facts.span.start <= offset) - 1;
}

/**
 * The latest file's index. One slot, not a WeakMap of analyses: a WeakMap would keep every
 * analysed tree alive until a full GC.
 */
let latest: { analysis: FileAnalysis; sites: readonly StatusSite[]; index: FileIndex } | undefined;

export function fileIndex(ctx: FactsInput): FileIndex {
  if (latest?.analysis !== ctx.analysis || latest.sites !== ctx.sites) {
    latest = { analysis: ctx.analysis, sites: ctx.sites, index: new FileIndex(ctx.text, ctx.sites, ctx.analysis.sends) };
  }
  return latest.index;
}
