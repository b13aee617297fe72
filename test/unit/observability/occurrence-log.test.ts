import { pino } from 'pino';
import { OccurrenceLog } from '../../../src/observability/occurrence-log';

describe('an occurrence log: one warning per interval, with the count', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function logged() {
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: 'warn', base: undefined, timestamp: false },
      { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
    );
    return { lines, log: new OccurrenceLog(logger, 'database unavailable', 1000) };
  }

  it('logs the first at once, then each interval that saw any says how many, and a quiet interval ends it', () => {
    const { lines, log } = logged();
    for (let i = 0; i < 500; i++) log.record('connect ECONNREFUSED 127.0.0.1:5432');
    expect(lines).toEqual([
      { level: 40, count: 1, reason: 'connect ECONNREFUSED 127.0.0.1:5432', msg: 'database unavailable' },
    ]);
    jest.advanceTimersByTime(1000);
    for (let i = 0; i < 7; i++) log.record('Connection terminated unexpectedly');
    jest.advanceTimersByTime(1000);
    jest.advanceTimersByTime(5000); // nothing happened: nothing logged, the series ended
    log.record('connect ECONNREFUSED 127.0.0.1:5432');
    expect(lines.slice(1)).toEqual([
      {
        level: 40,
        count: 499,
        intervalMs: 1000,
        reason: 'connect ECONNREFUSED 127.0.0.1:5432',
        msg: 'database unavailable',
      },
      {
        level: 40,
        count: 7,
        intervalMs: 1000,
        reason: 'Connection terminated unexpectedly',
        msg: 'database unavailable',
      },
      { level: 40, count: 1, reason: 'connect ECONNREFUSED 127.0.0.1:5432', msg: 'database unavailable' },
    ]);
  });
});
