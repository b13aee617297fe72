import {
  Kind,
  parse,
  print,
  valueFromASTUntyped,
  type OperationDefinitionNode,
  type TypeNode,
} from 'graphql';
import type { ReportDefinition } from './report.types';

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

/**
 * A variable of a report, read from its GraphQL document's variable definitions: the document is the only
 * declaration of names, types and defaults; the definition adds a description per name.
 */
export interface ReportVariable {
  readonly name: string;
  /** The GraphQL type as written in the document, e.g. `[String!]!` or `LocalDate`. */
  readonly type: string;
  /** The named type under lists and non-null, e.g. `String`, `ExecutionMode`. */
  readonly namedType: string;
  /** A list: `a,b,c` on the command line and in URLs, or the parameter repeated. */
  readonly list: boolean;
  /** The document's default value (as JSON), or null where it has none (the field's own default applies). */
  readonly default: unknown;
  readonly description: string;
}

const cache = new WeakMap<ReportDefinition, readonly ReportVariable[]>();

/** The report's variables, in the order its document declares them. */
export function reportVariables(definition: ReportDefinition): readonly ReportVariable[] {
  const known = cache.get(definition);
  if (known) return known;
  const operation = parse(definition.document).definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const variables = (operation?.variableDefinitions ?? []).map((v): ReportVariable => {
    const name = v.variable.name.value;
    return {
      name,
      type: print(v.type),
      namedType: namedType(v.type),
      list: isList(v.type),
      default: v.defaultValue ? valueFromASTUntyped(v.defaultValue) : null,
      description: definition.variableDescriptions[name] ?? '',
    };
  });
  cache.set(definition, variables);
  return variables;
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

function isList(type: TypeNode): boolean {
  if (type.kind === Kind.NON_NULL_TYPE) return isList(type.type);
  return type.kind === Kind.LIST_TYPE;
}

/** How a variable is written, for `--list`, errors and the page: `asOf: LocalDate = 2007-08-07`. */
export function describeVariable(variable: ReportVariable): string {
  return `${variable.name}: ${variable.type}${variable.default === null ? '' : ` = ${showValue(variable.default)}`}`;
}

/** A variable's value as the command line and URLs write it: lists joined with commas. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return value.map(showValue).join(',');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

const INT = /^-?\d+$/;
const FLOAT = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * Raw text variables as GraphQL variable values: only the names are checked here (graphql-js ignores unknown
 * ones, so an unknown name would pass unnoticed); each value becomes the JSON its type expects (numbers for
 * `Int`/`Float`, `true`/`false` for `Boolean`, a list split at commas, strings otherwise) and is then coerced
 * and checked by graphql-js itself, against the schema, when the document runs — one type system, one error
 * wording (`Variable "$asOf" got invalid value …`). Variables not given are left out, so the document's
 * defaults apply.
 */
export function parseVariables(definition: ReportDefinition, raw: RawVariables): Record<string, unknown> {
  const variables = reportVariables(definition);
  const byName = new Map(variables.map((v) => [v.name, v]));
  const result: Record<string, unknown> = {};
  for (const [name, given] of Object.entries(raw)) {
    const variable = byName.get(name);
    if (!variable) {
      const valid = variables.map((v) => v.name).join(', ') || 'none';
      throw new ReportRequestError(
        `Unknown variable "${name}" for report "${definition.name}"; valid variables: ${valid}.`,
        400,
      );
    }
    if (given === undefined) continue;
    const texts = (typeof given === 'string' ? [given] : [...given]).flatMap((text) =>
      variable.list ? text.split(',') : [text],
    );
    const values = texts.map((text) => jsonValue(variable.namedType, text.trim()));
    // More than one value for a single one is passed as a list: graphql-js refuses it in its own words.
    result[name] = variable.list || values.length > 1 ? values : values[0];
  }
  return result;
}

function jsonValue(type: string, text: string): unknown {
  switch (type) {
    case 'Int':
      return INT.test(text) ? Number(text) : text;
    case 'Float':
      return FLOAT.test(text) ? Number(text) : text;
    case 'Boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    default:
      return text;
  }
}

/** The variables a report ran with: the given ones over the document's defaults (for titles and downloads). */
export function effectiveVariables(
  definition: ReportDefinition,
  given: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return Object.fromEntries(
    reportVariables(definition).map((v) => [v.name, v.name in given ? given[v.name] : v.default]),
  );
}
