// Worker thread: parses notes off the extension host's thread.
import { parentPort } from 'node:worker_threads';
import { parseNote } from '../core/notes/parseNote';
import { parseGlossary } from '../core/index/glossary';
import type { PoolRequest, PoolResponse } from './poolProtocol';
import { lowerThreadPriority } from './threadPriority';

lowerThreadPriority();

parentPort?.on('message', (request: PoolRequest) => {
  let response: PoolResponse;
  try {
    response =
      request.kind === 'note'
        ? { id: request.id, kind: 'note', note: parseNote(request.file, request.bytes, { hash: request.hash, maxBytes: request.maxBytes }) }
        : { id: request.id, kind: 'glossary', glossary: parseGlossary(request.file, request.text, request.origin) };
  } catch (error) {
    response = { id: request.id, kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(response);
});
