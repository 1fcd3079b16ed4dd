// The pure analysis API (bundled as dist/analysis.js for tests and the benchmark).
export { analyzeSourceFile, analyzeText, runRules, severityFor } from './analysis/analyze';
export { applyEdits, changeCodeEdit, computeLineStarts, positionAt } from './analysis/edits';
export { ParseCache, changeRange, parseText, reparse } from './analysis/parse';
export { diffEdit, fixAll, fixToFixedPoint, preferredNonOverlappingEdits } from './analysis/fixAll';
export { failureReason, partialReason, skipReason } from './analysis/limits';
export { MAX_WALK_DEPTH } from './analysis/walker';
export { DEFAULT_SETTINGS, SETTING_DOCS, explicitEditorValues, sanitizeSettings } from './analysis/settings';
export { CONFIG_FILE_NAME, allowUnregisteredCodeEdits, formatConfigProblem, parseConfigFile } from './analysis/configFile';
export { commentAt, findSuppressions, isSuppressed } from './analysis/suppressions';
export { TEST_FILE_NAMES, TEST_FOLDERS, isTestFile } from './analysis/testFiles';
export type { Settings } from './analysis/settings';
export * from './analysis/types';
export { rules, ruleIds, ruleById } from './rules';
export * as knowledge from './knowledge/statusData';
export { SERVER_NODE_FLAGS } from '../../shared/protocol';
export { ruleDocsUrl, RULE_DOCS_BASE } from './rules/docsUrl';
export { ModuleResolver } from './project/moduleResolution';
export { memoryFiles } from './project/projectFiles';
