import { describe, expect, it } from 'vitest';
import type { Db } from './db';
import { versionedMemo } from './memo';

/** The memo is pure bookkeeping around two functions; the databases here are only identities. */
describe('versionedMemo', () => {
  const setup = (size?: number) => {
    const version = new Map<object, number>();
    let computed = 0;
    const memo = versionedMemo(
      async (db) => String(version.get(db) ?? 0),
      async (db, n: number) => {
        computed++;
        if (n < 0) throw new Error('bad');
        return { n, at: version.get(db) ?? 0 };
      },
      size,
    );
    return { memo, version, computed: () => computed };
  };
  const dbA = {} as Db;
  const dbB = {} as Db;

  it('computes once per version and arguments, per database', async () => {
    const { memo, version, computed } = setup();
    const first = await memo(dbA, 1);
    expect(await memo(dbA, 1)).toBe(first);
    expect(computed()).toBe(1);
    await memo(dbA, 2);
    await memo(dbB, 1); // another database at the same version number: its own result
    expect(computed()).toBe(3);
    version.set(dbA, 1);
    const next = await memo(dbA, 1);
    expect(next).not.toBe(first);
    expect(next.at).toBe(1);
    expect(computed()).toBe(4);
  });

  it('shares one computation between concurrent callers, and forgets failures', async () => {
    const { memo, computed } = setup();
    const [x, y] = await Promise.all([memo(dbA, 5), memo(dbA, 5)]);
    expect(x).toBe(y);
    expect(computed()).toBe(1);
    await expect(memo(dbA, -1)).rejects.toThrow('bad');
    await expect(memo(dbA, -1)).rejects.toThrow('bad');
    expect(computed()).toBe(3);
  });

  it('keeps at most `size` results, dropping the least recently used', async () => {
    const { memo, computed } = setup(2);
    await memo(dbA, 1);
    await memo(dbA, 2);
    await memo(dbA, 1); // 1 is now the most recent
    await memo(dbA, 3); // drops 2
    expect(computed()).toBe(3);
    await memo(dbA, 1);
    expect(computed()).toBe(3);
    await memo(dbA, 2);
    expect(computed()).toBe(4);
  });
});
