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
  document: /* GraphQL */ `
    query TrackCoverageReport($conference: String! = "linuxworld-2007", $track: String = "virtualization") {
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
  variableDescriptions: {
    conference: 'Conference slug.',
    track: 'Track slug within the conference.',
  },
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
    transform: [{ calculate: "datum.covered ? 'covered' : 'missed (no session)'", as: 'coverage' }],
    encoding: {
      y: {
        field: 'topic',
        type: 'nominal',
        title: 'Topic',
        sort: { field: 'sessionCount', op: 'max', order: 'descending' },
      },
      color: {
        field: 'coverage',
        type: 'nominal',
        title: 'Coverage by the track',
        scale: { domain: ['covered', 'missed (no session)'], range: ['#4c78a8', '#e45756'] },
      },
      tooltip: [
        { field: 'topic', type: 'nominal', title: 'Topic' },
        { field: 'category', type: 'nominal', title: 'Category' },
        { field: 'sessionCount', type: 'quantitative', title: 'Sessions' },
        { field: 'sessions', type: 'nominal', title: 'Session titles' },
      ],
    },
    layer: [
      {
        mark: 'bar',
        encoding: {
          x: {
            field: 'sessionCount',
            type: 'quantitative',
            title: 'Sessions covering the topic (count)',
            axis: { tickMinStep: 1 },
          },
        },
      },
      {
        // A missed topic has no bar to draw: a marker and the word "missed" at zero say so.
        transform: [{ filter: '!datum.covered' }],
        mark: { type: 'point', shape: 'cross', filled: true, size: 70 },
        encoding: { x: { datum: 0, type: 'quantitative' } },
      },
      {
        transform: [{ filter: '!datum.covered' }],
        mark: { type: 'text', align: 'left', dx: 8, fontSize: 10 },
        encoding: { x: { datum: 0, type: 'quantitative' }, text: { value: 'missed' } },
      },
    ],
  }),
};
