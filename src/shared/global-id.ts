import { BadUserInputError } from '../errors';

/** Relay global ids: base64 of `<TypeName>:<database id>`, opaque to clients. */
export function toGlobalId(typeName: string, id: number): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64');
}

export function fromGlobalId(globalId: string, argumentName = 'id'): { typeName: string; id: number } {
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  const match = /^([A-Z][A-Za-z]*):([1-9][0-9]{0,9})$/.exec(decoded);
  if (!match || toGlobalId(match[1], Number(match[2])) !== globalId) {
    throw new BadUserInputError(`${argumentName} is not a valid virtlens id.`, argumentName);
  }
  return { typeName: match[1], id: Number(match[2]) };
}
