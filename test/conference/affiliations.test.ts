import { startTestServer, type TestServer } from '../support/server';

/*
 * The seed gives Simon Crosby's XenSource and Citrix affiliations no dates. This file's own copy of the database
 * dates them as the Citrix acquisition did (closed 22 Oct 2007), with a year-precision start, to check the
 * half-open validity rule `validFrom ≤ asOf < validTo` end to end.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await server.app.dataSource.query(
    `UPDATE person_affiliation a
        SET valid_from = CASE v.slug WHEN 'xensource' THEN DATE '2002-01-01' ELSE DATE '2007-10-22' END,
            valid_from_precision = CASE v.slug WHEN 'xensource' THEN 'year'::date_precision ELSE 'day' END,
            valid_to = CASE v.slug WHEN 'xensource' THEN DATE '2007-10-22' END
       FROM vendor v, person p
      WHERE v.id = a.vendor_id AND p.id = a.person_id AND p.slug = 'simon-crosby'`,
  );
});
afterAll(() => server.stop());

const AFFILIATIONS = `query ($asOf: LocalDate) {
  person(slug: "simon-crosby") {
    affiliations(asOf: $asOf) { vendor { slug } title validFrom validFromPrecision validTo validToPrecision }
  }
}`;

async function vendorsOn(asOf: string | null): Promise<string[]> {
  const res = await server.graphql<{ person: { affiliations: { vendor: { slug: string } }[] } }>(
    AFFILIATIONS,
    {
      asOf,
    },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.person.affiliations.map((a) => a.vendor.slug);
}

describe('Person.affiliations(asOf)', () => {
  it('without asOf, lists every affiliation, oldest first, with dates and precisions', async () => {
    const res = await server.graphql(AFFILIATIONS);
    expect(res.body).toEqual({
      data: {
        person: {
          affiliations: [
            {
              vendor: { slug: 'xensource' },
              title: 'CTO',
              validFrom: '2002-01-01',
              validFromPrecision: 'YEAR',
              validTo: '2007-10-22',
              validToPrecision: 'DAY',
            },
            {
              vendor: { slug: 'citrix' },
              title: 'CTO',
              validFrom: '2007-10-22',
              validFromPrecision: 'DAY',
              validTo: null,
              validToPrecision: 'DAY',
            },
          ],
        },
      },
    });
  });

  it('at the show (2007-08-07), he is XenSource’s CTO', async () => {
    expect(await vendorsOn('2007-08-07')).toEqual(['xensource']);
  });

  it('the day before the acquisition closed, still XenSource; on the day, Citrix (the end is exclusive)', async () => {
    expect(await vendorsOn('2007-10-21')).toEqual(['xensource']);
    expect(await vendorsOn('2007-10-22')).toEqual(['citrix']);
  });

  it('a year-precision start counts from 1 January; an open end never closes', async () => {
    expect(await vendorsOn('2001-12-31')).toEqual([]);
    expect(await vendorsOn('2002-01-01')).toEqual(['xensource']);
    expect(await vendorsOn('2030-01-01')).toEqual(['citrix']);
  });

  it('applies one asOf to every person of a page', async () => {
    const res = await server.graphql(`{
      people(vendor: "citrix") {
        nodes { slug atShow: affiliations(asOf: "2007-08-07") { vendor { slug } } }
      }
    }`);
    expect(res.body).toEqual({
      data: {
        people: {
          nodes: [
            { slug: 'peter-levine', atShow: [{ vendor: { slug: 'citrix' } }] },
            { slug: 'simon-crosby', atShow: [{ vendor: { slug: 'xensource' } }] },
          ],
        },
      },
    });
  });
});
