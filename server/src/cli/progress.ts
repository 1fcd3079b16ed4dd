// "files done / total" on stderr while a long run works, only on a terminal: a pipe or a CI log
// gets nothing, so machine-read output stays clean.

const SHOW_AFTER_MS = 300;
const EVERY_MS = 100;

export class Progress {
  private readonly started = Date.now();
  private lastDrawn = 0;
  private shown = false;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled = !!stream.isTTY,
  ) {}

  update(done: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < SHOW_AFTER_MS || now - this.lastDrawn < EVERY_MS) return;
    this.lastDrawn = now;
    this.shown = true;
    this.stream.write(`\rstatus-hints: ${done}/${this.total} files`);
  }

  finish(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
  }
}
