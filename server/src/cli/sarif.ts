// SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer): every rule with its docs, each
// finding as a result with a 1-based region (UTF-16 columns, as SARIF defaults to), and its fixes.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { positionAt } from '../analysis/edits';
import type { Severity, SeveritySetting } from '../analysis/types';
import { rules } from '../rules';
import { ruleDocsUrl } from '../rules/support/docsUrl';
import type { FileResult } from './report';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const BASE_ID = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note' | 'none';
const LEVEL: Record<SeveritySetting, Level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note', off: 'none' };

function region(lineStarts: readonly number[], start: number, end: number) {
  const a = positionAt(lineStarts, start);
  const b = positionAt(lineStarts, end);
  return { startLine: a.line + 1, startColumn: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
}

/** A path relative to the run's folder as a URI reference; files outside it get an absolute file: URI. */
function artifactLocation(file: string, cwd: string) {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: BASE_ID };
}

export function formatSarif(results: readonly FileResult[], cwd: string, version: string): string {
  const ruleIndex = new Map<string, number>(rules.map((r, i) => [r.id, i]));
  const driverRules = rules.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z0-9])/g, (_, _dash, c: string) => c.toUpperCase()),
    shortDescription: { text: r.docs.summary },
    fullDescription: { text: r.docs.description },
    help: {
      text: `${r.docs.description}\n\nFix: ${r.docs.fixes}`,
      markdown: `${r.docs.description}\n\n**Fix:** ${r.docs.fixes}\n\n[Rule documentation](${ruleDocsUrl(r.id)})`,
    },
    helpUri: ruleDocsUrl(r.id),
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { tags: ['http', 'status-codes', r.basis] },
  }));
  const sarifResults = results.flatMap((r) =>
    r.findings.map((f) => {
      const location = artifactLocation(r.file, cwd);
      return {
        ruleId: f.ruleId,
        ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
        level: LEVEL[f.severity as Severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(r.lineStarts, f.start, f.end) } }],
        ...(f.fixes.length > 0
          ? {
              fixes: f.fixes.map((fix) => ({
                description: { text: fix.title },
                artifactChanges: [
                  {
                    artifactLocation: location,
                    replacements: fix.edits.map((e) => ({ deletedRegion: region(r.lineStarts, e.start, e.end), insertedContent: { text: e.newText } })),
                  },
                ],
              })),
            }
          : {}),
      };
    }),
  );
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'status-hints',
            version,
            semanticVersion: version,
            informationUri: 'https://github.com/status-hints/status-hints',
            rules: driverRules,
          },
        },
        originalUriBaseIds: { [BASE_ID]: { uri: pathToFileURL(cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
