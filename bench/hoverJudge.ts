// The judged hover set: fixture code in the style of real projects, every identifier position labelled with the
// concept a learner should see there or "none". Shared by `npm run bench:hovers` and the unit test.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { NoteIndex, TermMatch } from '../src/core/index/noteIndex';
import type { DocumentContext } from '../src/core/index/context/documentContext';
import { languageOfFile } from '../src/core/index/context/languageOf';
import { termKey } from '../src/core/text';

export interface JudgedGroup {
  name: string;
  /** Ordinary application code: should hardly ever get a hover. */
  ordinary: boolean;
  files: string[];
  /** identifier → expected term(s) or "none"; `identifier@file:line` for one position. */
  expect: Record<string, string | string[]>;
}

export interface MustHaveConcept {
  name: string;
  term: string;
  /** The identifier that must be explained by it (any labelled one when absent). */
  word?: string;
}

export interface JudgedSet {
  dir: string;
  groups: JudgedGroup[];
  concepts: MustHaveConcept[];
}

export interface Score {
  identifiers: number;
  hovered: number;
  right: number;
  /** Positions labelled with a concept, and how many of those got it. */
  labelled: number;
  found: number;
}

export interface GroupResult {
  group: JudgedGroup;
  withContext: Score;
  baseline: Score;
  wrong: string[];
  missed: string[];
}

export interface Judgement {
  groups: GroupResult[];
  concepts: Array<MustHaveConcept & { explained: boolean }>;
}

export function loadJudgedSet(dir: string): JudgedSet {
  const data = parseYaml(fs.readFileSync(path.join(dir, 'judged.yaml'), 'utf8')) as { groups: JudgedGroup[]; concepts: MustHaveConcept[] };
  return { dir, groups: data.groups.map((g) => ({ ...g, ordinary: !!g.ordinary, expect: g.expect ?? {} })), concepts: data.concepts ?? [] };
}

const IDENTIFIER = /[A-Za-z_$][\w$]*/g;
const YAML_PAIR = /^\s*(?:-\s+)?([A-Za-z_][\w.-]*)\s*:\s+["']?([A-Za-z_][\w-]*)/;

/** Hover every identifier of every fixture with and without the context rules, and judge each hover. */
export function judge(index: NoteIndex, set: JudgedSet): Judgement {
  const groups: GroupResult[] = [];
  const rightWords = new Map<string, Set<string>>(); // expected term key → identifiers explained with it
  for (const group of set.groups) {
    const result: GroupResult = { group, withContext: emptyScore(), baseline: emptyScore(), wrong: [], missed: [] };
    for (const file of group.files) {
      const text = fs.readFileSync(path.join(set.dir, file), 'utf8');
      const context: DocumentContext = index.documentContext(languageOfFile(file), text);
      const lines = text.split(/\r?\n/);
      lines.forEach((line, i) => {
        for (const m of line.matchAll(IDENTIFIER)) {
          const word = m[0];
          const expected = expectedAt(group, file, i + 1, word, line, m.index!);
          const hover = index.matchAt(line, m.index!, context, i);
          const base = index.matchAt(line, m.index!);
          tally(result.withContext, expected, hover);
          tally(result.baseline, expected, base);
          const where = `${file}:${i + 1} ${word}`;
          if (hover && !isRight(expected, hover))
            result.wrong.push(`${where} → ${hover.term}${expected.length ? ` (expected ${expected.join(' | ')})` : ''}`);
          if (expected.length && !isRight(expected, hover)) result.missed.push(`${where} (expected ${expected.join(' | ')})`);
          if (hover && isRight(expected, hover)) {
            for (const e of expected) {
              const key = termKey(e);
              if (!rightWords.has(key)) rightWords.set(key, new Set());
              rightWords.get(key)!.add(word);
            }
          }
        }
      });
    }
    groups.push(result);
  }
  const concepts = set.concepts.map((c) => {
    const words = rightWords.get(termKey(c.term));
    return { ...c, explained: !!words && (!c.word || words.has(c.word)) };
  });
  return { groups, concepts };
}

function expectedAt(group: JudgedGroup, file: string, line: number, word: string, lineText: string, column: number): string[] {
  if (/^\s*#\s*include\b/.test(lineText)) return []; // a header's file name names no concept
  const base = path.basename(file);
  const label =
    own(group.expect, `${word}@${base}:${line}`) ?? own(group.expect, word) ?? inheritedFromValue(group, word, lineText, column);
  const list = label === undefined ? [] : Array.isArray(label) ? label : [label];
  return list.filter((l) => l !== 'none');
}

// A YAML key shares its value's label when the glossary pairs them (`kind: StatefulSet` hovered on `kind`).
function inheritedFromValue(group: JudgedGroup, word: string, lineText: string, column: number): string | string[] | undefined {
  const m = lineText.match(YAML_PAIR);
  if (!m || m[1] !== word || lineText.indexOf(word) !== column || word === m[2]) return undefined;
  return own(group.expect, m[2]);
}

// Identifiers like `constructor` must not find Object.prototype.
function own(labels: Record<string, string | string[]>, key: string): string | string[] | undefined {
  return Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : undefined;
}

function isRight(expected: string[], hover: TermMatch | undefined): boolean {
  if (!hover || !expected.length) return false;
  const names = new Set([hover.key, termKey(hover.term), ...hover.allAliases.map(termKey), ...hover.aliases.map(termKey)]);
  return expected.some((e) => names.has(termKey(e)));
}

function tally(score: Score, expected: string[], hover: TermMatch | undefined): void {
  score.identifiers++;
  if (expected.length) score.labelled++;
  if (!hover) return;
  score.hovered++;
  if (isRight(expected, hover)) {
    score.right++;
    score.found++;
  }
}

function emptyScore(): Score {
  return { identifiers: 0, hovered: 0, right: 0, labelled: 0, found: 0 };
}

export const precision = (s: Score) => (s.hovered ? s.right / s.hovered : 1);
export const hoveredShare = (s: Score) => (s.identifiers ? s.hovered / s.identifiers : 0);
export const recall = (s: Score) => (s.labelled ? s.found / s.labelled : 1);
