import type { DataSource } from 'typeorm';
import { conferenceSeed } from '../../seeds/conference.seed';
import { knowledgeCoreSeed } from '../../seeds/knowledge-core.seed';
import { readSeedData, SeedDataError } from '../../seeds/seed';
import { createDataSource } from '../../src/db/data-source';
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
let ds: DataSource;
let data: Record<string, unknown>;
beforeAll(async () => {
  db = await createTestDatabase({ empty: true });
  ds = createDataSource({ url: db.url, poolSize: 2 });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const core = await readSeedData(knowledgeCoreSeed);
  await ds.transaction((m) => knowledgeCoreSeed.load(m, core.data));
  data = (await readSeedData(conferenceSeed)).data;
});
afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

const load = (changed: Record<string, unknown> = {}) =>
  ds.transaction((m) => conferenceSeed.load(m, { ...data, ...changed }));

/** Rows of one data file, with one row (by slug) changed. */
function edited(file: string, slug: string, change: (row: Record<string, any>) => object): unknown[] {
  return (data[file] as Record<string, any>[]).map((row) => (row['slug'] === slug ? change(row) : row));
}

const snapshot = () =>
  ds.query<Record<string, unknown>[]>(`SELECT
    (SELECT json_agg(json_build_array(id, slug) ORDER BY id) FROM person) AS people,
    (SELECT json_agg(json_build_array(id, slug) ORDER BY id) FROM session) AS sessions,
    (SELECT json_agg(json_build_array(id, slug) ORDER BY id) FROM track) AS tracks,
    (SELECT count(*)::int FROM person_affiliation) AS affiliations,
    (SELECT count(*)::int FROM session_speaker) AS speakers,
    (SELECT count(*)::int FROM session_topic) AS "sessionTopics",
    (SELECT count(*)::int FROM person_source) + (SELECT count(*)::int FROM person_affiliation_source)
      + (SELECT count(*)::int FROM topic_source) + (SELECT count(*)::int FROM conference_source)
      + (SELECT count(*)::int FROM session_source) AS citations`);

describe('conference seed', () => {
  it('loads people, affiliations, topics, the conference, its tracks and sessions, each citing a source', async () => {
    expect(await load()).toEqual({
      person: 12,
      personAffiliation: 10,
      topic: 23,
      conference: 1,
      track: 2,
      session: 9,
      sessionSpeaker: 6,
      sessionTopic: 21,
      citation: 154,
    });
    const uncited = await ds.query(`
      SELECT 'person' AS kind, slug FROM person x
       WHERE NOT EXISTS (SELECT 1 FROM person_source WHERE person_id = x.id)
      UNION ALL SELECT 'affiliation', a.id::text FROM person_affiliation a
       WHERE NOT EXISTS (SELECT 1 FROM person_affiliation_source WHERE person_affiliation_id = a.id)
      UNION ALL SELECT 'topic', slug FROM topic x WHERE NOT EXISTS (SELECT 1 FROM topic_source WHERE topic_id = x.id)
      UNION ALL SELECT 'conference', slug FROM conference x
       WHERE NOT EXISTS (SELECT 1 FROM conference_source WHERE conference_id = x.id)
      UNION ALL SELECT 'session', slug FROM session x
       WHERE NOT EXISTS (SELECT 1 FROM session_source WHERE session_id = x.id)`);
    expect(uncited).toEqual([]);
  });

  it('reloads idempotently: the same rows, ids and citations', async () => {
    const before = await snapshot();
    await load();
    expect(await snapshot()).toEqual(before);
  });

  it('removes a track that left the data and keeps the others’ ids', async () => {
    const [keynotes] = await ds.query<{ id: number }[]>(`SELECT id FROM track WHERE slug = 'keynotes'`);
    const conferences = edited('conferences.json', 'linuxworld-2007', (c) => ({
      ...c,
      tracks: [...c.tracks, { slug: 'desktop', name: 'Desktop', description: 'Not in the data.' }],
    }));
    await load({ 'conferences.json': conferences });
    expect(await ds.query(`SELECT slug FROM track ORDER BY slug`)).toEqual([
      { slug: 'desktop' },
      { slug: 'keynotes' },
      { slug: 'virtualization' },
    ]);
    await load();
    expect(await ds.query(`SELECT id, slug FROM track WHERE slug <> 'virtualization' ORDER BY slug`)).toEqual(
      [{ id: keynotes.id, slug: 'keynotes' }],
    );
  });

  it('refuses a speaker who is not a person in the data, and changes nothing', async () => {
    const sessions = edited('sessions.json', 'lwce-2007-v8-jack-lo', (s) => ({
      ...s,
      title: 'Edited',
      speakers: [{ person: 'no-such-person', role: 'speaker', vendor: 'vmware' }],
    }));
    await expect(load({ 'sessions.json': sessions })).rejects.toThrow(
      new SeedDataError('session lwce-2007-v8-jack-lo: speaker "no-such-person" is not in the seed data'),
    );
    expect(await ds.query(`SELECT title FROM session WHERE slug = 'lwce-2007-v8-jack-lo'`)).toEqual([
      { title: 'Making Linux a Virtualization-Friendly OS' },
    ]);
  });

  it('refuses an affiliation that cites no source', async () => {
    const people = edited('people.json', 'jack-lo', (p) => ({
      ...p,
      affiliations: [{ ...p.affiliations[0], sources: [] }],
    }));
    await expect(load({ 'people.json': people })).rejects.toThrow(
      new SeedDataError('personAffiliation jack-lo:vmware: cites no source'),
    );
  });

  it('refuses a session time without an offset and an affiliation date that is not a date', async () => {
    const sessions = edited('sessions.json', 'lwce-2007-v8-jack-lo', (s) => ({
      ...s,
      startsAt: '2007-08-09T11:30:00',
    }));
    await expect(load({ 'sessions.json': sessions })).rejects.toThrow(
      new SeedDataError(
        'session lwce-2007-v8-jack-lo: startsAt: "2007-08-09T11:30:00" is not a time with an offset (e.g. 2007-08-07T10:15:00-07:00)',
      ),
    );
    const people = edited('people.json', 'jack-lo', (p) => ({
      ...p,
      affiliations: [{ ...p.affiliations[0], validFrom: '2007-02-30' }],
    }));
    await expect(load({ 'people.json': people })).rejects.toThrow(
      new SeedDataError(
        'affiliation jack-lo:vmware:2007-02-30: validFrom: "2007-02-30" is not a valid calendar date',
      ),
    );
  });
});
