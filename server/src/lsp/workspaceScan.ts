// statusHints.scanWorkspace: diagnostics for every source file of the workspace folders, open or not,
// in the Problems panel. Files are read from disk and analysed one at a time, yielding to the event
// loop between files so requests on open documents (hover, completion, code actions) answer at once.
// Nothing is kept per closed file but the fact that it has diagnostics: no trees, no texts.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
  type Disposable,
  type FileEvent,
  type InitializeParams,
  type TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText } from '../analyzeWithRules';
import { parseText } from '../analysis/parse';
import type { Settings } from '../settingsWithRules';
import { listSourceFiles, SOURCE_EXTENSIONS, sourceFilter } from '../project/sourceFiles';
import { analyseOrFail, EDITOR_SIZE_LIMIT, readSourceAsync } from '../project/sourcePolicy';
import { toDiagnostic } from './convert';
import type { SettingsStore } from './settings';
import { filePathOf, workspaceFolderUris } from './paths';

export const WATCH_GLOB = `**/*.{${SOURCE_EXTENSIONS.join(',')}}`;
/** Progress notifications at most this often: a 10,000-file scan must not flood the client. */
const REPORT_EVERY_MS = 200;

interface Folder {
  path: string;
  uri: string;
  settings: Settings;
  keep: (absFile: string) => boolean;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceScanner {
  private folderUris: string[] = [];
  private folders: Folder[] = [];
  private canWatch = false;
  private watcher: Promise<Disposable | undefined> | undefined;
  /** Closed files (by path) whose diagnostics the scanner has published non-empty, with the URI used. */
  private readonly published = new Map<string, string>();
  /** Files to (re)analyse after a watched change or a close, drained by one loop. */
  private readonly updates = new Set<string>();
  private draining = false;
  /** Bumped to stop a running full scan (setting turned off, restarted, or folders changed). */
  private generation = 0;
  private settingsKey = '';
  /** Settings per folder on disk (the nearest .statushintsrc.json differs per package), asked once per folder. */
  private readonly dirSettings = new Map<string, Promise<Settings>>();
  private refreshes = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly log: (line: string) => void,
    /** Whether the rules run on a file (test files only when enabled): see lsp/testFiles.ts. */
    private readonly checked: (uri: string, settings: Settings) => boolean = () => true,
  ) {}

  initialize(params: InitializeParams): void {
    this.folderUris = workspaceFolderUris(params).filter((u) => filePathOf(u) !== undefined);
    this.canWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  }

  get enabled(): boolean {
    return this.folders.length > 0;
  }

  /** (Re)read the setting per folder and rescan: at start and after every configuration change. */
  async refresh(): Promise<void> {
    const request = ++this.refreshes;
    const loaded = await Promise.all(this.folderUris.map(async (uri) => ({ uri, settings: await this.settings.forDocument(uri) })));
    if (request !== this.refreshes) return; // a newer refresh is on its way
    const enabled = loaded.filter((f) => f.settings.scanWorkspace);
    // Editors announce every configuration change, ours or not: rescan only when ours changed.
    const key = JSON.stringify(enabled);
    if (key === this.settingsKey) return;
    this.settingsKey = key;
    const generation = ++this.generation;
    this.updates.clear();
    this.dirSettings.clear();
    this.folders = enabled.map((f) => {
      const p = filePathOf(f.uri)!;
      return { path: p, uri: f.uri, settings: f.settings, keep: sourceFilter(p) };
    });
    if (!this.enabled) {
      this.stopWatching();
      this.clearAll();
      return;
    }
    this.startWatching();
    await this.scanAll(generation);
  }

  private async scanAll(generation: number): Promise<void> {
    const reporter = await this.connection.window.createWorkDoneProgress();
    if (generation !== this.generation) {
      reporter.done();
      return;
    }
    reporter.begin('status-hints: checking workspace files', 0, 'listing files…', true);
    const seen = new Set<string>();
    let done = 0;
    let cancelled = false;
    try {
      const lists = await Promise.all(this.folders.map(async (folder) => ({ folder, files: await listSourceFiles(folder.path) })));
      const total = lists.reduce((n, l) => n + l.files.length, 0);
      let lastReport = 0;
      outer: for (const { files } of lists) {
        for (const file of files) {
          if (generation !== this.generation || reporter.token.isCancellationRequested) {
            cancelled = true;
            break outer;
          }
          seen.add(file);
          await this.analyzeAndPublish(file);
          done++;
          const now = Date.now();
          if (now - lastReport >= REPORT_EVERY_MS) {
            lastReport = now;
            reporter.report(Math.floor((done * 100) / Math.max(1, total)), `${done}/${total} files`);
          }
          await nextTurn();
        }
      }
      this.log(`workspace scan: ${done}/${total} files${cancelled ? ' (stopped)' : ''}`);
    } finally {
      reporter.done();
    }
    // Files that left the scan (now ignored, or their folder turned the setting off) lose their diagnostics.
    if (!cancelled) for (const file of [...this.published.keys()]) if (!seen.has(file)) this.clear(file);
  }

  /** Watched-file events: analyse created and changed files, clear deleted ones. */
  filesChanged(changes: readonly FileEvent[]): void {
    if (!this.enabled) return;
    for (const change of changes) {
      const file = filePathOf(change.uri);
      if (!file) continue;
      if (change.type === FileChangeType.Deleted) {
        this.updates.delete(file);
        // A deleted folder arrives as one event: clear everything under it too.
        for (const p of [...this.published.keys()]) if (p === file || p.startsWith(file + path.sep)) this.clear(p);
      } else if (this.folderOf(file)) {
        this.updates.add(file);
      }
    }
    void this.drain();
  }

  /** An opened document's live diagnostics take over from the scanner's. */
  documentOpened(uri: string): void {
    const file = filePathOf(uri);
    if (file) this.published.delete(file);
  }

  /** A closed document goes back to the scanner: its diagnostics now come from the file on disk. */
  documentClosed(uri: string): void {
    const file = filePathOf(uri);
    if (!file || !this.enabled || !this.folderOf(file)) return;
    this.updates.add(file);
    void this.drain();
  }

  private folderOf(file: string): Folder | undefined {
    return this.folders.find((f) => f.keep(file));
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.updates.size > 0) {
        const file = this.updates.values().next().value as string;
        this.updates.delete(file);
        if (this.folderOf(file)) await this.analyzeAndPublish(file);
        await nextTurn();
      }
    } finally {
      this.draining = false;
    }
  }

  private isOpen(file: string): boolean {
    return this.documents.keys().some((uri) => filePathOf(uri) === file);
  }

  /** The settings a document in the same folder would get: editor settings over the nearest config file. */
  private settingsFor(file: string): Promise<Settings> {
    const dir = path.dirname(file);
    let s = this.dirSettings.get(dir);
    if (!s) {
      s = this.settings.forDocument(pathToFileURL(file).href);
      this.dirSettings.set(dir, s);
    }
    return s;
  }

  private async analyzeAndPublish(file: string): Promise<void> {
    if (this.isOpen(file)) return;
    const settings = await this.settingsFor(file);
    if (!this.checked(pathToFileURL(file).href, settings)) {
      this.clear(file);
      return;
    }
    // The CLI's policy (project/sourcePolicy.ts): unreadable, not UTF-8, too large or minified files
    // have no diagnostics here either.
    const read = await readSourceAsync(file, settings.maxFileSizeKb, EDITOR_SIZE_LIMIT);
    // Opened, or the scan stopped, while the file was read.
    if (this.isOpen(file) || !this.enabled) return;
    if (read.readError !== undefined || read.skipped !== undefined) {
      this.clear(file);
      return;
    }
    const text = read.text;
    const run = analyseOrFail(
      () => parseText(file, text),
      (sf) => analyzeText(text, file, settings, sf).findings,
    );
    if (run.failed !== undefined) {
      this.log(`${file}: not analysed: ${run.failed}`);
      return;
    }
    const findings = run.result;
    if (findings.length === 0) {
      this.clear(file);
      return;
    }
    const uri = this.published.get(file) ?? pathToFileURL(file).href;
    const doc = TextDocument.create(uri, 'javascript', 0, text);
    this.published.set(file, uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: findings.map((f) => toDiagnostic(doc, f)) });
  }

  private clear(file: string): void {
    const uri = this.published.get(file);
    if (uri === undefined) return;
    this.published.delete(file);
    if (!this.isOpen(file)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private clearAll(): void {
    this.updates.clear();
    for (const file of [...this.published.keys()]) this.clear(file);
  }

  private startWatching(): void {
    if (!this.canWatch || this.watcher) return;
    this.watcher = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCH_GLOB }] }).catch((e: unknown) => {
      this.log(`workspace scan: cannot watch files: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    });
  }

  private stopWatching(): void {
    const w = this.watcher;
    this.watcher = undefined;
    void w?.then((d) => d?.dispose());
  }
}
