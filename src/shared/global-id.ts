import { BadUserInputError } from '../errors';

/** The largest database id: every id column is `integer` (PostgreSQL int4). */
export const MAX_DATABASE_ID = 2_147_483_647;

/** Relay global ids: base64 of `<TypeName>:<database id>`, opaque to clients. */
export function toGlobalId(typeName: string, id: number): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64');
}

/**
 * Decodes a global id made by {@link toGlobalId}; its number must fit an id column (1 to {@link MAX_DATABASE_ID}).
 * @throws BadUserInputError naming `argumentName` for anything else.
 */
export function fromGlobalId(globalId: string, argumentName = 'id'): { typeName: string; id: number } {
  // Valid ids are short: a long one is refused before it is decoded.
  const decoded = globalId.length <= 200 ? Buffer.from(globalId, 'base64').toString('utf8') : '';
  const match = /^([A-Z][A-Za-z]*):([1-9][0-9]{0,9})$/.exec(decoded);
  if (!match || Number(match[2]) > MAX_DATABASE_ID || toGlobalId(match[1], Number(match[2])) !== globalId) {
    throw new BadUserInputError(`${argumentName} is not a valid virtlens id.`, argumentName);
  }
  return { typeName: match[1], id: Number(match[2]) };
}
