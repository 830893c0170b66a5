/**
 * The full CP949 decoder (iconv-lite), for the parse worker and the CLI, which read notes. Kept in its own module
 * so that the extension host's bundle, which reads only glossary files, does not carry its tables.
 */
import iconv from 'iconv-lite';
import type { Cp949Decoder } from './encoding';

export const decodeCp949: Cp949Decoder = (bytes) => iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp949');
