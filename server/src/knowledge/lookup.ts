// Search over the status-code knowledge for the command-palette lookup. Pure and unit-tested; the
// client only shows what this returns, in this order.
import { allStatuses, type StatusEntry } from './statusData';

export type StatusClassFilter = '1xx' | '2xx' | '3xx' | '4xx' | '5xx';

export interface LookupQuery {
  /** Free text: a number or its prefix ("4", "40", "404"), words ("not found", "rate", "teapot"), constant names. */
  text: string;
  classFilter?: StatusClassFilter;
}

const CLASS_TOKEN = /^[1-5]xx$/i;

/** "4xx", "5XX" or "4xx rate" typed in the box filter by class (anywhere in the text). */
export function parseQuery(raw: string): LookupQuery {
  const words = raw.trim().split(/\s+/).filter(Boolean);
  const cls = words.find((w) => CLASS_TOKEN.test(w));
  const text = words.filter((w) => w !== cls).join(' ');
  return cls ? { text, classFilter: `${cls[0]}xx` as StatusClassFilter } : { text };
}

/** Words of a text for matching: case-, punctuation- and underscore-insensitive; "I'm" is "im". */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

interface Indexed {
  entry: StatusEntry;
  code: string;
  phrase: string[];
  aliases: string[][];
  /** Phrase, aliases and the names of who uses an unregistered code. */
  names: string[];
  summary: string[];
}

let index: Indexed[] | undefined;

function getIndex(): Indexed[] {
  index ??= allStatuses().map((entry) => {
    const phrase = words(entry.phrase);
    const aliases = entry.aliases.map(words);
    const usedBy = entry.registered ? [] : entry.usedBy.flatMap((u) => words(u.by));
    return { entry, code: String(entry.code), phrase, aliases, names: [...phrase, ...aliases.flat(), ...usedBy], summary: words(entry.summary) };
  });
  return index;
}

const everyPrefixes = (tokens: readonly string[], pool: readonly string[]) => tokens.every((t) => pool.some((w) => w.startsWith(t)));
const sameWords = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((w, i) => w === b[i]);

/** Named-match scores sit at or above this; summary-only matches below it are dropped when any named match exists. */
const NAMED = 500;

/** How well an entry matches the word tokens (0: not at all). */
function wordScore(x: Indexed, tokens: readonly string[]): number {
  if (tokens.length === 0) return NAMED;
  if (sameWords(x.phrase, tokens)) return 900;
  if (x.aliases.some((a) => sameWords(a, tokens))) return 850;
  if (everyPrefixes(tokens, x.phrase)) return 700;
  if (x.aliases.some((a) => everyPrefixes(tokens, a))) return 650;
  if (everyPrefixes(tokens, x.names)) return 600;
  // "auth" finds Unauthorized: inside a word, for tokens long enough to mean something.
  if (tokens.every((t) => t.length >= 3 && x.names.some((w) => w.includes(t)))) return 550;
  if (everyPrefixes(tokens, [...x.names, ...x.summary])) return 300;
  return 0;
}

/**
 * Entries matching the query, best first: the exact code, codes starting with the typed digits,
 * then the phrase, an alias or constant name, and last the summary. Registered codes come before
 * unregistered ones at the same level, then ascending code.
 */
export function searchStatuses(query: LookupQuery): StatusEntry[] {
  const tokens = words(query.text);
  const digits = tokens.filter((t) => /^\d+$/.test(t));
  const terms = tokens.filter((t) => !/^\d+$/.test(t));
  if (tokens.length === 0)
    return getIndex()
      .filter((x) => !query.classFilter || x.code[0] === query.classFilter[0])
      .map((x) => x.entry);
  const scored: { entry: StatusEntry; score: number; named: boolean }[] = [];
  for (const x of getIndex()) {
    if (query.classFilter && x.code[0] !== query.classFilter[0]) continue;
    if (!digits.every((d) => x.code.startsWith(d))) continue;
    const ws = wordScore(x, terms);
    if (ws === 0) continue;
    let score = ws;
    if (digits.length > 0) score += digits.some((d) => d === x.code) ? 400 : 200 - 10 * Math.min(...digits.map((d) => x.code.length - d.length));
    const e = x.entry;
    if (!e.registered) score -= 25;
    else if (e.status !== 'current') score -= 10;
    scored.push({ entry: e, score, named: ws >= NAMED });
  }
  const anyNamed = terms.length > 0 && scored.some((s) => s.named);
  return scored
    .filter((s) => !anyNamed || s.named)
    .sort((a, b) => b.score - a.score || Number(b.entry.registered) - Number(a.entry.registered) || a.entry.code - b.entry.code)
    .map((s) => s.entry);
}

/** parseQuery + searchStatuses: what the QuickPick shows for the typed text. */
export function lookupStatuses(raw: string): StatusEntry[] {
  return searchStatuses(parseQuery(raw));
}
