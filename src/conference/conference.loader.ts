import DataLoader from 'dataloader';
import type { LoaderGroup } from '../context';
import type { PersonService } from '../people/person.service';
import type { Person, PersonAffiliation } from '../people/person.type';
import type { TopicService } from '../topics/topic.service';
import type { Topic } from '../topics/topic.type';
import type { ConferenceService } from './conference.service';
import type { Conference, Track } from './conference.type';
import type { SessionService } from './session.service';
import type { Session, SessionSpeaker } from './session.type';

/** Per-request loaders of the conference domain (people, topics, conferences, tracks, sessions). */
export interface ConferenceLoaders {
  personById: DataLoader<number, Person | null>;
  /** Every affiliation of a person; `asOf` is applied by the resolver, so one statement serves all dates. */
  affiliationsByPerson: DataLoader<number, PersonAffiliation[]>;
  peopleByVendor: DataLoader<number, Person[]>;
  topicsBySession: DataLoader<number, Topic[]>;
  conferenceById: DataLoader<number, Conference | null>;
  trackById: DataLoader<number, Track | null>;
  tracksByConference: DataLoader<number, Track[]>;
  sessionsByConference: DataLoader<number, Session[]>;
  sessionsByTrack: DataLoader<number, Session[]>;
  sessionsByPerson: DataLoader<number, Session[]>;
  sessionsByVendor: DataLoader<number, Session[]>;
  sessionsByTopic: DataLoader<number, Session[]>;
  speakersBySession: DataLoader<number, SessionSpeaker[]>;
}

export interface ConferenceLoaderServices {
  people: PersonService;
  topics: TopicService;
  conferences: ConferenceService;
  sessions: SessionService;
}

/** Builds the loaders for one request: one SQL statement per relation and tick, whatever the page size. */
export function createConferenceLoaders(services: ConferenceLoaderServices): ConferenceLoaders {
  const { people, topics, conferences, sessions } = services;
  return {
    personById: new DataLoader((ids) => people.byIds(ids)),
    affiliationsByPerson: new DataLoader((ids) => people.affiliationsByPersonIds(ids)),
    peopleByVendor: new DataLoader((ids) => people.byVendorIds(ids)),
    topicsBySession: new DataLoader((ids) => topics.bySessionIds(ids)),
    conferenceById: new DataLoader((ids) => conferences.byIds(ids)),
    trackById: new DataLoader((ids) => conferences.tracksByIds(ids)),
    tracksByConference: new DataLoader((ids) => conferences.tracksByConferenceIds(ids)),
    sessionsByConference: new DataLoader((ids) => sessions.byOwnerIds('conference', ids)),
    sessionsByTrack: new DataLoader((ids) => sessions.byOwnerIds('track', ids)),
    sessionsByPerson: new DataLoader((ids) => sessions.byOwnerIds('person', ids)),
    sessionsByVendor: new DataLoader((ids) => sessions.byOwnerIds('vendor', ids)),
    sessionsByTopic: new DataLoader((ids) => sessions.byOwnerIds('topic', ids)),
    speakersBySession: new DataLoader((ids) => sessions.speakersBySessionIds(ids)),
  };
}

/** Conferences, tracks, sessions, people and topics. Registered in src/loaders.ts; made on first use in a request. */
export const conferenceLoaderGroup: LoaderGroup<ConferenceLoaderServices> = createConferenceLoaders;

declare module '../context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface Loaders extends ConferenceLoaders {}
}
