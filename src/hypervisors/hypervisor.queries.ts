import { datedValidAt } from '../shared/validity';

/**
 * The SQL date of hypervisor `h`'s first known release: the earliest of its `first_released_on` and the dates of
 * its releases; null when none is recorded. A month or year date counts from the first day of its period.
 *
 * The rule interopMatrix uses for NOT_RELEASED: Hyper-V's first known release is its December 2007 beta, so it
 * had none on 2007-08-07. Release records are incomplete (OpenVZ's earliest is from 2008; QEMU 0.9.0 is
 * undated), so this bounds existence, but is not a first-release date to show: that is `first_released_on`.
 * `h` is a table alias from code, never input.
 */
export const FIRST_KNOWN_RELEASE_ON = (h: string): string =>
  `least(${h}.first_released_on, (SELECT min(r.released_on) FROM hypervisor_release r WHERE r.hypervisor_id = ${h}.id))`;

/**
 * The precision of {@link FIRST_KNOWN_RELEASE_ON}: that of `first_released_on` when it is the earliest, else that
 * of the earliest dated release. `h` is a table alias from code.
 */
export const FIRST_KNOWN_RELEASE_PRECISION = (h: string): string =>
  `CASE WHEN ${h}.first_released_on IS NOT NULL AND ${h}.first_released_on <= coalesce(
          (SELECT min(r.released_on) FROM hypervisor_release r WHERE r.hypervisor_id = ${h}.id), 'infinity'::date)
        THEN ${h}.first_released_on_precision
        ELSE (SELECT r.released_on_precision FROM hypervisor_release r
               WHERE r.hypervisor_id = ${h}.id AND r.released_on IS NOT NULL
               ORDER BY r.released_on, r.id LIMIT 1) END`;

/**
 * "Hypervisor `h` existed at `param`": its first known release is on or before it, and it was not yet
 * discontinued. A hypervisor with no dated release is undated: it exists at no date, and dated answers list it
 * apart (licensing report `undated`, matrix cells UNDATED).
 */
export const HYPERVISOR_EXISTS_AT = (h: string, param: string): string =>
  datedValidAt(FIRST_KNOWN_RELEASE_ON(h), `${h}.discontinued_on`, param);
