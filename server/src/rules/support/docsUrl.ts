// Where each rule's documentation lives (docs/rules/<id>.md in the repository): the editor's diagnostic
// links, SARIF's helpUri and the settings' descriptions all point here.
export const RULE_DOCS_BASE = 'https://github.com/status-hints/status-hints/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${ruleId}.md`;
}
