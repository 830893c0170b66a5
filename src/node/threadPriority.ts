import * as os from 'node:os';

/** Nice value of a parse worker's thread: background work, below the extension host's thread (0). */
export const BACKGROUND_NICE = 10;

/**
 * Lowers the calling thread's CPU priority, where that is the thread's own: on Linux a thread has its own nice
 * value, so a parse worker that calls this gives way to the extension host's thread whenever both want a core,
 * and on a machine with fewer cores than workers the host's event loop no longer waits behind a parse.
 * Elsewhere (macOS, Windows) the priority is the whole process's, the extension host's too, so nothing changes.
 * Returns whether the priority was lowered.
 */
export function lowerThreadPriority(nice = BACKGROUND_NICE): boolean {
  if (process.platform !== 'linux') return false;
  try {
    if (os.getPriority() >= nice) return false;
    os.setPriority(nice);
    return true;
  } catch {
    return false; // a sandbox that forbids it: the worker runs at the host's priority, as before
  }
}
