import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireStartLock } from '../../src/db/start-lock';

let parent: string;
beforeEach(() => (parent = fs.mkdtempSync(path.join(os.tmpdir(), 'virtlens-lock-'))));
afterEach(() => fs.rmSync(parent, { recursive: true, force: true }));

const lockFile = () => path.join(parent, '.pg.starting');

describe('the start lock beside a data folder', () => {
  it('is held by one starter at a time, with its pid, and released', async () => {
    const dataDir = path.join(parent, 'pg');
    const lock = await acquireStartLock(dataDir);
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    await expect(acquireStartLock(dataDir)).rejects.toThrow(
      `Another server is starting on this data folder (${dataDir}, process ${process.pid}); wait for it to be ready and use it, or set VIRTLENS_DATA_DIR to another folder.`,
    );
    await lock.release();
    expect(fs.existsSync(lockFile())).toBe(false);
    await (await acquireStartLock(dataDir)).release();
  });

  it('takes over a lock whose process is gone (a start that crashed)', async () => {
    const dataDir = path.join(parent, 'pg');
    fs.writeFileSync(lockFile(), '2147483646'); // no such process
    const lock = await acquireStartLock(dataDir);
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    await lock.release();
  });
});
