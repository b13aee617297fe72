import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { MODEL_VERSION } from '../simulator/model/frozen-parameters';
import { CliError, runCommand, type Command } from './command';

const USAGE = `Usage: virtlens simulate --rows N [--seed S] [--label TEXT] [--replace] [--no-progress]
(or npm run simulate -- …)

Simulates N benchmark measurements with the performance model (version ${MODEL_VERSION}) and loads them into
the database (DATABASE_URL, or the embedded PostgreSQL in VIRTLENS_DATA_DIR, also while a server runs on it)
as one run, with its rollups, in one transaction. The same seed and size give the same rows.`;

const MAX_ROWS = 1_000_000_000;

interface Options {
  rows: number;
  seed: number;
  label: string;
  replace: boolean;
  progress: boolean;
}

function parseOptions(argv: string[]): Options | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string' },
      seed: { type: 'string', default: '1' },
      label: { type: 'string' },
      replace: { type: 'boolean', default: false },
      'no-progress': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const rows = integer(values.rows, '--rows', 1, MAX_ROWS);
  const seed = integer(values.seed, '--seed', 0, 2 ** 31 - 1);
  return {
    rows,
    seed,
    label: values.label ?? `simulation: seed ${seed}, ${rows.toLocaleString('en-US')} rows`,
    replace: values.replace,
    progress: !values['no-progress'],
  };
}

function integer(text: string | undefined, flag: string, min: number, max: number): number {
  if (text === undefined) throw usage(`${flag} is required.`);
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw usage(`${flag} must be an integer from ${min} to ${max.toLocaleString('en-US')}, got "${text}".`);
  }
  return n;
}

const usage = (message: string) => new CliError(`${message} (virtlens simulate --help shows the usage)`, 2);

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  // The database and simulator modules load only now: --help and argument errors answer without them.
  const [{ Presets, SingleBar }, { runSeeds }, { loadConfig }, database, embedded, { createLogger }, runs] =
    await Promise.all([
      import('cli-progress'),
      import('../../seeds/index.js'),
      import('../config.js'),
      import('../db/database.js'),
      import('../db/embedded-postgres.js'),
      import('../observability/logger.js'),
      import('../simulator/runs/load-run.js'),
    ]);
  const { EMBEDDED_DATABASE, openDatabase } = database;
  const { embeddedUrl, runningEmbeddedPort } = embedded;
  const { loadSimulatedRun, RunBusyError, RunExistsError } = runs;
  let config = loadConfig();
  const logger = createLogger({ logLevel: 'warn' });
  const port = config.databaseUrl ? null : await runningEmbeddedPort(config.dataDir);
  if (port !== null) {
    console.error(`Using the embedded PostgreSQL already running on ${config.dataDir} (port ${port}).`);
    config = { ...config, databaseUrl: embeddedUrl(port, EMBEDDED_DATABASE) };
  }
  const db = await openDatabase(config, logger);
  const bar = new SingleBar(
    {
      format: 'simulate |{bar}| {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}',
      formatValue: (v, _o, type) =>
        type === 'value' || type === 'total' ? v.toLocaleString('en-US') : String(v),
      etaBuffer: 50,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    Presets.shades_classic,
  );
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const queryRunner = db.dataSource.createQueryRunner();
  try {
    await runSeeds(db.dataSource, logger);
    await queryRunner.connect();
    await queryRunner.startTransaction();
    const started = process.hrtime.bigint();
    if (options.progress) bar.start(options.rows, 0, { rate: 0 });
    const run = await loadSimulatedRun(queryRunner, {
      ...options,
      onProgress(done) {
        if (interrupted) throw new Error('interrupted: the run was rolled back');
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        if (options.progress) bar.update(done, { rate: Math.round(done / seconds).toLocaleString('en-US') });
      },
    });
    await queryRunner.commitTransaction();
    bar.stop();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(
      `Loaded run ${run.runId}: ${run.rows.toLocaleString('en-US')} measurements (seed ${options.seed}, model ` +
        `${MODEL_VERSION}), ${run.rollupRows.toLocaleString('en-US')} rollup and ` +
        `${run.sketchRows.toLocaleString('en-US')} sketch rows in ${seconds.toFixed(1)} s ` +
        `(${Math.round(run.rows / seconds).toLocaleString('en-US')} rows/s).`,
    );
    return 0;
  } catch (error) {
    bar.stop();
    if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
    if (error instanceof RunExistsError) {
      console.error(`${error.message}: pass --replace, or choose another --seed or --rows.`);
      return 1;
    }
    if (error instanceof RunBusyError) {
      console.error(`${error.message}.`);
      return 1;
    }
    throw error;
  } finally {
    await queryRunner.release();
    await db.close();
  }
}

/** `virtlens simulate` (`npm run simulate`). */
export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'simulate N benchmark measurements into the database',
  main,
};

if (require.main === module) runCommand(simulateCommand, process.argv.slice(2), true);
