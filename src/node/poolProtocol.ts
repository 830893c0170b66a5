import type { ParsedNote } from '../core/model';
import type { Glossary, GlossaryOrigin } from '../core/index/glossary';

/** Messages between the parse pool (extension host / CLI thread) and its worker threads. */
export type PoolRequest =
  | { id: number; kind: 'note'; file: string; bytes: Uint8Array; hash: string; maxBytes?: number }
  | { id: number; kind: 'glossary'; file: string; text: string; origin?: GlossaryOrigin };

export type PoolResponse =
  | { id: number; kind: 'note'; note: ParsedNote }
  | { id: number; kind: 'glossary'; glossary: Glossary }
  | { id: number; kind: 'error'; message: string };
