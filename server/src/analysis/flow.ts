// A light control-flow skeleton: each event records the statement lists it sits in (outermost first)
// and where the next unconditional exit is. That answers "does B run after A on the same path?"
// without building a full control-flow graph.
import type { FlowPosition } from './model';

/**
 * True when `b` runs after `a` on some path through the same function: `b` sits in a later statement
 * of a statement list that also (transitively) holds `a`, and no unconditional return/throw lies
 * between them. Loops are treated conservatively (false) since the order there is not textual.
 */
export function runsAfter(a: FlowPosition, b: FlowPosition): boolean {
  if (a.fn !== b.fn) return false;
  const depth = Math.min(a.frames.length, b.frames.length);
  for (let k = 0; k < depth; k++) {
    const fa = a.frames[k];
    const fb = b.frames[k];
    if (fa.block !== fb.block) return false;
    if (fa.index === fb.index) continue;
    if (fb.index < fa.index) return false;
    if (fa.inLoop || fb.inLoop) return false;
    // b is in a later statement of this list: every list from a's innermost up to this one must
    // let control fall through to b.
    if (a.isExit) return false;
    for (let j = a.frames.length - 1; j > k; j--) {
      if (a.frames[j].exitsAfter !== Infinity) return false;
    }
    // b may be the exit statement itself (`return res.json(x)`): it still runs.
    return fa.exitsAfter >= fb.index;
  }
  // Same statement (e.g. chained calls or both inside one expression): not "after".
  return false;
}

/** True when nothing can run after `a` in its function: it is returned/thrown or followed by an exit. */
export function exitsRightAfter(a: FlowPosition): boolean {
  if (a.isExit) return true;
  const inner = a.frames[a.frames.length - 1];
  return inner !== undefined && inner.exitsAfter === inner.index + 1;
}

/**
 * True when `a` and `b` can never both run: they sit in different statement lists of one statement
 * (then/else, try/catch, two switch cases).
 */
export function exclusive(a: FlowPosition, b: FlowPosition): boolean {
  if (a.fn !== b.fn) return false;
  const depth = Math.min(a.frames.length, b.frames.length);
  for (let k = 0; k < depth; k++) {
    if (a.frames[k].block !== b.frames[k].block) return true;
    if (a.frames[k].index !== b.frames[k].index) return false;
  }
  return false;
}

/**
 * True when `a` sits in a branch (a nested statement list: then/else, try, case) of a statement list
 * that holds `b` directly, and control falls out of that branch into `b`: the shape of
 * `if (!user) { res.status(404).json(e) }  res.json(user)`. Stricter than runsAfter: a `b` inside a
 * conditional of its own may be guarded by a condition that excludes `a` (`if (user) res.json(user)`).
 */
export function fallsThroughInto(a: FlowPosition, b: FlowPosition): boolean {
  if (!runsAfter(a, b)) return false;
  const k = b.frames.length - 1;
  if (k < 0 || a.frames.length <= k + 1) return false;
  for (let i = 0; i < k; i++) {
    if (a.frames[i].block !== b.frames[i].block || a.frames[i].index !== b.frames[i].index) return false;
  }
  return a.frames[k].block === b.frames[k].block && a.frames[k].index < b.frames[k].index;
}

/** True when the position is inside a loop body, where textual order says little about run order. */
export function inLoop(a: FlowPosition): boolean {
  return a.frames.some((f) => f.inLoop);
}
