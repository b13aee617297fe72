import { EXAMPLE_TABS } from '../../src/graphiql/examples';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('GraphiQL example tabs', () => {
  it.each(EXAMPLE_TABS.map((tab) => [/query (\w+)/.exec(tab.query)![1], tab] as const))(
    '%s runs without errors and answers with data',
    async (_name, tab) => {
      const res = await server.graphql(
        tab.query,
        tab.variables ? (JSON.parse(tab.variables) as Record<string, unknown>) : undefined,
      );
      expect(res.body.errors).toBeUndefined();
      const [root] = Object.values(res.body.data ?? {});
      expect(root).toBeTruthy();
      expect(JSON.stringify(root).length).toBeGreaterThan(100);
    },
  );
});
