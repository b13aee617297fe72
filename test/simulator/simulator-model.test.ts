import fs from 'node:fs';
import path from 'node:path';
import { SEED_DATA_DIR } from '../../seeds/seed';
import {
  calibrationReport,
  PARAMETER_SPECS,
  type CalibrationTarget,
} from '../../src/simulator/model/calibration';
import { PRIOR_FACTOR_BOUNDS } from '../../src/simulator/model/parameters';
import { CROSS_VALIDATION } from '../../src/simulator/model/cross-validation';
import { FROZEN_PARAMETERS, MODEL_VERSION } from '../../src/simulator/model/frozen-parameters';
import { simulate, testbed } from '../../src/simulator/model/model';
import { workload } from '../../src/simulator/model/workloads';
import { systemFor } from '../../src/simulator/predict';
import { toleranceOf } from '../../src/simulator/simulator-model.service';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Target = CalibrationTarget & { source: string; area?: string; unit: string; secondary: boolean };
const read = (f: string): Target[] =>
  JSON.parse(fs.readFileSync(path.join(SEED_DATA_DIR, f), 'utf8')) as Target[];

describe('simulatorModel', () => {
  it('reports the frozen model and, for every stored target, the published value, the simulated one and the error', async () => {
    const res = await server.graphql<{ simulatorModel: any }>(`{ simulatorModel {
      version targets targetsModelled targetsWithinTolerance maxAbsoluteError
      parameters { name unit value prior fitted min max onBound boundsWhy }
      calibration { slug benchmark system area relation published simulated relativeError tolerance withinTolerance
                    source { slug } }
      crossValidation { source area targets meanAbsoluteError maxAbsoluteError }
    } }`);
    expect(res.body.errors).toBeUndefined();
    const model = res.body.data!.simulatorModel;

    // Computed independently from the seed files, not from the database.
    const targets = [...read('calibration_targets.json'), ...read('io_calibration_targets.json')];
    const bySlug = new Map(targets.map((t) => [t.slug, t]));
    const expected = calibrationReport(targets, FROZEN_PARAMETERS)
      .sort((a, b) => (a.slug < b.slug ? -1 : 1))
      .map((e) => {
        const t = bySlug.get(e.slug)!;
        const tolerance = toleranceOf(t.area ?? 'cpu');
        return {
          slug: e.slug,
          benchmark: e.benchmark,
          system: e.system,
          area: t.area ?? 'cpu',
          relation: e.relation,
          published: e.published,
          simulated: e.simulated,
          relativeError: e.relativeError,
          tolerance,
          withinTolerance:
            e.relativeError === null
              ? null
              : e.relation === 'eq'
                ? Math.abs(e.relativeError) <= tolerance
                : e.satisfied,
          source: { slug: t.source },
        };
      });
    expect(model.version).toBe(MODEL_VERSION);
    expect(model.targets).toBe(131);
    expect(model.targetsModelled).toBe(131 - 6);
    expect(model.calibration).toEqual(expected);
    expect(model.targetsWithinTolerance).toBe(expected.filter((e) => e.withinTolerance === true).length);
    expect(model.crossValidation).toEqual(
      Object.entries(CROSS_VALIDATION).map(([source, cv]) => ({ source, ...cv })),
    );
    for (const p of model.parameters) {
      expect(p.value).toBeGreaterThanOrEqual(p.min);
      expect(p.value).toBeLessThanOrEqual(p.max);
    }
    const specs = new Map(PARAMETER_SPECS.map((s) => [s.name, s]));
    expect(model.parameters).toEqual(
      PARAMETER_SPECS.map((s) => {
        const value = FROZEN_PARAMETERS[s.name] ?? s.prior;
        const onBound = !s.fitted ? null : value === s.min ? 'min' : value === s.max ? 'max' : null;
        return { ...pick(s), value, onBound, boundsWhy: s.boundsWhy };
      }),
    );
    // Every parameter resting on a bound says why the bound is there; explicit bounds have their own reason.
    const onBound = model.parameters.filter((p: { onBound: string | null }) => p.onBound);
    expect(onBound.length).toBeGreaterThan(0);
    for (const p of onBound) {
      const s = specs.get(p.name)!;
      const factorBounds = s.min === s.prior / 5 && s.max === s.prior * 5;
      expect(p.boundsWhy).toEqual(expect.stringMatching(/\w{4,}.*\w{4,}/));
      if (!factorBounds) expect(p.boundsWhy).not.toBe(PRIOR_FACTOR_BOUNDS);
    }
    expect(onBound.find((p: { name: string }) => p.name === 'xen_pv.contextSwitch')).toEqual(
      expect.objectContaining({ onBound: 'min', min: 4000, boundsWhy: expect.stringMatching(/native cost/) }),
    );
  });
});

const pick = (s: (typeof PARAMETER_SPECS)[number]) => ({
  name: s.name,
  unit: s.unit,
  prior: s.prior,
  fitted: s.fitted,
  min: s.min,
  max: s.max,
});

describe('predictPerformance', () => {
  const query = `query ($input: PredictPerformanceInput!) { predictPerformance(input: $input) {
    value unit fractionOfNative nativeValue intervalLow intervalHigh limitedBy cpuSecondsPerUnit
    backendCpuSecondsPerUnit responseSeconds breakdown { event cycles } system modelVersion } }`;
  const predict = (input: Record<string, unknown>) =>
    server.graphql<{ predictPerformance: any }>(query, { input });

  it('computes the model’s answer on request: Xen 3.0.4 with VMDP on Windows Server 2003, disk reads', async () => {
    const input = {
      release: 'xen-3-0-4',
      mode: 'HARDWARE_ASSISTED_PV_DRIVERS',
      guest: 'windows-server-2003',
      driverPackage: 'novell-vmdp',
      testbed: 'core2-duo-2660',
      workload: 'disk-io',
      asOf: '2008-01-15',
    };
    const res = await predict(input);
    expect(res.body.errors).toBeUndefined();
    const p = res.body.data!.predictPerformance;
    const config = systemFor('hardware_assisted_pv_drivers', 'xen', 'xen-3-0-4');
    const bed = testbed('core2-duo-2660');
    const sim = simulate(workload('disk-io'), config, bed, FROZEN_PARAMETERS, { vcpus: 1 });
    const native = simulate(workload('disk-io'), { kind: 'native' }, bed, FROZEN_PARAMETERS, { vcpus: 1 });
    expect(p.value).toBeCloseTo(sim.value, 9);
    expect(p.nativeValue).toBeCloseTo(native.value, 9);
    expect(p.fractionOfNative).toBeCloseTo(sim.relativeThroughput, 12);
    expect(p.limitedBy).toBe(sim.limitedBy);
    expect(p.cpuSecondsPerUnit).toBeCloseTo(sim.cpuSecondsPerUnit, 15);
    expect(p.unit).toBe('MB/s');
    expect(p.modelVersion).toBe(MODEL_VERSION);
    expect(p.intervalLow).toBeLessThan(p.value);
    expect(p.intervalHigh).toBeGreaterThan(p.value);
    expect(p.breakdown.map((b: { event: string }) => b.event).sort()).toEqual(
      Object.keys(sim.breakdown).sort(),
    );
    expect(JSON.parse(p.system)).toEqual(config);
  });

  it('answers PV drivers well ahead of the same release emulated on disk and network', async () => {
    const base = { release: 'xen-3-0-4', guest: 'windows-server-2003', testbed: 'core2-duo-2660' };
    for (const w of ['disk-io', 'net-rx']) {
      const pv = await predict({ ...base, mode: 'HARDWARE_ASSISTED_PV_DRIVERS', workload: w });
      const emu = await predict({ ...base, mode: 'HARDWARE_ASSISTED_EMULATED', workload: w });
      expect(pv.body.data!.predictPerformance.value).toBeGreaterThan(emu.body.data!.predictPerformance.value);
    }
  });

  it.each([
    [{ testbed: 'dell-2650-xeon-2400' }, 'input.testbed'],
    [{ testbed: 'cray-1' }, 'input.testbed'],
    [{ workload: 'telepathy' }, 'input.workload'],
    [{ guest: 'fedora' }, 'input.driverPackage'],
    [{ driverPackage: 'no-such-drivers' }, 'input.driverPackage'],
    [{ mode: 'HARDWARE_ASSISTED_EMULATED' }, 'input.driverPackage'],
    [{ asOf: '2003-01-01' }, 'input.asOf'],
    [{ release: 'xen-9' }, 'input.release'],
    [{ mode: 'NATIVE' }, 'input.release'],
    [{ vcpus: 64 }, 'input.vcpus'],
    [{ vms: 0 }, 'input.vms'],
  ])('refuses an impossible configuration %p naming %s', async (change, field) => {
    const res = await predict({
      release: 'xen-3-0-4',
      mode: 'HARDWARE_ASSISTED_PV_DRIVERS',
      guest: 'windows-server-2003',
      driverPackage: 'novell-vmdp',
      testbed: 'core2-duo-2660',
      workload: 'disk-io',
      asOf: '2008-01-15',
      ...change,
    });
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.map((e: any) => [e.extensions?.code, e.extensions?.argumentName])).toEqual([
      ['BAD_USER_INPUT', field],
    ]);
  });
});
