import fs from 'node:fs';
import path from 'node:path';

const LOCK_FILE = 'kabinet.lock';

/** Thrown when another live process holds the embedded database folder. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The data folder ${dataDir} is already in use by another Kabinet process (pid ${holderPid}). ` +
        'The embedded database allows one process at a time: stop that process, ' +
        'or run CLI commands while it runs (they are handed to it), ' +
        'or use DATABASE_URL=postgres://… to run several instances.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads the pid of the live process holding the folder, or null. */
export function readLockHolder(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Takes an exclusive, process-lifetime lock on the data folder.
 *
 * PGlite has no lock of its own and two processes opening one folder corrupt it, so we keep a
 * pid file created with O_EXCL. A file left by a dead process is moved aside and taken over;
 * if two processes race for the same stale file, the one that finds it moved a live lock
 * instead puts it back and gives way.
 */
export function lockDataDir(dataDir: string): { release(): void } {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx', mode: 0o600 });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          if (readLockHolderPid(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readLockHolderPid(lockPath);
    // Our own pid counts as held: a second open in this process would corrupt the folder too.
    if (holder !== null && isAlive(holder)) throw new DataDirLockedError(dataDir, holder);
    const aside = `${lockPath}.stale-${process.pid}`;
    try {
      fs.renameSync(lockPath, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // another process took it
      throw error;
    }
    const moved = readLockHolderPid(aside);
    if (moved !== holder && moved !== null && isAlive(moved)) {
      // Between our read and our rename, another process replaced the stale lock with its own.
      fs.renameSync(aside, lockPath);
      throw new DataDirLockedError(dataDir, moved);
    }
    fs.rmSync(aside, { force: true });
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function readLockHolderPid(lockPath: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
