// Worker thread: parses notes off the extension host's thread and stores each parse in the cache.
import { parentPort, workerData } from 'node:worker_threads';
import { parseNote } from '../core/notes/parseNote';
import { parseGlossary } from '../core/index/glossary';
import { ParseCache } from './parseCache';
import type { PoolRequest, PoolResponse, PoolWorkerOptions } from './poolProtocol';

const options = (workerData ?? {}) as PoolWorkerOptions;
const cache = options.cacheDir ? new ParseCache(options.cacheDir) : undefined;

parentPort?.on('message', (request: PoolRequest) => {
  let response: PoolResponse;
  try {
    if (request.kind === 'note') {
      const note = parseNote(request.file, request.bytes, { hash: request.hash, maxBytes: request.maxBytes });
      response = { id: request.id, kind: 'note', note };
      parentPort!.postMessage(response);
      void cache?.set(note);
      return;
    }
    response = { id: request.id, kind: 'glossary', glossary: parseGlossary(request.file, request.text) };
  } catch (error) {
    response = { id: request.id, kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(response);
});
