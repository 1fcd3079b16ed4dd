// What a name refers to, as far as responses go. The nearest declaration decides: a parameter, a
// variable, a catch clause, a destructured name, a function or class name, an import. A `res` that
// a nested callback declares (`fetch(url).then((res) => res.json())`) is that callback's own value,
// never the handler's response it shadows; its spelling says nothing once a declaration is found.
import * as ts from 'typescript';
import type { Framework } from './model';

/** A name bound to a response object, and how the analysis knows it is one. */
export interface ResponseBinding {
  framework: Framework;
  /** A recognised role (registration, type, the handler's (req, res) shape, a built Response), not only a usual name. */
  strong: boolean;
  /** Surely this server's HTTP response: a registered handler's or a typed parameter, not a guess from names. */
  certain: boolean;
  /**
   * Not certain only because its handler was recognised by the (req, res) shape: the handler's name,
   * which a registration or a call handing it a certain response elsewhere in the file vouches for.
   */
  guessedHandler?: string;
}

/** The handlers the file vouches for: registered by name, or handed a certain response (through guessed ones too). */
export function registeredHandlers(vouches: readonly { name: string; via?: string }[]): Set<string> {
  const out = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const v of vouches) {
      if (out.has(v.name) || (v.via !== undefined && !out.has(v.via))) continue;
      out.add(v.name);
      grew = true;
    }
  }
  return out;
}

/** The receiver of a site or send is surely this server's HTTP response. */
export function surelyHttpResponse(x: { certain?: boolean; guessedHandler?: string }, registered: ReadonlySet<string>): boolean {
  return x.certain === true || (x.guessedHandler !== undefined && registered.has(x.guessedHandler));
}

/** A block, a function or the module: each name declared in it, bound to a response or (null) to anything else. */
export interface Scope {
  parent: Scope | undefined;
  /** Allocated on the first declaration: most blocks declare nothing. */
  names?: Map<string, ResponseBinding | null>;
  /** The id of the function this scope belongs to (its parameters' scope or a block inside it); undefined at module level. */
  fnId?: number;
}

export function newScope(parent: Scope | undefined, fnId: number | undefined): Scope {
  return { parent, fnId };
}

export function declare(scope: Scope, name: string, binding: ResponseBinding | null): void {
  (scope.names ??= new Map()).set(name, binding);
}

/** The scope that declares `name`, nearest first; undefined when nothing in the file declares it (a global, a snippet's free name). */
export function scopeOf(scope: Scope | undefined, name: string): Scope | undefined {
  for (let s = scope; s; s = s.parent) if (s.names?.has(name)) return s;
  return undefined;
}

/** The binding `name` has here: a response, null for any other declaration, undefined when undeclared. */
export function bindingOf(scope: Scope | undefined, name: string): ResponseBinding | null | undefined {
  const s = scopeOf(scope, name);
  return s ? s.names!.get(name) : undefined;
}

/** True for a `var` list: its names belong to the function, not the block they are written in. */
export function isVarList(list: ts.Node | undefined): boolean {
  return !!list && ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.BlockScoped) === 0;
}

/** Names the module's top-level statements declare (hoisted: a function may use one declared below it). */
export function moduleDeclarations(sf: ts.SourceFile): string[] {
  const out: string[] = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const clause = st.importClause;
      if (clause?.name) out.push(clause.name.text);
      const named = clause?.namedBindings;
      if (named && ts.isNamespaceImport(named)) out.push(named.name.text);
      else if (named) for (const el of named.elements) out.push(el.name.text);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) bindingNamesOf(d.name, out);
    } else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st) || ts.isImportEqualsDeclaration(st)) && st.name) {
      out.push(st.name.text);
    } else if (ts.isModuleDeclaration(st) && ts.isIdentifier(st.name)) {
      out.push(st.name.text);
    }
  }
  return out;
}

function bindingNamesOf(name: ts.BindingName, out: string[]): void {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) bindingNamesOf(el.name, out);
}

/** Nodes whose children get a block scope of their own (a function's body shares its parameters' scope). */
export function opensBlockScope(node: ts.Node, parent: ts.Node | undefined): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.Block:
      return !parent || !ts.isFunctionLike(parent);
    case ts.SyntaxKind.CaseBlock:
    case ts.SyntaxKind.ForStatement:
    case ts.SyntaxKind.ForInStatement:
    case ts.SyntaxKind.ForOfStatement:
    case ts.SyntaxKind.CatchClause:
    case ts.SyntaxKind.ClassDeclaration:
    case ts.SyntaxKind.ClassExpression:
      return true;
    default:
      return false;
  }
}
