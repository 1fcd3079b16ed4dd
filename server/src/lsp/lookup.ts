// The client's lookup commands ask the server for the knowledge base: the matching codes and a
// code's full document. The client only shows what these return.
import type { LookupItem, LookupParams, StatusDoc, StatusDocParams } from '../../../shared/protocol';
import { lookupStatuses } from '../knowledge/lookup';
import { statusDocumentHtml, titleOf } from '../knowledge/markdown';
import { getStatus } from '../knowledge/statusData';

/** A query is what a person types in a box: longer text is cut rather than searched. */
const MAX_QUERY = 200;

export function lookupItems(params: LookupParams): LookupItem[] {
  const query = typeof params?.query === 'string' ? params.query.slice(0, MAX_QUERY) : '';
  return lookupStatuses(query).map((e) => ({
    code: e.code,
    label: `${e.code} ${e.phrase}`,
    description: !e.registered ? 'not IANA-registered' : e.status !== 'current' ? e.status : undefined,
    detail: e.summary,
  }));
}

export function statusDoc(params: StatusDocParams): StatusDoc | null {
  const code = params?.code;
  if (typeof code !== 'number' || !Number.isInteger(code) || code < 100 || code > 999) return null;
  return { title: titleOf(code), known: getStatus(code) !== undefined, html: statusDocumentHtml(code) };
}
