import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BENCHMARK_MAPPINGS,
  PARAMETER_SPECS,
  calibrationLoss,
  calibrationReport,
  fitParameters,
  type CalibrationTarget,
} from '../../../src/simulator/model/calibration';
import { FROZEN_PARAMETERS, MODEL_VERSION } from '../../../src/simulator/model/frozen-parameters';

interface TargetRow extends CalibrationTarget {
  source: string;
  unit: string;
  secondary: boolean;
}

const targets = JSON.parse(
  readFileSync(join(__dirname, '../../../seeds/data/calibration_targets.json'), 'utf8'),
) as TargetRow[];

/**
 * [slug, published, simulated (4 significant digits), tolerance on |relative error|]. 56 of 62 targets are
 * within 5%. The misses are structural, not tuning left undone:
 * - VMware WS 3.2 ttcp receive: 615 Mb/s at MTU 1500 but 137 at MTU 500 means the per-packet cost *falls* as
 *   packets grow (26.9 → 19.0 µs); no non-negative per-packet + per-byte cost does that, so the fit splits the
 *   error (−17% / +20%).
 * - BT forkwait (−31%), Apache ab Windows (−14%) and PassMark 2D (−10%) on BT: with BT's nanobenchmarked
 *   costs (pgfault 3,927, ptemod 391, syscall ≈ native + 2,000) and fork rates a real kernel can reach, BT
 *   would need a cost the model does not have (the paper's traced-page "hidden" faults and translation-cache
 *   work for new processes); raising BT's event costs beyond ×5 of their priors would be absurd.
 * - VT-x forkwait (+5.1%) pays for the compromise with BT forkwait through the shared fork mix.
 */
const EXPECTED: ReadonlyArray<readonly [string, number, number, number]> = [
  ['adams-agesen-2006-apache-ab-linux-bt', 45, 44.79, 0.05],
  ['adams-agesen-2006-apache-ab-linux-native', 100, 100, 0.05],
  ['adams-agesen-2006-apache-ab-linux-vtx', 38, 38.02, 0.05],
  ['adams-agesen-2006-apache-ab-windows-bt', 53, 45.56, 0.16],
  ['adams-agesen-2006-apache-ab-windows-native', 100, 100, 0.05],
  ['adams-agesen-2006-apache-ab-windows-vtx', 67, 66.96, 0.05],
  ['adams-agesen-2006-forkwait-bt', 36.9, 25.58, 0.32],
  ['adams-agesen-2006-forkwait-native', 6, 6, 0.05],
  ['adams-agesen-2006-forkwait-vtx', 106.4, 111.8, 0.07],
  ['adams-agesen-2006-kernel-compile-2-6-11-bt', 393, 392.6, 0.05],
  ['adams-agesen-2006-kernel-compile-2-6-11-native', 265, 265, 0.05],
  ['adams-agesen-2006-kernel-compile-2-6-11-vtx', 484, 484, 0.05],
  ['adams-agesen-2006-nano-call-ret-bt', 51, 51, 0.05],
  ['adams-agesen-2006-nano-call-ret-native', 11, 11, 0.05],
  ['adams-agesen-2006-nano-call-ret-vtx', 11, 11, 0.05],
  ['adams-agesen-2006-nano-divzero-bt', 3223, 3223, 0.05],
  ['adams-agesen-2006-nano-divzero-native', 889, 889, 0.05],
  ['adams-agesen-2006-nano-divzero-vtx', 1014, 1014, 0.05],
  ['adams-agesen-2006-nano-in-port-bt', 214, 214, 0.05],
  ['adams-agesen-2006-nano-in-port-native', 3209, 3210, 0.05],
  ['adams-agesen-2006-nano-in-port-vtx', 15826, 15850, 0.05],
  ['adams-agesen-2006-nano-pgfault-bt', 3927, 3981, 0.05],
  ['adams-agesen-2006-nano-pgfault-native', 1093, 1089, 0.05],
  ['adams-agesen-2006-nano-pgfault-vtx', 11242, 11230, 0.05],
  ['adams-agesen-2006-nano-ptemod-bt', 391, 392.4, 0.05],
  ['adams-agesen-2006-nano-ptemod-vtx', 12733, 12690, 0.05],
  ['adams-agesen-2006-passmark-2d-bt', 63, 56.45, 0.12],
  ['adams-agesen-2006-passmark-2d-native', 100, 100, 0.05],
  ['adams-agesen-2006-passmark-2d-vtx', 70, 73.16, 0.05],
  ['adams-agesen-2006-specjbb2005-bt', 98, 94.46, 0.05],
  ['adams-agesen-2006-specjbb2005-native', 100, 100, 0.05],
  ['adams-agesen-2006-specjbb2005-vtx', 99, 97.38, 0.05],
  ['adams-agesen-2006-vm-entry-core2duo-2-66ghz', 937, 937, 0.05],
  ['adams-agesen-2006-vm-entry-pentium4-672', 2409, 2409, 0.05],
  ['adams-agesen-2006-vm-exit-pgfault-core2duo-2-66ghz', 1186, 1186, 0.05],
  ['adams-agesen-2006-vm-exit-pgfault-pentium4-672', 1931, 1931, 0.05],
  ['xen-sosp-2003-kernel-build-2-4-21-native', 263, 263, 0.05],
  ['xen-sosp-2003-kernel-build-2-4-21-uml', 535, 535, 0.05],
  ['xen-sosp-2003-kernel-build-2-4-21-vmware-ws-bt', 334, 334, 0.05],
  ['xen-sosp-2003-kernel-build-2-4-21-xen-pv', 271, 270.9, 0.05],
  ['xen-sosp-2003-spec-int2000-native', 567, 567, 0.05],
  ['xen-sosp-2003-spec-int2000-uml', 550, 550, 0.05],
  ['xen-sosp-2003-spec-int2000-vmware-ws-bt', 554, 554, 0.05],
  ['xen-sosp-2003-spec-int2000-xen-pv', 567, 566.3, 0.05],
  ['xen-sosp-2003-spec-web99-native', 518, 518, 0.05],
  ['xen-sosp-2003-spec-web99-xen-pv', 514, 505.8, 0.05],
  ['xen-sosp-2003-ttcp-rx-mtu1500-native', 897, 897, 0.05],
  ['xen-sosp-2003-ttcp-rx-mtu1500-uml', 203, 203, 0.05],
  ['xen-sosp-2003-ttcp-rx-mtu1500-vmware-ws-bt', 615, 508, 0.19],
  ['xen-sosp-2003-ttcp-rx-mtu1500-xen-pv', 897, 897, 0.05],
  ['xen-sosp-2003-ttcp-rx-mtu500-native', 544, 541.4, 0.05],
  ['xen-sosp-2003-ttcp-rx-mtu500-uml', 91.4, 91.39, 0.05],
  ['xen-sosp-2003-ttcp-rx-mtu500-vmware-ws-bt', 137, 164.9, 0.22],
  ['xen-sosp-2003-ttcp-rx-mtu500-xen-pv', 467, 467.5, 0.05],
  ['xen-sosp-2003-ttcp-tx-mtu1500-native', 897, 897, 0.05],
  ['xen-sosp-2003-ttcp-tx-mtu1500-uml', 165, 165, 0.05],
  ['xen-sosp-2003-ttcp-tx-mtu1500-vmware-ws-bt', 291, 291, 0.05],
  ['xen-sosp-2003-ttcp-tx-mtu1500-xen-pv', 897, 897, 0.05],
  ['xen-sosp-2003-ttcp-tx-mtu500-native', 602, 601.8, 0.05],
  ['xen-sosp-2003-ttcp-tx-mtu500-uml', 61.1, 61.09, 0.05],
  ['xen-sosp-2003-ttcp-tx-mtu500-vmware-ws-bt', 101, 101, 0.05],
  ['xen-sosp-2003-ttcp-tx-mtu500-xen-pv', 516, 516.4, 0.05],
];

describe('calibration against the published targets', () => {
  const report = calibrationReport(targets, FROZEN_PARAMETERS);

  it('has one row per (benchmark, system) of the 2003 and 2006 papers, each mapped onto the model', () => {
    expect(targets).toHaveLength(62);
    expect(new Set(targets.map((t) => t.source))).toEqual(new Set(['xen-sosp-2003', 'adams-agesen-2006']));
    for (const t of targets) {
      expect(BENCHMARK_MAPPINGS[t.benchmark]).toBeDefined();
      expect(t.secondary).toBe(true);
    }
    expect([...targets].map((t) => t.slug)).toEqual([...targets].map((t) => t.slug).sort());
  });

  it.each(EXPECTED)(
    'reproduces %s (published %p, simulated %p) within %p',
    (slug, published, simulated, tol) => {
      const row = report.find((r) => r.slug === slug);
      expect(row).toBeDefined();
      expect(row?.published).toBe(published);
      expect(row?.simulated).toBeCloseTo(simulated, 4 - Math.ceil(Math.log10(Math.abs(simulated) + 1)));
      expect(Math.abs(row?.relativeError ?? Infinity)).toBeLessThanOrEqual(tol);
    },
  );

  it('lists every target and misses 5% on exactly the six documented ones', () => {
    expect(EXPECTED.map(([slug]) => slug)).toEqual(report.map((r) => r.slug));
    expect(report.filter((r) => Math.abs(r.relativeError) > 0.05).map((r) => r.slug)).toEqual([
      'adams-agesen-2006-apache-ab-windows-bt',
      'adams-agesen-2006-forkwait-bt',
      'adams-agesen-2006-forkwait-vtx',
      'adams-agesen-2006-passmark-2d-bt',
      'xen-sosp-2003-ttcp-rx-mtu1500-vmware-ws-bt',
      'xen-sosp-2003-ttcp-rx-mtu500-vmware-ws-bt',
    ]);
  });

  it('freezes a versioned parameter for every spec, inside its bounds', () => {
    expect(MODEL_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(FROZEN_PARAMETERS).sort()).toEqual(PARAMETER_SPECS.map((s) => s.name).sort());
    for (const s of PARAMETER_SPECS) {
      const v = FROZEN_PARAMETERS[s.name];
      if (s.fitted) {
        expect(v).toBeGreaterThanOrEqual(s.min * (1 - 1e-6));
        expect(v).toBeLessThanOrEqual(s.max * (1 + 1e-6));
      } else {
        expect(v).toBe(s.prior);
      }
    }
  });

  it('finds no better fit near the frozen parameters (they are a converged optimum)', () => {
    const refit = fitParameters(targets, FROZEN_PARAMETERS, { maxSweeps: 2 });
    expect(calibrationLoss(targets, refit)).toBeGreaterThan(
      calibrationLoss(targets, FROZEN_PARAMETERS) * 0.999,
    );
    expect(fitParameters(targets, FROZEN_PARAMETERS, { maxSweeps: 2 })).toEqual(refit);
  });

  it("ranks SPEC WEB99 as the paper does (Xen ≈ native > VMware, UML), though not by the paper's factor of 3", () => {
    const sim = (system: string): number =>
      calibrationReport(
        [
          ...targets.filter((t) => t.slug === 'xen-sosp-2003-spec-web99-native'),
          { slug: system, benchmark: 'SPEC WEB99', system, value: 1, higherIsBetter: true },
        ],
        FROZEN_PARAMETERS,
      )[1]?.simulated ?? NaN;
    // The paper's text says "less than a third of native" for VMware and UML; it is not a numeric target and
    // the model, fitted to the ttcp and kernel-build numbers, gives about half of native instead.
    expect(sim('vmware_ws_bt')).toBeLessThan(sim('xen_pv') * 0.6);
    expect(sim('uml')).toBeLessThan(sim('xen_pv') * 0.6);
  });
});
