// The analysis run with this product's rules (the registry in rules/): what the language server, the
// CLI, the tests and the benchmark call. The analysis itself takes the rules as an argument.
import type ts from 'typescript';
import { analyzeText as analyzeWith, runRules as runWith, severityFor as severityOf, type RuleRun, type TextAnalysis } from './analysis/analyze';
import { fixAll as fixAllWith, type FixAllResult } from './analysis/fixAll';
import type { Settings } from './settingsWithRules';
import type { FileAnalysis, SeveritySetting } from './analysis/types';
import { ruleById, rules } from './rules';

/** Parse one file's text, analyse it and run every rule (`sourceFile`: the text already parsed). */
export function analyzeText(text: string, fileName: string, settings: Settings, sourceFile?: ts.SourceFile): TextAnalysis {
  return analyzeWith(text, fileName, { rules, settings }, sourceFile);
}

/** Every rule on an analysis of `text`. */
export function runRules(analysis: FileAnalysis, text: string, fileName: string, settings: Settings): RuleRun {
  if (analysis.sourceFile.text !== text) throw new Error(`runRules: the text is not the analysed one (${fileName})`);
  return runWith(analysis, { rules, settings, fileName });
}

export function severityFor(ruleId: string, settings: Settings): SeveritySetting {
  const override = settings.rules[ruleId];
  return override ?? severityOf(ruleById(ruleId), settings);
}

/** Fix-all with every rule (see analysis/fixAll.ts). */
export function fixAll(text: string, fileName: string, settings: Settings, firstRun?: RuleRun & { sourceFile?: ts.SourceFile }): FixAllResult {
  return fixAllWith(text, (t) => analyzeText(t, fileName, settings), settings.fixLevel, firstRun);
}
