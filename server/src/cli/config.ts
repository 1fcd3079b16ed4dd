// Settings for a CLI run, from `.statushintsrc.json`: `--config <file>`, or the nearest file up from
// each checked file (a monorepo's packages may each have their own). A broken file is a one-line
// warning per problem on stderr, never a crash: its valid values still apply, the rest are defaults.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, formatConfigProblem, parseConfigFile } from '../analysis/configFile';
import { DEFAULT_SETTINGS, type Settings } from '../analysis/settings';
import { ruleIds } from '../rules';
import { UsageError } from './files';

export { CONFIG_FILE_NAME };

export interface CliConfig {
  settings: Settings;
  /** The config file used, if any. */
  file?: string;
  /** One line each, printed on stderr. */
  warnings: string[];
}

/** The nearest `.statushintsrc.json` in `from` (a folder) or above it. */
export function findConfigFile(from: string): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Read and validate one config file; `shown` is how warnings name it. */
export function readConfigFile(file: string, shown: string): CliConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { settings: DEFAULT_SETTINGS, file, warnings: [`${shown}: cannot be read (${(e as NodeJS.ErrnoException).code ?? e}); using default settings`] };
  }
  const parsed = parseConfigFile(text, ruleIds, file);
  return { settings: parsed.settings, file, warnings: parsed.problems.map((p) => formatConfigProblem(shown, p)) };
}

/** `--config <file>` (which must exist), else the nearest file up from `cwd`. */
export function loadCliConfig(explicit: string | undefined, cwd: string): CliConfig {
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    if (!fs.existsSync(file)) throw new UsageError(`cannot read config ${explicit}: no such file`);
    if (!fs.statSync(file).isFile()) throw new UsageError(`cannot read config ${explicit}: a folder, not a settings file`);
    return readConfigFile(file, explicit);
  }
  const file = findConfigFile(cwd);
  return file === undefined ? { settings: DEFAULT_SETTINGS, warnings: [] } : readConfigFile(file, path.relative(cwd, file) || file);
}

/**
 * Settings per checked file: the nearest config file up from the file's folder, each file read and
 * warned about once. With `--config`, that one file applies everywhere.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly byFile = new Map<string, CliConfig>();
  private readonly explicit?: CliConfig;

  constructor(
    private readonly cwd: string,
    explicitPath: string | undefined,
    private readonly warn: (line: string) => void,
  ) {
    if (explicitPath !== undefined) {
      this.explicit = loadCliConfig(explicitPath, cwd);
      this.explicit.warnings.forEach(warn);
    }
  }

  forFile(file: string): CliConfig {
    if (this.explicit) return this.explicit;
    const config = this.nearest(path.dirname(path.resolve(this.cwd, file)));
    if (config === undefined) return { settings: DEFAULT_SETTINGS, warnings: [] };
    let loaded = this.byFile.get(config);
    if (!loaded) {
      loaded = readConfigFile(config, path.relative(this.cwd, config) || config);
      loaded.warnings.forEach(this.warn);
      this.byFile.set(config, loaded);
    }
    return loaded;
  }

  private nearest(dir: string): string | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    const parent = path.dirname(dir);
    const found = fs.existsSync(candidate) ? candidate : parent === dir ? undefined : this.nearest(parent);
    this.byDir.set(dir, found);
    return found;
  }
}
