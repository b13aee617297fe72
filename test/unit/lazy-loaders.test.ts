import { lazyLoaders } from '../../src/shared/lazy-loaders';

describe('lazy loader sets', () => {
  it('make a group only when one of its loaders is first read, once per request, and never the others', () => {
    const made: string[] = [];
    const groups = [
      (s: { tag: string }) => {
        made.push('a');
        return { a1: { of: `${s.tag}-a1` }, a2: { of: `${s.tag}-a2` } };
      },
      (s: { tag: string }) => {
        made.push('b');
        return { b1: { of: `${s.tag}-b1` } };
      },
    ];
    const next = lazyLoaders<{ tag: string }, Record<string, { of: string }>>(groups, { tag: 'x' });
    made.length = 0; // names are learnt once at start-up
    const first = next();
    const second = next();
    expect(made).toEqual([]);
    const a1 = first['a1'];
    expect({ a1, a2: first['a2'], again: first['a1'] === a1, made: [...made] }).toEqual({
      a1: { of: 'x-a1' },
      a2: { of: 'x-a2' },
      again: true,
      made: ['a'],
    });
    expect(second['a1'] === a1).toBe(false);
    expect(made).toEqual(['a', 'a']);
    expect(Object.keys(first)).toEqual(['a1', 'a2']);
  });

  it('refuse two groups that give the same loader name', () => {
    expect(() => lazyLoaders([() => ({ same: 1 }), () => ({ same: 2 })], {})).toThrow(
      'Two loader groups define the loader same.',
    );
  });
});
