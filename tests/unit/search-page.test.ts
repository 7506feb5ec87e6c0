/** The search page's start-up timing against Pagefind (src/scripts/search-page.ts), on fake timers. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenSearchable } from '../../src/scripts/search-page';

afterEach(() => void vi.useRealTimers());

/** A stand-in for Pagefind: like Pagefind, preload looks whether it is ready at once, then every 50 ms. */
function fakePagefind(readyAt: number) {
  const calls: number[] = [];
  const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));
  const preload = async () => {
    calls.push(Date.now());
    while (Date.now() < readyAt) await sleep(50);
  };
  const pagefind = { options: vi.fn(), init: vi.fn(), filters: vi.fn(), search: vi.fn(), preload };
  return { pagefind, calls };
}

describe('whenSearchable', () => {
  it.each([
    [30, 37.5],
    [5, 12.5],
    [0, 0],
    [60, 62.5],
  ])(
    'goes on within 12.5 ms of Pagefind being ready at %s ms (at %s ms), not at its next 50 ms look',
    async (readyAt, at) => {
      vi.useFakeTimers({ now: 0 });
      const { pagefind, calls } = fakePagefind(readyAt);
      let resolvedAt: number | undefined;
      void whenSearchable(pagefind, 'ceasefire', {}).then(() => (resolvedAt = Date.now()));
      await vi.advanceTimersByTimeAsync(200);
      // Date.now() counts whole milliseconds, also under fake timers.
      expect(resolvedAt).toBe(Math.floor(at));
      // The looks not yet begun when one found Pagefind ready are never made.
      expect(calls.every((t) => t <= at)).toBe(true);
    },
  );
});
