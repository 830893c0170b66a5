/** Types the quiz feature's entry (index.ts) and its lazily loaded controller share. */
import type { HiddenCard } from '../../core/quiz/cardFlags';
import type { LimitStatus } from '../../core/quiz/limits';
import type { Rng } from '../../core/random';
import type { Clock } from '../../core/quiz/scheduler';
import type { QuizItem } from '../../core/quiz/session';
import type { ProgressView } from '../../shared/quizProtocol';

export interface QuizOptions {
  /** The clock (tests inject one). */
  now?: Clock;
  /** Folder of progress.json (default: the extension's global storage folder). */
  storageDir?: string;
  /** Randomness for the term mode's choices (tests inject a seeded one). */
  rng?: Rng;
}

/** What the test-only command `til.test.quiz.state` returns. */
export interface QuizTestState {
  dueCount: number;
  /** Keys of the due cards, most urgent first (at most 100). */
  dueKeys: string[];
  cardCount: number;
  panelOpen: boolean;
  panelTitle?: string;
  current?: { key: string; kind: QuizItem['kind']; text: string };
  position?: ProgressView;
  progressFile: string;
  practice?: boolean;
  limits?: LimitStatus;
  hidden: HiddenCard[];
}

/** The per-card actions of the quiz panel (and the test command). */
export { CARD_ACTIONS, type CardAction } from '../../shared/quizProtocol';
