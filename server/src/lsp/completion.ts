// Completion of status codes where a status goes: `res.status(|`, `reply.code(|`, `ctx.status = |`,
// `{ status: | }` in a Response init, `c.json(x, |`, `@HttpCode(|`, `new HttpException(msg, |`...
// The position and the ranking come from the pure completionContext; the documentation is filled
// in on completionItem/resolve so the list itself stays small.
import { CompletionItemKind, CompletionItemTag, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import type ts from 'typescript';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completionContext, type CompletionContext } from '../analysis/completionContext';
import { rankedCodes } from '../analysis/completionRanking';
import type { Settings } from '../settingsWithRules';
import type { StatusSlot } from '../analysis/types';
import { statusMarkdown } from '../knowledge/markdown';
import { getStatus } from '../knowledge/statusData';
import type { AnalysisCache } from './analysisCache';
import { rangeOf } from './convert';

interface ItemData {
  statusCode: number;
}

const SLOT_SITUATION: Record<NonNullable<StatusSlot['hint']>, CompletionContext['situation']> = {
  create: 'create',
  delete: 'delete',
  read: undefined,
  update: undefined,
  error: 'catch',
  auth: 'auth',
  redirect: undefined,
};

/**
 * The syntax decides. A slot a framework recognizer reported is the fallback, read only from an
 * analysis already made for this version: completion never waits for a whole-file analysis.
 */
function contextAt(sf: ts.SourceFile, offset: number, slots: readonly StatusSlot[]): CompletionContext | undefined {
  const ctx = completionContext(sf, offset);
  if (ctx) return ctx;
  const slot = slots.find((s) => offset >= s.start && offset <= s.end);
  if (!slot) return undefined;
  // Only an empty slot or a number or word being typed: never replace an expression someone wrote.
  const typed = sf.text.slice(slot.start, slot.end);
  if (!/^(\d*|[A-Za-z_$][\w$]*)$/.test(typed)) return undefined;
  const replace = { start: slot.start, end: slot.end };
  return { slot: slot.hint === 'redirect' ? 'redirect' : 'status', framework: slot.framework, replace, situation: slot.hint && SLOT_SITUATION[slot.hint] };
}

function item(code: number, rank: number, doc: TextDocument, ctx: CompletionContext): CompletionItem | undefined {
  const e = getStatus(code);
  if (!e) return undefined;
  const retired = e.registered && e.status !== 'current';
  const note = !e.registered ? 'not IANA-registered' : retired ? e.status : undefined;
  const it: CompletionItem = {
    label: `${e.code} ${e.phrase}`,
    kind: CompletionItemKind.Value,
    detail: e.summary,
    // Typing `40`, `not fou` or `NOT_FOUND` all find it.
    filterText: [e.code, e.phrase, ...e.aliases].join(' '),
    sortText: String(rank).padStart(3, '0'),
    textEdit: { range: rangeOf(doc, ctx.replace), newText: String(e.code) },
    data: { statusCode: e.code } satisfies ItemData,
  };
  if (note) it.labelDetails = { description: note };
  if (retired) it.tags = [CompletionItemTag.Deprecated];
  if (rank === 0) it.preselect = true;
  return it;
}

export function completion(
  doc: TextDocument,
  sf: ts.SourceFile,
  position: Position,
  settings: Settings,
  slots: readonly StatusSlot[] = [],
): CompletionList | null {
  const ctx = contextAt(sf, doc.offsetAt(position), slots);
  if (!ctx) return null;
  const items = rankedCodes(ctx, settings.validationStatus)
    .map((code, i) => item(code, i, doc, ctx))
    .filter((i): i is CompletionItem => i !== undefined);
  return { isIncomplete: false, items };
}

/** Completion on the current version's tree: a parse (incremental, shared), never a whole-file analysis. */
export function completionAt(doc: TextDocument, cache: AnalysisCache, settings: Settings, position: Position): CompletionList | null {
  const sf = cache.sourceFile(doc, settings);
  if (!sf) return null;
  const done = cache.peek(doc.uri);
  const slots = done && 'version' in done && done.version === doc.version ? done.analysis.statusSlots : [];
  return completion(doc, sf, position, settings, slots);
}

export function resolveCompletion(item: CompletionItem): CompletionItem {
  const code = (item.data as Partial<ItemData> | undefined)?.statusCode;
  if (typeof code === 'number' && getStatus(code)) item.documentation = { kind: 'markdown', value: statusMarkdown(code) };
  return item;
}
