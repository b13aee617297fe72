import type { DataSource } from 'typeorm';
import type { ExecutionMode } from '../benchmarks/benchmark.type';
import { BadUserInputError } from '../errors';
import { consolidate } from './model/consolidation';
import { CROSS_VALIDATION } from './model/cross-validation';
import { FROZEN_PARAMETERS, MODEL_VERSION } from './model/frozen-parameters';
import { simulate, TESTBEDS, type LimitingResource, type Testbed } from './model/model';
import type { SystemConfig } from './model/systems';
import { WORKLOADS, type Workload } from './model/workloads';

/** A configuration to predict (the `predictPerformance` input). */
export interface PredictionInput {
  readonly release?: string | null;
  readonly mode: ExecutionMode;
  readonly guest: string;
  readonly driverPackage?: string | null;
  readonly testbed: string;
  readonly workload: string;
  readonly vms?: number | null;
  readonly vcpus?: number | null;
  readonly asOf?: string | null;
  readonly mtu?: number | null;
}

/** The model's answer for one configuration. */
export interface Prediction {
  readonly value: number;
  readonly unit: string;
  readonly metric: string;
  readonly higherIsBetter: boolean;
  readonly nativeValue: number;
  readonly fractionOfNative: number;
  readonly intervalLow: number;
  readonly intervalHigh: number;
  readonly limitedBy: LimitingResource;
  readonly cpuSecondsPerUnit: number;
  readonly backendCpuSecondsPerUnit: number;
  readonly responseSeconds: number | null;
  readonly breakdown: { event: string; cycles: number }[];
  readonly system: string;
  readonly modelVersion: string;
}

interface ReleaseRow {
  hypervisor: string;
  releasedOn: string | null;
}

const HARDWARE_MODES: ReadonlySet<ExecutionMode> = new Set([
  'hardware_assisted_emulated',
  'hardware_assisted_pv_drivers',
]);

/** The model system a release runs a mode with (by its hypervisor; the scenario families use the same). */
export function systemFor(
  mode: ExecutionMode,
  hypervisor: string | null,
  release: string | null,
): SystemConfig {
  switch (mode) {
    case 'native':
      return { kind: 'native' };
    case 'os_level':
      return { kind: 'container' };
    case 'emulated':
      return { kind: 'qemu' };
    case 'paravirtualized':
      if (hypervisor?.startsWith('lguest')) return { kind: 'lguest' };
      return release === 'xen-first-stable'
        ? { kind: 'xen_pv', driverModel: 'in-hypervisor' }
        : { kind: 'xen_pv', netRx: release && /^xen-3-[1-9]|^xen-[4-9]/.test(release) ? 'copy' : 'flip' };
    case 'binary_translation':
      if (release?.includes('kqemu')) return { kind: 'kqemu' };
      if (release?.startsWith('vmware-workstation-3')) return { kind: 'vmware_ws_bt' };
      return { kind: 'bt' };
    case 'hardware_assisted_emulated':
      return { kind: 'hvm', paging: 'nested', devices: 'emulated' };
    case 'hardware_assisted_pv_drivers':
      return { kind: 'hvm', paging: 'nested', devices: 'pv' };
  }
}

/** Model uncertainty of a workload shape: the mean leave-one-source-out error of that area's sources. */
function modelError(w: Workload): number {
  const area = w.shape === 'cpu' ? 'cpu' : w.shape === 'disk' ? 'disk' : 'network';
  const errors = Object.values(CROSS_VALIDATION)
    .filter((c) => c.area === area)
    .map((c) => c.meanAbsoluteError);
  return errors.length ? errors.reduce((a, b) => a + b, 0) / errors.length : 0;
}

/**
 * The model's prediction for a configuration, computed on request from the frozen parameters. Checks that the
 * knowledge base allows the configuration: the release exists and was out by `asOf`, hardware-assisted modes
 * run only on a testbed with VT-x/AMD-V, and a driver package exists, covers the guest (or an OS family it
 * belongs to) and had terms valid on `asOf`. Each failure is a BAD_USER_INPUT naming the input field.
 */
export async function predictPerformance(db: DataSource, input: PredictionInput): Promise<Prediction> {
  const bed: Testbed | undefined = TESTBEDS.find((t) => t.slug === input.testbed);
  if (!bed) {
    throw new BadUserInputError(
      `Unknown testbed "${input.testbed}"; known: ${TESTBEDS.map((t) => t.slug).join(', ')}.`,
      'input.testbed',
    );
  }
  const w = WORKLOADS.find((x) => x.slug === input.workload);
  if (!w) throw new BadUserInputError(`Unknown workload "${input.workload}".`, 'input.workload');
  const vms = input.vms ?? 1;
  const vcpus = input.vcpus ?? 1;
  if (!Number.isInteger(vms) || vms < 1 || vms > 256) {
    throw new BadUserInputError('vms must be an integer from 1 to 256.', 'input.vms');
  }
  if (!Number.isInteger(vcpus) || vcpus < 1 || vcpus > bed.cores) {
    throw new BadUserInputError(
      `vcpus must be an integer from 1 to the testbed's ${bed.cores} cores.`,
      'input.vcpus',
    );
  }
  const mtu = input.mtu ?? 1500;
  if (!Number.isInteger(mtu) || mtu < 576 || mtu > 9000) {
    throw new BadUserInputError('mtu must be an integer from 576 to 9000.', 'input.mtu');
  }
  const asOf = input.asOf ?? null;
  if (asOf !== null && asOf < bed.availableFrom) {
    throw new BadUserInputError(
      `Testbed ${bed.slug} was not available before ${bed.availableFrom}.`,
      'input.asOf',
    );
  }
  const [guest] = await db.query<{ id: number }[]>('SELECT id FROM operating_system WHERE slug = $1', [
    input.guest,
  ]);
  if (!guest) throw new BadUserInputError(`Unknown guest operating system "${input.guest}".`, 'input.guest');

  let release: ReleaseRow | null = null;
  if (input.mode === 'native') {
    if (input.release)
      throw new BadUserInputError('A native configuration has no hypervisor release.', 'input.release');
  } else {
    if (!input.release)
      throw new BadUserInputError(`Mode ${input.mode} needs a hypervisor release.`, 'input.release');
    [release] = await db.query<ReleaseRow[]>(
      `SELECT h.slug AS hypervisor, r.released_on::text AS "releasedOn"
         FROM hypervisor_release r JOIN hypervisor h ON h.id = r.hypervisor_id WHERE r.slug = $1`,
      [input.release],
    );
    if (!release)
      throw new BadUserInputError(`Unknown hypervisor release "${input.release}".`, 'input.release');
    if (asOf !== null && release.releasedOn !== null && asOf < release.releasedOn) {
      throw new BadUserInputError(
        `Release ${input.release} came out on ${release.releasedOn}, after ${asOf}.`,
        'input.asOf',
      );
    }
  }
  if (HARDWARE_MODES.has(input.mode) && !bed.vtx) {
    throw new BadUserInputError(
      `Testbed ${bed.slug} has no VT-x/AMD-V: mode ${input.mode} cannot run there.`,
      'input.testbed',
    );
  }
  if (input.driverPackage) await checkDriverPackage(db, input.driverPackage, input.mode, guest.id, asOf);

  const config = systemFor(input.mode, release?.hypervisor ?? null, input.release ?? null);
  const sim = simulate(w, config, bed, FROZEN_PARAMETERS, { mtu, vcpus });
  const native = simulate(w, { kind: 'native' }, bed, FROZEN_PARAMETERS, { mtu, vcpus });
  const cons = consolidate(w, config, bed, FROZEN_PARAMETERS, { vms, vcpus, run: { mtu } });
  const fraction = vms === 1 ? sim.relativeThroughput : cons.perGuestRelativeThroughput;
  const value = w.higherIsBetter ? native.value * fraction : native.value / fraction;
  const sigma = Math.hypot(w.noise.cv, modelError(w));
  return {
    value,
    unit: w.unit,
    metric: w.metric,
    higherIsBetter: w.higherIsBetter,
    nativeValue: native.value,
    fractionOfNative: fraction,
    intervalLow: value * Math.max(0, 1 - 1.96 * sigma),
    intervalHigh: value * (1 + 1.96 * sigma),
    limitedBy: vms === 1 ? sim.limitedBy : cons.limitedBy,
    cpuSecondsPerUnit: sim.cpuSecondsPerUnit,
    backendCpuSecondsPerUnit: sim.backendCpuSecondsPerUnit,
    responseSeconds: cons.responseSeconds,
    breakdown: Object.entries(sim.breakdown)
      .map(([event, cycles]) => ({ event, cycles }))
      .sort((a, b) => b.cycles - a.cycles || a.event.localeCompare(b.event)),
    system: JSON.stringify(config),
    modelVersion: MODEL_VERSION,
  };
}

async function checkDriverPackage(
  db: DataSource,
  slug: string,
  mode: ExecutionMode,
  guestId: number,
  asOf: string | null,
): Promise<void> {
  if (mode !== 'hardware_assisted_pv_drivers' && mode !== 'binary_translation') {
    throw new BadUserInputError(`Mode ${mode} does not use a PV driver package.`, 'input.driverPackage');
  }
  const [row] = await db.query<{ id: number; coversGuest: boolean; terms: number; validTerms: number }[]>(
    `WITH RECURSIVE ancestors AS (
       SELECT id, parent_id FROM operating_system WHERE id = $2
       UNION SELECT o.id, o.parent_id FROM operating_system o JOIN ancestors a ON o.id = a.parent_id)
     SELECT d.id,
            EXISTS (SELECT 1 FROM driver_package_guest_os g JOIN ancestors a ON a.id = g.operating_system_id
                     WHERE g.driver_package_id = d.id) AS "coversGuest",
            (SELECT count(*)::int FROM driver_package_term t WHERE t.driver_package_id = d.id) AS terms,
            (SELECT count(*)::int FROM driver_package_term t WHERE t.driver_package_id = d.id
                AND ($3::date IS NULL OR ((t.valid_from IS NULL OR t.valid_from <= $3::date)
                                     AND (t.valid_to IS NULL OR t.valid_to >= $3::date)))) AS "validTerms"
       FROM driver_package d WHERE d.slug = $1`,
    [slug, guestId, asOf],
  );
  if (!row) throw new BadUserInputError(`Unknown driver package "${slug}".`, 'input.driverPackage');
  if (!row.coversGuest) {
    throw new BadUserInputError(`Driver package ${slug} does not support that guest.`, 'input.driverPackage');
  }
  if (row.terms > 0 && row.validTerms === 0) {
    throw new BadUserInputError(
      `Driver package ${slug} was not available on ${asOf}.`,
      'input.driverPackage',
    );
  }
}
