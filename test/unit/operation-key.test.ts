import { BoundedCache, MAX_OPERATION_KEY, operationKey } from '../../src/graphql/bounded-cache';

describe('operation keys of the per-operation caches (cost, argument check)', () => {
  it('differ by document hash, operation name and variables', () => {
    const keys = [
      operationKey({ queryHash: 'a', operationName: null, request: {} }),
      operationKey({ queryHash: 'b', operationName: null, request: {} }),
      operationKey({ queryHash: 'a', operationName: 'Q', request: {} }),
      operationKey({ queryHash: 'a', operationName: null, request: { variables: { slug: 'kvm' } } }),
      operationKey({ queryHash: 'a', operationName: null, request: { variables: { slug: 'xen' } } }),
    ];
    expect(new Set(keys).size).toBe(5);
    expect(keys[0]).toBe(operationKey({ queryHash: 'a', operationName: null, request: { variables: {} } }));
  });

  it('are null for variables too big to remember, so a cache holds at most its capacity of small keys', () => {
    const big = { text: 'x'.repeat(MAX_OPERATION_KEY) };
    expect(operationKey({ queryHash: 'a', operationName: null, request: { variables: big } })).toBeNull();
  });

  it('a bounded cache drops the least recently read entry beyond its capacity', () => {
    const cache = new BoundedCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
  });
});
