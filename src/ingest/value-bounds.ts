/**
 * The values an ingested measurement may take, by its workload's unit: wide enough for any machine from 2002 to
 * well past 2011 (a kernel build of a millisecond to eleven days; network and disk rates up to 1 Tb/s and
 * 1 TB/s), narrow enough that a typo (1e308) or an underflow (5e-324) is refused with the row and field.
 *
 * The bounds also keep every rollup finite: no accepted value exceeds {@link MAX_ACCEPTED_VALUE} (1e12), so a
 * rollup's `sum_sq` is at most count × 1e24; with fewer than 2^53 rows in any group that is below 1e40, far
 * from double precision's 1.8e308, and `sum` and the means and variances derived from them stay finite too.
 */
export interface ValueBounds {
  /** Smallest accepted value, inclusive, in the workload's unit. */
  readonly min: number;
  /** Largest accepted value, inclusive. */
  readonly max: number;
}

export const VALUE_BOUNDS_BY_UNIT: Readonly<Record<string, ValueBounds>> = {
  seconds: { min: 1e-3, max: 1e6 },
  'requests/s': { min: 1e-3, max: 1e8 },
  'transactions/s': { min: 1e-3, max: 1e8 },
  'Mb/s': { min: 1e-3, max: 1e6 },
  'MB/s': { min: 1e-3, max: 1e6 },
  score: { min: 1e-3, max: 1e9 },
  bops: { min: 1e-3, max: 1e9 },
};

/** For a workload whose unit has no entry above (one added later): the widest range the rollups allow. */
export const DEFAULT_VALUE_BOUNDS: ValueBounds = { min: 1e-6, max: 1e12 };

/** The largest value any bound admits; see the module comment for why rollups cannot overflow with it. */
export const MAX_ACCEPTED_VALUE = 1e12;

export function valueBoundsOf(unit: string): ValueBounds {
  return VALUE_BOUNDS_BY_UNIT[unit] ?? DEFAULT_VALUE_BOUNDS;
}
