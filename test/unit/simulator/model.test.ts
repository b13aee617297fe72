import { FROZEN_PARAMETERS } from '../../../src/simulator/model/frozen-parameters';
import { simulate, testbed, eventCycles } from '../../../src/simulator/model/model';
import { namedSystem, type SystemConfig } from '../../../src/simulator/model/systems';
import { WORKLOADS, workload } from '../../../src/simulator/model/workloads';

const params = FROZEN_PARAMETERS;
const core2 = testbed('core2-duo-2660');
const barcelona = testbed('opteron-barcelona-2000');
const p4 = testbed('pentium4-672');
const xeon = testbed('dell-2650-xeon-2400');

function overhead(slug: string, config: SystemConfig, bed = barcelona): number {
  return simulate(workload(slug), config, bed, params).slowdown - 1;
}

describe('performance model', () => {
  it.each([
    ['forkwait', 0.5],
    ['kernel-build', 0.5],
  ] as const)(
    'nested page tables lower the overhead of the MMU-heavy %s against shadow paging (to under %p of it)',
    (slug, factor) => {
      const shadow = overhead(slug, { kind: 'hvm', paging: 'shadow' });
      const nested = overhead(slug, { kind: 'hvm', paging: 'nested' });
      expect(nested).toBeLessThan(shadow * factor);
    },
  );

  it('falls back to shadow paging on a testbed without nested paging', () => {
    expect(overhead('forkwait', { kind: 'hvm', paging: 'nested' }, core2)).toBeCloseTo(
      overhead('forkwait', { kind: 'hvm', paging: 'shadow' }, core2),
      12,
    );
  });

  it('lets PV drivers beat emulated devices on sequential reads: the CPU path is in series with the disk', () => {
    const emulated = simulate(workload('disk-io'), { kind: 'hvm', devices: 'emulated' }, core2, params);
    const pv = simulate(workload('disk-io'), { kind: 'hvm', devices: 'pv' }, core2, params);
    expect(pv.value).toBeGreaterThan(emulated.value);
  });

  it.each(['net-tx', 'net-rx', 'web-serving', 'oltp'])('PV drivers beat emulated devices on %s', (slug) => {
    const emulated = simulate(workload(slug), { kind: 'hvm', devices: 'emulated' }, core2, params);
    const pv = simulate(workload(slug), { kind: 'hvm', devices: 'pv' }, core2, params);
    expect(pv.relativeThroughput).toBeGreaterThan(emulated.relativeThroughput);
  });

  it('Core 2 VT-x exits are cheaper than the Pentium 4 672 ones, cycle for cycle', () => {
    for (const event of ['pageFault', 'pteUpdate', 'contextSwitch', 'portIo', 'interrupt'] as const) {
      const cfg: SystemConfig = { kind: 'hvm', paging: 'shadow' };
      expect(eventCycles(event, cfg, core2, params)).toBeLessThan(eventCycles(event, cfg, p4, params));
    }
  });

  it.each(['native', 'xen_pv', 'vmware_ws_bt', 'uml', 'bt', 'vtx', 'hvm_core2', 'hvm_npt', 'container'])(
    'keeps CPU-bound work within 5%% of native on %s',
    (slug) => {
      const bed = slug === 'vtx' ? p4 : slug.startsWith('hvm') ? barcelona : xeon;
      const sim = simulate(workload('cpu-bound'), namedSystem(slug).config, bed, params);
      // Nested paging's 2-D walks cost CPU-bound work up to the fitted 10% (hvm.nestedUserOverhead at its bound).
      expect(sim.relativeThroughput).toBeGreaterThan(slug.includes('npt') ? 0.9 : 0.95);
      expect(sim.relativeThroughput).toBeLessThanOrEqual(1);
    },
  );

  it('is wire-limited at MTU 1500 for native and Xen PV, CPU-limited for the emulated NIC', () => {
    const tx = workload('net-tx');
    const native = simulate(tx, { kind: 'native' }, xeon, params, { mtu: 1500 });
    const pv = simulate(tx, { kind: 'xen_pv' }, xeon, params, { mtu: 1500 });
    const bt = simulate(tx, { kind: 'vmware_ws_bt' }, xeon, params, { mtu: 1500 });
    expect([native.limitedBy, pv.limitedBy, bt.limitedBy]).toEqual(['wire', 'wire', 'cpu']);
    expect(native.value).toBeCloseTo(pv.value, 9);
    expect(native.value).toBeGreaterThan(880);
    expect(native.value).toBeLessThan(915);
  });

  it('gives a container native speed on everything but syscall-heavy work', () => {
    for (const w of WORKLOADS) {
      const sim = simulate(w, { kind: 'container' }, xeon, params);
      expect(sim.relativeThroughput).toBeGreaterThan(0.98);
    }
  });

  it('keeps every simulated time positive on every testbed that can run the system', () => {
    for (const w of WORKLOADS) {
      for (const bed of [xeon, p4, core2, barcelona]) {
        for (const s of [
          'native',
          'xen_pv',
          'vmware_ws_bt',
          'uml',
          'bt',
          'vtx',
          'hvm_core2_pv',
          'hvm_npt_pv',
          'container',
        ]) {
          const config = namedSystem(s).config;
          if (config.kind === 'hvm' && !bed.vtx) continue;
          const a = simulate(w, config, bed, params);
          expect(a.secondsPerUnit).toBeGreaterThan(0);
          expect(simulate(w, config, bed, params)).toEqual(a);
        }
      }
    }
  });
});
