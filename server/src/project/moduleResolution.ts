// Which source file of the project an import or require names: relative paths, index files,
// tsconfig/jsconfig `paths` and `baseUrl`, and the packages of a monorepo workspace. Packages in
// node_modules are outside the project and resolve to nothing. No type checker, nothing executed.
import { posix, type ProjectFiles } from './projectFiles';
import { SOURCE_EXTENSIONS as EXTENSIONS } from './sourceFiles';
import { mappedCandidates, TsconfigPaths } from './tsconfigPaths';
import { manifestEntries, workspacePackages, type WorkspacePackage } from './workspacePackages';

/** Source extensions, in the order a specifier without one is tried (TypeScript's, then JavaScript's). */
const SOURCE_EXTENSIONS = EXTENSIONS.map((e) => `.${e}`);
const JS_TO_TS: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };
/** Folders a package's built entry lives in, whose source usually sits in `src/`. */
const BUILD_DIRS = /^(?:\.\/)?(dist|build|lib|out|esm|cjs)\//;

export class ModuleResolver {
  private readonly tsconfig: TsconfigPaths;
  private packagesCache?: Map<string, WorkspacePackage>;
  private readonly cache = new Map<string, string | null>();

  constructor(
    private readonly files: ProjectFiles,
    /** The workspace root: configs and workspaces are looked for at or below it. */
    private readonly root: string,
  ) {
    this.tsconfig = new TsconfigPaths(files, root);
  }

  private get packages(): Map<string, WorkspacePackage> {
    return (this.packagesCache ??= workspacePackages(this.files, this.root));
  }

  /** The absolute path of the source file `specifier` names from `fromFile`, or undefined. */
  resolve(fromFile: string, specifier: string): string | undefined {
    const key = `${posix.dirname(fromFile)}\0${specifier}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const found = this.resolveUncached(fromFile, specifier);
    this.cache.set(key, found ?? null);
    return found;
  }

  private resolveUncached(fromFile: string, specifier: string): string | undefined {
    if (!specifier || specifier.startsWith('node:')) return undefined;
    if (specifier.startsWith('.') || specifier.startsWith('/')) return this.asFileOrDir(posix.resolve(posix.dirname(fromFile), specifier));
    const mapping = this.tsconfig.forFile(fromFile);
    if (mapping) {
      for (const candidate of mappedCandidates(mapping, specifier)) {
        const found = this.asFileOrDir(candidate);
        if (found) return found;
      }
    }
    return this.inWorkspacePackage(specifier);
  }

  /** `@acme/http` or `@acme/http/errors` → that workspace package's source file. */
  private inWorkspacePackage(specifier: string): string | undefined {
    const parts = specifier.split('/');
    const nameLength = specifier.startsWith('@') ? 2 : 1;
    const pkg = this.packages.get(parts.slice(0, nameLength).join('/'));
    if (!pkg) return undefined;
    const rest = parts.slice(nameLength).join('/');
    const subpath = rest ? `./${rest}` : '.';
    for (const entry of manifestEntries(pkg.manifest, subpath)) {
      const found = this.sourceOf(posix.resolve(pkg.dir, entry));
      if (found) return found;
    }
    if (rest) return this.asFileOrDir(posix.join(pkg.dir, rest)) ?? this.asFileOrDir(posix.join(pkg.dir, 'src', rest));
    return this.asFileOrDir(posix.join(pkg.dir, 'src', 'index')) ?? this.asFileOrDir(posix.join(pkg.dir, 'index'));
  }

  /** A built entry (`dist/index.js`, `dist/index.d.ts`) → the source it was built from, when present. */
  private sourceOf(file: string): string | undefined {
    const built = file.match(/^(.*?\/)((?:dist|build|lib|out|esm|cjs)\/.*)$/);
    if (built && BUILD_DIRS.test(built[2])) {
      const inSrc = built[1] + built[2].replace(BUILD_DIRS, 'src/').replace(/\.(d\.)?[mc]?[jt]sx?$/, '');
      const found = this.asFileOrDir(inSrc);
      if (found) return found;
    }
    const found = this.asFileOrDir(file.replace(/\.d\.[mc]?ts$/, ''));
    return found && !/\.d\.[mc]?ts$/.test(found) ? found : undefined;
  }

  /** A path as a source file: exact, with an extension added or swapped (.js → .ts), or a folder's index. */
  private asFileOrDir(p: string): string | undefined {
    const ext = posix.extname(p);
    if (SOURCE_EXTENSIONS.includes(ext)) {
      // TypeScript ESM imports name the output file: `./user.js` is `./user.ts` in the source.
      const base = p.slice(0, -ext.length);
      for (const e of JS_TO_TS[ext] ?? []) if (this.files.isFile(base + e)) return base + e;
      if (this.files.isFile(p)) return p;
    }
    for (const e of SOURCE_EXTENSIONS) if (this.files.isFile(p + e)) return p + e;
    for (const e of SOURCE_EXTENSIONS) {
      const index = posix.join(p, `index${e}`);
      if (this.files.isFile(index)) return index;
    }
    return undefined;
  }
}
