import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, readLockHolder } from './data-dir-lock.js';

describe('the data folder lock', () => {
  let dataDir: string;
  const children: ChildProcess[] = [];
  const lockFile = () => path.join(dataDir, 'kabinet.lock');

  beforeEach(() => {
    dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kabinet-lock-')), 'data');
  });
  afterEach(() => {
    for (const child of children.splice(0)) child.kill();
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  /** A live process other than this one. */
  function startOtherProcess(): number {
    const child = spawn('sleep', ['5'], { stdio: 'ignore' });
    children.push(child);
    if (child.pid === undefined) throw new Error('could not start sleep');
    return child.pid;
  }

  /** The pid of a process that has already exited. */
  async function deadPid(): Promise<number> {
    const child = spawn('true', { stdio: 'ignore' });
    await new Promise((resolve) => child.once('exit', resolve));
    if (child.pid === undefined) throw new Error('could not start true');
    return child.pid;
  }

  it('creates the folder, writes our pid and removes the file on release', () => {
    const lock = lockDataDir(dataDir);
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(readLockHolder(dataDir)).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lockFile())).toBe(false);
    expect(readLockHolder(dataDir)).toBeNull();
    lock.release();
  });

  it('refuses a folder held by another live process, naming it and the way out', () => {
    const holder = startOtherProcess();
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(lockFile(), String(holder));

    expect(readLockHolder(dataDir)).toBe(holder);
    let thrown: unknown;
    try {
      lockDataDir(dataDir);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DataDirLockedError);
    const error = thrown as DataDirLockedError;
    expect(error.holderPid).toBe(holder);
    expect(error.dataDir).toBe(dataDir);
    expect(error.message).toContain(`pid ${holder}`);
    expect(error.message).toContain(dataDir);
    expect(error.message).toContain('DATABASE_URL');
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(String(holder));
  });

  it('takes over a lock left by a process that died', async () => {
    const pid = await deadPid();
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(lockFile(), String(pid));
    expect(readLockHolder(dataDir)).toBeNull();

    const lock = lockDataDir(dataDir);
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('takes over a lock file with garbage in it', () => {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(lockFile(), 'not a pid');
    expect(readLockHolder(dataDir)).toBeNull();
    lockDataDir(dataDir).release();
  });

  it('does not remove a lock that another process took over after ours', () => {
    const lock = lockDataDir(dataDir);
    const other = startOtherProcess();
    fs.writeFileSync(lockFile(), String(other));
    lock.release();
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(String(other));
  });

  it('refuses a second lock taken in the same process', () => {
    const lock = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
    lock.release();
  });

  it('gives exactly one of many racing processes a stale lock', async () => {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(lockFile(), String(await deadPid()));
    const script = `
      import('${path.resolve('src/server/infra/data-dir-lock.ts')}').then((m) => {
        try { m.lockDataDir(process.argv[1]); console.log('locked'); setTimeout(() => {}, 1500); }
        catch (e) { console.log(e.name); }
      });`;
    const racers = Array.from({ length: 6 }, () =>
      spawn(process.execPath, ['--import', 'tsx', '-e', script, dataDir], {
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    );
    const outputs = await Promise.all(
      racers.map(
        (child) =>
          new Promise<string>((resolve) => {
            let out = '';
            child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
            child.once('exit', () => {
              resolve(out.trim());
            });
          }),
      ),
    );
    expect(outputs.filter((out) => out === 'locked')).toHaveLength(1);
    expect(outputs.filter((out) => out === 'DataDirLockedError')).toHaveLength(5);
  }, 30_000);
});
