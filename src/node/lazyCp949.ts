import * as path from 'node:path';
import type { Cp949Decoder } from '../core/notes/encoding';

/**
 * The full CP949 decoder for the extension host, loaded from its own bundle (dist/cp949.js, beside dist/extension.js)
 * the first time a glossary in a legacy Korean encoding turns up: its tables would otherwise be compiled at every
 * activation, for a file that hardly anyone has.
 */
export const lazyCp949: Cp949Decoder = (bytes) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { decodeCp949 } = require(path.join(__dirname, 'cp949.js')) as typeof import('../core/notes/cp949');
  return decodeCp949(bytes);
};
