// `.statushintsrc.json`: the project's settings, shared by the CLI and the editor. Pure: text in,
// settings and problems (with positions) out; never throws. The file is JSON with comments and
// trailing commas allowed, like tsconfig.json and VS Code's settings.json.
import { modify, parseTree, findNodeAtLocation, type ParseError } from 'jsonc-parser';
import * as ts from 'typescript';
import { computeLineStarts, positionAt } from './edits';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from './settings';
import type { TextEdit } from './model';

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

interface Located {
  value: unknown;
  node: ts.Node;
  /** Property name nodes and values of an object, to point problems at the right key. */
  props?: Map<string, { key: ts.Node; value: Located }>;
}

type Problem = Omit<ConfigProblem, 'line' | 'character'>;

const NOT_JSON = Symbol('not JSON');

function toValue(node: ts.Expression, sf: ts.JsonSourceFile, problems: Problem[]): Located {
  switch (node.kind) {
    case ts.SyntaxKind.ObjectLiteralExpression: {
      const obj: Record<string, unknown> = {};
      const props = new Map<string, { key: ts.Node; value: Located }>();
      for (const p of (node as ts.ObjectLiteralExpression).properties) {
        if (!ts.isPropertyAssignment(p) || !(ts.isStringLiteral(p.name) || ts.isIdentifier(p.name) || ts.isNumericLiteral(p.name))) {
          problems.push({ message: 'expected a "key": value pair', start: p.getStart(sf), end: p.getEnd() });
          continue;
        }
        const located = toValue(p.initializer, sf, problems);
        // A value that is not JSON was reported already: leave the key out rather than report it twice.
        if (located.value !== NOT_JSON) obj[p.name.text] = located.value;
        props.set(p.name.text, { key: p.name, value: located });
      }
      return { value: obj, node, props };
    }
    case ts.SyntaxKind.ArrayLiteralExpression:
      return { value: (node as ts.ArrayLiteralExpression).elements.map((e) => toValue(e, sf, problems).value).filter((v) => v !== NOT_JSON), node };
    case ts.SyntaxKind.StringLiteral:
      return { value: (node as ts.StringLiteral).text, node };
    case ts.SyntaxKind.NumericLiteral:
      return { value: Number((node as ts.NumericLiteral).text), node };
    case ts.SyntaxKind.PrefixUnaryExpression: {
      const u = node as ts.PrefixUnaryExpression;
      if (u.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(u.operand)) return { value: -Number(u.operand.text), node };
      break;
    }
    case ts.SyntaxKind.TrueKeyword:
      return { value: true, node };
    case ts.SyntaxKind.FalseKeyword:
      return { value: false, node };
    case ts.SyntaxKind.NullKeyword:
      return { value: null, node };
  }
  problems.push({ message: 'not a JSON value (strings need double quotes)', start: node.getStart(sf), end: node.getEnd() });
  return { value: NOT_JSON, node };
}

/** The node a settings path points at: the key for an unknown name, else the value; the deepest that exists. */
function nodeFor(root: Located, path: readonly string[], atKey: boolean): ts.Node | undefined {
  let current = root;
  let best: ts.Node | undefined;
  for (const [i, segment] of path.entries()) {
    const prop = current.props?.get(segment);
    if (!prop) break;
    best = atKey && i === path.length - 1 ? prop.key : prop.value.node;
    current = prop.value;
  }
  return best;
}

/** Parse and validate the text of a `.statushintsrc.json`. Unknown or invalid values are ignored with a problem. */
export function parseConfigFile(text: string, knownRuleIds: readonly string[], fileName = CONFIG_FILE_NAME): ParsedConfig {
  const lineStarts = computeLineStarts(text);
  const withPosition = (p: Problem): ConfigProblem => ({ ...p, ...positionAt(lineStarts, p.start) });
  const fileLevel = (message: string): ParsedConfig => ({ settings: DEFAULT_SETTINGS, raw: undefined, problems: [withPosition({ message, start: 0, end: Math.min(text.length, 1) })] });
  try {
    if (text.replace(/^\uFEFF/, '').trim() === '') return fileLevel('the file is empty; using default settings');
    const sf = ts.parseJsonText(fileName, text);
    const syntax = (sf as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
    if (syntax.length > 0) {
      const d = syntax[0];
      const message = `not valid JSON: ${ts.flattenDiagnosticMessageText(d.messageText, ' ').replace(/\.$/, '')}; using default settings`;
      return { settings: DEFAULT_SETTINGS, raw: undefined, problems: [withPosition({ message, start: d.start, end: d.start + Math.max(d.length, 1) })] };
    }
    const statement = sf.statements[0];
    const expression = statement?.expression;
    if (!expression || !ts.isObjectLiteralExpression(expression)) {
      const node = expression ?? sf;
      return { settings: DEFAULT_SETTINGS, raw: undefined, problems: [withPosition({ message: 'expected an object such as { "preset": "strict" }; using default settings', start: node.getStart(sf), end: node.getEnd() })] };
    }
    const problems: Problem[] = [];
    const root = toValue(expression, sf, problems);
    const raw = root.value as Record<string, unknown>;
    const { settings, details } = sanitizeSettings(raw, knownRuleIds);
    for (const d of details) {
      const node = nodeFor(root, d.path, d.message.startsWith('unknown')) ?? expression;
      const name = d.path.join('.');
      problems.push({ message: `${name ? `${name}: ` : ''}${d.message} (ignored)`, start: node.getStart(sf), end: node.getEnd() });
    }
    problems.sort((a, b) => a.start - b.start);
    return { settings, raw, problems: problems.map(withPosition) };
  } catch (e) {
    // A parser bug must not cost the user their analysis: defaults, and say why.
    return fileLevel(`could not be read (${e instanceof Error ? e.message : String(e)}); using default settings`);
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
    return last ? [{ start: last.offset + last.length, end: last.offset + last.length, newText: `, ${code}` }] : [{ start: list.offset + 1, end: list.offset + list.length - 1, newText: String(code) }];
  }
  return toTextEdits(modify(text, ['allowedUnregisteredCodes'], [code], { formattingOptions }));
}

const toTextEdits = (edits: { offset: number; length: number; content: string }[]): TextEdit[] => edits.map((e) => ({ start: e.offset, end: e.offset + e.length, newText: e.content }));

/** One line per problem, `file:line:col: message` (1-based), for the CLI's stderr. */
export function formatConfigProblem(file: string, p: ConfigProblem): string {
  return `${file}:${p.line + 1}:${p.character + 1}: ${p.message}`;
}
