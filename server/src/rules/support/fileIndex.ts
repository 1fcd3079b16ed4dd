// The file index moved to analysis/facts/fileIndex.ts. Kept only for headerEdits.ts and
// responseBody.ts: rules import it from the analysis.
export * from '../../analysis/facts/fileIndex';
