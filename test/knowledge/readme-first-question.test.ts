import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { startTestServer, type TestServer } from '../support/server';

/**
 * The README's "A first question": every curl in it is sent as written, and the answer must be the one the
 * README prints under it (numbers to the three significant digits it shows).
 */
const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### A first question'), readme.indexOf('## Configuration'));
const examples = [...section.matchAll(/-d '(\{"query":[\s\S]*?\})'\n((?:# .*\n)+)/g)].map((m) => ({
  body: JSON.parse(m[1] ?? '') as { query: string },
  shown: JSON.parse(
    (m[2] ?? '')
      .split('\n')
      .map((line) => line.replace(/^#\s*/, '').replace(/\s+\(.*\)$/, ''))
      .join(''),
  ) as unknown,
}));

/** Non-integers to three significant digits, as the README writes them. */
function shortened(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toPrecision(3));
  if (Array.isArray(value)) return value.map(shortened);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shortened(v)]));
  }
  return value;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.stop());

describe('the README’s first question', () => {
  it('has its three requests with their answers', () => {
    expect(examples.map((e) => Object.keys((e.shown as { data: object }).data))).toEqual([
      ['paravirtPaths'],
      ['net', 'disk'],
      ['pv', 'emulated'],
    ]);
  });

  it.each(examples.map((e, i) => [i + 1, e] as const))(
    'request %i answers as printed',
    async (_, example) => {
      const res = await server.graphql(example.body.query);
      expect(res.status).toBe(200);
      expect(shortened(res.body)).toEqual(shortened(example.shown));
    },
  );
});
