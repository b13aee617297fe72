import { GraphQLError } from 'graphql';

/**
 * Errors a client may see, each with a fixed `extensions.code`. Any other error is unexpected:
 * `formatError` masks it and logs it with the request id.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'LIMIT_EXCEEDED'
  | 'SERVICE_UNAVAILABLE';

/** Which limit a request hit and its value, in `extensions.limit` of every limit error. */
export interface LimitInfo {
  name: string;
  max: number;
}

abstract class ClientError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** The request's input is wrong; `argumentName` names the offending argument. */
export class BadUserInputError extends ClientError {
  constructor(
    message: string,
    argumentName?: string,
    extensions: { limit?: LimitInfo; http?: { status: number }; row?: number; field?: string } = {},
  ) {
    super(message, 'BAD_USER_INPUT', { ...(argumentName ? { argumentName } : {}), ...extensions });
  }
}

/** Something the request names does not exist; `argumentName` names the argument that named it. */
export class NotFoundError extends ClientError {
  constructor(message: string, argumentName?: string) {
    super(message, 'NOT_FOUND', argumentName ? { argumentName } : {});
  }
}

/** No API key, or one that is unknown, malformed or revoked. */
export class UnauthenticatedError extends ClientError {
  constructor(message: string) {
    super(message, 'UNAUTHENTICATED', { http: { status: 401 } });
  }
}

/** A valid API key whose role may not do this. */
export class ForbiddenError extends ClientError {
  constructor(message: string) {
    super(message, 'FORBIDDEN');
  }
}

/** A run-time limit (e.g. the statement timeout) was hit; `extensions.limit` says which, with its value. */
export class LimitExceededError extends ClientError {
  constructor(message: string, limit: LimitInfo) {
    super(message, 'LIMIT_EXCEEDED', { limit });
  }
}

export class ServiceUnavailableError extends ClientError {
  constructor(
    message = 'The database is unavailable; try again in a few seconds.',
    extensions: Record<string, unknown> = {},
  ) {
    super(message, 'SERVICE_UNAVAILABLE', extensions);
  }
}

/**
 * Every connection of the read pool stayed busy for the whole wait: HTTP 503 with `Retry-After` (through Apollo's
 * `extensions.http`), `extensions.limit` naming the wait.
 */
export class PoolBusyError extends ServiceUnavailableError {
  constructor(poolWaitMs: number) {
    const retryAfterSeconds = Math.max(1, Math.ceil(poolWaitMs / 1000));
    super(
      `The server is busy: no database connection came free within ${poolWaitMs} ms; retry in ${retryAfterSeconds} s.`,
      {
        limit: { name: 'poolWaitMs', max: poolWaitMs },
        retryAfterSeconds,
        http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    );
  }
}

/** Codes that pass `formatError` unmasked (graphql-js and Apollo's own validation codes included). */
export const CLIENT_ERROR_CODES: ReadonlySet<string> = new Set<string>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'LIMIT_EXCEEDED',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** A start-up failure whose message is one sentence telling the user what to change. */
export class StartupError extends Error {
  override name = 'StartupError';
}
