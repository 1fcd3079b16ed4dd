// `.statushintsrc.json` for the editor: the nearest one up from each document (file: URIs only),
// read once and kept until a watched config file changes. Problems in the file are published as
// diagnostics on the file itself, so a typo is visible where it was made.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Diagnostic, DiagnosticSeverity, type WorkspaceEdit } from 'vscode-languageserver';
import { CONFIG_FILE_NAME, NearestConfigFile, allowUnregisteredCodeEdits, formatConfigProblem, readConfigFile, type ParsedConfig } from '../project/configFile';
import { DEFAULT_SETTINGS } from '../settingsWithRules';
import { computeLineStarts, positionAt } from '../analysis/edits';
import { ruleIds } from '../rules';
import { SOURCE } from './convert';
import { filePathOf } from './paths';

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
  private readonly nearest = new NearestConfigFile();
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
    const file = filePathOf(uri);
    if (file === undefined) return undefined;
    const config = this.nearest.find(path.dirname(file));
    return config === undefined ? undefined : this.load(config);
  }

  /** A config file was created, changed or deleted: forget everything and re-publish on next use. */
  changed(): void {
    const before = [...this.published];
    this.nearest.clear();
    this.parsed.clear();
    this.published.clear();
    // Clear diagnostics of files that are gone or fixed; files still in use re-publish when reloaded.
    for (const file of before) if (!fs.existsSync(file)) this.publish(pathToFileURL(file).href, []);
    for (const file of before) if (fs.existsSync(file)) this.load(file, true);
  }

  /**
   * "Allow <code> in .statushintsrc.json": adds the code to allowedUnregisteredCodes in the config
   * file that applies to the document, or creates that file in the document's workspace folder.
   * Undefined when the edit would not take effect: the editor's own statusHints setting overrides the
   * file's list (`effectiveAllowed` differs from it), or the file is not JSON, or none can be created.
   */
  allowCodeAction(docUri: string, code: number, effectiveAllowed: readonly number[], target: AllowTarget): { title: string; edit: WorkspaceEdit } | undefined {
    const docPath = filePathOf(docUri);
    if (docPath === undefined) return undefined;
    const existing = this.nearest.find(path.dirname(docPath));
    const fileAllowed = (existing !== undefined ? this.load(existing)?.settings : DEFAULT_SETTINGS)?.allowedUnregisteredCodes ?? [];
    if (fileAllowed.join() !== effectiveAllowed.join()) return undefined;
    const file = existing ?? target.folders.map((f) => path.join(f, CONFIG_FILE_NAME)).find((f) => docPath.startsWith(path.dirname(f) + path.sep));
    if (file === undefined || (existing === undefined && !target.canCreateFiles)) return undefined;
    const uri = pathToFileURL(file).href;
    const open = target.openText(uri);
    let text = '';
    if (open) text = open.text;
    else if (existing !== undefined) {
      try {
        text = fs.readFileSync(existing, 'utf8');
      } catch {
        return undefined;
      }
    }
    const edits = allowUnregisteredCodeEdits(text, code);
    if (!edits) return undefined;
    const lineStarts = computeLineStarts(text);
    const textEdit = {
      textDocument: { uri, version: open?.version ?? null },
      edits: edits.map((e) => ({ range: { start: positionAt(lineStarts, e.start), end: positionAt(lineStarts, e.end) }, newText: e.newText })),
    };
    const title = `Allow ${code} in ${path.relative(target.folders.find((f) => file.startsWith(f + path.sep)) ?? path.dirname(file), file)}`;
    return {
      title,
      edit: { documentChanges: existing === undefined && !open ? [{ kind: 'create', uri, options: { ignoreIfExists: true } }, textEdit] : [textEdit] },
    };
  }

  private load(file: string, republish = false): ParsedConfig | undefined {
    const hit = this.parsed.get(file);
    if (hit) return hit;
    const read = readConfigFile(file, ruleIds);
    if (read.readError !== undefined) {
      this.log(`${file}: ${read.readError}`);
      return undefined;
    }
    const { text, parsed } = read;
    this.parsed.set(file, parsed);
    for (const p of parsed.problems) this.log(formatConfigProblem(file, p));
    if (parsed.problems.length > 0 || republish) {
      this.publish(pathToFileURL(file).href, toDiagnostics(text, parsed));
      this.published.add(file);
    }
    return parsed;
  }
}

/** Where an allow-list edit may go, from the client's capabilities and workspace folders. */
export interface AllowTarget {
  /** Workspace folder paths: a new config file goes at the root of the document's folder. */
  folders: readonly string[];
  /** The client applies `create` resource operations in a workspace edit. */
  canCreateFiles: boolean;
  /** The editor's text of a config file open in it (unsaved changes included). */
  openText(uri: string): { text: string; version: number } | undefined;
}

export function isConfigFileUri(uri: string): boolean {
  return uri.endsWith(`/${CONFIG_FILE_NAME}`);
}
