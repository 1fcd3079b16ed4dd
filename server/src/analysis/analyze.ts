// The pure entry point: text (or a parsed tree) in, sites and findings out. Shared by the language
// server and the CLI, so both give the same findings for the same file.
import type ts from 'typescript';
import { ruleById, rules } from '../rules';
import { computeLineStarts, positionAt } from './edits';
import { link } from './link';
import { parseText } from './parse';
import type { Settings } from './settings';
import { registeredHandlers } from './scope';
import { recognizers } from './sites';
import { findSuppressions, isSuppressed } from './suppressions';
import type { FileAnalysis, Finding, Severity, SeveritySetting } from './types';
import { walk } from './walker';

/**
 * `previous`: the analysis of an earlier version whose tree `sf` was re-parsed from (ts.updateSourceFile):
 * top-level statements the edit did not touch keep their facts and are not walked again.
 */
export function analyzeSourceFile(sf: ts.SourceFile, previous?: FileAnalysis): FileAnalysis {
  const walked = walk(sf, recognizers, previous?.walk);
  const { sites, sends } = link(walked, sf);
  const lineStarts = computeLineStarts(sf.text);
  return {
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
  };
}

export function severityFor(ruleId: string, settings: Settings): SeveritySetting {
  const override = settings.rules[ruleId];
  if (override) return override;
  const rule = ruleById(ruleId);
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

export function runRules(analysis: FileAnalysis, text: string, fileName: string, settings: Settings): RuleRun {
  const out: RuleRun = { findings: [], suppressed: [], ruleErrors: [] };
  const seen = forRules(analysis);
  const ctx = { text, fileName, analysis: seen, sites: seen.sites, settings };
  for (const rule of rules) {
    const severity = severityFor(rule.id, settings);
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
      const finding: Finding = { ruleId: rule.id, severity: severity as Severity, message: r.message, start: r.start, end: r.end, fixes: r.fixes };
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

/** Parse and analyse one file's text. */
export function analyzeText(text: string, fileName: string, settings: Settings, sourceFile?: ts.SourceFile): TextAnalysis {
  const sf = sourceFile ?? parseText(fileName, text);
  const analysis = analyzeSourceFile(sf);
  return { ...runRules(analysis, text, fileName, settings), analysis, sourceFile: sf };
}
