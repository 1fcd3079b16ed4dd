// The analysis of one file as rules, hover, hints and completion see it, and the plain data it is
// made of (model.ts).
import type ts from 'typescript';
import type { SendEvent, StatusSite, StatusSlot, SuppressionFacts } from './model';
import type { WalkResult } from './walk/contract';

export * from './model';

/** The result of analysing one file: everything rules, hover, hints and completion need. */
export interface FileAnalysis {
  /** The tree the walk read: rules that need syntax use this one, never a second parse. */
  sourceFile: ts.SourceFile;
  sites: StatusSite[];
  /** Numeric positions where a status goes and completion makes sense: see completion. */
  statusSlots: StatusSlot[];
  suppressions: SuppressionFacts;
  /** Number of AST nodes visited: a bound on work, asserted by robustness tests. */
  nodesVisited: number;
  /** Set when the walk stopped descending (nesting deeper than MAX_WALK_DEPTH): offset of the first skipped subtree. */
  depthLimitAt?: number;
  /** Sends seen per response receiver, for the sent-twice rule. */
  sends: SendEvent[];
  /** Functions the file registers as handlers by name or hands a certain response: their (req, res) are surely HTTP. */
  registeredHandlers: ReadonlySet<string>;
  lineStarts: readonly number[];
  /** The walk's events per top-level statement: the next version's analysis reuses unchanged ones. */
  walk?: WalkResult;
}
