import { describe, expect, it } from 'vitest';
import { WriteBudget } from './write-budget';

/** A budget on a fake clock: sleeping moves the clock. */
function fakeBudget(options: { share?: number; maxWaitMs?: number; maxQueue?: number } = {}) {
  const clock = { t: 0 };
  const budget = new WriteBudget({
    share: options.share ?? 0.5,
    windowMs: 1000,
    maxWaitMs: options.maxWaitMs ?? 2000,
    maxQueue: options.maxQueue ?? 4,
    now: () => clock.t,
    sleep: async (ms) => {
      clock.t += ms;
    },
  });
  return { clock, budget };
}

describe('WriteBudget', () => {
  it('lets one write in at a time', async () => {
    const { clock, budget } = fakeBudget({ maxWaitMs: 100 });
    const leave = await budget.enter();
    await expect(budget.enter()).rejects.toMatchObject({ code: 'unavailable', status: 503 });
    clock.t += 10;
    leave();
    leave(); // ending a turn twice changes nothing
    expect(budget.usedMs()).toBe(110);
    const next = await budget.enter();
    next();
  });

  it('waits while writes used their share of the window, then admits', async () => {
    const { clock, budget } = fakeBudget();
    const leave = await budget.enter();
    clock.t += 600;
    leave();
    expect(budget.usedMs()).toBe(600);
    const started = clock.t;
    const again = await budget.enter();
    // The 600 ms span must slide out of the window far enough to leave it under 500 ms.
    expect(clock.t - started).toBeGreaterThanOrEqual(100);
    again();
  });

  it('refuses when the wait would be too long or the queue is full', async () => {
    const { clock, budget } = fakeBudget({ maxWaitMs: 50 });
    const leave = await budget.enter();
    clock.t += 900;
    leave();
    await expect(budget.enter()).rejects.toMatchObject({ code: 'unavailable' });
    const full = fakeBudget({ maxQueue: 0 });
    await expect(full.budget.enter()).rejects.toMatchObject({ details: { retryAfterSeconds: 1 } });
  });
});
