// Settings per document, pulled from the client (workspace/configuration, scope = the document) and
// cached per URI until the configuration changes. Never a global that outlives a change.
// Precedence, lowest first: built-in defaults < the nearest .statushintsrc.json < editor settings
// set to something other than their default (user, workspace or folder).
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, explicitEditorValues, sanitizeSettings, type Settings } from '../settingsWithRules';
import { ruleIds } from '../rules';
import type { ConfigFiles } from './config';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** Settings pushed with didChangeConfiguration, for clients without workspace/configuration. */
  private pushed: unknown;
  supportsPull = false;

  constructor(
    private readonly connection: Connection,
    private readonly log: (line: string) => void,
    private readonly configFiles?: ConfigFiles,
  ) {}

  forDocument(uri: string): Promise<Settings> {
    let p = this.cache.get(uri);
    if (!p) {
      p = this.load(uri);
      this.cache.set(uri, p);
    }
    return p;
  }

  private async load(uri: string): Promise<Settings> {
    let raw: unknown = this.pushed;
    if (this.supportsPull) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'statusHints' });
      } catch {
        raw = this.pushed;
      }
    }
    const fromFile = this.configFiles?.forDocument(uri)?.settings ?? DEFAULT_SETTINGS;
    const { settings, problems } = sanitizeSettings(explicitEditorValues(raw), ruleIds, fromFile);
    for (const p of problems) this.log(`settings: ${p} (ignored)`);
    return settings;
  }

  changed(pushedSettings: unknown): void {
    const section = typeof pushedSettings === 'object' && pushedSettings !== null ? (pushedSettings as Record<string, unknown>).statusHints : undefined;
    if (section !== undefined) this.pushed = section;
    this.cache.clear();
  }

  /** A .statushintsrc.json was created, changed or deleted. */
  configFilesChanged(): void {
    this.configFiles?.changed();
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  static defaults(): Settings {
    return DEFAULT_SETTINGS;
  }
}
