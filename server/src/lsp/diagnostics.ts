// Push diagnostics (every LSP client understands publishDiagnostics, Neovim 0.7 included).
// An edit after a quiet moment is analysed at once; edits arriving in a burst are coalesced and
// only the last version is analysed, so superseded work never runs.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from './analysisCache';
import { toDiagnostic } from './convert';
import type { SettingsStore } from './settings';

/** Edits closer together than this are a burst: wait for it to settle. */
export const BURST_WINDOW_MS = 30;

export class DiagnosticsScheduler {
  private readonly pending = new Map<string, NodeJS.Timeout | NodeJS.Immediate>();
  private readonly lastChange = new Map<string, number>();
  /**
   * When the last analysis ended. Edits that queued up while it ran reach us after it, spaced by
   * nothing: they are a burst, even if the previous edit was handled before the analysis began.
   */
  private busyUntil = -Infinity;
  /** Validations started and not yet published. */
  private running = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly cache: AnalysisCache,
    private readonly settings: SettingsStore,
  ) {}

  schedule(uri: string): void {
    const now = performance.now();
    const previous = this.lastChange.get(uri);
    this.lastChange.set(uri, now);
    this.cancel(uri);
    const inBurst = previous !== undefined && now - Math.max(previous, this.busyUntil) < BURST_WINDOW_MS;
    const run = () => {
      this.pending.delete(uri);
      void this.validate(uri);
    };
    this.pending.set(uri, inBurst ? setTimeout(run, BURST_WINDOW_MS) : setImmediate(run));
  }

  cancel(uri: string): void {
    const p = this.pending.get(uri);
    if (p === undefined) return;
    clearTimeout(p as NodeJS.Timeout);
    clearImmediate(p as NodeJS.Immediate);
    this.pending.delete(uri);
    this.settled();
  }

  /** Resolves once nothing is scheduled or being analysed: every diagnostic due has been published. */
  whenIdle(): Promise<void> {
    if (this.pending.size === 0 && this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private settled(): void {
    if (this.pending.size > 0 || this.running > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  async validate(uri: string): Promise<void> {
    this.running++;
    try {
      await this.publish(uri);
    } finally {
      this.running--;
      this.settled();
    }
  }

  private async publish(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const settings = await this.settings.forDocument(uri);
    // The document may have changed or closed while settings were fetched.
    const current = this.documents.get(uri);
    if (!current || current.version !== doc.version) return;
    const result = this.cache.get(current, settings);
    this.busyUntil = performance.now();
    const diagnostics = 'skipped' in result ? [] : result.run.findings.map((f) => toDiagnostic(current, f));
    await this.connection.sendDiagnostics({ uri, version: current.version, diagnostics });
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.lastChange.delete(uri);
  }

  revalidateAll(): void {
    for (const doc of this.documents.all()) void this.validate(doc.uri);
  }
}
