import { BadUserInputError } from '../errors';

/** A relation that foreign keys guarantee; a miss means the row was deleted during the request. */
export function required<T>(value: T | null, what: string, owner: string): T {
  if (value === null) throw new Error(`${what} of ${owner} vanished during the request`);
  return value;
}

/** Rejects a date range whose start is after its end, naming the start argument. */
export function checkDateRange(
  from: string | null | undefined,
  to: string | null | undefined,
  fromName: string,
): void {
  if (from && to && from > to) {
    throw new BadUserInputError(`${fromName} (${from}) is after the end of the range (${to}).`, fromName);
  }
}
