// Search over the status-code knowledge for the command-palette lookup. Pure and unit-tested; the
// client only shows what this returns.
import { allStatuses, type StatusEntry } from './statusData';

export type StatusClassFilter = '1xx' | '2xx' | '3xx' | '4xx' | '5xx';

export interface LookupQuery {
  /** Free text: a number or its prefix ("4", "40", "404"), words ("not found", "rate", "teapot"). */
  text: string;
  classFilter?: StatusClassFilter;
}

/** "4xx", "5XX" or "4xx rate" typed in the box filter by class. */
export function parseQuery(raw: string): LookupQuery {
  const m = /^\s*([1-5])xx\b\s*(.*)$/i.exec(raw);
  if (m) return { text: m[2], classFilter: `${m[1]}xx` as StatusClassFilter };
  return { text: raw };
}

function haystack(e: StatusEntry): string {
  return [e.phrase, ...(e.aliases ?? []), e.summary].join(' ').toLowerCase().replace(/_/g, ' ');
}

/** Entries matching the query, best first: exact code, code prefix, phrase, aliases, summary. */
export function searchStatuses(query: LookupQuery): StatusEntry[] {
  const text = query.text.trim().toLowerCase();
  const entries = allStatuses().filter((e) => !query.classFilter || String(e.code)[0] === query.classFilter[0]);
  if (!text) return entries;
  const words = text.split(/\s+/).filter(Boolean);
  const scored: { e: StatusEntry; score: number }[] = [];
  for (const e of entries) {
    const code = String(e.code);
    const phrase = e.phrase.toLowerCase();
    const hay = haystack(e);
    let score = 0;
    if (/^\d+$/.test(text)) {
      if (code === text) score = 100;
      else if (code.startsWith(text)) score = 80 - (code.length - text.length);
      else continue;
    } else {
      if (phrase === text) score = 90;
      else if (phrase.startsWith(text)) score = 70;
      else if (words.every((w) => phrase.includes(w))) score = 60;
      else if (words.every((w) => hay.includes(w))) score = 40;
      else continue;
    }
    if (e.registered === false) score -= 5;
    scored.push({ e, score });
  }
  scored.sort((a, b) => b.score - a.score || a.e.code - b.e.code);
  return scored.map((s) => s.e);
}
