import fs from 'node:fs';
import path from 'node:path';
import { SEED_DATA_DIR } from '../../seeds/seed';
import { calibrationReport, type CalibrationTarget } from '../../src/simulator/model/calibration';
import { FROZEN_PARAMETERS } from '../../src/simulator/model/frozen-parameters';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('simulatorModel', () => {
  it('reports the frozen model and, for every stored target, the published value, the simulated one and the error', async () => {
    const res = await server.graphql<{ simulatorModel: any }>(`{ simulatorModel {
      version targets targetsWithinTolerance maxAbsoluteError
      parameters { name unit value prior fitted min max }
      calibration { slug benchmark system published simulated relativeError withinTolerance source { slug } }
    } }`);
    expect(res.body.errors).toBeUndefined();
    const model = res.body.data!.simulatorModel;

    // Computed independently from the seed file, not from the database.
    const targets = JSON.parse(
      fs.readFileSync(path.join(SEED_DATA_DIR, 'calibration_targets.json'), 'utf8'),
    ) as (CalibrationTarget & {
      source: string;
    })[];
    const expected = calibrationReport(targets, FROZEN_PARAMETERS).sort((a, b) => (a.slug < b.slug ? -1 : 1));
    const sources = new Map(targets.map((t) => [t.slug, t.source]));

    expect(model.version).toBe('2007.1.0');
    expect(model.targets).toBe(62);
    expect(model.targetsWithinTolerance).toBe(56);
    expect(model.maxAbsoluteError).toBeCloseTo(
      Math.max(...expected.map((e) => Math.abs(e.relativeError))),
      10,
    );
    expect(model.calibration).toEqual(
      expected.map((e) => ({
        ...e,
        withinTolerance: Math.abs(e.relativeError) <= 0.05,
        source: { slug: sources.get(e.slug) },
      })),
    );
    expect(
      model.calibration
        .filter((c: { withinTolerance: boolean }) => !c.withinTolerance)
        .map((c: { slug: string }) => c.slug)
        .sort(),
    ).toEqual(
      [
        'adams-agesen-2006-apache-ab-windows-bt',
        'adams-agesen-2006-forkwait-bt',
        'adams-agesen-2006-forkwait-vtx',
        'adams-agesen-2006-passmark-2d-bt',
        'xen-sosp-2003-ttcp-rx-mtu1500-vmware-ws-bt',
        'xen-sosp-2003-ttcp-rx-mtu500-vmware-ws-bt',
      ].sort(),
    );
    for (const p of model.parameters) {
      expect(p.value).toBeGreaterThanOrEqual(p.min);
      expect(p.value).toBeLessThanOrEqual(p.max);
    }
  });
});
