import fs from 'node:fs';

/**
 * Summarises a `node --cpu-prof` profile by where the time goes: `node dist/bench/profile-summary.js <file>`.
 * Prints, per package (`node_modules/<name>`, our `src/<folder>`, node internals, GC, idle), the share of
 * samples whose stack passes through it (inclusive) and the share spent in its own code (self).
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

function ownerOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (functionName === '(garbage collector)') return '(gc)';
  if (functionName === '(idle)') return '(idle)';
  if (functionName === '(program)') return '(program)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const ours = /\/dist\/(src\/[^/]+|bench)/.exec(url);
  if (ours) return ours[1];
  if (url.startsWith('node:')) return url.split('/')[0];
  return url === '' ? '(native)' : url;
}

const file = process.argv[2];
if (!file) throw new Error('usage: node dist/bench/profile-summary.js <file.cpuprofile>');
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const inclusive = new Map<string, number>();
const self = new Map<string, number>();
let busy = 0;
for (const id of profile.samples) {
  const leaf = byId.get(id)!;
  const leafOwner = ownerOf(leaf);
  if (leafOwner === '(idle)') continue;
  busy += 1;
  self.set(leafOwner, (self.get(leafOwner) ?? 0) + 1);
  const seen = new Set<string>();
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
    const owner = ownerOf(byId.get(n)!);
    if (!seen.has(owner)) {
      seen.add(owner);
      inclusive.set(owner, (inclusive.get(owner) ?? 0) + 1);
    }
  }
}
const pct = (x: number) => `${((100 * x) / busy).toFixed(1)}%`;
const rows = [...inclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
console.log(`${busy} busy samples`);
console.log('owner'.padEnd(40), 'inclusive', 'self');
for (const [owner, n] of rows)
  console.log(owner.padEnd(40), pct(n).padStart(9), pct(self.get(owner) ?? 0).padStart(6));

const selfByFunction = new Map<string, number>();
for (const id of profile.samples) {
  const { functionName, url } = byId.get(id)!.callFrame;
  if (functionName === '(idle)') continue;
  const key = `${functionName || '(anonymous)'} ${url.replace(/.*node_modules\//, '').replace(/.*\/dist\//, '')}`;
  selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + 1);
}
console.log('\nfunctions by self time');
for (const [key, n] of [...selfByFunction.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40))
  console.log(pct(n).padStart(6), key);
