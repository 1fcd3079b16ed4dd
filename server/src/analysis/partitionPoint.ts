// The one binary search: sorted lists of spans, edits and nodes are looked up by position everywhere.

/** The first index of `list` for which `before` is false; `before` must be true for a prefix only. */
export function partitionPoint<T>(list: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(list[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
