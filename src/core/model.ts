/**
 * The note model every feature reads: what one Markdown note contains, as plain JSON-safe data.
 * Produced by the parser (in worker threads), cached on disk, merged by NoteIndex.
 * Lines are 1-based and inclusive.
 */

export type Topic = 'os' | 'kubernetes' | 'webrtc' | 'web' | 'java' | 'other';
export const TOPICS: readonly Topic[] = ['os', 'kubernetes', 'webrtc', 'web', 'java', 'other'];

export interface Place {
  file: string;
  line: number;
  endLine: number;
}

export interface Day extends Place {
  id: string; // stable within a file: "2025-01-13", "01-13" or "file:<name>"
  title: string;
  /** ISO date when the year is known, "MM-DD" otherwise. */
  date?: string;
}

export interface Section extends Place {
  id: string; // `${file}#L${line}`
  title: string;
  depth: number; // heading depth 1..6
  topic: Topic;
  dayId?: string;
  parentId?: string;
  /** The heading itself is a question (its card carries the answer). */
  question?: boolean;
}

/** How a question was written; one recogniser module per style (src/core/notes/questions/). */
export type QuestionStyle = 'heading' | 'exercise' | 'blockquote' | 'aside' | 'details' | 'qa' | 'list' | 'emphasis' | 'line';
export const QUESTION_STYLE_NAMES: readonly QuestionStyle[] = [
  'heading',
  'exercise',
  'blockquote',
  'aside',
  'details',
  'qa',
  'list',
  'emphasis',
  'line',
];

/** Cards the quiz makes from the notes besides their own questions (src/core/quiz/cardKinds/). */
export type CardKind = 'cloze' | 'reverse' | 'diagram';
export const CARD_KIND_NAMES: readonly CardKind[] = ['cloze', 'reverse', 'diagram'];

export interface Card extends Place {
  /** Identity across edits/renames: normalised question text. */
  key: string;
  question: string;
  /** The answer as Markdown source, sliced from the note. */
  answer: string;
  /** How the question was written; `generated`: a card the quiz made (cloze, reverse, diagram). */
  style: QuestionStyle | 'generated';
  topic: Topic;
  dayId?: string;
  sectionId?: string;
}

/** How a note writes the term (one term recogniser each). */
export type TermSource = 'heading' | 'definition' | 'label' | 'question' | 'sentence' | 'pair' | 'mention' | 'frontmatter';

export interface Term {
  term: string;
  aliases: string[];
  file: string;
  line: number;
  /** The passage that explains the term, as Markdown (short). */
  summary: string;
  topic: Topic;
  source: TermSource;
  /** Higher wins when several notes explain the same term. */
  weight: number;
}

export interface MermaidBlock extends Place {
  id: string; // `${file}#L${line}`
  title: string; // nearest heading
  source: string;
  topic: Topic;
  sectionId?: string;
}

export type ProblemCode =
  | 'empty-file'
  | 'invalid-utf8'
  /** Read in an encoding other than UTF-8 (UTF-16, EUC-KR). */
  | 'encoding'
  | 'bom'
  | 'too-large'
  | 'too-slow'
  | 'too-complex'
  | 'too-deep'
  | 'unclosed-fence'
  | 'unclosed-html'
  | 'unclosed-frontmatter'
  | 'invalid-frontmatter'
  | 'question-without-answer'
  | 'unreadable'
  /** A link that leads out of the workspace and the notes folders: never read. */
  | 'outside-workspace'
  /** A search for notes stopped at its file limit: files past it are left out. */
  | 'too-many-files'
  | 'parse-failed';

export interface Problem {
  file: string;
  line?: number;
  severity: 'info' | 'warning' | 'error';
  code: ProblemCode;
  message: string;
}

/** Where a note comes from: the user's workspace, an extra folder from the settings, or our starter notes. */
export type NoteSource = 'workspace' | 'extra' | 'starter';
export const isUserSource = (source: NoteSource | undefined): boolean => source !== 'starter';

export interface ParsedNote {
  file: string;
  /** Set by whoever loads the note (never cached with the parse); absent means the workspace. */
  source?: NoteSource;
  /** Content hash the parse was made from (cache key). */
  hash: string;
  days: Day[];
  sections: Section[];
  cards: Card[];
  terms: Term[];
  diagrams: MermaidBlock[];
  problems: Problem[];
}
