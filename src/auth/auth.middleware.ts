import type { RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { readOnPrimary } from '../db/read-preference';
import { isDatabaseUnavailable } from '../graphql/format-error';
import type { ApiKeyService } from './api-key.service';
import type { Viewer } from './viewer';

/** The request's viewer, as resolved by {@link authenticate} (null: anonymous). */
export function viewerOf(res: Response): Viewer | null {
  return (res.locals['viewer'] as Viewer | undefined) ?? null;
}

/**
 * Resolves `Authorization: Bearer <key>` before anything else sees the request (the rate limit depends on it).
 * No header: anonymous. A bad, unknown or revoked key: 401 UNAUTHENTICATED, nothing executed.
 */
export function authenticate(keys: () => ApiKeyService | null): RequestHandler {
  return (req, res, next) => {
    const service = keys();
    const header = req.headers.authorization;
    if (!service || header === undefined) {
      res.locals['viewer'] = null;
      next();
      return;
    }
    // On the primary, not a replica that may lag: a revoked key stops working, a new one works, at once.
    readOnPrimary(() => service.authenticate(header)).then(
      (viewer) => {
        res.locals['viewer'] = viewer;
        next();
      },
      (error: unknown) => {
        if (error instanceof GraphQLError) {
          res
            .status(401)
            .set('www-authenticate', 'Bearer')
            .json({
              errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }],
            });
        } else if (isDatabaseUnavailable(error)) {
          res.status(503).json({
            errors: [
              {
                message: 'The database is unavailable; try again in a few seconds.',
                extensions: { code: 'SERVICE_UNAVAILABLE' },
              },
            ],
          });
        } else {
          next(error);
        }
      },
    );
  };
}
