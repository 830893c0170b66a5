/** The file operations of the progress store, as an interface so tests can make single steps fail. */
import * as fsp from 'node:fs/promises';

/** File operations the store uses; tests replace some to simulate failures. */
export interface StoreIO {
  /** The file's text, or undefined when it does not exist. */
  readFile(file: string): Promise<string | undefined>;
  /** Writes and fsyncs a file (the temp file of an atomic write). */
  writeDurable(file: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  mkdir(dir: string): Promise<void>;
  exists(file: string): Promise<boolean>;
  /** Best effort: make a rename durable (no-op where directories cannot be fsynced). */
  syncDir(dir: string): Promise<void>;
  /** Creates a file that must not exist yet (fails with EEXIST): the lock. */
  createExclusive(file: string, data: string): Promise<void>;
  /** Milliseconds since the file was last modified, or undefined when it does not exist. */
  ageMs(file: string): Promise<number | undefined>;
  /** Names in a folder ([] when it does not exist). */
  list(dir: string): Promise<string[]>;
}

export const nodeIO: StoreIO = {
  async readFile(file) {
    try {
      return await fsp.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  },
  async writeDurable(file, data) {
    const handle = await fsp.open(file, 'w');
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fsp.rename(from, to),
  copyFile: (from, to) => fsp.copyFile(from, to),
  unlink: (file) => fsp.unlink(file),
  mkdir: async (dir) => {
    await fsp.mkdir(dir, { recursive: true });
  },
  exists: async (file) => {
    try {
      await fsp.access(file);
      return true;
    } catch {
      return false;
    }
  },
  async createExclusive(file, data) {
    await fsp.writeFile(file, data, { flag: 'wx' });
  },
  async ageMs(file) {
    try {
      return Date.now() - (await fsp.stat(file)).mtimeMs;
    } catch {
      return undefined;
    }
  },
  async list(dir) {
    try {
      return await fsp.readdir(dir);
    } catch {
      return [];
    }
  },
  async syncDir(dir) {
    if (process.platform === 'win32') return;
    let handle: fsp.FileHandle | undefined;
    try {
      handle = await fsp.open(dir, 'r');
      await handle.sync();
    } catch {
      // some file systems refuse; the rename is still atomic
    } finally {
      await handle?.close().catch(() => undefined);
    }
  },
};
