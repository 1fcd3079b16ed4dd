// A small scope resolver over TypeScript's syntax tree (no type checker): which declaration a name
// refers to, by JavaScript's rules. Parameters, function names, `var` (hoisted to its function),
// let/const/class (their block), catch variables, loop declarations, imports. An undeclared name is
// a global. Used to check that a quick fix never makes a call reach a different object.
import ts from 'typescript';

export function parse(fileName, text) {
  const kind = /\.tsx$/.test(fileName)
    ? ts.ScriptKind.TSX
    : /\.jsx$/.test(fileName)
      ? ts.ScriptKind.JSX
      : /\.[cm]?ts$/.test(fileName)
        ? ts.ScriptKind.TS
        : ts.ScriptKind.JS;
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
}

export function syntaxErrors(sf) {
  return sf.parseDiagnostics.length;
}

const isFunctionLike = (n) =>
  ts.isFunctionDeclaration(n) ||
  ts.isFunctionExpression(n) ||
  ts.isArrowFunction(n) ||
  ts.isMethodDeclaration(n) ||
  ts.isConstructorDeclaration(n) ||
  ts.isGetAccessorDeclaration(n) ||
  ts.isSetAccessorDeclaration(n);

function addBinding(name, out) {
  if (ts.isIdentifier(name)) {
    if (!out.has(name.text)) out.set(name.text, name);
  } else if (name && (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name))) {
    for (const el of name.elements) if (!ts.isOmittedExpression(el)) addBinding(el.name, out);
  }
}

/** `var` declarations inside `node`, not crossing into nested functions. */
function hoistedVars(node, out) {
  const visit = (n) => {
    if (isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isVariableDeclarationList(n) && (n.flags & ts.NodeFlags.BlockScoped) === 0) for (const d of n.declarations) addBinding(d.name, out);
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(node, visit);
}

/** Declarations made directly by a statement list: let/const/var, functions, classes, enums, imports. */
function statementDeclarations(statements, out) {
  for (const st of statements) {
    if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) addBinding(d.name, out);
    else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st) || ts.isImportEqualsDeclaration(st)) && st.name)
      addBinding(st.name, out);
    else if (ts.isModuleDeclaration(st) && ts.isIdentifier(st.name)) addBinding(st.name, out);
    else if (ts.isImportDeclaration(st) && st.importClause) {
      const c = st.importClause;
      if (c.name) addBinding(c.name, out);
      const named = c.namedBindings;
      if (named && ts.isNamespaceImport(named)) addBinding(named.name, out);
      else if (named) for (const el of named.elements) addBinding(el.name, out);
    }
  }
}

/** The names a node declares for the code inside it, or undefined when it opens no scope. */
function declarationsOf(node, cache) {
  if (cache.has(node)) return cache.get(node);
  let out;
  if (ts.isSourceFile(node)) {
    out = new Map();
    statementDeclarations(node.statements, out);
    hoistedVars(node, out);
  } else if (isFunctionLike(node)) {
    out = new Map();
    for (const p of node.parameters) addBinding(p.name, out);
    if (ts.isFunctionExpression(node) && node.name) addBinding(node.name, out);
    if (node.body) hoistedVars(node.body, out);
  } else if (ts.isBlock(node) || ts.isModuleBlock(node)) {
    out = new Map();
    statementDeclarations(node.statements, out);
  } else if (ts.isCaseBlock(node)) {
    out = new Map();
    for (const clause of node.clauses) statementDeclarations(clause.statements, out);
  } else if (
    (ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)) &&
    node.initializer &&
    ts.isVariableDeclarationList(node.initializer)
  ) {
    out = new Map();
    for (const d of node.initializer.declarations) addBinding(d.name, out);
  } else if (ts.isCatchClause(node) && node.variableDeclaration) {
    out = new Map();
    addBinding(node.variableDeclaration.name, out);
  } else if (ts.isClassExpression(node) && node.name) {
    out = new Map([[node.name.text, node.name]]);
  }
  cache.set(node, out);
  return out;
}

/** Resolves names in one tree; `key` is where the declaration's name starts, or `global:<name>`. */
export function resolverFor(sf) {
  const cache = new WeakMap();
  const declarationFrom = (start, name) => {
    for (let n = start; n; n = n.parent) {
      const d = declarationsOf(n, cache)?.get(name);
      if (d) return d;
    }
    return undefined;
  };
  return {
    /** The declaration an identifier refers to. */
    declarationOf(id) {
      return declarationFrom(id.parent, id.text);
    },
    /** What `name` would refer to if written at `pos`. */
    declarationAt(pos, name) {
      return declarationFrom(innermostAt(sf, pos), name);
    },
    key(decl, name) {
      return decl ? decl.getStart(sf) : `global:${name}`;
    },
  };
}

/**
 * The call an edit at `pos` changes: the nearest call around it within its expression (a status
 * argument replaced, an init object extended), not one further out than the statement or function.
 */
export function callAround(sf, pos) {
  for (let n = innermostAt(sf, pos); n && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isCallExpression(n)) return n;
    if (isFunctionLike(n) || ts.isBlock(n) || (n.kind >= ts.SyntaxKind.FirstStatement && n.kind <= ts.SyntaxKind.LastStatement)) return undefined;
  }
  return undefined;
}

function innermostAt(sf, pos) {
  let node = sf;
  for (;;) {
    const next = ts.forEachChild(node, (c) => (c.getStart(sf) <= pos && pos < c.end ? c : undefined));
    if (!next) return node;
    node = next;
  }
}

/**
 * Every method call on a named object (`res.status(404).json(x)`, `db.users.find()`): the chain's root
 * identifier and the "spine" of the chain, its root, dots, names and parentheses (not the arguments).
 */
export function rootedCalls(sf) {
  const out = [];
  const visit = (n) => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const spine = [];
      let x = n;
      for (;;) {
        if (ts.isCallExpression(x)) {
          spine.push([x.expression.end, x.arguments.pos], [x.arguments.end, x.end]);
          x = x.expression;
        } else if (ts.isPropertyAccessExpression(x)) {
          spine.push([x.expression.end, x.name.end]);
          x = x.expression;
        } else if (ts.isNonNullExpression(x) || ts.isParenthesizedExpression(x)) {
          x = x.expression;
        } else break;
      }
      if (ts.isIdentifier(x)) out.push({ call: n, root: x, spine: [[x.getStart(sf), x.end], ...spine] });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Position maps between a text and the text after non-overlapping edits. */
export function editMap(edits) {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  return {
    /** Where a position of the old text is in the new one; undefined inside replaced text. */
    toAfter(p) {
      let shift = 0;
      for (const e of sorted) {
        if (p < e.start) break;
        if (p < e.end) return undefined;
        shift += e.newText.length - (e.end - e.start);
      }
      return p + shift;
    },
    /** Where a position of the new text was in the old one; undefined inside inserted text. */
    toBefore(q) {
      let shift = 0;
      for (const e of sorted) {
        const at = e.start + shift;
        if (q < at) break;
        if (q < at + e.newText.length) return undefined;
        shift += e.newText.length - (e.end - e.start);
      }
      return q - shift;
    },
    /** The new text's ranges, in new-text positions, and where each was in the old text. */
    inserted() {
      const out = [];
      let shift = 0;
      for (const e of sorted) {
        if (e.newText.length > 0) out.push({ start: e.start + shift, end: e.start + shift + e.newText.length, oldStart: e.start });
        shift += e.newText.length - (e.end - e.start);
      }
      return out;
    },
    /** The old text's ranges the edits replace or insert at. */
    touched() {
      return sorted.map((e) => ({ start: e.start, end: e.end }));
    },
  };
}

export const overlaps = (a, b) => a[0] < b.end && b.start < a[1];
