// The tree helpers moved to analysis/facts/ (tree.ts, text.ts). Kept only for headerEdits.ts and
// responseBody.ts, which still build their fixes from the tree: they go when those read facts too.
export * from '../../analysis/facts/tree';
export * from '../../analysis/facts/text';
