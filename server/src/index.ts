// The pure analysis API (bundled as dist/analysis.js for tests and the benchmark).
export { analyze, analyzeSourceFile } from './analysis/analyze';
export { analyzeText, fixAll, runRules, severityFor } from './analyzeWithRules';
export { applyEdits, changeCodeEdit, computeLineStarts, positionAt } from './analysis/edits';
export { ParseCache, changeRange, parseText, reparse } from './analysis/parse';
export { diffEdit, fixToFixedPoint, preferredNonOverlappingEdits } from './analysis/fixAll';
export { partialReason } from './analysis/limits';
export { routesOfFile } from './analysis/routeMap';
export { mountsOfFile } from './analysis/routeMounts';
export { joinRoutePath, routePrefixes } from './project/routePrefixes';
export {
  CLI_SIZE_LIMIT,
  EDITOR_SIZE_LIMIT,
  analyseOrFail,
  decodeSource,
  failureReason,
  notSourceReason,
  readSource,
  readSourceAsync,
  skipReason,
} from './project/sourcePolicy';
export { MAX_WALK_DEPTH } from './analysis/walk/contract';
export { DEFAULT_SETTINGS, SETTING_DOCS, explicitEditorValues, ruleOptions, sanitizeSettings } from './settingsWithRules';
export { defineOption, optionsOf, readOption } from './analysis/options';
export { CONFIG_FILE_NAME, allowUnregisteredCodeEdits, formatConfigProblem, parseConfigFile } from './project/configFile';
export { commentAt, findSuppressions, isSuppressed } from './analysis/suppressions';
export { TEST_FILE_NAMES, TEST_FOLDERS, isTestFile } from './analysis/testFiles';
export type { Settings } from './settingsWithRules';
export * from './analysis/types';
export { rules, ruleIds, ruleById } from './rules';
export { defineRule, renderMessage, slotsOf } from './rules/support/defineRule';
export * as knowledge from './knowledge/statusData';
export { SERVER_NODE_FLAGS } from '../../shared/protocol';
export { ruleDocsUrl, RULE_DOCS_BASE } from './rules/support/docsUrl';
export { ModuleResolver } from './project/moduleResolution';
export { memoryFiles } from './project/projectFiles';
