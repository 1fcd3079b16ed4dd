// `compilerOptions.baseUrl` and `paths` of the tsconfig.json / jsconfig.json that applies to a file,
// following `extends`, read as JSON with comments (jsonc-parser, like TypeScript itself accepts).
// Nothing else of the config matters to resolving imports; nothing of it is ever executed.
import { parse as parseJsonc } from 'jsonc-parser';
import { posix, type ProjectFiles } from './projectFiles';

export interface PathMapping {
  /** Absolute folder the `paths` substitutions and bare `baseUrl` imports are relative to. */
  base: string;
  /** Whether `baseUrl` was set: then `import 'lib/x'` may mean `<baseUrl>/lib/x`. */
  hasBaseUrl: boolean;
  /** `@/*` → [`./src/*`], longest prefix first. */
  paths: { pattern: string; prefix: string; suffix: string; targets: string[] }[];
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
/** `extends` chains longer than this are cut: a cycle or a pathological config must not hang us. */
const MAX_EXTENDS = 8;

interface RawOptions {
  baseUrl?: string;
  paths?: Record<string, string[]>;
  /** The config file that set each option, for relative resolution. */
  baseUrlFrom?: string;
  pathsFrom?: string;
}

export class TsconfigPaths {
  /** Folder → the mapping of the nearest config at or above it (undefined: none). */
  private readonly byDir = new Map<string, PathMapping | undefined>();

  constructor(
    private readonly files: ProjectFiles,
    /** Never look above this folder (the workspace root). */
    private readonly root: string,
  ) {}

  /** The mapping that applies to `file`, if a tsconfig/jsconfig above it sets baseUrl or paths. */
  forFile(file: string): PathMapping | undefined {
    return this.forDir(posix.dirname(file));
  }

  private forDir(dir: string): PathMapping | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    let found: PathMapping | undefined;
    const config = CONFIG_NAMES.map((n) => posix.join(dir, n)).find((f) => this.files.isFile(f));
    if (config) found = this.mappingOf(config);
    else if (dir !== this.root && dir.startsWith(this.root) && posix.dirname(dir) !== dir) found = this.forDir(posix.dirname(dir));
    this.byDir.set(dir, found);
    return found;
  }

  private mappingOf(config: string): PathMapping | undefined {
    const raw = this.readOptions(config, 0);
    if (!raw || (!raw.baseUrl && !raw.paths)) return undefined;
    const base = raw.baseUrl !== undefined ? posix.resolve(posix.dirname(raw.baseUrlFrom!), raw.baseUrl) : posix.dirname(raw.pathsFrom!);
    const paths = Object.entries(raw.paths ?? {})
      .filter(([, targets]) => Array.isArray(targets) && targets.every((t) => typeof t === 'string'))
      .map(([pattern, targets]) => {
        const star = pattern.indexOf('*');
        return { pattern, prefix: star < 0 ? pattern : pattern.slice(0, star), suffix: star < 0 ? '' : pattern.slice(star + 1), targets };
      })
      .sort((a, b) => b.prefix.length - a.prefix.length);
    return { base, hasBaseUrl: raw.baseUrl !== undefined, paths };
  }

  /** compilerOptions.baseUrl/paths of a config and what it extends (the config's own values win). */
  private readOptions(config: string, depth: number): RawOptions | undefined {
    if (depth > MAX_EXTENDS) return undefined;
    const text = this.files.readText(config);
    if (text === undefined) return undefined;
    const json = parseJsonc(text, [], { allowTrailingComma: true }) as
      { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | undefined;
    if (!json || typeof json !== 'object') return undefined;
    const out: RawOptions = {};
    const parents =
      typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? json.extends.filter((e): e is string => typeof e === 'string') : [];
    for (const parent of parents) {
      const parentFile = this.extendedConfig(config, parent);
      const inherited = parentFile ? this.readOptions(parentFile, depth + 1) : undefined;
      if (inherited) Object.assign(out, Object.fromEntries(Object.entries(inherited).filter(([, v]) => v !== undefined)));
    }
    const opts = json.compilerOptions;
    if (opts && typeof opts === 'object') {
      if (typeof opts.baseUrl === 'string') Object.assign(out, { baseUrl: opts.baseUrl, baseUrlFrom: config });
      if (opts.paths && typeof opts.paths === 'object') Object.assign(out, { paths: opts.paths as Record<string, string[]>, pathsFrom: config });
    }
    return out;
  }

  /** `./base.json`, `../tsconfig.base`, or a package's config in node_modules (`@tsconfig/node20/tsconfig.json`). */
  private extendedConfig(from: string, spec: string): string | undefined {
    const candidates: string[] = [];
    if (spec.startsWith('.') || spec.startsWith('/')) {
      const p = posix.resolve(posix.dirname(from), spec);
      candidates.push(p, `${p}.json`);
    } else {
      for (let dir = posix.dirname(from); ; dir = posix.dirname(dir)) {
        const p = posix.join(dir, 'node_modules', spec);
        candidates.push(p, `${p}.json`, posix.join(p, 'tsconfig.json'));
        if (dir === this.root || !dir.startsWith(this.root) || posix.dirname(dir) === dir) break;
      }
    }
    return candidates.find((c) => this.files.isFile(c));
  }
}

/** The files a bare specifier may mean under a mapping, in the order TypeScript tries them. */
export function mappedCandidates(mapping: PathMapping, specifier: string): string[] {
  const out: string[] = [];
  for (const p of mapping.paths) {
    const matches = p.pattern.includes('*')
      ? specifier.startsWith(p.prefix) && specifier.endsWith(p.suffix) && specifier.length >= p.prefix.length + p.suffix.length
      : specifier === p.pattern;
    if (!matches) continue;
    const star = specifier.slice(p.prefix.length, specifier.length - p.suffix.length);
    for (const t of p.targets) out.push(posix.resolve(mapping.base, t.replace('*', star)));
    // TypeScript uses the longest matching pattern only.
    break;
  }
  if (mapping.hasBaseUrl) out.push(posix.resolve(mapping.base, specifier));
  return out;
}
