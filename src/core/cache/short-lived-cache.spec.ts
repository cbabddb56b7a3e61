import { ShortLivedCache } from './short-lived-cache';

describe(ShortLivedCache.name, () => {
  let now = 1_000;
  const clock = () => now;
  const counting = () => {
    let reads = 0;
    return { load: (v: string | null) => () => ((reads += 1), Promise.resolve(v)), reads: () => reads };
  };

  beforeEach(() => {
    now = 1_000;
  });

  it('should answer from the cache until the time is up, then read again', async () => {
    const sut = new ShortLivedCache<number, string | null>(5_000, 100, clock);
    const db = counting();
    expect(await sut.through(1, db.load('An'))).toBe('An');
    now += 4_999;
    expect(await sut.through(1, db.load('Bình'))).toBe('An');
    expect(db.reads()).toBe(1);
    now += 1;
    expect(await sut.through(1, db.load('Bình'))).toBe('Bình');
    expect(db.reads()).toBe(2);
  });

  it('should cache "not found" (null) too', async () => {
    const sut = new ShortLivedCache<number, string | null>(5_000, 100, clock);
    const db = counting();
    expect(await sut.through(7, db.load(null))).toBeNull();
    expect(await sut.through(7, db.load('late'))).toBeNull();
    expect(db.reads()).toBe(1);
  });

  it('should read again after forget, forgetWhere and clear', async () => {
    const sut = new ShortLivedCache<number, string | null>(5_000, 100, clock);
    await sut.through(1, () => Promise.resolve('old-1'));
    await sut.through(2, () => Promise.resolve('old-2'));
    await sut.through(3, () => Promise.resolve('keep-3'));
    sut.forget(1);
    expect(await sut.through(1, () => Promise.resolve('new-1'))).toBe('new-1');
    sut.forgetWhere((v) => v === 'old-2');
    expect(await sut.through(2, () => Promise.resolve('new-2'))).toBe('new-2');
    expect(sut.get(3)).toBe('keep-3');
    sut.clear();
    expect(sut.get(3)).toBeUndefined();
  });

  it('should not store a read that a forget overtook (it may have read the row before the change)', async () => {
    const sut = new ShortLivedCache<number, string | null>(5_000, 100, clock);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = sut.through(1, async () => {
      await gate;
      return 'before the change';
    });
    sut.forget(1);
    release();
    expect(await slow).toBe('before the change');
    expect(sut.get(1)).toBeUndefined();
    expect(await sut.through(1, () => Promise.resolve('after the change'))).toBe('after the change');
  });

  it('should stay within its size and store nothing with a zero lifetime', async () => {
    const small = new ShortLivedCache<number, number>(5_000, 3, clock);
    for (let i = 0; i < 10; i++) await small.through(i, () => Promise.resolve(i));
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((i) => small.get(i) !== undefined).length).toBeLessThanOrEqual(3);
    const none = new ShortLivedCache<number, number>(0, 3, clock);
    await none.through(1, () => Promise.resolve(1));
    expect(none.get(1)).toBeUndefined();
  });
});
