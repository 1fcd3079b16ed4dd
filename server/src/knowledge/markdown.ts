// Markdown for a status code, from data/ only. Shared by hover, completion docs and the lookup.
import type { StatusSite } from '../analysis/types';
import { getStatus, type StatusEntry } from './statusData';

function list(items: readonly string[] | undefined): string {
  return (items ?? []).map((i) => `- ${i}`).join('\n');
}

/** The title line: `404 Not Found` (or the code alone when unknown). */
export function titleOf(code: number): string {
  const e = getStatus(code);
  return e ? `${e.code} ${e.phrase}` : String(code);
}

/** Compact first lines, details after; fits VS Code's hover width. */
export function statusMarkdown(code: number, site?: StatusSite): string {
  const e: StatusEntry | undefined = getStatus(code);
  if (!e) {
    if (code >= 100 && code <= 599) return `**${code}**: not a registered HTTP status code and not one in common use.`;
    return `**${code}**: not a valid HTTP status code (valid codes are 100 to 599).`;
  }
  const parts: string[] = [];
  const registered = e.registered !== false;
  parts.push(`**${e.code} ${e.phrase}**${site?.constantName ? ` · \`${site.constantName}\`` : ''} · ${e.class}${registered ? '' : ' · **not IANA-registered**'}`);
  parts.push(e.summary);
  return parts.join('\n\n') + (e.description ? `\n\n${e.description}` : '') + (e.useWhen?.length ? `\n\n**Use when**\n${list(e.useWhen)}` : '');
}
