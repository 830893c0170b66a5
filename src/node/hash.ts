import { crypto } from './lazyCrypto';
import { PARSER_VERSION } from '../core/notes/version';

/** Cache key of a note's content; includes the parser version so a new parser never reads old parses. */
export function contentHash(bytes: Uint8Array): string {
  return crypto().createHash('sha1').update(`v${PARSER_VERSION}\0`).update(bytes).digest('hex');
}
