// One analysis per (document, version): hover, hints, completion, code actions and diagnostics all
// read the same result. Parsing is incremental across versions through ParseCache.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeSourceFile, runRules, type RuleRun } from '../analysis/analyze';
import { ParseCache } from '../analysis/parse';
import type { Settings } from '../analysis/settings';
import type { FileAnalysis } from '../analysis/types';
import { skipReason } from '../analysis/limits';

export interface DocumentAnalysis {
  uri: string;
  version: number;
  analysis: FileAnalysis;
  run: RuleRun;
  settings: Settings;
}

export type Skipped = { skipped: string };

export class AnalysisCache {
  private readonly parses = new ParseCache();
  private readonly results = new Map<string, DocumentAnalysis | Skipped>();

  constructor(private readonly log: (line: string) => void) {}

  /** Analyse `doc` at its current version (cached). Never throws: failures become a skip with a reason. */
  get(doc: TextDocument, settings: Settings): DocumentAnalysis | Skipped {
    const hit = this.results.get(doc.uri);
    if (hit && 'version' in hit && hit.version === doc.version && hit.settings === settings) return hit;
    const text = doc.getText();
    const reason = skipReason(text, settings.maxFileSizeKb);
    if (reason) {
      if (!(hit && 'skipped' in hit && hit.skipped === reason)) this.log(`${doc.uri}: not analysed: ${reason}`);
      this.parses.delete(doc.uri);
      const skipped = { skipped: reason };
      this.results.set(doc.uri, skipped);
      return skipped;
    }
    try {
      const sf = this.parses.get(doc.uri, doc.version, fileNameOf(doc.uri), text);
      const analysis = analyzeSourceFile(sf);
      const run = runRules(analysis, text, doc.uri, settings);
      for (const e of run.ruleErrors) this.log(`${doc.uri}: rule ${e.ruleId} failed: ${e.error}`);
      const result: DocumentAnalysis = { uri: doc.uri, version: doc.version, analysis, run, settings };
      this.results.set(doc.uri, result);
      return result;
    } catch (e) {
      // A bug in the analysis must not take the server down: report it once and answer nothing.
      this.parses.delete(doc.uri);
      const skipped = { skipped: `internal error: ${e instanceof Error ? e.message : String(e)}` };
      this.log(`${doc.uri}: ${skipped.skipped}`);
      this.results.set(doc.uri, skipped);
      return skipped;
    }
  }

  peek(uri: string): DocumentAnalysis | Skipped | undefined {
    return this.results.get(uri);
  }

  delete(uri: string): void {
    this.results.delete(uri);
    this.parses.delete(uri);
  }

  clear(): void {
    this.results.clear();
    this.parses.clear();
  }
}

export function fileNameOf(uri: string): string {
  const q = uri.split(/[?#]/)[0];
  const slash = q.lastIndexOf('/');
  const name = decodeURIComponent(q.slice(slash + 1));
  // untitled:Untitled-1 has no extension: parse as TypeScript-flavoured JS.
  return /\.[a-z]+$/i.test(name) ? name : `${name}.ts`;
}
