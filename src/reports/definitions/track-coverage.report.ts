import type { ReportDefinition } from '../report.types';

interface Topic {
  name: string;
  category: string;
}

interface Answer {
  trackCoverage: {
    covered: { topic: Topic; sessionCount: number; sessions: { title: string }[] }[];
    uncovered: Topic[];
  };
}

/** What a conference track covered and missed: one row per topic, charted as sessions per topic. */
export const trackCoverageReport: ReportDefinition = {
  name: 'track-coverage',
  title: 'LinuxWorld 2007 virtualization track: topics covered and missed',
  description:
    'Each topic with the number of sessions of the track that covered it (0: no session at all), its category and the sessions’ titles.',
  source: 'virtlens knowledge base (conference programme and topics with sources) via GraphQL trackCoverage',
  variables: [
    { name: 'conference', kind: 'string', default: 'linuxworld-2007', description: 'Conference slug.' },
    {
      name: 'track',
      kind: 'string',
      default: 'virtualization',
      description: 'Track slug within the conference.',
    },
  ],
  document: /* GraphQL */ `
    query TrackCoverageReport($conference: String!, $track: String) {
      trackCoverage(conference: $conference, track: $track) {
        covered {
          topic {
            name
            category
          }
          sessionCount
          sessions {
            title
          }
        }
        uncovered {
          name
          category
        }
      }
    }
  `,
  rows(data) {
    const { trackCoverage: coverage } = data as Answer;
    return [
      ...coverage.covered.map((c) => ({
        topic: c.topic.name,
        category: c.topic.category,
        covered: true,
        sessionCount: c.sessionCount,
        sessions: c.sessions.map((s) => s.title),
      })),
      ...coverage.uncovered.map((t) => ({
        topic: t.name,
        category: t.category,
        covered: false,
        sessionCount: 0,
        sessions: [],
      })),
    ];
  },
  chart: () => ({
    data: { name: 'table' },
    width: 480,
    height: { step: 20 },
    mark: 'bar',
    encoding: {
      y: { field: 'topic', type: 'nominal', title: 'Topic', sort: '-x' },
      x: {
        field: 'sessionCount',
        type: 'quantitative',
        title: 'Sessions covering the topic (count)',
        axis: { tickMinStep: 1 },
      },
      color: {
        field: 'covered',
        type: 'nominal',
        title: 'Covered',
        scale: { domain: [true, false], range: ['#4c78a8', '#e45756'] },
      },
    },
  }),
};
