import { BadUserInputError } from '../../src/errors';
import { fromGlobalId, toGlobalId } from '../../src/shared/global-id';
import { encodeCursor, pageRequest, toConnection } from '../../src/shared/pagination';

describe('pageRequest', () => {
  it('defaults to the first 20 items', () => {
    expect(pageRequest({})).toEqual({ offset: 0, limit: 20 });
  });

  it('continues right after the cursor it was given', () => {
    expect(pageRequest({ first: 5, after: encodeCursor(9) })).toEqual({ offset: 10, limit: 5 });
  });

  it.each([201, -1, 2.5])('rejects first = %p, naming the argument', (first) => {
    expect(() => pageRequest({ first })).toThrow(BadUserInputError);
    try {
      pageRequest({ first });
    } catch (e) {
      expect((e as BadUserInputError).extensions).toEqual({
        code: 'BAD_USER_INPUT',
        argumentName: 'first',
        limit: { name: 'pageSize', max: 200 },
      });
    }
  });

  it.each(['', 'xyz', Buffer.from('o:-1').toString('base64url'), Buffer.from('o:01').toString('base64url')])(
    'rejects the malformed cursor %p',
    (after) => {
      expect(() => pageRequest({ after })).toThrow('after is not a cursor returned by this connection.');
    },
  );
});

describe('toConnection', () => {
  it('gives each edge its cursor and says whether pages remain on either side', () => {
    expect(toConnection({ rows: ['c', 'd'], totalCount: 5, offset: 2 })).toEqual({
      edges: [
        { cursor: encodeCursor(2), node: 'c' },
        { cursor: encodeCursor(3), node: 'd' },
      ],
      nodes: ['c', 'd'],
      totalCount: 5,
      pageInfo: {
        hasNextPage: true,
        hasPreviousPage: true,
        startCursor: encodeCursor(2),
        endCursor: encodeCursor(3),
      },
    });
  });

  it('on an empty page has no cursors and no next page', () => {
    expect(toConnection({ rows: [], totalCount: 0, offset: 0 }).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});

describe('global ids', () => {
  it('round-trip type and database id', () => {
    expect(fromGlobalId(toGlobalId('Hypervisor', 42))).toEqual({ typeName: 'Hypervisor', id: 42 });
  });

  it.each(['', 'SGVsbG8=', toGlobalId('Vendor', 0), Buffer.from('vendor:1').toString('base64')])(
    'rejects %p as not a virtlens id',
    (id) => {
      expect(() => fromGlobalId(id)).toThrow('id is not a valid virtlens id.');
    },
  );
});
