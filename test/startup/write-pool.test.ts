import { startTestServer } from '../support/server';

/**
 * The smallest write pool the settings allow (DB_WRITE_POOL_SIZE=1): the start holds the migration lock on one
 * connection and must migrate on that same connection, not wait for a second one that does not exist.
 */
it('starts and answers with a write pool of one connection', async () => {
  const server = await startTestServer({ DB_WRITE_POOL_SIZE: '1' });
  try {
    const res = await server.graphql<{ vendors: { totalCount: number } }>(
      '{ vendors(first: 1) { totalCount } }',
    );
    expect(res.body).toEqual({ data: { vendors: { totalCount: 25 } } });
  } finally {
    await server.stop();
  }
});
