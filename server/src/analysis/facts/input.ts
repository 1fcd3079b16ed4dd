// What a fact about a site reads. A rule's context is one (rules/types.ts's FactsInput has these
// fields): the sites rules see (test doubles left out), the text, and the name findings are reported for.
import type { FileAnalysis, StatusSite } from '../types';

export interface FactsInput {
  readonly text: string;
  readonly fileName: string;
  readonly analysis: FileAnalysis;
  readonly sites: readonly StatusSite[];
}
