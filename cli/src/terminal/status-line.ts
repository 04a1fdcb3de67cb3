// A single line redrawn in place on a terminal (progress while waiting); plain output elsewhere
// must not carry carriage returns, so the line is only drawn when the stream is a TTY.

export interface LineStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export class StatusLine {
  private shown = false;

  constructor(private readonly stream: LineStream) {}

  get enabled(): boolean {
    return Boolean(this.stream.isTTY);
  }

  /** Replaces the status line's text (no-op off a terminal). */
  update(text: string): void {
    if (!this.enabled) return;
    this.stream.write(`\r\x1b[2K${text}`);
    this.shown = true;
  }

  /** Prints permanent output above the status line. */
  print(text: string): void {
    this.clear();
    this.stream.write(text);
  }

  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[2K');
    this.shown = false;
  }
}
