// Offsets ↔ LSP positions, findings → diagnostics.
import { Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity, Span } from '../analysis/types';
import { ruleDocsUrl } from '../rules/support/docsUrl';

export const SOURCE = 'status-hints';

export function rangeOf(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticData {
  /** The document version the finding was computed for: fixes are only offered for that version. */
  version: number;
}

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  return {
    range: rangeOf(doc, f),
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.ruleId,
    codeDescription: { href: ruleDocsUrl(f.ruleId) },
    message: f.message,
    data: { version: doc.version } satisfies DiagnosticData,
  };
}
