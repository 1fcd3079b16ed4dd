// Settings per document, pulled from the client (workspace/configuration, scope = the document) and
// cached per URI until the configuration changes. Never a global that outlives a change.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../analysis/settings';
import { ruleIds } from '../rules';

/** VS Code sends every declared key; "default" for a rule means "follow the preset". */
function dropPresetDefaults(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const copy = { ...(raw as Record<string, unknown>) };
  const rules = copy.rules;
  if (typeof rules === 'object' && rules !== null) {
    copy.rules = Object.fromEntries(Object.entries(rules as Record<string, unknown>).filter(([, v]) => v !== 'default'));
  }
  return copy;
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** Settings pushed with didChangeConfiguration, for clients without workspace/configuration. */
  private pushed: unknown;
  supportsPull = false;

  constructor(
    private readonly connection: Connection,
    private readonly log: (line: string) => void,
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
    const { settings, problems } = sanitizeSettings(dropPresetDefaults(raw), ruleIds);
    for (const p of problems) this.log(`settings: ${p} (ignored)`);
    return settings;
  }

  changed(pushedSettings: unknown): void {
    const section = typeof pushedSettings === 'object' && pushedSettings !== null ? (pushedSettings as Record<string, unknown>).statusHints : undefined;
    if (section !== undefined) this.pushed = section;
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  static defaults(): Settings {
    return DEFAULT_SETTINGS;
  }
}
