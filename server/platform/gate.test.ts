import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { Gate } from './gate';

describe('Gate', () => {
  it('never lets more than max hold at once, serves the line first come first served, refuses past the line', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
        async (max, queue, steps) => {
          const gate = new Gate(max, queue);
          const held: (() => void)[] = [];
          const order: number[] = [];
          const waiting: number[] = [];
          let n = 0;
          let refused = 0;
          for (const acquire of steps) {
            if (acquire) {
              const id = n++;
              const before = gate.active + gate.queued;
              const p = gate.acquire();
              if (before >= max + queue) {
                await expect(p).rejects.toBeInstanceOf(AppError);
                refused++;
                continue;
              }
              if (gate.queued > 0 && before >= max) waiting.push(id);
              void p.then((release) => {
                order.push(id);
                held.push(release);
              });
            } else if (held.length) held.shift()!();
            await new Promise((r) => setImmediate(r));
            expect(gate.active).toBeLessThanOrEqual(max);
            expect(gate.queued).toBeLessThanOrEqual(queue);
            expect(held.length).toBe(gate.active);
          }
          // Those that waited were let in in the order they came.
          const admittedFromLine = order.filter((id) => waiting.includes(id));
          expect(admittedFromLine).toEqual(waiting.slice(0, admittedFromLine.length));
          expect(refused + order.length + gate.queued).toBe(n);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a release given twice frees one place only', async () => {
    const gate = new Gate(1, 1);
    const release = await gate.acquire();
    const next = gate.acquire();
    release();
    release();
    await next;
    expect(gate.active).toBe(1);
    expect(gate.queued).toBe(0);
  });
});
