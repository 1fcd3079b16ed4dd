// Settings for a CLI run, from `.statushintsrc.json`: `--config <file>`, or the nearest file up from
// each checked file (a monorepo's packages may each have their own). A broken file is a one-line
// warning per problem on stderr, never a crash: its valid values still apply, the rest are defaults.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatConfigProblem, NearestConfigFile, readConfigFile } from '../project/configFile';
import { DEFAULT_SETTINGS, type Settings } from '../settingsWithRules';
import { ruleIds } from '../rules';
import { UsageError } from './files';

export interface CliConfig {
  settings: Settings;
  /** The config file used, if any. */
  file?: string;
  /** One line each, printed on stderr. */
  warnings: string[];
}

/** Read and validate one config file; `shown` is how warnings name it. */
function loadConfigFile(file: string, shown: string): CliConfig {
  const read = readConfigFile(file, ruleIds);
  if (read.readError !== undefined) return { settings: DEFAULT_SETTINGS, file, warnings: [`${shown}: ${read.readError}`] };
  return { settings: read.parsed.settings, file, warnings: read.parsed.problems.map((p) => formatConfigProblem(shown, p)) };
}

/** `--config <file>`, which must exist. */
function loadExplicitConfig(explicit: string, cwd: string): CliConfig {
  const file = path.resolve(cwd, explicit);
  if (!fs.existsSync(file)) throw new UsageError(`cannot read config ${explicit}: no such file`);
  if (!fs.statSync(file).isFile()) throw new UsageError(`cannot read config ${explicit}: a folder, not a settings file`);
  return loadConfigFile(file, explicit);
}

/**
 * Settings per checked file: the nearest config file up from the file's folder, each file read and
 * warned about once. With `--config`, that one file applies everywhere.
 */
export class ConfigResolver {
  private readonly nearest = new NearestConfigFile();
  private readonly byFile = new Map<string, CliConfig>();
  private readonly explicit?: CliConfig;

  constructor(
    private readonly cwd: string,
    explicitPath: string | undefined,
    private readonly warn: (line: string) => void,
  ) {
    if (explicitPath !== undefined) {
      this.explicit = loadExplicitConfig(explicitPath, cwd);
      this.explicit.warnings.forEach(warn);
    }
  }

  forFile(file: string): CliConfig {
    if (this.explicit) return this.explicit;
    const config = this.nearest.find(path.dirname(path.resolve(this.cwd, file)));
    if (config === undefined) return { settings: DEFAULT_SETTINGS, warnings: [] };
    let loaded = this.byFile.get(config);
    if (!loaded) {
      loaded = loadConfigFile(config, path.relative(this.cwd, config) || config);
      loaded.warnings.forEach(this.warn);
      this.byFile.set(config, loaded);
    }
    return loaded;
  }
}
