import { AppError } from './errors';

/**
 * A concurrency cap with a bounded line: at most `max` holders at once, at most `queue` waiting (first come,
 * first served); one more is refused at once with 429 `server.public_queue_full` and a Retry-After, so that
 * a crowd of anonymous heavy reads can neither fill the event loop nor the memory, and staff requests (which
 * never pass through a gate) keep being answered.
 */
export class Gate {
  private holders = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly max: number,
    readonly queue: number,
    readonly retryAfterSeconds = 5,
  ) {}

  get active(): number {
    return this.holders;
  }
  get queued(): number {
    return this.waiting.length;
  }

  /** Take a place (waiting in line if need be); the returned function gives it back, once. */
  async acquire(): Promise<() => void> {
    if (this.holders < this.max) {
      this.holders++;
    } else if (this.waiting.length < this.queue) {
      // The place is handed over by release(): the holder count stays the same.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      throw new AppError('server.public_queue_full', { retryAfter: this.retryAfterSeconds });
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.holders--;
    };
  }

  /** Run `work` holding a place. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

const publicGates = new WeakMap<object, Gate>();

/** The one gate of an app (one per instance) for heavy reads by callers outside the department. */
export function publicHeavyGate(
  app: object,
  config: { PUBLIC_HEAVY_CONCURRENCY: number; PUBLIC_HEAVY_QUEUE: number },
): Gate {
  let gate = publicGates.get(app);
  if (!gate) {
    gate = new Gate(config.PUBLIC_HEAVY_CONCURRENCY, config.PUBLIC_HEAVY_QUEUE);
    publicGates.set(app, gate);
  }
  return gate;
}
