/**
 * The dataset `npm start` loads with the seeds: small enough that a cold start stays a few seconds, large
 * enough that every (scenario, workload) pair has dozens of repetitions. Larger runs come from
 * `npm run simulate -- --rows N`.
 */
export const DEFAULT_RUN = { seed: 2007, rows: 60_000, label: 'default' } as const;
