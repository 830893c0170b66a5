import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import type { ParsedNote, Problem } from '../model';
import { decodeNote, normaliseText } from './decode';
import { decodeCp949 } from './cp949';
import { guardMarkdown } from './guard';
import { readFrontMatter, type FrontMatter } from './frontmatter';
import { walkStructure } from './structure';
import { extractTerms } from './terms/index';
import { extractDiagrams } from './diagrams';
import { findUnclosedConstructs } from './lint';
import { collectNodes } from './collect';
import { DEFAULT_MAX_NOTE_BYTES, tooLargeProblem } from './sizeLimit';

export { PARSER_VERSION } from './version';
export { DEFAULT_MAX_NOTE_BYTES };

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

export interface ParseOptions {
  hash?: string;
  maxBytes?: number;
}

function emptyNote(file: string, hash: string, problems: Problem[]): ParsedNote {
  return { file, hash, days: [], sections: [], cards: [], terms: [], diagrams: [], problems };
}

/** Parse one note. Never throws: anything it cannot make sense of becomes a Problem. */
export function parseNote(file: string, input: string | Uint8Array, options: ParseOptions = {}): ParsedNote {
  const hash = options.hash ?? '';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_NOTE_BYTES;
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxBytes) {
    return emptyNote(file, hash, [tooLargeProblem(file, size, maxBytes)]);
  }
  const decoded = typeof input === 'string' ? { text: normaliseText(input), problems: [] } : decodeNote(file, input, decodeCp949);
  const problems = decoded.problems;
  if (decoded.text.trim() === '') {
    problems.push({ file, severity: 'info', code: 'empty-file', message: 'The note is empty.' });
    return emptyNote(file, hash, problems);
  }
  try {
    const text = guardMarkdown(file, decoded.text, problems);
    const root = processor.parse(text) as Root;
    const frontMatter = frontMatterOf(file, root, text, problems);
    const nodes = collectNodes(root);
    problems.push(...findUnclosedConstructs(file, root, nodes.code, text));
    const structure = walkStructure(file, root, text, frontMatter, problems);
    const terms = extractTerms(file, nodes, text, structure.sections, frontMatter, structure.cards);
    const diagrams = extractDiagrams(file, nodes.code, structure.sections);
    return { file, hash, ...structure, terms, diagrams, problems };
  } catch (error) {
    problems.push({
      file, severity: 'error', code: 'parse-failed',
      message: `The note could not be parsed: ${error instanceof Error ? error.message : String(error)}`,
    });
    return emptyNote(file, hash, problems);
  }
}

function frontMatterOf(file: string, root: Root, text: string, problems: Problem[]): FrontMatter {
  const first = root.children[0];
  if (first?.type === 'yaml') return readFrontMatter(file, first.value, 1, problems);
  return { aliases: new Map() };
}
