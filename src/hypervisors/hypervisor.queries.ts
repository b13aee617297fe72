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
