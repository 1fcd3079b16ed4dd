// `.statushintsrc.json`: the project's settings, one module for the CLI and the editor. Finding the
// nearest file up from a folder, reading it, parsing it (JSON with comments and trailing commas, like
// tsconfig.json and VS Code's settings.json) and validating its values. Parsing never throws: a file
// that is not JSON is one problem with its position, and the defaults apply.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findNodeAtLocation, modify, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { computeLineStarts, positionAt } from '../analysis/edits';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../settingsWithRules';
import type { TextEdit } from '../analysis/types';

export const CONFIG_FILE_NAME = '.statushintsrc.json';

export interface ConfigProblem {
  message: string;
  /** UTF-16 offsets of the offending text (the whole file's first character for file-level problems). */
  start: number;
  end: number;
  /** 0-based position of `start`. */
  line: number;
  character: number;
}

export interface ParsedConfig {
  /** The file's settings over the defaults; defaults alone when the file cannot be read as JSON. */
  settings: Settings;
  /** The parsed JSON value (undefined when it does not parse), for layering under editor settings. */
  raw: Record<string, unknown> | undefined;
  problems: ConfigProblem[];
}

type Problem = Omit<ConfigProblem, 'line' | 'character'>;

/** What each syntax error says, in the words tsc uses for tsconfig.json. */
const SYNTAX_ERRORS: Record<string, string> = {
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'property name expected',
  ValueExpected: 'value expected',
  ColonExpected: "':' expected",
  CommaExpected: "',' expected",
  CloseBraceExpected: "'}' expected",
  CloseBracketExpected: "']' expected",
  EndOfFileExpected: 'end of file expected',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: "'*/' expected",
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

function syntaxMessage(e: ParseError, text: string): string {
  // A bare word or single-quoted text where a value or key goes: the usual slip from JavaScript.
  const code = printParseErrorCode(e.error);
  if (code === 'InvalidSymbol')
    return `not a JSON value: ${text.slice(e.offset, e.offset + e.length)} (strings and keys need double quotes); using default settings`;
  return `not valid JSON: ${SYNTAX_ERRORS[code] ?? 'unexpected text'}; using default settings`;
}

/** The node a settings path points at: the key for an unknown name, else the value; the deepest that exists. */
function nodeFor(root: Node, settingPath: readonly string[], atKey: boolean): Node | undefined {
  let best: Node | undefined;
  for (let i = 0; i < settingPath.length; i++) {
    const value = findNodeAtLocation(root, settingPath.slice(0, i + 1));
    if (!value) break;
    best = atKey && i === settingPath.length - 1 ? (value.parent?.children?.[0] ?? value) : value;
  }
  return best;
}

/** Parse and validate the text of a `.statushintsrc.json`. Unknown or invalid values are ignored with a problem. */
export function parseConfigFile(text: string, knownRuleIds: readonly string[]): ParsedConfig {
  const lineStarts = computeLineStarts(text);
  const withPosition = (p: Problem): ConfigProblem => ({ ...p, ...positionAt(lineStarts, p.start) });
  const fileLevel = (message: string, start = 0, end = Math.min(text.length, 1)): ParsedConfig => ({
    settings: DEFAULT_SETTINGS,
    raw: undefined,
    problems: [withPosition({ message, start, end })],
  });
  try {
    // A byte-order mark is not JSON but editors write one: skip it, keeping offsets those of the file.
    const bom = text.startsWith('\uFEFF') ? 1 : 0;
    const body = text.slice(bom);
    if (body.trim() === '') return fileLevel('the file is empty; using default settings');
    const errors: ParseError[] = [];
    const root = parseTree(body, errors, { allowTrailingComma: true, disallowComments: false });
    if (errors.length > 0) {
      // The first error only: the ones after it are mostly its echoes.
      const e = errors[0];
      return fileLevel(syntaxMessage(e, body), bom + e.offset, bom + e.offset + Math.max(e.length, 1));
    }
    if (!root || root.type !== 'object') {
      const start = root ? bom + root.offset : 0;
      return fileLevel('expected an object such as { "preset": "strict" }; using default settings', start, root ? start + root.length : text.length);
    }
    const raw = jsonValue(root) as Record<string, unknown>;
    const { settings, details } = sanitizeSettings(raw, knownRuleIds);
    const problems: Problem[] = details.map((d) => {
      const node = nodeFor(root, d.path, d.message.startsWith('unknown')) ?? root;
      const name = d.path.join('.');
      return { message: `${name ? `${name}: ` : ''}${d.message} (ignored)`, start: bom + node.offset, end: bom + node.offset + node.length };
    });
    problems.sort((a, b) => a.start - b.start);
    return { settings, raw, problems: problems.map(withPosition) };
  } catch (e) {
    // A parser bug must not cost the user their analysis: defaults, and say why.
    return fileLevel(`could not be read (${e instanceof Error ? e.message : String(e)}); using default settings`);
  }
}

/** A node's value; of duplicate keys the last wins, as in JSON.parse. */
function jsonValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [p.children![0].value as string, p.children![1] ? jsonValue(p.children![1]) : undefined]));
    case 'array':
      return (node.children ?? []).map(jsonValue);
    default:
      return node.value;
  }
}

/** One line per problem, `file:line:col: message` (1-based), for the CLI's stderr and the server's log. */
export function formatConfigProblem(file: string, p: ConfigProblem): string {
  return `${file}:${p.line + 1}:${p.character + 1}: ${p.message}`;
}

/** A config file's text and what it says, or why it could not be read. */
export type ConfigRead = { text: string; parsed: ParsedConfig; readError?: undefined } | { readError: string };

export function readConfigFile(file: string, knownRuleIds: readonly string[]): ConfigRead {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { readError: `cannot be read (${(e as NodeJS.ErrnoException).code ?? e}); using default settings` };
  }
  return { text, parsed: parseConfigFile(text, knownRuleIds) };
}

/**
 * The nearest `.statushintsrc.json` up from a folder, remembered per folder (a run or a session asks
 * for every file's folder; a monorepo's packages may each have their own). A folder named like the
 * file does not count.
 */
export class NearestConfigFile {
  private readonly byDir = new Map<string, string | undefined>();

  find(dir: string): string | undefined {
    dir = path.resolve(dir);
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    const parent = path.dirname(dir);
    let found: string | undefined;
    try {
      found = fs.statSync(candidate, { throwIfNoEntry: false })?.isFile() ? candidate : undefined;
    } catch {
      found = undefined;
    }
    if (found === undefined && parent !== dir) found = this.find(parent);
    this.byDir.set(dir, found);
    return found;
  }

  /** A config file was created or deleted: look again. */
  clear(): void {
    this.byDir.clear();
  }
}

/**
 * The edits that add `code` to `allowedUnregisteredCodes` in a config file's text ('' for a file to
 * create), keeping its comments and layout. Undefined when the text is not a JSON object, or the
 * code is already allowed.
 */
export function allowUnregisteredCodeEdits(text: string, code: number): TextEdit[] | undefined {
  if (text.trim() === '') return [{ start: 0, end: text.length, newText: `{\n  "allowedUnregisteredCodes": [${code}]\n}\n` }];
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  if (!root || root.type !== 'object' || errors.length > 0) return undefined;
  const list = findNodeAtLocation(root, ['allowedUnregisteredCodes']);
  const formattingOptions = { insertSpaces: !/^\t/m.test(text), tabSize: 2, eol: text.includes('\r\n') ? '\r\n' : '\n' };
  if (list?.type === 'array') {
    const items = list.children ?? [];
    if (items.some((c) => Number(c.value) === code)) return undefined;
    // After the last item, in the list's own layout: `[499]` → `[499, 420]`.
    const last = items[items.length - 1];
    return last
      ? [{ start: last.offset + last.length, end: last.offset + last.length, newText: `, ${code}` }]
      : [{ start: list.offset + 1, end: list.offset + list.length - 1, newText: String(code) }];
  }
  return toTextEdits(modify(text, ['allowedUnregisteredCodes'], [code], { formattingOptions }));
}

const toTextEdits = (edits: { offset: number; length: number; content: string }[]): TextEdit[] =>
  edits.map((e) => ({ start: e.offset, end: e.offset + e.length, newText: e.content }));
