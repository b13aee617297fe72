import { execFile } from 'node:child_process';
import path from 'node:path';
import { createDataSource } from '../../src/db/data-source';
import { ApiKeyService } from '../../src/auth/api-key.service';
import { PROJECT_ROOT } from '../../src/config';
import { createTestDatabase, type TestDatabase } from '../support/database';

const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'keys.js');

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

/** `npm run keys -- …` as the compiled CLI, on this file's database. */
function keys(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: database.url, LOG_LEVEL: 'silent' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('npm run keys', () => {
  it('create prints the key once on stdout; list shows it without the secret; revoke ends it', async () => {
    const created = await keys('create', '--name', 'ingest bot', '--role', 'editor');
    const key = created.stdout.trim();
    expect(key).toMatch(/^vl_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    const prefix = key.slice(0, 11);
    expect(created).toEqual({
      code: 0,
      stdout: `${key}\n`,
      stderr: `Created editor key ${prefix} for "ingest bot"; its secret is shown this once:\n`,
    });

    const ds = createDataSource({ url: database.url, poolSize: 1 });
    await ds.initialize();
    try {
      const service = new ApiKeyService(ds);
      expect(await service.authenticate(`Bearer ${key}`)).toEqual({
        keyId: expect.any(Number) as unknown,
        prefix,
        name: 'ingest bot',
        role: 'editor',
      });

      const listed = await keys('list');
      expect(listed.code).toBe(0);
      expect(listed.stdout).toMatch(
        new RegExp(`^${prefix}  editor  created \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z  active {26}  ingest bot\\n$`),
      );
      expect(listed.stdout).not.toContain(key.slice(12));

      expect(await keys('revoke', prefix)).toEqual({ code: 0, stdout: `Revoked ${prefix}.\n`, stderr: '' });
      expect((await keys('list')).stdout).toMatch(
        new RegExp(`^${prefix}  editor  created \\S+  revoked \\S+Z`),
      );
      await expect(service.authenticate(`Bearer ${key}`)).rejects.toThrow(
        `The API key ${prefix} has been revoked.`,
      );
      expect(await keys('revoke', prefix)).toEqual({
        code: 1,
        stdout: '',
        stderr: `No active key has the prefix ${prefix}.\n`,
      });
    } finally {
      await ds.destroy();
    }
  });

  it.each([
    [['create', '--name', 'x', '--role', 'root'], '--role must be one of reader, editor, admin, got "root".'],
    [['create', '--role', 'admin'], 'create needs --name <who>, the key holder (any text).'],
    [['create', '--name', 'x'], 'create needs --role, one of reader, editor, admin.'],
    [['revoke'], 'revoke needs the key prefix (vl_ and 8 hex digits, as list shows it).'],
    [['delete', 'vl_00000000'], 'Unknown command "delete"; commands: create, list, revoke.'],
    [['list', '--verbose'], "Unknown option '--verbose'. See --help."],
  ])('refuses %j with one line saying what to change, and status 2', async (args, message) => {
    const result = await keys(...args);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: message.endsWith('See --help.')
        ? `virtlens keys: ${message}\n`
        : `virtlens keys: ${message} (virtlens keys --help shows the usage)\n`,
    });
  });

  it('--help prints the usage on standard output, no stack', async () => {
    const result = await keys('--help');
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(
      /^Usage: virtlens keys create --name <who> --role <reader\|editor\|admin>\n/,
    );
  });
});
