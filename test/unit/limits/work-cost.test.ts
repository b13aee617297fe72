import type { CostStatistics } from '../../../src/limits/cost-statistics';
import { estimateGroups, estimateReads } from '../../../src/limits/work-cost';

/** The shape of the default dataset's statistics (counts as `readCostStatistics` returns them). */
const STATS: CostStatistics = {
  distinct: {
    HYPERVISOR: 10,
    RELEASE: 20,
    MODE: 6,
    GUEST: 12,
    DRIVER_PACKAGE: 5,
    WORKLOAD: 14,
    TESTBED: 8,
    SCENARIO: 74,
    HARDWARE_FEATURE: 6,
    MONTH: 91,
    QUARTER: 31,
    YEAR: 8,
  },
  monthRows: 20971,
  totalRows: 856,
  sketchBins: 8045,
  monthSketchBins: 46272,
  searchDocuments: { vendor: 25, hypervisor: 17 },
};

describe('estimated groups of a grouping', () => {
  it('is the product of the distinct values of each dimension', () => {
    expect(estimateGroups(STATS, ['WORKLOAD', 'MODE'], null)).toBe(84);
  });

  it('is capped by the rollup rows at the grain the grouping reads', () => {
    expect(estimateGroups(STATS, ['HYPERVISOR', 'MODE', 'WORKLOAD', 'TESTBED'], null)).toBe(856);
    expect(estimateGroups(STATS, ['HYPERVISOR', 'MODE', 'WORKLOAD', 'TESTBED', 'MONTH'], null)).toBe(20971);
  });

  it('a filter listing n values of a dimension bounds it by n; dates bound the periods', () => {
    expect(estimateGroups(STATS, ['WORKLOAD', 'MODE'], { workloads: ['net-rx', 'net-tx'] })).toBe(12);
    expect(estimateGroups(STATS, ['WORKLOAD', 'MONTH'], { from: '2007-01', to: '2007-12' })).toBe(14 * 12);
    expect(estimateGroups(STATS, ['QUARTER'], { from: '2007-01', to: '2007-12' })).toBe(4);
  });

  it('a dimension decided by another adds no groups (a month decides its year, a scenario its mode)', () => {
    expect(estimateGroups(STATS, ['WORKLOAD', 'MONTH', 'YEAR'], null)).toBe(14 * 91);
    expect(estimateGroups(STATS, ['SCENARIO', 'MODE', 'HYPERVISOR'], null)).toBe(74);
  });
});

describe('estimated reads', () => {
  it('month-grain rows and bins for a dated grouping, whole-window ones otherwise, times what a filter keeps', () => {
    expect(estimateReads(STATS, ['WORKLOAD'], null)).toEqual({ rows: 856, bins: 8045 });
    expect(estimateReads(STATS, ['WORKLOAD', 'MONTH'], null)).toEqual({ rows: 20971, bins: 46272 });
    expect(estimateReads(STATS, ['MODE'], { workloads: ['net-rx'] })).toEqual({
      rows: 856 * (1 / 14),
      bins: 8045 * (1 / 14),
    });
  });
});
