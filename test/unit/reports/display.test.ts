import { displayTable, formatCell } from '../../../src/reports/display';
import { toTable } from '../../../src/reports/table';

describe('formatCell', () => {
  it.each([
    [0.30000000000000004, '0.3'],
    [1.2345678, '1.235'],
    [0.012345678, '0.01235'],
    [28861.21346, '28861'],
    [-547.4412, '-547.4'],
    [834, '834'],
    [2007, '2007'],
    [null, ''],
    [true, 'true'],
    ['HVM', 'HVM'],
  ])('writes %p as %p', (value, text) => {
    expect(formatCell(value)).toBe(text);
  });
});

describe('displayTable', () => {
  it('says a long value that every row repeats once, as a note, and keeps short repeated values in the rows', () => {
    const note = 'Simulated measurements from the virtlens performance model (see simulatorModel).';
    const table = toTable([
      { workload: 'net-rx', speedup: 3.14159, method: 'WELCH', dataNote: note },
      { workload: 'net-tx', speedup: 2.71828, method: 'WELCH', dataNote: note },
    ]);
    expect(displayTable(table)).toEqual({
      columns: ['workload', 'speedup', 'method'],
      rows: [
        ['net-rx', '3.142', 'WELCH'],
        ['net-tx', '2.718', 'WELCH'],
      ],
      notes: [{ column: 'dataNote', value: note }],
    });
  });

  it('keeps a long value in its row when the rows differ, or when there is one row', () => {
    const long = 'x'.repeat(60);
    expect(displayTable(toTable([{ a: long }, { a: `${long}y` }])).notes).toEqual([]);
    expect(displayTable(toTable([{ a: long }]))).toEqual({ columns: ['a'], rows: [[long]], notes: [] });
  });
});
