import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/config';

/** The package's one bin, compiled (rebuilt by the global set-up), run as `npx virtlens` runs it. */
const BIN = path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'virtlens.js');

async function virtlens(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env['PATH'] ?? '' },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('virtlens (the bin)', () => {
  it('is the package.json bin, and the npm scripts are aliases that do not compile first', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
      scripts: Record<string, string>;
    };
    expect(pkg.bin).toEqual({ virtlens: 'dist/src/cli/virtlens.js' });
    expect(fs.readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    for (const command of ['report', 'keys', 'simulate'])
      expect(pkg.scripts[command]).toBe(`node dist/src/cli/virtlens.js ${command}`);
  });

  it('--help lists the commands', async () => {
    const { code, stdout, stderr } = await virtlens('--help');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^Usage: virtlens <command>/);
    for (const command of ['report', 'keys', 'simulate'])
      expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it.each(['report', 'keys', 'simulate'])('%s --help prints its usage, status 0', async (command) => {
    const { code, stdout, stderr } = await virtlens(command, '--help');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(new RegExp(`^Usage: virtlens ${command} `));
  });

  it('an unknown command is one line naming the commands, status 2', async () => {
    expect(await virtlens('reprot')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'virtlens: Unknown command "reprot"; commands: report, keys, simulate (virtlens --help).\n',
    });
  });

  it('simulate without --rows says so in one line, status 2', async () => {
    expect(await virtlens('simulate', '--seed', '3')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'virtlens simulate: --rows is required. (virtlens simulate --help shows the usage)\n',
    });
  });
});
