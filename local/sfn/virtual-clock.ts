import type { Clock } from '#ports/cases.ts';

/**
 * Simulated time for the local Step Functions service, the workflow handlers and the API.
 *
 * - `speed: 0` (tests): time stands still until `advanceTo`/`advanceBy`; timers fire only then,
 *   so months of deadlines run in milliseconds and never depend on how fast the machine is.
 * - `speed: n` (`npm start`): virtual time runs n times faster than the wall clock, and timers
 *   fire on real `setTimeout`s in chunks (a single `setTimeout` over ~24.8 days fires at once).
 */
export interface VirtualClockOptions {
  readonly start?: Date;
  /** Virtual milliseconds per real millisecond; 0 = manual. */
  readonly speed?: number;
}

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fire: () => void;
}

/** A real setTimeout above 2^31-1 ms fires immediately; stay well below and re-check. */
const MAX_REAL_CHUNK_MS = 6 * 3_600_000;

export class VirtualClock implements Clock {
  readonly speed: number;
  private baseVirtual: number;
  private baseReal: number;
  private timers: Timer[] = [];
  private seq = 0;
  private realTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: VirtualClockOptions = {}) {
    this.speed = options.speed ?? 0;
    if (!(this.speed >= 0) || !Number.isFinite(this.speed)) throw new RangeError(`Clock speed must be ≥ 0, got ${String(options.speed)}`);
    this.baseVirtual = (options.start ?? new Date()).getTime();
    this.baseReal = Date.now();
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return this.speed > 0 ? this.baseVirtual + (Date.now() - this.baseReal) * this.speed : this.baseVirtual;
  }

  /** Runs `fire` once virtual time reaches `at`; returns a cancel function. */
  schedule(at: number, fire: () => void): () => void {
    const timer: Timer = { at, seq: this.seq++, fire };
    this.timers.push(timer);
    this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.reschedule();
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
      this.reschedule();
    };
  }

  /** The instant of the earliest pending timer, if any. */
  nextTimerAt(): number | undefined {
    return this.timers[0]?.at;
  }

  /** Moves time forward (never back) and fires every timer that is now due, in order. */
  setNow(at: number): void {
    const now = this.nowMs();
    if (at > now) {
      this.baseVirtual = at;
      this.baseReal = Date.now();
    }
    this.fireDue();
  }

  advanceBy(ms: number): void {
    this.setNow(this.nowMs() + ms);
  }

  /** Cancels the real timer so a stopped service leaves nothing behind. */
  dispose(): void {
    if (this.realTimer) clearTimeout(this.realTimer);
    this.realTimer = undefined;
    this.timers = [];
  }

  private fireDue(): void {
    const now = this.nowMs();
    while (this.timers[0] && this.timers[0].at <= now) {
      const timer = this.timers.shift()!;
      timer.fire();
    }
    this.reschedule();
  }

  private reschedule(): void {
    if (this.realTimer) clearTimeout(this.realTimer);
    this.realTimer = undefined;
    const next = this.timers[0];
    if (this.speed === 0 || !next) return;
    const delay = Math.min(Math.max(0, (next.at - this.nowMs()) / this.speed), MAX_REAL_CHUNK_MS);
    this.realTimer = setTimeout(() => this.fireDue(), Math.ceil(delay));
    this.realTimer.unref?.();
  }
}
