// One analysis per (document, version): hover, hints, completion, code actions and diagnostics all
// read the same result. Parsing is incremental across versions through ParseCache.
import type ts from 'typescript';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeSourceFile, type RuleRun } from '../analysis/analyze';
import { runRules } from '../analyzeWithRules';
import { ParseCache } from '../analysis/parse';
import type { Settings } from '../settingsWithRules';
import type { FileAnalysis } from '../analysis/types';
import { partialReason } from '../analysis/limits';
import { analyseOrFail, skipReason } from '../project/sourcePolicy';

export interface DocumentAnalysis {
  uri: string;
  version: number;
  analysis: FileAnalysis;
  run: RuleRun;
  settings: Settings;
}

export type Skipped = { skipped: string };

/**
 * Analyses (each with its syntax tree, ~40x the text) kept for the most recently used documents.
 * Requests come for the document being edited or hovered; the others' diagnostics are already
 * published, and re-analysing one on demand takes milliseconds. This bounds memory with thousands of
 * files open.
 */
export const ANALYSES_KEPT = 24;

export class AnalysisCache {
  private readonly parses = new ParseCache(ANALYSES_KEPT);
  /** Least recently used first, at most ANALYSES_KEPT. */
  private readonly analyses = new Map<string, DocumentAnalysis>();
  /** Skips are tiny and kept for every document, so their log line is said once. */
  private readonly skips = new Map<string, Skipped>();

  /**
   * `checked`: whether the rules run on a document (not for test files unless enabled, see
   * lsp/testFiles.ts); its hovers, inlay hints and completion come from the analysis either way.
   */
  constructor(
    private readonly log: (line: string) => void,
    private readonly checked: (uri: string, settings: Settings) => boolean = () => true,
  ) {}

  private keep(result: DocumentAnalysis): void {
    this.skips.delete(result.uri);
    this.analyses.delete(result.uri);
    this.analyses.set(result.uri, result);
    if (this.analyses.size > ANALYSES_KEPT) this.analyses.delete(this.analyses.keys().next().value as string);
  }

  private skip(uri: string, skipped: Skipped): Skipped {
    this.analyses.delete(uri);
    this.skips.set(uri, skipped);
    return skipped;
  }

  /** Analyse `doc` at its current version (cached). Never throws: failures become a skip with a reason. */
  get(doc: TextDocument, settings: Settings): DocumentAnalysis | Skipped {
    const hit = this.peek(doc.uri);
    if (hit && 'version' in hit && hit.version === doc.version && hit.settings === settings) {
      this.keep(hit);
      return hit;
    }
    const text = doc.getText();
    const reason = skipReason(text, settings.maxFileSizeKb);
    if (reason) {
      // One line when a file becomes skipped, not one per keystroke while it stays skipped.
      if (!(hit && 'skipped' in hit)) this.log(`${doc.uri}: not analysed: ${reason}`);
      this.parses.delete(doc.uri);
      return this.skip(doc.uri, { skipped: reason });
    }
    const run = analyseOrFail(
      () => this.parses.get(doc.uri, doc.version, fileNameOf(doc.uri), text),
      (sf) => {
        // The previous version's walk: statements the edit did not touch are not walked again.
        const analysis = analyzeSourceFile(sf, hit && 'version' in hit ? hit.analysis : undefined);
        const rules: RuleRun = this.checked(doc.uri, settings)
          ? runRules(analysis, text, fileNameOf(doc.uri), settings)
          : { findings: [], suppressed: [], ruleErrors: [] };
        return { analysis, rules };
      },
    );
    if (run.failed !== undefined) {
      // A bug in the analysis must not take the server down: report it once and answer nothing.
      this.parses.delete(doc.uri);
      if (!(hit && 'skipped' in hit && hit.skipped === run.failed)) this.log(`${doc.uri}: not analysed: ${run.failed}`);
      return this.skip(doc.uri, { skipped: run.failed });
    }
    const { analysis, rules } = run.result;
    for (const e of rules.ruleErrors) this.log(`${doc.uri}: rule ${e.ruleId} failed: ${e.error}`);
    const partial = partialReason(analysis);
    if (partial && !(hit && 'version' in hit && hit.analysis.depthLimitAt !== undefined)) this.log(`${doc.uri}: ${partial}`);
    const result: DocumentAnalysis = { uri: doc.uri, version: doc.version, analysis, run: rules, settings };
    this.keep(result);
    return result;
  }

  /**
   * The tree of `doc` at its current version without analysing it (completion needs only this),
   * parsed incrementally and shared with the next analysis. Undefined for files the analysis skips.
   */
  sourceFile(doc: TextDocument, settings: Settings): ts.SourceFile | undefined {
    const text = doc.getText();
    if (skipReason(text, settings.maxFileSizeKb)) return undefined;
    try {
      return this.parses.get(doc.uri, doc.version, fileNameOf(doc.uri), text);
    } catch {
      this.parses.delete(doc.uri);
      return undefined;
    }
  }

  peek(uri: string): DocumentAnalysis | Skipped | undefined {
    return this.analyses.get(uri) ?? this.skips.get(uri);
  }

  delete(uri: string): void {
    this.analyses.delete(uri);
    this.skips.delete(uri);
    this.parses.delete(uri);
  }

  clear(): void {
    this.analyses.clear();
    this.skips.clear();
    this.parses.clear();
  }
}

export function fileNameOf(uri: string): string {
  // The whole path, not just the base name: framework detection reads it (Next.js app/**/route.ts,
  // pages/api/**), so the editor and the CLI must see the same name for the same file.
  const q = uri.split(/[?#]/)[0];
  const path = decodeURIComponent(q.replace(/^[a-z][a-z0-9+.-]*:(\/\/[^/]*)?/i, ''));
  const name = path.slice(path.lastIndexOf('/') + 1);
  // untitled:Untitled-1 has no extension: parse as TypeScript-flavoured JS.
  return /\.[a-z]+$/i.test(name) ? path : `${path}.ts`;
}
