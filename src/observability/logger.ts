import { pino, type Logger } from 'pino';
import type { Config } from '../config';

export type { Logger };

/** Structured JSON logs on stdout. Never log secrets: `redact` drops the usual carriers. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'virtlens' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'databaseUrl', '*.password'],
      censor: '[redacted]',
    },
  });
}
