import { validate, type ValidationError } from 'class-validator';
import { BadUserInputError } from '../errors';
import { parsePartialDate } from '../shared/partial-date';

/** Lower-case kebab-case, 1–100 characters: the natural key of every curated row. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MESSAGE =
  '$property must be lower-case words and digits joined by hyphens (e.g. "xen-3-1")';
/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
export const PARTIAL_DATE_MESSAGE = '$property must be YYYY, YYYY-MM or YYYY-MM-DD';
export const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };
export const URL_MESSAGE = '$property must be an http(s) URL';

/** For optional fields of update inputs: validate when present (so null is refused), skip when absent. */
export const given = (field: string) => (o: object) => (o as Record<string, unknown>)[field] !== undefined;

/**
 * class-validator on a mutation input (type-graphql builds the instance). Unknown properties cannot reach here
 * (GraphQL rejects them), so every message names a field of the input: `argumentName` is `input.<field>`.
 */
export async function assertValid(input: object, argumentName = 'input'): Promise<void> {
  const errors = await validate(input, { forbidUnknownValues: true, validationError: { target: false } });
  const first = flatten(errors, argumentName)[0];
  if (first) throw new BadUserInputError(`${first.path}: ${first.message}.`, first.path);
}

function flatten(errors: ValidationError[], prefix: string): { path: string; message: string }[] {
  return errors.flatMap((e) => {
    const path = `${prefix}.${e.property}`;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** A partial date that is also a real calendar date (2007-02-30 is not). */
export function checkPartialDate(value: string | null | undefined, argumentName: string) {
  try {
    return parsePartialDate(value);
  } catch (error) {
    throw new BadUserInputError(`${argumentName}: ${(error as Error).message}.`, argumentName);
  }
}
