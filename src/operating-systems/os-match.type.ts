import { registerValuesEnum } from '../shared/enums';

/**
 * How an operating system named by a fact matched the one asked about — the one meaning of "guest" across the
 * API (compatibility, interopMatrix, paravirtPaths, driverPackages): a fact about a family ("Windows") covers
 * its members ("Windows Server 2003") as a FAMILY match; a fact about the member itself is EXACT. Asking about a
 * family does not match facts about its members.
 */
export const MATCHES = ['exact', 'family', 'any'] as const;
export type Match = (typeof MATCHES)[number];
export const MatchEnum = registerValuesEnum(
  MATCHES,
  'OsMatch',
  'How a fact’s operating system matched the one asked about.',
  {
    exact: 'The fact names this very system.',
    family: 'The fact names a more general system it belongs to (e.g. "Windows" for Windows Server 2003).',
    any: 'The fact names no host (bare-metal hypervisor or host not stated).',
  },
);

/** depth 0: exact; deeper: a family; null: no system named. */
export function matchOf(depth: number | null): Match {
  return depth === null ? 'any' : depth === 0 ? 'exact' : 'family';
}
