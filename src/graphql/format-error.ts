import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { CLIENT_ERROR_CODES } from '../errors';
import type { Logger } from '../observability/logger';
import { OccurrenceLog } from '../observability/occurrence-log';
import { currentRequestId } from '../observability/request-context';
import { limitOfGraphQLJsError } from './limits';

export interface FormatErrorOptions {
  /** Introspection is off: validation errors must not leak field names through "Did you mean …?". */
  hideSuggestions?: boolean;
  /** The statement timeout, named in the error of a statement it cancelled. */
  statementTimeoutMs?: number;
  /** How often a database outage is logged, with the count of requests it failed (default 10 s). */
  unavailableLogIntervalMs?: number;
}

const QUERY_CANCELED = '57014';

function sqlState(error: unknown): string | undefined {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  return e?.driverError?.code ?? e?.code;
}

const DB_UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08001',
]);

/** True when an error means PostgreSQL cannot be reached right now (down, restarting, shutting down). */
export function isDatabaseUnavailable(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const { code, message } = e as { code?: string; message?: string };
    if (code && DB_UNAVAILABLE_CODES.has(code)) return true;
    if (message && /Connection terminated|connection timeout|terminating connection/i.test(message))
      return true;
    // graphql-js wraps values that fail `instanceof Error` (e.g. errors from another realm) as NonErrorThrown.
    e =
      (e as { driverError?: unknown }).driverError ??
      (e as { cause?: unknown }).cause ??
      (e as { thrownValue?: unknown }).thrownValue;
  }
  return false;
}

/**
 * Apollo `formatError`: client errors pass as they are (without stack traces); a database outage becomes
 * SERVICE_UNAVAILABLE (logged once per interval with a count, see {@link OccurrenceLog}); anything else is
 * masked as INTERNAL_SERVER_ERROR with the request id, and logged in full.
 */
export function createFormatError(logger: Logger, options: FormatErrorOptions = {}) {
  const unavailable = new OccurrenceLog(logger, 'database unavailable', options.unavailableLogIntervalMs);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const requestId = currentRequestId();
    if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      let message = formatted.message;
      if (code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED') {
        const limit = limitOfGraphQLJsError(message);
        if (limit) extensions['limit'] ??= limit;
      }
      if (options.hideSuggestions && code === 'GRAPHQL_VALIDATION_FAILED') {
        message = message.replace(/ ?Did you mean .*\?$/, '');
      }
      return { ...formatted, message, extensions };
    }
    const original = unwrapResolverError(error);
    if (sqlState(original) === QUERY_CANCELED && options.statementTimeoutMs !== undefined) {
      logger.warn({ requestId, path: formatted.path }, 'statement timeout');
      return {
        message: `A database statement ran longer than the statement timeout of ${options.statementTimeoutMs} ms and was cancelled.`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: 'LIMIT_EXCEEDED',
          limit: { name: 'statementTimeoutMs', max: options.statementTimeoutMs },
          requestId,
        },
      };
    }
    if (isDatabaseUnavailable(original)) {
      unavailable.record(firstLine(original));
      return {
        message: 'The database is unavailable; try again in a few seconds.',
        path: formatted.path,
        extensions: { code: 'SERVICE_UNAVAILABLE', requestId },
      };
    }
    logger.error({ requestId, err: original, path: formatted.path }, 'unexpected error');
    return {
      message: `Internal server error (request ${requestId ?? 'unknown'}).`,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
}

/** An error's message up to its first line break (no stack, no SQL detail). */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? '';
}
