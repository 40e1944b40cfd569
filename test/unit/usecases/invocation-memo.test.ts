import { createInvocationMemo } from '../../../src/usecases/invocation-memo';

describe('invocation memo', () => {
  let now = 0;
  const memo = () => createInvocationMemo<{ id: string }, string>({ keyOf: (key) => key.id, now: () => now });
  beforeEach(() => {
    now = 1_000;
  });

  it('keeps a value for its ttl on the injected clock, and forgets it on delete', async () => {
    const cache = memo();
    await cache.set({ id: 'a' }, 'x', 10);
    now += 9_999;
    await expect(cache.get({ id: 'a' })).resolves.toBe('x');
    now += 1;
    await expect(cache.get({ id: 'a' })).resolves.toBeUndefined();

    await cache.set({ id: 'b' }, 'y', 10);
    await cache.delete({ id: 'b' });
    await expect(cache.get({ id: 'b' })).resolves.toBeUndefined();
  });

  it('shares one load among concurrent callers and forgets a failed one', async () => {
    const cache = memo();
    const load = jest.fn(() => Promise.resolve('v'));
    await expect(Promise.all([cache.share({ id: 'a' }, load), cache.share({ id: 'a' }, load)])).resolves.toEqual(['v', 'v']);
    expect(load).toHaveBeenCalledTimes(1);

    const failing = jest.fn(() => Promise.reject(new Error('jira down')));
    await expect(cache.share({ id: 'b' }, failing)).rejects.toThrow('jira down');
    await expect(cache.get({ id: 'b' })).resolves.toBeUndefined();
    await expect(cache.share({ id: 'b' }, load)).resolves.toBe('v');
    expect(failing).toHaveBeenCalledTimes(1);
  });

  it('is one memo per invocation: a new one starts empty', async () => {
    await memo().set({ id: 'a' }, 'x', 10);
    await expect(memo().get({ id: 'a' })).resolves.toBeUndefined();
  });
});
