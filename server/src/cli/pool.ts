// Large runs on all cores: files are handed to worker threads in small batches (whoever is free takes
// the next), and results come back in input order. Workers run this same bundle (see main.ts).
import * as os from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { Settings } from '../settingsWithRules';
import { checkFile, type FileOutcome, type FixMode } from './check';

/** Below this many files, starting workers (each loads its own TypeScript) costs more than it saves. */
export const WORKER_MIN_FILES = 200;
/**
 * Measured on 2 cores (2,000 files, 9.2 MB): one thread 9.4-9.7 s, two workers 10.1-14.8 s. Each
 * worker loads and warms its own TypeScript (+40% CPU in all) and one thread already keeps the second
 * core busy with garbage collection. So `auto` uses workers only from 4 cores (not measured here).
 */
export const WORKER_MIN_CORES = 4;
const BATCH = 16;

export type Concurrency = number | 'auto';

interface WorkerInput {
  statusHintsWorker: true;
  fix: FixMode;
}
/** Files carry their settings by index into `settings`, sent with the first batch that needs them. */
type ToWorker = { batch: { index: number; file: string; settings: number }[]; settings: Settings[] } | { stop: true };
type FromWorker = { results: { index: number; outcome: FileOutcome }[] };

export function workerCount(files: number, concurrency: Concurrency): number {
  if (concurrency !== 'auto') return Math.max(1, Math.min(concurrency, files));
  if (files < WORKER_MIN_FILES || os.availableParallelism() < WORKER_MIN_CORES) return 1;
  return Math.max(1, Math.min(os.availableParallelism(), Math.ceil(files / (WORKER_MIN_FILES / 2))));
}

export async function checkFiles(
  files: readonly string[],
  settingsFor: (file: string) => Settings,
  fix: FixMode,
  concurrency: Concurrency,
  onProgress: (done: number) => void = () => undefined,
): Promise<FileOutcome[]> {
  const threads = workerCount(files.length, concurrency);
  if (threads <= 1) {
    const out: FileOutcome[] = [];
    for (const f of files) {
      out.push(checkFile(f, settingsFor(f), fix));
      onProgress(out.length);
    }
    return out;
  }
  const results: FileOutcome[] = new Array(files.length);
  // Most runs have one settings object (one config file): number them rather than copy them per file.
  const table: Settings[] = [];
  const indexOf = new Map<Settings, number>();
  const settingsIndex = (file: string) => {
    const s = settingsFor(file);
    let i = indexOf.get(s);
    if (i === undefined) {
      i = table.push(s) - 1;
      indexOf.set(s, i);
    }
    return i;
  };
  let next = 0;
  let done = 0;
  const nextBatch = (): ToWorker => {
    if (next >= files.length) return { stop: true };
    const batch = files.slice(next, next + BATCH).map((file, i) => ({ index: next + i, file, settings: settingsIndex(file) }));
    next += batch.length;
    return { batch, settings: table };
  };
  const input: WorkerInput = { statusHintsWorker: true, fix };
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(__filename, { workerData: input });
          worker.on('message', (msg: FromWorker) => {
            for (const r of msg.results) results[r.index] = r.outcome;
            done += msg.results.length;
            onProgress(done);
            worker.postMessage(nextBatch());
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker stopped with exit code ${code}`))));
          worker.postMessage(nextBatch());
        }),
    ),
  );
  return results;
}

/** True when this bundle was started as one of checkFiles' workers. */
export function isCheckWorker(): boolean {
  return parentPort !== null && (workerData as Partial<WorkerInput> | undefined)?.statusHintsWorker === true;
}

export function runCheckWorker(): void {
  const { fix } = workerData as WorkerInput;
  const port = parentPort!;
  port.on('message', (msg: ToWorker) => {
    if ('stop' in msg) {
      port.close();
      return;
    }
    const results = msg.batch.map(({ index, file, settings }) => ({ index, outcome: checkFile(file, msg.settings[settings], fix) }));
    port.postMessage({ results } satisfies FromWorker);
  });
}
