import { describeVariable, parseVariables, ReportRequestError } from '../../../src/reports/report-variables';
import type { ReportDefinition } from '../../../src/reports/report.types';

const definition: ReportDefinition = {
  name: 'example',
  title: 'Example',
  description: '',
  source: 'tests',
  document: 'query Example { __typename }',
  variables: [
    { name: 'asOf', kind: 'date', default: '2007-08-07', description: '' },
    { name: 'from', kind: 'month', default: '2007-01', description: '' },
    { name: 'first', kind: 'int', default: 10, description: '' },
    { name: 'confidence', kind: 'float', default: 0.95, description: '' },
    { name: 'open', kind: 'boolean', default: true, description: '' },
    {
      name: 'groupBy',
      kind: 'enum',
      choices: ['VENDOR', 'LICENSE_KIND'],
      default: 'VENDOR',
      description: '',
    },
    { name: 'guests', kind: 'string', list: true, default: ['rhel-5'], description: '' },
  ],
  rows: () => [],
  chart: () => ({ data: { name: 'table' }, mark: 'bar' }),
};

function failure(raw: Record<string, string | string[]>): ReportRequestError {
  try {
    parseVariables(definition, raw);
  } catch (error) {
    if (error instanceof ReportRequestError) return error;
    throw error;
  }
  throw new Error('expected a ReportRequestError');
}

describe('parseVariables', () => {
  it('uses every default when nothing is given', () => {
    expect(parseVariables(definition, {})).toEqual({
      asOf: '2007-08-07',
      from: '2007-01',
      first: 10,
      confidence: 0.95,
      open: true,
      groupBy: 'VENDOR',
      guests: ['rhel-5'],
    });
  });

  it('parses each kind from text; enums in any case; lists from commas and repeats', () => {
    expect(
      parseVariables(definition, {
        asOf: '2010-01-01',
        from: '2008-02',
        first: '-3',
        confidence: '1e-1',
        open: 'false',
        groupBy: 'license_kind',
        guests: ['a,b', 'c'],
      }),
    ).toEqual({
      asOf: '2010-01-01',
      from: '2008-02',
      first: -3,
      confidence: 0.1,
      open: false,
      groupBy: 'LICENSE_KIND',
      guests: ['a', 'b', 'c'],
    });
  });

  it.each([
    [
      { nope: '1' },
      'Unknown variable "nope" for report "example"; valid variables: asOf, from, first, confidence, open, groupBy, guests.',
    ],
    [
      { asOf: '2010-1-1' },
      'Variable "asOf" of report "example" must be a date (YYYY-MM-DD), got "2010-1-1".',
    ],
    [{ from: '2008' }, 'Variable "from" of report "example" must be a month (YYYY-MM), got "2008".'],
    [{ first: '1.5' }, 'Variable "first" of report "example" must be an integer, got "1.5".'],
    [{ confidence: '95%' }, 'Variable "confidence" of report "example" must be a number, got "95%".'],
    [{ open: 'yes' }, 'Variable "open" of report "example" must be true or false, got "yes".'],
    [
      { groupBy: 'TOPIC' },
      'Variable "groupBy" of report "example" must be one of VENDOR, LICENSE_KIND, got "TOPIC".',
    ],
    [{ asOf: ['2007-01-01', '2008-01-01'] }, 'Variable "asOf" of report "example" takes one value, got 2.'],
    [{ guests: 'a,,b' }, 'Variable "guests" of report "example" must be a non-empty string, got "".'],
  ])('refuses %j with a one-line 400', (raw, message) => {
    const error = failure(raw);
    expect(error.status).toBe(400);
    expect(error.message).toBe(message);
  });
});

describe('describeVariable', () => {
  it('writes name, type (choices for enums, [] for lists) and default', () => {
    expect(definition.variables.map(describeVariable)).toEqual([
      'asOf: date = 2007-08-07',
      'from: month = 2007-01',
      'first: int = 10',
      'confidence: float = 0.95',
      'open: boolean = true',
      'groupBy: VENDOR|LICENSE_KIND = VENDOR',
      'guests: string[] = rhel-5',
    ]);
  });
});
