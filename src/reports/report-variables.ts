import type { ReportDefinition, ReportVariable, VariableValue } from './report.types';

/** A request for a report that cannot run as asked: a 4xx with a one-line message naming the valid choices. */
export class ReportRequestError extends Error {
  constructor(
    message: string,
    /** HTTP status: 400 bad variable, 404 unknown report, 406/400 unknown format. */
    readonly status: number,
  ) {
    super(message);
    this.name = 'ReportRequestError';
  }
}

/** Raw variables as they arrive: strings from a URL or the command line; a repeated key gives several. */
export type RawVariables = Record<string, string | readonly string[] | undefined>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const INT = /^-?\d+$/;
const FLOAT = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** How a variable is written, for `--list`, errors and the index: `asOf: date = 2007-08-07`. */
export function describeVariable(variable: ReportVariable): string {
  const kind = variable.kind === 'enum' ? (variable.choices ?? []).join('|') : variable.kind;
  const type = variable.list ? `${kind}[]` : kind;
  const fallback = Array.isArray(variable.default) ? variable.default.join(',') : String(variable.default);
  return `${variable.name}: ${type} = ${fallback}`;
}

/**
 * Parses and checks raw variables against a report's declared ones: unknown names, malformed values and values
 * outside an enum are a {@link ReportRequestError} listing what is allowed; missing ones take their defaults.
 */
export function parseVariables(definition: ReportDefinition, raw: RawVariables): Record<string, unknown> {
  const byName = new Map(definition.variables.map((v) => [v.name, v]));
  for (const name of Object.keys(raw)) {
    if (!byName.has(name)) {
      const valid = definition.variables.map((v) => v.name).join(', ') || 'none';
      throw new ReportRequestError(
        `Unknown variable "${name}" for report "${definition.name}"; valid variables: ${valid}.`,
        400,
      );
    }
  }
  const result: Record<string, unknown> = {};
  for (const variable of definition.variables) {
    const given = raw[variable.name];
    if (given === undefined) {
      result[variable.name] = variable.default;
      continue;
    }
    const texts = (typeof given === 'string' ? [given] : [...given]).flatMap((text) =>
      variable.list ? text.split(',') : [text],
    );
    const values = texts.map((text) => parseValue(definition, variable, text.trim()));
    if (!variable.list && values.length > 1) {
      throw new ReportRequestError(
        `Variable "${variable.name}" of report "${definition.name}" takes one value, got ${values.length}.`,
        400,
      );
    }
    result[variable.name] = variable.list ? values : values[0];
  }
  return result;
}

function parseValue(definition: ReportDefinition, variable: ReportVariable, text: string): VariableValue {
  const fail = (expected: string): never => {
    throw new ReportRequestError(
      `Variable "${variable.name}" of report "${definition.name}" must be ${expected}, got "${text}".`,
      400,
    );
  };
  switch (variable.kind) {
    case 'string':
      return text === '' ? fail('a non-empty string') : text;
    case 'date':
      return DATE.test(text) ? text : fail('a date (YYYY-MM-DD)');
    case 'month':
      return MONTH.test(text) ? text : fail('a month (YYYY-MM)');
    case 'int':
      return INT.test(text) ? Number(text) : fail('an integer');
    case 'float':
      return FLOAT.test(text) ? Number(text) : fail('a number');
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : fail('true or false');
    case 'enum': {
      const choices = variable.choices ?? [];
      const value = text.toUpperCase();
      return choices.includes(value) ? value : fail(`one of ${choices.join(', ')}`);
    }
  }
}
