import { parse } from 'csv-parse/sync';
import { toCsv, toMarkdown } from '../../../src/reports/formats';
import type { ReportResult } from '../../../src/reports/report-runner';
import type { ReportDefinition } from '../../../src/reports/report.types';
import { toTable } from '../../../src/reports/table';

describe('toTable', () => {
  it('flattens nested objects to dotted columns and lists to "; "-joined cells', () => {
    const table = toTable([
      {
        name: 'VMDP',
        price: 299,
        open: false,
        license: { name: 'Proprietary', spdxId: null },
        devices: ['NETWORK', 'BLOCK'],
        requiredFeatures: [{ name: 'VT-x' }, { name: 'AMD-V' }],
      },
      { name: 'PV kernel', price: null, open: true, license: null, devices: [], requiredFeatures: [] },
    ]);
    expect(table.columns).toEqual([
      'name',
      'price',
      'open',
      'license.name',
      'license.spdxId',
      'devices',
      'requiredFeatures.name',
    ]);
    expect(table.rows).toEqual([
      {
        name: 'VMDP',
        price: 299,
        open: false,
        'license.name': 'Proprietary',
        'license.spdxId': null,
        devices: 'NETWORK; BLOCK',
        'requiredFeatures.name': 'VT-x; AMD-V',
      },
      {
        name: 'PV kernel',
        price: null,
        open: true,
        'license.name': null,
        'license.spdxId': null,
        devices: '',
        'requiredFeatures.name': null,
      },
    ]);
  });

  it('gives no columns for no rows', () => {
    expect(toTable([])).toEqual({ columns: [], rows: [] });
  });
});

describe('CSV and Markdown', () => {
  const definition: ReportDefinition = {
    name: 'example',
    title: 'Example',
    description: 'An example.',
    source: 'tests',
    document: '',
    variableDescriptions: {},
    rows: () => [],
    chart: () => ({ data: { name: 'table' }, mark: 'bar' }),
  };
  const result: ReportResult = {
    definition,
    variables: { asOf: '2007-08-07' },
    data: null,
    table: toTable([{ text: 'a "quoted", | piped\nline', n: 0.1 + 0.2, big: 1e21, yes: true, none: null }]),
  };

  it('CSV quotes what needs quoting, ends records with CRLF and keeps numbers as JavaScript prints them', () => {
    const csv = toCsv(result);
    expect(csv).toBe(
      'text,n,big,yes,none\r\n"a ""quoted"", | piped\nline",0.30000000000000004,1e+21,true,\r\n',
    );
    expect(parse(csv, { columns: true })).toEqual([
      { text: 'a "quoted", | piped\nline', n: '0.30000000000000004', big: '1e+21', yes: 'true', none: '' },
    ]);
  });

  it('Markdown escapes pipes and line breaks inside cells and rounds numbers (CSV keeps them in full)', () => {
    expect(toMarkdown(result)).toBe(
      [
        '# Example',
        '',
        'An example.',
        '',
        'Source: tests. Variables: `asOf` = `2007-08-07`.',
        '',
        '| text | n | big | yes | none |',
        '| --- | --- | --- | --- | --- |',
        '| a "quoted", \\| piped line | 0.3 | 1e+21 | true |  |',
        '',
      ].join('\n'),
    );
  });
});
