import type { Logger } from './logger';

/**
 * A warning that may happen on every request (the database away: thousands a second) logged as one line per
 * interval with how many times it happened, instead of one line per occurrence. The first occurrence is logged
 * at once (`count: 1`); those after it are counted, and at the end of each interval that saw any, one line says
 * how many (`count`, `intervalMs`), with the last reason. An interval without occurrences ends the series: the
 * next occurrence is logged at once again.
 */
export class OccurrenceLog {
  private pending = 0;
  private lastReason = '';
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly logger: Logger,
    private readonly message: string,
    private readonly intervalMs = 10_000,
  ) {}

  /** Records one occurrence; `reason` is a one-line description (an error's message, never its stack). */
  record(reason: string): void {
    if (this.timer) {
      this.pending += 1;
      this.lastReason = reason;
      return;
    }
    this.logger.warn({ count: 1, reason }, this.message);
    this.startInterval();
  }

  private startInterval(): void {
    this.timer = setTimeout(() => this.endInterval(), this.intervalMs);
    // A pending count never keeps the process alive.
    this.timer.unref();
  }

  private endInterval(): void {
    this.timer = null;
    if (this.pending === 0) return;
    this.logger.warn(
      { count: this.pending, intervalMs: this.intervalMs, reason: this.lastReason },
      this.message,
    );
    this.pending = 0;
    this.startInterval();
  }
}
