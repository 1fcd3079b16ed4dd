// `.statushintsrc.json` for the editor: the nearest one up from each document (file: URIs only),
// read once and kept until a watched config file changes. Problems in the file are published as
// diagnostics on the file itself, so a typo is visible where it was made.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { CONFIG_FILE_NAME, parseConfigFile, type ParsedConfig } from '../analysis/configFile';
import { computeLineStarts, positionAt } from '../analysis/edits';
import { ruleIds } from '../rules';
import { SOURCE } from './convert';

export type PublishDiagnostics = (uri: string, diagnostics: Diagnostic[]) => void;

function toDiagnostics(text: string, parsed: ParsedConfig): Diagnostic[] {
  const lineStarts = computeLineStarts(text);
  return parsed.problems.map((p) => ({
    range: { start: { line: p.line, character: p.character }, end: positionAt(lineStarts, p.end) },
    // A file that cannot be read at all loses every setting: say so louder than one ignored value.
    severity: parsed.raw === undefined ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    message: p.message,
  }));
}

export class ConfigFiles {
  /** Folder → the config file that applies there (undefined: none up to the root). */
  private readonly byDir = new Map<string, string | undefined>();
  /** Config file path → its parsed content. */
  private readonly parsed = new Map<string, ParsedConfig>();
  /** Config files we published diagnostics for, to clear them when they go away. */
  private readonly published = new Set<string>();

  constructor(
    private readonly publish: PublishDiagnostics,
    private readonly log: (line: string) => void,
  ) {}

  /** The config that applies to a document, or undefined (no file, or not a file: URI). */
  forDocument(uri: string): ParsedConfig | undefined {
    let file: string;
    try {
      if (!uri.startsWith('file:')) return undefined;
      file = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    const config = this.nearest(path.dirname(file));
    return config === undefined ? undefined : this.load(config);
  }

  /** A config file was created, changed or deleted: forget everything and re-publish on next use. */
  changed(): void {
    const before = [...this.published];
    this.byDir.clear();
    this.parsed.clear();
    this.published.clear();
    // Clear diagnostics of files that are gone or fixed; files still in use re-publish when reloaded.
    for (const file of before) if (!fs.existsSync(file)) this.publish(pathToFileURL(file).href, []);
    for (const file of before) if (fs.existsSync(file)) this.load(file, true);
  }

  private nearest(dir: string): string | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    const parent = path.dirname(dir);
    let found: string | undefined;
    try {
      found = fs.statSync(candidate, { throwIfNoEntry: false })?.isFile() ? candidate : undefined;
    } catch {
      found = undefined;
    }
    if (found === undefined && parent !== dir) found = this.nearest(parent);
    this.byDir.set(dir, found);
    return found;
  }

  private load(file: string, republish = false): ParsedConfig | undefined {
    const hit = this.parsed.get(file);
    if (hit) return hit;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      this.log(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? e}); using default settings`);
      return undefined;
    }
    const parsed = parseConfigFile(text, ruleIds, file);
    this.parsed.set(file, parsed);
    for (const p of parsed.problems) this.log(`${file}:${p.line + 1}:${p.character + 1}: ${p.message}`);
    if (parsed.problems.length > 0 || republish) {
      this.publish(pathToFileURL(file).href, toDiagnostics(text, parsed));
      this.published.add(file);
    }
    return parsed;
  }
}

export function isConfigFileUri(uri: string): boolean {
  return uri.endsWith(`/${CONFIG_FILE_NAME}`);
}
