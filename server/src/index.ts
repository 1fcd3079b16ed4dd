// The pure analysis API (bundled as dist/analysis.js for tests and the benchmark).
export { analyzeSourceFile, analyzeText, runRules, severityFor } from './analysis/analyze';
export { applyEdits, changeCodeEdit, computeLineStarts, positionAt } from './analysis/edits';
export { ParseCache, changeRange, parseText, reparse } from './analysis/parse';
export { DEFAULT_SETTINGS, sanitizeSettings } from './analysis/settings';
export type { Settings } from './analysis/settings';
export * from './analysis/types';
export { rules, ruleIds, ruleById } from './rules';
export * as knowledge from './knowledge/statusData';
