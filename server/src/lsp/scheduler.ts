/**
 * Debounces re-analysis of edited documents. Edits mark a key pending; the work runs once after
 * a quiet period, or at once when a request needs fresh results (`flush`). Tests never wait on
 * the timer: they await the response or notification the flush produces.
 */
export class Debouncer {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly delayMs: number,
    private readonly run: (keys: readonly string[]) => void,
  ) {}

  /** Runs `key` (with whatever else is pending) once nothing more is scheduled for the delay, or for `delayMs`. */
  schedule(key: string, delayMs: number = this.delayMs): void {
    this.pending.add(key);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), delayMs);
  }

  has(key: string): boolean {
    return this.pending.has(key);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    const keys = [...this.pending];
    this.pending.clear();
    this.run(keys);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }
}
