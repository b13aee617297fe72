import 'reflect-metadata';
import { startApp, type App } from './app';
import { ConfigError, loadConfig } from './config';
import { StartupError } from './errors';
import { createLogger } from './observability/logger';

/**
 * Process entry: configuration, start, and signals. A start-up problem the user can fix prints one sentence
 * saying what to change, and exits with status 1.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  const logger = createLogger(config);

  let app: App;
  try {
    app = await startApp(config, logger);
  } catch (error) {
    if (error instanceof StartupError) return fail(error.message);
    throw error;
  }

  let signals = 0;
  const shutdown = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 5000);
    force.unref();
    app.stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/** Prints the one-sentence reason and exits, whatever handles are still open. */
function fail(message: string): void {
  process.stderr.write(`virtlens: ${message}\n`, () => process.exit(1));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `virtlens: unexpected start-up failure: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
