// The pure entry point: a parsed tree and the rules to run in, sites and findings out. Shared by the
// language server and the CLI, so both give the same findings for the same file. The rules are passed
// in (the registry lives in server/src/rules/): the analysis depends on no rule.
import type ts from 'typescript';
import { computeLineStarts, positionAt } from './edits';
import { link } from './link';
import { parseText } from './parse';
import type { CoreSettings } from './settings';
import { registeredHandlers } from './scope';
import { recognizers } from './sites';
import { findSuppressions, isSuppressed } from './suppressions';
import type { FileAnalysis, Finding, Fix, Severity, SeveritySetting, Span, StatusSite } from './types';
import { walk } from './walk/visitor';

/**
 * `previous`: the analysis of an earlier version whose tree `sf` was re-parsed from (ts.updateSourceFile):
 * top-level statements the edit did not touch keep their facts and are not walked again. `previous`
 * is only read: it stays the analysis of its own version.
 */
export function analyzeSourceFile(sf: ts.SourceFile, previous?: FileAnalysis): FileAnalysis {
  const walked = walk(sf, recognizers, previous?.walk);
  const { sites, sends } = link(walked, sf);
  const lineStarts = computeLineStarts(sf.text);
  return frozen({
    sourceFile: sf,
    sites,
    sends,
    registeredHandlers: registeredHandlers(walked.vouches),
    statusSlots: walked.slots,
    suppressions: findSuppressions(sf, lineStarts),
    nodesVisited: walked.nodesVisited,
    depthLimitAt: walked.depthLimitAt,
    lineStarts,
    walk: walked,
  });
}

/**
 * The analysis, its lists and the walk's, made read-only (shallowly: a few freezes per analysis):
 * a write by the next version's analysis, a rule or a request handler fails (a TypeError in strict
 * code such as the tests) instead of changing what every other reader of this version sees.
 */
function frozen(analysis: FileAnalysis): FileAnalysis {
  Object.freeze(analysis.sites);
  Object.freeze(analysis.sends);
  Object.freeze(analysis.statusSlots);
  Object.freeze(analysis.lineStarts);
  const w = analysis.walk;
  if (w) {
    for (const list of [w.sites, w.headers, w.sends, w.escapes, w.slots, w.routes, w.vouches, w.segments]) Object.freeze(list);
    for (const segment of w.segments) Object.freeze(segment);
    Object.freeze(w);
  }
  return Object.freeze(analysis);
}

/** What a rule sees (server/src/rules/types.ts's RuleContext is this). */
export interface RuleInput {
  readonly text: string;
  readonly fileName: string;
  readonly analysis: FileAnalysis;
  readonly sites: readonly StatusSite[];
  readonly settings: CoreSettings;
}

/** What the analysis needs of a rule: its id, severities and check (server/src/rules/types.ts's Rule has them). */
export interface AnalysisRule {
  readonly id: string;
  readonly defaultSeverity: SeveritySetting;
  readonly strictSeverity?: SeveritySetting;
  check(input: RuleInput): (Span & { message: string; fixes: Fix[]; messageId?: string })[];
}

export interface AnalyzeOptions {
  readonly rules: readonly AnalysisRule[];
  readonly settings: CoreSettings;
  /** The analysis of the version `sf` was re-parsed from (see analyzeSourceFile). */
  readonly previous?: FileAnalysis;
  /** The name findings are reported for: the tree's own file name by default. */
  readonly fileName?: string;
}

/** A rule's severity under the settings: an override, else the preset's; 'off' for no rule. */
export function severityFor(rule: AnalysisRule | undefined, settings: CoreSettings): SeveritySetting {
  const override = rule && settings.rules[rule.id];
  if (override) return override;
  if (!rule) return 'off';
  return settings.preset === 'strict' ? (rule.strictSeverity ?? rule.defaultSeverity) : rule.defaultSeverity;
}

export interface RuleRun {
  findings: Finding[];
  /** Findings silenced by a status-hints-disable comment: reported by the CLI, never dropped silently. */
  suppressed: Finding[];
  /** Rules that threw: the analysis goes on without them. */
  ruleErrors: { ruleId: string; error: string }[];
}

/** What rules see: everything but the answers of test doubles (mocks, a replaced fetch), which are not this server's. */
function forRules(analysis: FileAnalysis): FileAnalysis {
  if (!analysis.sites.some((s) => s.testDouble) && !analysis.sends.some((s) => s.testDouble)) return analysis;
  return { ...analysis, sites: analysis.sites.filter((s) => !s.testDouble), sends: analysis.sends.filter((s) => !s.testDouble) };
}

/** Run `rules` on an analysis; a rule that throws is reported in ruleErrors, the others still run. */
export function runRules(analysis: FileAnalysis, { rules, settings, fileName = analysis.sourceFile.fileName }: Omit<AnalyzeOptions, 'previous'>): RuleRun {
  const out: RuleRun = { findings: [], suppressed: [], ruleErrors: [] };
  const seen = forRules(analysis);
  const text = analysis.sourceFile.text;
  const ctx: RuleInput = { text, fileName, analysis: seen, sites: seen.sites, settings };
  for (const rule of rules) {
    const severity = severityFor(rule, settings);
    if (severity === 'off') continue;
    let reports;
    try {
      reports = rule.check(ctx);
    } catch (e) {
      out.ruleErrors.push({ ruleId: rule.id, error: e instanceof Error ? e.message : String(e) });
      continue;
    }
    for (const r of reports) {
      if (r.start < 0 || r.end > text.length || r.end < r.start) continue;
      const finding: Finding = {
        ruleId: rule.id,
        severity: severity as Severity,
        message: r.message,
        start: r.start,
        end: r.end,
        fixes: r.fixes,
        ...(r.messageId ? { messageId: r.messageId } : {}),
      };
      const line = positionAt(analysis.lineStarts, r.start).line;
      (isSuppressed(analysis.suppressions, rule.id, line) ? out.suppressed : out.findings).push(finding);
    }
  }
  out.findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  return out;
}

export interface TextAnalysis extends RuleRun {
  analysis: FileAnalysis;
  sourceFile: ts.SourceFile;
}

/** Analyse a parsed file and run the rules on it. */
export function analyze(sf: ts.SourceFile, options: AnalyzeOptions): TextAnalysis {
  const analysis = analyzeSourceFile(sf, options.previous);
  return { ...runRules(analysis, options), analysis, sourceFile: sf };
}

/** Parse and analyse one file's text (`sourceFile`: the text already parsed). */
export function analyzeText(text: string, fileName: string, options: Omit<AnalyzeOptions, 'previous' | 'fileName'>, sourceFile?: ts.SourceFile): TextAnalysis {
  return analyze(sourceFile ?? parseText(fileName, text), { ...options, fileName });
}
