import { promises as fs } from 'node:fs';
import path from 'node:path';
import { StartupError } from '../errors';

/**
 * The lock a server holds while it creates and starts the embedded PostgreSQL on a data folder: a file beside
 * the folder (initdb needs the folder itself empty), created atomically (`wx`) and holding the owner's pid.
 * Without it, two servers started at once on an empty folder both ran initdb and the loser failed with whatever
 * initdb or PostgreSQL happened to say. A lock whose process is gone (a crash mid-start) is taken over. Once
 * PostgreSQL runs, its own `postmaster.pid` guards the folder and this lock is released.
 */
export async function acquireStartLock(dataDir: string): Promise<{ release(): Promise<void> }> {
  const file = path.join(path.dirname(dataDir), `.${path.basename(dataDir)}.starting`);
  await fs.mkdir(path.dirname(dataDir), { recursive: true }).catch(() => undefined);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(file, String(process.pid), { flag: 'wx' });
      return { release: () => fs.rm(file, { force: true }) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A parent folder we may not write (or create): no lock; the folder's own check says what to change.
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOENT')
        return { release: () => Promise.resolve() };
      if (code !== 'EEXIST') throw error;
    }
    const owner = Number((await fs.readFile(file, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
      throw new StartupError(
        `Another server is starting on this data folder (${dataDir}, process ${owner}); wait for it to be ready and use it, or set VIRTLENS_DATA_DIR to another folder.`,
      );
    }
    await fs.rm(file, { force: true }); // its owner is gone: take the lock over
  }
  throw new StartupError(
    `Could not take the start lock beside the data folder ${dataDir}; remove ${file} if no server is starting.`,
  );
}

/** True while a process with this pid exists (EPERM: alive, owned by another user, e.g. the postgres user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
