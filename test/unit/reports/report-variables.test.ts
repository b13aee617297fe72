import {
  describeVariable,
  effectiveVariables,
  parseVariables,
  ReportRequestError,
  reportVariables,
} from '../../../src/reports/report-variables';
import type { ReportDefinition } from '../../../src/reports/report.types';
import { REPORTS } from '../../../src/reports/definitions/index';

const definition: ReportDefinition = {
  name: 'example',
  title: 'Example',
  description: '',
  source: 'tests',
  document: /* GraphQL */ `
    query Example(
      $asOf: LocalDate = "2007-08-07"
      $first: Int = 10
      $confidence: Float! = 0.95
      $open: Boolean = true
      $groupBy: LicensingGroupBy! = VENDOR
      $guests: [String!]! = ["rhel-5"]
      $host: String
    ) {
      __typename
    }
  `,
  variableDescriptions: { asOf: 'The date.' },
  rows: () => [],
  chart: () => ({ data: { name: 'table' }, mark: 'bar' }),
};

describe('reportVariables', () => {
  it('reads names, types, lists and defaults from the document, descriptions from the definition', () => {
    expect(reportVariables(definition)).toEqual([
      {
        name: 'asOf',
        type: 'LocalDate',
        namedType: 'LocalDate',
        list: false,
        default: '2007-08-07',
        description: 'The date.',
      },
      { name: 'first', type: 'Int', namedType: 'Int', list: false, default: 10, description: '' },
      { name: 'confidence', type: 'Float!', namedType: 'Float', list: false, default: 0.95, description: '' },
      { name: 'open', type: 'Boolean', namedType: 'Boolean', list: false, default: true, description: '' },
      {
        name: 'groupBy',
        type: 'LicensingGroupBy!',
        namedType: 'LicensingGroupBy',
        list: false,
        default: 'VENDOR',
        description: '',
      },
      {
        name: 'guests',
        type: '[String!]!',
        namedType: 'String',
        list: true,
        default: ['rhel-5'],
        description: '',
      },
      { name: 'host', type: 'String', namedType: 'String', list: false, default: null, description: '' },
    ]);
    expect(reportVariables(definition).map(describeVariable)).toEqual([
      'asOf: LocalDate = 2007-08-07',
      'first: Int = 10',
      'confidence: Float! = 0.95',
      'open: Boolean = true',
      'groupBy: LicensingGroupBy! = VENDOR',
      'guests: [String!]! = rhel-5',
      'host: String',
    ]);
  });

  it.each(REPORTS.map((d) => [d.name, d] as const))(
    'report %s describes exactly its document’s variables, and each has a default or is nullable',
    (_name, report) => {
      const variables = reportVariables(report);
      expect(Object.keys(report.variableDescriptions).sort()).toEqual(variables.map((v) => v.name).sort());
      for (const v of variables) {
        expect(v.description).not.toBe('');
        expect(v.default !== null || !v.type.endsWith('!')).toBe(true);
      }
    },
  );
});

describe('parseVariables', () => {
  it('leaves out what is not given, so that the document’s defaults apply', () => {
    expect(parseVariables(definition, {})).toEqual({});
    expect(effectiveVariables(definition, { first: 3 })).toEqual({
      asOf: '2007-08-07',
      first: 3,
      confidence: 0.95,
      open: true,
      groupBy: 'VENDOR',
      guests: ['rhel-5'],
      host: null,
    });
  });

  it('turns text into the JSON each type expects; lists from commas and repeats', () => {
    expect(
      parseVariables(definition, {
        asOf: '2010-01-01',
        first: '-3',
        confidence: '1e-1',
        open: 'false',
        groupBy: 'LICENSE_KIND',
        guests: ['a,b', 'c'],
      }),
    ).toEqual({
      asOf: '2010-01-01',
      first: -3,
      confidence: 0.1,
      open: false,
      groupBy: 'LICENSE_KIND',
      guests: ['a', 'b', 'c'],
    });
  });

  it('passes what does not fit its type on as text, for graphql-js to refuse in its own words', () => {
    expect(
      parseVariables(definition, {
        first: '1.5',
        confidence: '95%',
        open: 'yes',
        asOf: ['2007-01-01', '2008-01-01'],
      }),
    ).toEqual({ first: '1.5', confidence: '95%', open: 'yes', asOf: ['2007-01-01', '2008-01-01'] });
  });

  it('refuses an unknown name with a one-line 400 listing the variables', () => {
    let error: unknown;
    try {
      parseVariables(definition, { nope: '1' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReportRequestError);
    expect((error as ReportRequestError).status).toBe(400);
    expect((error as ReportRequestError).message).toBe(
      'Unknown variable "nope" for report "example"; valid variables: asOf, first, confidence, open, groupBy, guests, host.',
    );
  });
});
