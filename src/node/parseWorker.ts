// Worker thread: parses notes off the extension host's thread.
import { parentPort } from 'node:worker_threads';
import { parseNote } from '../core/notes/parseNote';
import { parseGlossary } from '../core/index/glossary';
import type { PoolRequest, PoolResponse, WorkerTiming } from './poolProtocol';
import { lowerThreadPriority } from './threadPriority';

/** This thread's CPU time in ms, where Node can tell (process.threadCpuUsage, Node 22.x/23.9+). */
const threadCpuMs = (): number | undefined => {
  const usage = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage?.();
  return usage ? (usage.user + usage.system) / 1000 : undefined;
};

// Here the modules above are loaded. Date.now(): the pool compares it with when it spawned this worker.
let started: Pick<WorkerTiming, 'loadedAt' | 'startCpuMs'> | undefined = { loadedAt: Date.now(), startCpuMs: threadCpuMs() };

parentPort?.on('message', (request: PoolRequest) => {
  // Only for bulk work: a thread cannot raise its priority again, so a worker stays at the host's until the first one.
  if (request.background) lowerThreadPriority();
  let response: PoolResponse;
  const at = performance.now();
  const cpuAt = threadCpuMs();
  try {
    response =
      request.kind === 'note'
        ? { id: request.id, kind: 'note', note: parseNote(request.file, request.bytes, { hash: request.hash, maxBytes: request.maxBytes }) }
        : { id: request.id, kind: 'glossary', glossary: parseGlossary(request.file, request.text, request.origin) };
  } catch (error) {
    response = { id: request.id, kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  const cpu = threadCpuMs();
  response.timing = {
    workMs: performance.now() - at,
    workCpuMs: cpu === undefined || cpuAt === undefined ? undefined : cpu - cpuAt,
    ...started,
  };
  started = undefined;
  parentPort!.postMessage(response);
});
