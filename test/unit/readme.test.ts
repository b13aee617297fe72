import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { EXECUTION_MODES } from '../../src/benchmarks/benchmark.type';
import { WORKLOADS } from '../../src/simulator/model/workloads';
import hypervisors from '../../seeds/data/hypervisors.json';
import operatingSystems from '../../seeds/data/operating_systems.json';

const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');

/** The slugs listed in backticks on the README's "Vocabularies" bullet that starts with `label`. */
function listed(label: string): string[] {
  const vocabularies = readme.slice(
    readme.indexOf('## Vocabularies'),
    readme.indexOf('## Clients that prefer GET'),
  );
  const start = vocabularies.indexOf(`- **${label}**`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = vocabularies.indexOf('\n- ', start + 1);
  const bullet = vocabularies.slice(start, end < 0 ? undefined : end);
  const afterColon = bullet.slice(bullet.indexOf('):') + 2);
  return [...afterColon.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '').filter((s) => !s.includes(' '));
}

const slugs = (data: unknown): string[] =>
  (Array.isArray(data) ? data : (Object.values(data as object)[0] as unknown[])).map(
    (row) => (row as { slug: string }).slug,
  );

describe('README vocabularies match the seeds and the schema', () => {
  it('lists every workload of the simulator', () => {
    expect(listed('Workloads').filter((s) => s !== 'workloads')).toEqual(WORKLOADS.map((w) => w.slug));
  });

  it('lists every hypervisor and operating system of the seeds', () => {
    expect(listed('Hypervisors').sort()).toEqual(slugs(hypervisors).sort());
    expect(listed('Operating systems').sort()).toEqual(slugs(operatingSystems).sort());
  });

  it('lists every execution mode', () => {
    expect(listed('Modes').sort()).toEqual(EXECUTION_MODES.map((m) => m.toUpperCase()).sort());
  });

  it('has a table of contents whose links all reach a heading', () => {
    const anchors = new Set(
      [...readme.matchAll(/^#{2,3} (.+)$/gm)].map((m) =>
        (m[1] ?? '')
          .toLowerCase()
          .replace(/[^a-z0-9 -]/g, '')
          .replace(/ /g, '-'),
      ),
    );
    const contents = readme.slice(readme.indexOf('## Contents'), readme.indexOf('## Quick start'));
    const links = [...contents.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1] ?? '');
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((l) => !anchors.has(l))).toEqual([]);
  });
});
